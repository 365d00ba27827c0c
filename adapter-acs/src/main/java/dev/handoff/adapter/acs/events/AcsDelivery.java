package dev.handoff.adapter.acs.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.domain.event.ProviderEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What one delivery to a callback or Event Grid endpoint holds. */
public sealed interface AcsDelivery permits AcsDelivery.Events, AcsDelivery.SubscriptionValidation {

  /**
   * Events, in delivery order; unknown types included as {@link
   * dev.handoff.domain.event.UnrecognizedEvent}.
   *
   * @param events the events
   */
  record Events(List<ProviderEvent> events) implements AcsDelivery {
    /** Copies the list. */
    public Events {
      events = List.copyOf(events);
    }
  }

  /**
   * Event Grid's subscription validation handshake ({@code
   * Microsoft.EventGrid.SubscriptionValidationEvent}): answer 200 with {@link #responseBody()}.
   *
   * @param validationCode the code to echo
   * @param validationUrl the URL to GET instead, for manual validation
   */
  record SubscriptionValidation(String validationCode, Optional<URI> validationUrl)
      implements AcsDelivery {
    /** Validates the parts. */
    public SubscriptionValidation {
      Objects.requireNonNull(validationCode, "validationCode");
      validationUrl = validationUrl == null ? Optional.empty() : validationUrl;
    }

    /**
     * @return the JSON body that completes the handshake, {@code {"validationResponse":"<code>"}}
     */
    public String responseBody() {
      try {
        return AcsJson.mapper().writeValueAsString(Map.of("validationResponse", validationCode));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a one-string map is always JSON", e);
      }
    }
  }
}
