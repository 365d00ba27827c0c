package dev.handoff.ports.out;

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
 * The operation listeners of one process, by operation and for everything: the in-process half of
 * any {@link dev.handoff.ports.out.OperationChangeBus}. Delivers on the calling thread; a failing
 * listener is logged and does not stop delivery to the others. Thread-safe.
 */
public final class LocalListeners {
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

  /**
   * @param id the operation to follow
   * @param listener receives its changes
   * @return the registration, closed to stop delivery
   */
  public Subscription add(OperationId id, Consumer<Operation> listener) {
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

  /**
   * @param listener receives every change
   * @return the registration, closed to stop delivery
   */
  public Subscription addForEverything(Consumer<Operation> listener) {
    Registration registration = new Registration(listener);
    everything.add(registration);
    return () -> everything.remove(registration);
  }

  /**
   * @return whether nobody listens
   */
  public boolean isEmpty() {
    return everything.isEmpty() && byOperation.isEmpty();
  }

  /**
   * @return whether someone listens to every change
   */
  public boolean wantEverything() {
    return !everything.isEmpty();
  }

  /**
   * @param id an operation
   * @return whether someone listens to its changes
   */
  public boolean want(OperationId id) {
    return !everything.isEmpty() || byOperation.containsKey(id);
  }

  /**
   * @return the operations someone follows by id
   */
  public Set<OperationId> followed() {
    return Set.copyOf(byOperation.keySet());
  }

  /**
   * Delivers a change to the operation's listeners, then to the listeners of every change.
   *
   * @param operation the operation after the change
   */
  public void deliver(Operation operation) {
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
