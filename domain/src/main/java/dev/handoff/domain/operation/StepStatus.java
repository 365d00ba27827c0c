package dev.handoff.domain.operation;

/** Where one step of a warm handoff stands. */
public enum StepStatus {
  /** Recorded, with its submission token, and about to be sent. */
  REQUESTED(false),
  /** The provider accepted the request; an event will tell the outcome. */
  ACCEPTED(false),
  /** The provider reports it under way (the target rings, the prompt plays). */
  IN_PROGRESS(false),
  /** It did what it was for. */
  SUCCEEDED(true),
  /** It did not. */
  FAILED(true),
  /** It is not known whether it happened, and it is not sent again. */
  UNKNOWN(true);

  private final boolean settled;

  StepStatus(boolean settled) {
    this.settled = settled;
  }

  /**
   * @return whether the step is over
   */
  public boolean isSettled() {
    return settled;
  }
}
