package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listeners of one process, by operation and for everything. Delivers on the calling thread; a
 * failing listener is logged and does not stop delivery to the others. Thread-safe.
 */
final class LocalListeners {
  private static final Logger LOG = Logger.getLogger(LocalListeners.class.getName());

  /** One registration, so that the same listener registered twice is two registrations. */
  private static final class Registration {
    private final Consumer<Operation> listener;

    Registration(Consumer<Operation> listener) {
      this.listener = listener;
    }
  }

  private final ConcurrentHashMap<OperationId, List<Registration>> byOperation =
      new ConcurrentHashMap<>();
  private final List<Registration> everything = new CopyOnWriteArrayList<>();

  Subscription add(OperationId id, Consumer<Operation> listener) {
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

  Subscription addForEverything(Consumer<Operation> listener) {
    Registration registration = new Registration(listener);
    everything.add(registration);
    return () -> everything.remove(registration);
  }

  boolean isEmpty() {
    return everything.isEmpty() && byOperation.isEmpty();
  }

  boolean wantEverything() {
    return !everything.isEmpty();
  }

  boolean want(OperationId id) {
    return !everything.isEmpty() || byOperation.containsKey(id);
  }

  Set<OperationId> followed() {
    return Set.copyOf(byOperation.keySet());
  }

  void deliver(Operation operation) {
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
}
