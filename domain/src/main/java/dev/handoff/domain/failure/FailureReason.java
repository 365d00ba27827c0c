package dev.handoff.domain.failure;

/** Why an operation did not succeed. Each reason says whether trying again later may succeed. */
public enum FailureReason {
  /** The target was busy. */
  BUSY(true),
  /** The target did not answer in time. */
  NO_ANSWER(true),
  /** The target declined. */
  DECLINED(false),
  /** The call, participant or target does not exist (any more). */
  NOT_FOUND(false),
  /** The target could not be reached. */
  UNREACHABLE(true),
  /** A policy of the provider or the tenant forbids the operation. */
  FORBIDDEN_BY_POLICY(false),
  /** The identities belong to tenants that may not call each other this way. */
  TENANT_MISMATCH(false),
  /** A conflicting operation is under way on the same call. */
  CONFLICT(true),
  /** The provider rejected the request as invalid. */
  INVALID_REQUEST(false),
  /** The provider does not support what was asked. */
  UNSUPPORTED(false),
  /** The provider did not accept Handoff's credentials. */
  AUTHENTICATION(false),
  /** The provider throttled the request. */
  THROTTLED(true),
  /** The provider failed internally. */
  PROVIDER_ERROR(true),
  /** No answer came in time. */
  TIMEOUT(true),
  /** The operation was cancelled. */
  CANCELLED(false),
  /** The provider gave no recognisable reason. */
  UNKNOWN(false);

  private final boolean retryableByDefault;

  FailureReason(boolean retryableByDefault) {
    this.retryableByDefault = retryableByDefault;
  }

  /**
   * @return whether a failure for this reason is usually worth trying again later
   */
  public boolean retryableByDefault() {
    return retryableByDefault;
  }
}
