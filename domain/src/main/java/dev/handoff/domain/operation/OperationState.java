package dev.handoff.domain.operation;

/**
 * Where an operation stands. States move forward only: REQUESTED, SUBMITTED, IN_PROGRESS, ACCEPTED,
 * then one of the final states COMPLETED, FAILED or CANCELLED. UNKNOWN means no final word came
 * before the deadline (or the provider's answer was ambiguous); a later final event still resolves
 * it.
 */
public enum OperationState {
  /** Handoff recorded the request and is about to send it. */
  REQUESTED(0),
  /** The provider accepted the request. */
  SUBMITTED(1),
  /** The provider reports the operation under way: transferring, ringing. */
  IN_PROGRESS(2),
  /** The target accepted (RFC 5589: the target's 200 OK); the operation is finishing. */
  ACCEPTED(3),
  /** No final word before the deadline, or an ambiguous answer; a late final event resolves it. */
  UNKNOWN(4),
  /** Finished successfully. Final. */
  COMPLETED(5),
  /** Finished unsuccessfully; the operation's failure says why. Final. */
  FAILED(5),
  /** Withdrawn before it finished. Final. */
  CANCELLED(5);

  private final int rank;

  OperationState(int rank) {
    this.rank = rank;
  }

  /**
   * @return whether no event can change this state any more
   */
  public boolean isFinal() {
    return rank == 5;
  }

  /**
   * @return whether the operation is still expected to progress: neither final nor UNKNOWN
   */
  public boolean isActive() {
    return rank < 4;
  }

  int rank() {
    return rank;
  }
}
