package dev.handoff.ports.in;

import dev.handoff.domain.event.ProviderEvent;
import java.util.List;

/**
 * Record events a provider reported, already normalised and authenticated by an adapter. Repeated
 * deliveries change nothing twice; out-of-order ones never move a state backwards.
 */
public interface RecordProviderEventsUseCase {
  /**
   * Records the events of an unbound delivery.
   *
   * @param events the events of one delivery, in delivery order
   * @return what each event did
   * @throws DeliveryRefusedException when the delivery would change an operation that only a
   *     delivery bound to it may change; nothing was recorded
   */
  default EventReport record(List<ProviderEvent> events) {
    return record(events, Delivery.unbound());
  }

  /**
   * Records the events of one delivery after checking them against what the delivery is bound to:
   * every event of a delivery bound to an operation or a call must be about that call, and every
   * operation update of one bound to an operation must be about that operation. The whole delivery
   * is refused, and nothing of it recorded, when one event breaks the binding.
   *
   * @param events the events of one delivery, in delivery order
   * @param delivery what the delivery is bound to
   * @return what each event did
   * @throws DeliveryRefusedException when an event breaks the binding
   * @throws DeliveryDeferredException when an event may be about a call that the operation the
   *     delivery is bound to is placing, not yet known by its id; nothing was recorded, and the
   *     delivery should be sent again
   */
  EventReport record(List<ProviderEvent> events, Delivery delivery);
}
