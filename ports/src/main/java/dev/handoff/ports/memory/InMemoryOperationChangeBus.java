package dev.handoff.ports.memory;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.out.OperationChangeBus;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An {@link OperationChangeBus} within one process: delivers each change synchronously, on the
 * publishing thread, to the listeners registered at that moment. A failing listener is logged and
 * does not stop delivery to the others.
 */
public final class InMemoryOperationChangeBus implements OperationChangeBus {
  private static final Logger LOG = Logger.getLogger(InMemoryOperationChangeBus.class.getName());

  /** Wraps each registration so that the same listener registered twice is two registrations. */
  private static final class Registration {
    private final Consumer<Operation> listener;

    Registration(Consumer<Operation> listener) {
      this.listener = listener;
    }
  }

  private final ConcurrentHashMap<OperationId, List<Registration>> byOperation =
      new ConcurrentHashMap<>();
  private final List<Registration> everything = new CopyOnWriteArrayList<>();

  @Override
  public void publish(Operation operation) {
    deliver(byOperation.getOrDefault(operation.id(), List.of()), operation);
    deliver(everything, operation);
  }

  private static void deliver(List<Registration> registrations, Operation operation) {
    for (Registration registration : registrations) {
      try {
        registration.listener.accept(operation);
      } catch (RuntimeException failure) {
        LOG.log(
            Level.WARNING, "A listener failed on a change of operation " + operation.id(), failure);
      }
    }
  }

  @Override
  public Subscription subscribe(OperationId id, Consumer<Operation> listener) {
    Registration registration = new Registration(listener);
    byOperation.compute(
        id,
        (key, registrations) -> {
          List<Registration> list =
              registrations == null ? new CopyOnWriteArrayList<>() : registrations;
          list.add(registration);
          return list;
        });
    return () ->
        byOperation.computeIfPresent(
            id,
            (key, registrations) -> {
              registrations.remove(registration);
              return registrations.isEmpty() ? null : registrations;
            });
  }

  @Override
  public Subscription subscribeAll(Consumer<Operation> listener) {
    Registration registration = new Registration(listener);
    everything.add(registration);
    return () -> everything.remove(registration);
  }
}
