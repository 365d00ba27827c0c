package dev.handoff.adapter.acs.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter: before retry {@code n} (1 for the first retry) the delay is
 * {@code min(baseDelay * 2^(n-1), maxDelay)}, scaled by a random factor in {@code [1 - jitter, 1 +
 * jitter]}.
 *
 * @param baseDelay the delay before the first retry
 * @param maxDelay the longest delay
 * @param jitter the spread, 0 (none) to 1
 */
public record Backoff(Duration baseDelay, Duration maxDelay, double jitter) {
  /** The longest delay a backoff may have. */
  public static final Duration LONGEST = Duration.ofHours(1);

  /** Validates the parts. */
  public Backoff {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("baseDelay: must not be negative, got " + baseDelay);
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay: must be at least baseDelay " + baseDelay + ", got " + maxDelay);
    }
    if (maxDelay.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "maxDelay: must be at most " + LONGEST + ", got " + maxDelay);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter: must be between 0 and 1, got " + jitter);
    }
  }

  /**
   * @param retry the retry number, 1 for the first retry
   * @param random a random number in {@code [0, 1)}
   * @return the delay before that retry
   */
  public Duration delayBefore(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry: must be at least 1, got " + retry);
    }
    double exponential = baseDelay.toNanos() * Math.pow(2, retry - 1);
    double capped = Math.min(exponential, maxDelay.toNanos());
    double factor = 1 + jitter * (2 * random - 1);
    return Duration.ofNanos(Math.round(capped * factor));
  }
}
