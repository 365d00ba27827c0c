package dev.handoff.ports.in;

import dev.handoff.domain.event.ProviderEvent;
import java.util.List;

/**
 * Record events a provider reported, already normalised and authenticated by an adapter. Repeated
 * deliveries change nothing twice; out-of-order ones never move a state backwards.
 */
public interface RecordProviderEventsUseCase {
  /**
   * @param events the events of one delivery, in delivery order
   * @return what each event did
   */
  EventReport record(List<ProviderEvent> events);
}
