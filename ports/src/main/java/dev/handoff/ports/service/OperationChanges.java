package dev.handoff.ports.service;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.ConcurrentUpdateException;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import java.util.function.UnaryOperator;

/**
 * Changes stored operations by compare-and-set on their version, retrying on a concurrent change,
 * and publishes every stored change on the bus.
 */
final class OperationChanges {
  private static final int MAX_CHANGE_ATTEMPTS = 64;

  /**
   * The result of a change.
   *
   * @param operation the operation as it stands after the change (or unchanged)
   * @param changed whether a change was stored
   */
  record Changed(Operation operation, boolean changed) {}

  private final OperationStore store;
  private final OperationChangeBus bus;

  OperationChanges(OperationStore store, OperationChangeBus bus) {
    this.store = store;
    this.bus = bus;
  }

  /**
   * @param id the operation
   * @param transition the change, applied to the operation as stored; returning its argument means
   *     no change
   * @return the result
   * @throws OperationNotFoundException when there is no such operation
   * @throws ConcurrentUpdateException when other changes kept winning the compare-and-set
   */
  Changed change(OperationId id, UnaryOperator<Operation> transition) {
    return change(id, null, transition);
  }

  /**
   * As {@link #change(OperationId, UnaryOperator)}, first trying the change on the operation as the
   * caller last knew it, which saves a read when nothing changed it since (the submission of a
   * command, whose callbacks mostly come after its answer). When something did, the compare-and-set
   * fails and the change is retried on the operation as stored.
   *
   * @param known the operation as the caller last knew it
   * @param transition the change
   * @return the result
   * @throws OperationNotFoundException when there is no such operation
   * @throws ConcurrentUpdateException when other changes kept winning the compare-and-set
   */
  Changed change(Operation known, UnaryOperator<Operation> transition) {
    return change(known.id(), known, transition);
  }

  private Changed change(OperationId id, Operation known, UnaryOperator<Operation> transition) {
    if (known != null) {
      Operation next = transition.apply(known);
      // No change to what may be an older version says nothing of the stored one: read it.
      if (next != known && store.update(next)) {
        bus.publish(next);
        return new Changed(next, true);
      }
    }
    for (int attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
      Operation current = store.find(id).orElseThrow(() -> new OperationNotFoundException(id));
      Operation next = transition.apply(current);
      if (next == current) {
        return new Changed(current, false);
      }
      if (store.update(next)) {
        bus.publish(next);
        return new Changed(next, true);
      }
    }
    throw new ConcurrentUpdateException("operation " + id, MAX_CHANGE_ATTEMPTS);
  }
}
