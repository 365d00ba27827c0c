package dev.handoff.app.callbacks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counts callbacks received and rejected, by provider (and reason). */
@ApplicationScoped
public class CallbackMetrics {
  private final MeterRegistry registry;

  @Inject
  CallbackMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param provider the provider
   * @param events how many events the delivery held
   */
  public void received(String provider, int events) {
    Counter.builder("handoff.callbacks.received")
        .description("Callback deliveries accepted")
        .tag("provider", provider)
        .register(registry)
        .increment();
    Counter.builder("handoff.callbacks.events")
        .description("Provider events received in accepted deliveries")
        .tag("provider", provider)
        .register(registry)
        .increment(events);
  }

  /**
   * @param provider the provider
   * @param reason why, e.g. {@code expired} or {@code malformed}
   */
  public void rejected(String provider, String reason) {
    Counter.builder("handoff.callbacks.rejected")
        .description("Callback deliveries refused")
        .tag("provider", provider)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
