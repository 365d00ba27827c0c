package dev.handoff.adapter.acs;

import dev.handoff.adapter.acs.http.Backoff;
import java.time.Duration;

/**
 * How often and how patiently a request is attempted. Attempts are repeated on 408, 429, 5xx
 * (except 501 and 505), I/O errors and timeouts; the delay before a retry is what the service asks
 * for ({@code retry-after-ms}, {@code Retry-After}; 0 means at once), else {@code min(baseDelay *
 * 2^(retry-1), maxDelay)} spread by {@code ±jitter}. The overall deadline ({@link AcsOptions})
 * bounds everything.
 *
 * @param maxAttempts the most attempts, at least 1 (1 disables retries)
 * @param baseDelay the delay before the first retry
 * @param maxDelay the longest delay the backoff chooses
 * @param jitter the random spread of each delay, 0 to 1
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter) {

  /** Validates the policy. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts: must be at least 1, got " + maxAttempts);
    }
    // Backoff's constructor holds the rules for the delays and the jitter.
    new Backoff(baseDelay, maxDelay, jitter);
  }

  /**
   * The default, azure-core's: 4 attempts (3 retries), 800 ms doubling to at most 8 s, with ±20 %
   * jitter so that many clients do not retry in step.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(800), Duration.ofSeconds(8), 0.2);
  }

  /**
   * @return a policy with a single attempt
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
  }

  /**
   * @return the backoff between attempts
   */
  public Backoff backoff() {
    return new Backoff(baseDelay, maxDelay, jitter);
  }
}
