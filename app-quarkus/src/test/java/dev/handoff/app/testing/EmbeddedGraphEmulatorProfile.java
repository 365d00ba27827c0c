package dev.handoff.app.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service on its embedded emulator playing Microsoft Graph: one setting. */
public class EmbeddedGraphEmulatorProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("handoff.provider", "emulator", "handoff.emulator.provider", "graph");
  }
}
