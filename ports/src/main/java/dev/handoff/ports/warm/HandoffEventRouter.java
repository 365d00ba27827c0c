package dev.handoff.ports.warm;

import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.in.RecordProviderEventsUseCase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Records provider events where they belong: the events of a warm handoff's steps go to its saga,
 * every other event to the application service. A change of a call (connected, disconnected,
 * roster) goes to both, since a handoff and other operations may share the call.
 */
public final class HandoffEventRouter implements RecordProviderEventsUseCase {
  private final WarmHandoffSaga saga;
  private final RecordProviderEventsUseCase others;

  /**
   * @param saga the warm handoffs' saga
   * @param others where every other event goes, e.g. {@code HandoffService}
   */
  public HandoffEventRouter(WarmHandoffSaga saga, RecordProviderEventsUseCase others) {
    this.saga = Objects.requireNonNull(saga, "saga");
    this.others = Objects.requireNonNull(others, "others");
  }

  @Override
  public EventReport record(List<ProviderEvent> events) {
    List<EventOutcome> outcomes = new ArrayList<>(events.size());
    for (ProviderEvent event : events) {
      outcomes.add(recordOne(event));
    }
    return new EventReport(outcomes);
  }

  private EventOutcome recordOne(ProviderEvent event) {
    Optional<EventOutcome> handoff = saga.offer(event);
    if (handoff.isEmpty()) {
      return others.record(List.of(event)).outcomes().get(0);
    }
    if (!(event instanceof CallLifecycleEvent)) {
      return handoff.get();
    }
    EventOutcome rest = others.record(List.of(event)).outcomes().get(0);
    Set<OperationId> touched = new LinkedHashSet<>(handoff.get().operations());
    touched.addAll(rest.operations());
    return new EventOutcome(
        event, handoff.get().result(), List.copyOf(touched), handoff.get().detail());
  }
}
