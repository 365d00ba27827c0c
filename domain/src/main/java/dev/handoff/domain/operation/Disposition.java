package dev.handoff.domain.operation;

/** What one timeline entry did to the operation. */
public enum Disposition {
  /** It moved the operation to the entry's state. */
  APPLIED,
  /** It was noted; the state was already that far, or the entry carries information only. */
  RECORDED,
  /** It arrived after a later state (out of order); the state did not go back. */
  LATE,
  /** It arrived after the final state; nothing changed but the record. */
  AFTER_TERMINAL
}
