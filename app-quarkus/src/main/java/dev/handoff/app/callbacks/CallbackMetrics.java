package dev.handoff.app.callbacks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts callbacks received and rejected, by provider (and reason). */
@ApplicationScoped
public class CallbackMetrics {
  private final MeterRegistry registry;
  // Registering looks a meter up by its tags, which costs more than counting: each meter is looked
  // up once.
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

  @Inject
  CallbackMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param provider the provider
   * @param events how many events the delivery held
   */
  public void received(String provider, int events) {
    counter("handoff.callbacks.received", "Callback deliveries accepted", provider, null)
        .increment();
    counter(
            "handoff.callbacks.events",
            "Provider events received in accepted deliveries",
            provider,
            null)
        .increment(events);
  }

  /**
   * @param provider the provider
   * @param reason why, e.g. {@code expired} or {@code malformed}
   */
  public void rejected(String provider, String reason) {
    counter("handoff.callbacks.rejected", "Callback deliveries refused", provider, reason)
        .increment();
  }

  private Counter counter(String name, String description, String provider, String reason) {
    return counters.computeIfAbsent(
        reason == null ? List.of(name, provider) : List.of(name, provider, reason),
        key -> {
          Counter.Builder builder =
              Counter.builder(name).description(description).tag("provider", provider);
          if (reason != null) {
            builder.tag("reason", reason);
          }
          return builder.register(registry);
        });
  }
}
