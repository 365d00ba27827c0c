package dev.handoff.ports.client;

import dev.handoff.domain.event.ProviderEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an authentic, well-formed delivery held: provider events to apply, or a handshake whose
 * reply the HTTP server must send back (e.g. Event Grid's subscription validation).
 *
 * @param events the provider events, in the order received; empty for a handshake
 * @param reply the body to answer with, for a handshake
 */
public record CallbackContent(List<ProviderEvent> events, Optional<String> reply) {
  /** Copies the events. */
  public CallbackContent {
    events = List.copyOf(events);
    Objects.requireNonNull(reply, "reply");
  }

  /**
   * @param events the provider events
   * @return content to apply
   */
  public static CallbackContent events(List<ProviderEvent> events) {
    return new CallbackContent(events, Optional.empty());
  }

  /**
   * @param reply the body to answer with
   * @return a handshake
   */
  public static CallbackContent handshake(String reply) {
    return new CallbackContent(List.of(), Optional.of(reply));
  }
}
