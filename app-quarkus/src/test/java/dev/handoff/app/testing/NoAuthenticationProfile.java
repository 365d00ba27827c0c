package dev.handoff.app.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** API authentication off, as the demo profile runs the service. */
public class NoAuthenticationProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("handoff.api.auth", "none");
  }
}
