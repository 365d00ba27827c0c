package dev.handoff.ports.memory;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.out.LocalListeners;
import dev.handoff.ports.out.OperationChangeBus;
import java.util.function.Consumer;

/**
 * An {@link OperationChangeBus} within one process: delivers each change synchronously, on the
 * publishing thread, to the listeners registered at that moment. A failing listener is logged and
 * does not stop delivery to the others.
 */
public final class InMemoryOperationChangeBus implements OperationChangeBus {
  private final LocalListeners listeners = new LocalListeners();

  @Override
  public void publish(Operation operation) {
    listeners.deliver(operation);
  }

  @Override
  public Subscription subscribe(OperationId id, Consumer<Operation> listener) {
    return listeners.add(id, listener);
  }

  @Override
  public Subscription subscribeAll(Consumer<Operation> listener) {
    return listeners.addForEverything(listener);
  }
}
