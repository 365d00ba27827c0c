package dev.handoff.ports.in;

import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;

/** Follow one operation until it reaches a final state. */
public interface SubscribeToOperationChangesUseCase {
  /**
   * Delivers the operation as it stands, then each change, in version order, until a final state
   * (then {@link OperationListener#onEnd()}) or until the subscription is closed.
   *
   * @param id the operation
   * @param listener the listener
   * @return the subscription
   * @throws OperationNotFoundException when there is no such operation
   */
  Subscription subscribe(OperationId id, OperationListener listener);
}
