package dev.handoff.ports.service;

import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.out.ProviderStateQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives operations whose final word did not come to a definite state.
 *
 * <p>Without a {@link ProviderStateQuery}, an active operation past its deadline becomes UNKNOWN.
 * With one, the provider is consulted first, and its verdict recorded on the timeline as a
 * reconciliation: completed or failed settles the operation; still under way, or a provider that
 * could not be reached, is asked again later (at most {@link ReconciliationPolicy#maxChecks()}
 * times); what cannot tell the outcome leaves it UNKNOWN, saying why. Operations that became
 * UNKNOWN before their deadline (an ambiguous answer to the submission) are consulted once their
 * deadline has passed, so that they too are settled when the provider knows. An operation still
 * REQUESTED is not asked about: its submission may yet execute. A warm handoff is left alone: its
 * deadline is its saga's next look, and its saga settles it step by step.
 */
final class OutcomeSweep {
  private static final Logger LOG = Logger.getLogger(OutcomeSweep.class.getName());

  /**
   * An operation still REQUESTED is being submitted (its attempts may yet execute), or was
   * interrupted and is the resume sweep's to finish: asking the provider now could read a state the
   * submission is about to change.
   */
  private static final Reconciliation STILL_SENDING =
      new Reconciliation.UnderWay(
          "its submission is still being sent (or was interrupted and is left to the resume"
              + " sweep), so the provider is not asked yet",
          ProviderEvidence.NONE);

  private final OperationStore store;
  private final OperationChanges changes;
  private final Optional<ProviderStateQuery> query;
  private final ReconciliationPolicy policy;
  private final Clock clock;

  OutcomeSweep(
      OperationStore store,
      OperationChanges changes,
      Optional<ProviderStateQuery> query,
      ReconciliationPolicy policy,
      Clock clock) {
    this.store = store;
    this.changes = changes;
    this.query = query;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * @param batch the most operations of each kind handled in one pass
   * @return how many operations changed state (settled, or moved to UNKNOWN)
   */
  int sweep(int batch) {
    Instant now = clock.instant();
    int settled = 0;
    for (Operation overdue : store.findOverdue(now, batch)) {
      if (!HandoffService.drivenBySaga(overdue)) {
        settled += settle(overdue, now);
      }
    }
    if (query.isPresent()) {
      for (Operation unknown : store.findAwaitingReconciliation(now, batch)) {
        if (!HandoffService.drivenBySaga(unknown)) {
          settled += settle(unknown, now);
        }
      }
    }
    return settled;
  }

  private int settle(Operation operation, Instant now) {
    OperationState before = operation.state();
    OperationChanges.Changed changed;
    if (query.isEmpty()) {
      changed = changes.change(operation.id(), current -> current.expireIfOverdue(now));
    } else {
      Reconciliation verdict =
          operation.state() == OperationState.REQUESTED
              ? STILL_SENDING
              : ask(query.get(), operation);
      changed = changes.change(operation.id(), current -> apply(current, verdict, now));
    }
    return changed.changed() && changed.operation().state() != before ? 1 : 0;
  }

  private static Reconciliation ask(ProviderStateQuery query, Operation operation) {
    try {
      Reconciliation verdict = query.reconcile(operation);
      if (verdict == null) {
        throw new IllegalStateException("the provider's state query answered null");
      }
      return verdict;
    } catch (RuntimeException failure) {
      LOG.log(
          Level.WARNING,
          "The provider's state query failed on operation " + operation.id(),
          failure);
      return new Reconciliation.Undetermined(
          "the provider's state query failed unexpectedly: " + failure,
          ProviderEvidence.NONE,
          true);
    }
  }

  private Operation apply(Operation current, Reconciliation verdict, Instant now) {
    if (!due(current, now)) {
      return current;
    }
    if (verdict instanceof Reconciliation.Completed || verdict instanceof Reconciliation.Failed) {
      return current.reconciled(verdict, now);
    }
    boolean mayChange =
        verdict instanceof Reconciliation.UnderWay
            || ((Reconciliation.Undetermined) verdict).askAgain();
    if (mayChange && current.reconciliations() + 1 < policy.maxChecks()) {
      return current.reconciledLater(verdict, now, now.plus(policy.recheckAfter()));
    }
    return current.unresolved(verdict, now);
  }

  /** Still waiting for a word, and its deadline has passed (a late event may have settled it). */
  private static boolean due(Operation operation, Instant now) {
    return !operation.deadline().isAfter(now)
        && (operation.state().isActive() || operation.awaitsReconciliation());
  }
}
