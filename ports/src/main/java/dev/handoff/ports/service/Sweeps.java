package dev.handoff.ports.service;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.Capability;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The periodic passes: overdue operations reconciled with the provider or left UNKNOWN ({@link
 * OutcomeSweep}), and submissions interrupted before the provider's answer was recorded sent once
 * more (when the provider's requests are repeatable) or left UNKNOWN.
 */
final class Sweeps {
  private static final int SWEEP_BATCH = 500;

  private final CallControl provider;
  private final OperationStore store;
  private final Clock clock;
  private final OperationChanges changes;
  private final OutcomeSweep sweep;
  private final CommandSubmissions submissions;

  Sweeps(
      CallControl provider,
      OperationStore store,
      Clock clock,
      OperationChanges changes,
      OutcomeSweep sweep,
      CommandSubmissions submissions) {
    this.provider = provider;
    this.store = store;
    this.clock = clock;
    this.changes = changes;
    this.sweep = sweep;
    this.submissions = submissions;
  }

  int expireOverdue() {
    return sweep.sweep(SWEEP_BATCH);
  }

  int resumeInterrupted(Duration olderThan) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(olderThan);
    boolean repeatable = provider.capabilities().supports(Capability.REPEATABLE_REQUESTS);
    int resumed = 0;
    for (Operation candidate : store.findRequestedBefore(cutoff, SWEEP_BATCH)) {
      if (HandoffService.drivenBySaga(candidate)) {
        continue;
      }
      // Another instance (or an earlier pass) may have taken it since it was read: the change
      // applies only while it is still interrupted, and only the caller whose change was stored
      // sends it, so that it is sent at most once more.
      UnaryOperator<Operation> resume =
          current ->
              !stillInterrupted(current, cutoff)
                  ? current
                  : repeatable
                      ? current.noteResubmission(now)
                      : current.afterSubmit(unsent(current), now);
      OperationChanges.Changed taken = changes.change(candidate.id(), resume);
      if (taken.changed()) {
        if (repeatable) {
          submissions.dispatch(taken.operation());
        }
        resumed++;
      }
    }
    return resumed;
  }

  /**
   * A warm handoff is driven step by step by its own saga (its deadline is the saga's next look,
   * its events are the saga's), never by this service's submission, deadline or lifecycle rules.
   */
  static boolean drivenBySaga(Operation operation) {
    return operation.kind() == OperationKind.WARM_HANDOFF;
  }

  private static boolean stillInterrupted(Operation operation, Instant cutoff) {
    return operation.state() == OperationState.REQUESTED && operation.updatedAt().isBefore(cutoff);
  }

  private static SubmitResult unsent(Operation operation) {
    return new SubmitResult.Indeterminate(
        Failure.of(
            FailureReason.UNKNOWN,
            "the submission was interrupted before the provider's answer was recorded; it is not"
                + " sent again because provider '"
                + operation.provider()
                + "' has no repeatable requests"));
  }
}
