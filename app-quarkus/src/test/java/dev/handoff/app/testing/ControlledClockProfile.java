package dev.handoff.app.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** Runs the service on {@link TestClock}, so that tests can let tokens and deadlines expire. */
public class ControlledClockProfile implements QuarkusTestProfile {
  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(TestClock.class);
  }
}
