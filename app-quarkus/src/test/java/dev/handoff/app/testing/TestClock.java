package dev.handoff.app.testing;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move forward. Enabled by {@link ControlledClockProfile}. */
@Alternative
@Singleton
@Unremovable
public class TestClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  /**
   * @param step how far to move
   */
  public synchronized void advance(Duration step) {
    offset = offset.plus(step);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
