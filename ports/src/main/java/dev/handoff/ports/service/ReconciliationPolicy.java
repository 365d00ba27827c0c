package dev.handoff.ports.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the provider is consulted about an operation whose final word did not come, before it
 * is left UNKNOWN.
 *
 * @param maxChecks how many times the provider's state is consulted at most, at least 1: while it
 *     reports the operation still under way, or cannot be reached, it is asked again after {@code
 *     recheckAfter}
 * @param recheckAfter how long to wait before asking again
 */
public record ReconciliationPolicy(int maxChecks, Duration recheckAfter) {

  /** Validates the parts. */
  public ReconciliationPolicy {
    if (maxChecks < 1) {
      throw new IllegalArgumentException("maxChecks: must be at least 1, was " + maxChecks);
    }
    Objects.requireNonNull(recheckAfter, "recheckAfter");
    if (recheckAfter.isNegative() || recheckAfter.isZero()) {
      throw new IllegalArgumentException("recheckAfter: must be positive, was " + recheckAfter);
    }
  }

  /**
   * @return three checks, 30 seconds apart
   */
  public static ReconciliationPolicy defaults() {
    return new ReconciliationPolicy(3, Duration.ofSeconds(30));
  }
}
