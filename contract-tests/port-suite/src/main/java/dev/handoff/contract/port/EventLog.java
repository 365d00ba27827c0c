package dev.handoff.contract.port;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a platform's deliveries for a call, parses them and waits for operation updates, for an
 * operation to end as the service would end it from those events, or for a warm handoff's action to
 * end.
 */
final class EventLog {
  /** The states in which an operation is done. ACCEPTED is not one: the operation goes on. */
  static final Set<Progress> FINAL =
      EnumSet.of(Progress.COMPLETED, Progress.FAILED, Progress.CANCELLED);

  private static final Duration POLL = Duration.ofMillis(50);

  private final CallControlTestPlatform platform;

  EventLog(CallControlTestPlatform platform) {
    this.platform = platform;
  }

  /**
   * @return every operation update of that kind on that call delivered so far, in order; every
   *     delivery must parse
   */
  List<OperationUpdate> updates(String callId, OperationKind kind) {
    List<OperationUpdate> updates = new ArrayList<>();
    for (Delivery delivery : platform.deliveries(callId)) {
      for (ProviderEvent event : platform.parse(delivery)) {
        if (event instanceof OperationUpdate) {
          OperationUpdate update = (OperationUpdate) event;
          if (update.callId().equals(callId) && update.scope() == kind) {
            updates.add(update);
          }
        }
      }
    }
    return updates;
  }

  /**
   * Waits for the operation of that kind on that call to reach a final state (COMPLETED, FAILED or
   * CANCELLED).
   *
   * @param subject what is tested, for the failure message
   * @return the first final update
   * @throws AssertionError naming the subject and the updates that did arrive when none is final
   *     within the platform's event timeout
   */
  OperationUpdate awaitFinal(Subject subject, String callId, OperationKind kind) {
    Instant deadline = Instant.now().plus(platform.eventTimeout());
    while (true) {
      List<OperationUpdate> updates = updates(callId, kind);
      for (OperationUpdate update : updates) {
        if (FINAL.contains(update.progress())) {
          return update;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            subject.expecting(
                "the provider's events to bring the "
                    + kind
                    + " on call "
                    + callId
                    + " to a final state (COMPLETED, FAILED or CANCELLED) within "
                    + platform.eventTimeout()
                    + "; the events parsed reported "
                    + describe(updates)
                    + (updates.stream().anyMatch(u -> u.progress() == Progress.ACCEPTED)
                        ? " (ACCEPTED is not done: the operation must go on to a final state)"
                        : "")));
      }
      pause();
    }
  }

  /**
   * Waits until the operation, with every event on its call delivered so far applied as the service
   * applies them (its own updates, and the changes of the call: its end, a roster without the
   * transferee), reaches a final state (COMPLETED, FAILED or CANCELLED; UNKNOWN is not one).
   *
   * @param subject what is tested, for the failure message
   * @param submitted the operation after the provider's synchronous answer
   * @return the operation in its final state
   * @throws AssertionError naming the subject, the state the operation stands in and the updates
   *     that did arrive when none is final within the platform's event timeout
   */
  Operation awaitFinal(Subject subject, Operation submitted) {
    Instant deadline = Instant.now().plus(platform.eventTimeout());
    while (true) {
      Operation folded = fold(submitted);
      if (folded.state().isFinal()) {
        return folded;
      }
      if (Instant.now().isAfter(deadline)) {
        List<OperationUpdate> updates = updates(submitted.callId(), submitted.kind());
        throw new AssertionError(
            subject.expecting(
                "the provider's events to bring the "
                    + submitted.kind()
                    + " on call "
                    + submitted.callId()
                    + " to a final state (COMPLETED, FAILED or CANCELLED) within "
                    + platform.eventTimeout()
                    + ", applied as the service applies them (the operation's own updates and the"
                    + " call's changes); it stands "
                    + folded.state()
                    + ", and the events parsed reported "
                    + describe(updates)
                    + (folded.state() == OperationState.ACCEPTED
                        ? " (ACCEPTED is not done: the operation must go on to a final state)"
                        : "")));
      }
      pause();
    }
  }

  /**
   * Waits for the provider's events to bring a warm handoff's action to a final state (COMPLETED,
   * FAILED or CANCELLED): the first final update of that action on that call whose echoed
   * correlation, where it carries one, is the action's.
   *
   * @param subject what is tested, for the failure message
   * @param callId the call the action acted on
   * @param action the action
   * @param correlation the correlation sent with it
   * @return the first final update
   * @throws AssertionError naming the subject and the updates that did arrive when none is final
   *     within the platform's event timeout
   */
  CallActionUpdate awaitFinal(
      Subject subject, String callId, CallAction action, String correlation) {
    Instant deadline = Instant.now().plus(platform.eventTimeout());
    while (true) {
      List<String> seen = new ArrayList<>();
      for (Delivery delivery : platform.deliveries(callId)) {
        for (ProviderEvent event : platform.parse(delivery)) {
          if (!(event instanceof CallActionUpdate)) {
            continue;
          }
          CallActionUpdate update = (CallActionUpdate) event;
          if (!update.callId().equals(callId)
              || update.action() != action
              || !update.correlation().map(correlation::equals).orElse(true)) {
            continue;
          }
          if (FINAL.contains(update.progress())) {
            return update;
          }
          seen.add(update.progress().toString());
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            subject.expecting(
                "the provider's events to bring the accepted "
                    + action.wireName()
                    + " on call "
                    + callId
                    + " to a final state (COMPLETED, FAILED or CANCELLED) within "
                    + platform.eventTimeout()
                    + "; the events parsed reported "
                    + seen));
      }
      pause();
    }
  }

  private Operation fold(Operation operation) {
    Operation folded = operation;
    for (Delivery delivery : platform.deliveries(operation.callId())) {
      for (ProviderEvent event : platform.parse(delivery)) {
        Instant now = Instant.now();
        if (event instanceof OperationUpdate) {
          OperationUpdate update = (OperationUpdate) event;
          if (update.callId().equals(operation.callId()) && update.scope() == operation.kind()) {
            folded = folded.apply(update, now);
          }
        } else if (event instanceof CallLifecycleEvent) {
          CallLifecycleEvent change = (CallLifecycleEvent) event;
          if (change.callId().equals(operation.callId())) {
            folded = folded.afterCallChange(change, now);
          }
        }
      }
    }
    return folded;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for events", e);
    }
  }

  private static List<String> describe(List<OperationUpdate> updates) {
    List<String> seen = new ArrayList<>();
    for (OperationUpdate update : updates) {
      seen.add(
          update.progress()
              + update.failure().map(failure -> "(" + failure.reason() + ")").orElse(""));
    }
    return seen;
  }
}
