package dev.handoff.domain.event;

import dev.handoff.domain.Violations;
import dev.handoff.domain.provider.ProviderId;
import java.time.Instant;

/**
 * What every provider event carries.
 *
 * @param provider the provider that sent it
 * @param eventId the provider's id of the event (or, where it has none, one the adapter derives
 *     from the content), used to recognise repeated deliveries
 * @param type the provider's name of the event, e.g. {@code
 *     Microsoft.Communication.CallTransferAccepted}
 * @param occurredAt when the provider says it happened, or when it was received where the provider
 *     does not say
 */
public record EventMeta(ProviderId provider, String eventId, String type, Instant occurredAt) {
  /** Validates the parts. */
  public EventMeta {
    Violations v = Violations.of("EventMeta");
    v.required("provider", provider);
    v.text("eventId", eventId, 512);
    v.text("type", type, 256);
    v.required("occurredAt", occurredAt);
    v.throwIfAny();
  }
}
