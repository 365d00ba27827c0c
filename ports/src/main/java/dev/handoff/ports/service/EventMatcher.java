package dev.handoff.ports.service;

import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.operation.Operation;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds the operation a provider event is about, among the operations on its call.
 *
 * <p>By the echoed correlation when the provider echoed one; else by invitation id; else the one
 * unfinished operation of the event's kind on the call. When several unfinished operations could
 * match, the event is ambiguous and matches none: guessing could complete the wrong operation.
 */
final class EventMatcher {
  private EventMatcher() {}

  /** Thrown when more than one unfinished operation could match. */
  static final class AmbiguousMatchException extends Exception {
    private static final long serialVersionUID = 1L;

    AmbiguousMatchException(String message) {
      super(message);
    }
  }

  /**
   * @param update the event
   * @param onCall the operations on its call, newest first
   * @return the operation it is about
   * @throws AmbiguousMatchException when several unfinished operations could match
   */
  static Optional<Operation> match(OperationUpdate update, List<Operation> onCall)
      throws AmbiguousMatchException {
    List<Operation> sameKind =
        onCall.stream().filter(o -> o.kind() == update.scope()).collect(Collectors.toList());
    if (update.correlation().isPresent()) {
      String correlation = update.correlation().get();
      return preferUnfinished(sameKind, o -> o.correlation().equals(correlation));
    }
    if (update.invitationId().isPresent()) {
      String invitation = update.invitationId().get();
      return preferUnfinished(
          sameKind, o -> invitationOf(o).filter(invitation::equals).isPresent());
    }
    List<Operation> unfinished =
        sameKind.stream().filter(o -> !o.state().isFinal()).collect(Collectors.toList());
    if (unfinished.size() > 1) {
      throw new AmbiguousMatchException(
          unfinished.size()
              + " unfinished "
              + update.scope()
              + " operations on call "
              + update.callId()
              + " could match and the event names none of them");
    }
    return unfinished.isEmpty() ? sameKind.stream().findFirst() : Optional.of(unfinished.get(0));
  }

  private static Optional<String> invitationOf(Operation operation) {
    if (operation.command() instanceof CancelAddParticipant cancel) {
      return Optional.of(cancel.invitationId());
    }
    return operation.invitationId();
  }

  private static Optional<Operation> preferUnfinished(
      List<Operation> candidates, Predicate<Operation> matches) {
    List<Operation> matching = candidates.stream().filter(matches).collect(Collectors.toList());
    return matching.stream()
        .filter(o -> !o.state().isFinal())
        .findFirst()
        .or(() -> matching.stream().findFirst());
  }
}
