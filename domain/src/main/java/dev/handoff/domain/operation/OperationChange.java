package dev.handoff.domain.operation;

import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an operation in the making: collects what its timeline entry says, then applies the
 * transition rules — a state moves only forward ({@link OperationState#rank()}), UNKNOWN may be
 * left only for a final state, anything after a final state is recorded without moving it — and
 * returns the next version of the operation.
 */
final class OperationChange {
  private final Operation operation;

  private final Instant at;
  private final TimelineEntry.Source source;
  private Optional<String> eventId = Optional.empty();
  private Optional<Instant> providerTime = Optional.empty();
  private Optional<Failure> reported = Optional.empty();
  private ProviderEvidence evidence = ProviderEvidence.NONE;
  private Optional<String> invitation = Optional.empty();
  private Optional<StepEntry> step = Optional.empty();
  private Instant newDeadline;

  OperationChange(Operation operation, Instant at, TimelineEntry.Source source) {
    this.operation = operation;
    this.at = Objects.requireNonNull(at, "at");
    this.source = source;
    this.newDeadline = operation.deadline();
  }

  OperationChange event(String value, Instant occurredAt) {
    eventId = Optional.of(value);
    providerTime = Optional.of(occurredAt);
    return this;
  }

  OperationChange step(StepEntry value) {
    step = Optional.of(value);
    return this;
  }

  Optional<String> eventId() {
    return eventId;
  }

  OperationChange failure(Failure value) {
    reported = Optional.ofNullable(value);
    return this;
  }

  OperationChange evidence(ProviderEvidence value) {
    evidence = value;
    return this;
  }

  OperationChange invitation(Optional<String> value) {
    invitation = value;
    return this;
  }

  OperationChange deadline(Instant value) {
    newDeadline = Objects.requireNonNull(value, "deadline");
    return this;
  }

  /**
   * @param target the state the entry asks for; null for an entry that only informs
   * @param what what happened
   */
  Operation to(OperationState target, String what) {
    Disposition disposition;
    OperationState newState = operation.state();
    Optional<Failure> newFailure = operation.failure();
    if (operation.state().isFinal()) {
      disposition = Disposition.AFTER_TERMINAL;
    } else if (target == null || target == operation.state()) {
      disposition = Disposition.RECORDED;
    } else if (advances(target)) {
      disposition = Disposition.APPLIED;
      newState = target;
      newFailure = carriesFailure(target) ? reported : Optional.empty();
    } else {
      disposition = Disposition.LATE;
    }
    Map<String, String> mergedReferences = new LinkedHashMap<>(operation.references());
    evidence.references().forEach(mergedReferences::putIfAbsent);
    List<TimelineEntry> longer = new ArrayList<>(operation.timeline().size() + 1);
    longer.addAll(operation.timeline());
    longer.add(
        new TimelineEntry(
            at,
            source,
            what,
            newState,
            disposition,
            eventId,
            providerTime,
            reported,
            evidence,
            step));
    return new Operation(
        operation.id(),
        operation.kind(),
        operation.provider(),
        operation.command(),
        operation.idempotencyKey(),
        operation.correlation(),
        operation.submission(),
        newState,
        newFailure,
        operation.invitationId().isPresent() ? operation.invitationId() : invitation,
        mergedReferences,
        longer,
        operation.createdAt(),
        at.isAfter(operation.updatedAt()) ? at : operation.updatedAt(),
        newDeadline,
        operation.version() + 1);
  }

  /** Whether moving to {@code target}, which differs from the current state, goes forward. */
  private boolean advances(OperationState target) {
    if (target == OperationState.UNKNOWN) {
      return true;
    }
    if (operation.state() == OperationState.UNKNOWN) {
      return target.isFinal();
    }
    return target.rank() > operation.state().rank();
  }

  private static boolean carriesFailure(OperationState state) {
    return state == OperationState.FAILED
        || state == OperationState.CANCELLED
        || state == OperationState.UNKNOWN;
  }
}
