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
  CANCELLED
}
