package dev.handoff.adapter.acs.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How the transport attempts a request.
 *
 * @param maxAttempts the most attempts per request, at least 1 (1 means no retries)
 * @param backoff the delays between attempts when the service names none
 * @param attemptTimeout how long one attempt may wait for the answer
 * @param deadline how long all attempts of one request may take together, waits included
 * @param clock the clock for dates and the deadline
 * @param sleeper waits between attempts
 * @param random random numbers in {@code [0, 1)} for the jitter
 */
public record TransportSettings(
    int maxAttempts,
    Backoff backoff,
    Duration attemptTimeout,
    Duration deadline,
    Clock clock,
    Sleeper sleeper,
    DoubleSupplier random) {

  /** Validates the parts. */
  public TransportSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts: must be at least 1, got " + maxAttempts);
    }
    Objects.requireNonNull(backoff, "backoff");
    requirePositive("attemptTimeout", attemptTimeout);
    requirePositive("deadline", deadline);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + ": must be positive, got " + value);
    }
  }
}
