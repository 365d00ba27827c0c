package dev.handoff.domain.command;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import java.time.Duration;

/**
 * One person (or place) a warm handoff tries to reach, and how long it lets them ring.
 *
 * @param participant who is called: a phone number, a Teams user or app, an ACS user
 * @param ringTimeout how long the invitation rings before the next target is tried, {@value
 *     #MIN_RING_SECONDS} to {@value #MAX_RING_SECONDS} whole seconds
 */
public record HandoffTarget(Participant participant, Duration ringTimeout) {
  /** Ring timeout when none is given. */
  public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

  /** Shortest ring timeout, in seconds. */
  public static final int MIN_RING_SECONDS = 5;

  /**
   * Longest ring timeout, in seconds: the model's own bound (three minutes of ringing). A
   * provider's tighter limit is its {@link
   * dev.handoff.domain.provider.ProviderLimits#invitationTimeoutSeconds()}, checked with its
   * capabilities.
   */
  public static final int MAX_RING_SECONDS = 180;

  /** Validates the target. */
  public HandoffTarget {
    Violations v = Violations.of("HandoffTarget");
    ringTimeout = ringTimeout == null ? DEFAULT_RING_TIMEOUT : ringTimeout;
    CommandRules.callable(v, "participant", participant);
    v.wholeSeconds("ringTimeout", ringTimeout, MIN_RING_SECONDS, MAX_RING_SECONDS);
    v.throwIfAny();
  }

  /**
   * @param participant who is called
   * @return the target with the default ring timeout
   */
  public static HandoffTarget of(Participant participant) {
    return new HandoffTarget(participant, DEFAULT_RING_TIMEOUT);
  }

  /**
   * @param participant who is called
   * @param ringTimeout how long it rings
   * @return the target
   */
  public static HandoffTarget of(Participant participant, Duration ringTimeout) {
    return new HandoffTarget(participant, ringTimeout);
  }
}
