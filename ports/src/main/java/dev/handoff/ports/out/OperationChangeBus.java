package dev.handoff.ports.out;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;
import java.util.function.Consumer;

/**
 * Carries operation changes to whoever follows them: SSE streams, metrics, other service instances.
 * Delivery is at least once and may be out of order; receivers keep the highest version they saw.
 */
public interface OperationChangeBus {

  /**
   * Announces a stored change.
   *
   * @param operation the operation after the change
   */
  void publish(Operation operation);

  /**
   * @param id the operation to follow
   * @param listener receives its changes; must not block
   * @return the subscription
   */
  Subscription subscribe(OperationId id, Consumer<Operation> listener);

  /**
   * @param listener receives every change; must not block
   * @return the subscription
   */
  Subscription subscribeAll(Consumer<Operation> listener);
}
