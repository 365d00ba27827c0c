package dev.handoff.domain.failure;

import dev.handoff.domain.Violations;

/**
 * Why an operation failed: the provider-neutral reason, whether trying again may help, a message
 * for people, and what the provider said.
 *
 * @param reason the reason
 * @param retryable whether the same request may succeed later
 * @param message a message for people
 * @param evidence what the provider said; {@link ProviderEvidence#NONE} when nothing
 */
public record Failure(
    FailureReason reason, boolean retryable, String message, ProviderEvidence evidence) {

  /** Validates the parts. */
  public Failure {
    Violations v = Violations.of("Failure");
    v.required("reason", reason);
    v.required("message", message);
    v.throwIfAny();
    evidence = evidence == null ? ProviderEvidence.NONE : evidence;
  }

  /**
   * @param reason the reason
   * @param message a message
   * @return a failure whose retryability is the reason's default, without evidence
   */
  public static Failure of(FailureReason reason, String message) {
    return new Failure(reason, reason.retryableByDefault(), message, ProviderEvidence.NONE);
  }

  /**
   * @param reason the reason
   * @param message a message
   * @param evidence what the provider said
   * @return a failure whose retryability is the reason's default
   */
  public static Failure of(FailureReason reason, String message, ProviderEvidence evidence) {
    return new Failure(reason, reason.retryableByDefault(), message, evidence);
  }
}
