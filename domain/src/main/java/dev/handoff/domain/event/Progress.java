package dev.handoff.domain.event;

/** How far an operation got, as one provider event says. */
public enum Progress {
  /** Under way: transferring, ringing. */
  IN_PROGRESS,
  /** The target accepted; the operation has not finished yet. */
  ACCEPTED,
  /** Finished successfully. */
  COMPLETED,
  /** Finished unsuccessfully. */
  FAILED,
  /** Withdrawn before it finished. */
  CANCELLED;

  /**
   * @return whether this progress ends the operation: COMPLETED, FAILED or CANCELLED
   */
  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
