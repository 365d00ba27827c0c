package dev.handoff.app.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** Runs the service on {@link FakeProvider}, so that API behaviour is tested on its own. */
public class FakeProviderProfile implements QuarkusTestProfile {
  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(FakeProvider.class);
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("handoff.sweep.interval", "1h");
  }
}
