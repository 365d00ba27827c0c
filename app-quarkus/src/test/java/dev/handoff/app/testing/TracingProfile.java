package dev.handoff.app.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Exports spans to {@link InMemorySpans} quickly. */
public class TracingProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.otel.traces.exporter", "cdi",
        "quarkus.otel.bsp.schedule.delay", "PT0.05S");
  }
}
