package dev.handoff.app.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Gives transfers one second for a final word and sweeps every second. */
public class ShortDeadlineProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("handoff.deadlines.transfer", "PT1S", "handoff.sweep.interval", "1s");
  }
}
