package dev.handoff.domain.event;

import dev.handoff.domain.Violations;
import java.util.Optional;

/**
 * An event the adapter does not map: reported so that nothing is silently dropped.
 *
 * @param meta what every event carries
 * @param callId the call it names, when it names one
 * @param raw the event as received
 */
public record UnrecognizedEvent(EventMeta meta, Optional<String> callId, String raw)
    implements ProviderEvent {

  /** Validates the event. */
  public UnrecognizedEvent {
    Violations v = Violations.of("UnrecognizedEvent");
    v.required("meta", meta);
    callId = callId == null ? Optional.empty() : callId;
    v.required("raw", raw);
    v.throwIfAny();
  }
}
