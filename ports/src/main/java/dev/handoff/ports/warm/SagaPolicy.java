package dev.handoff.ports.warm;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a warm handoff's saga waits before it acts on silence.
 *
 * @param answerTimeout how long a step may stand recorded but unanswered before the sweep treats
 *     its submission as interrupted (sent again when that is safe, else given up); longer than any
 *     submission with its retries can take
 * @param eventGrace how long the saga waits for the event that settles an accepted action (a prompt
 *     played, an invitation withdrawn, a transfer finished)
 * @param ringGrace how long, beyond a target's ring timeout, the saga waits for a provider that
 *     enforces the ring timeout itself (an invitation timeout) to say so before it withdraws the
 *     invitation; a provider without one is withdrawn right at the ring timeout
 */
public record SagaPolicy(Duration answerTimeout, Duration eventGrace, Duration ringGrace) {

  /** Validates the durations. */
  public SagaPolicy {
    for (Duration d : new Duration[] {answerTimeout, eventGrace, ringGrace}) {
      Objects.requireNonNull(d, "durations are required");
      if (d.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative: " + d);
      }
    }
  }

  /**
   * @return two minutes for an answer, one minute for an event, fifteen seconds of ring grace
   */
  public static SagaPolicy defaults() {
    return new SagaPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofSeconds(15));
  }
}
