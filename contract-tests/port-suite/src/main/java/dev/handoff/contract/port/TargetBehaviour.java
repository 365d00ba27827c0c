package dev.handoff.contract.port;

/** What a transfer target or invitee does when the call reaches it, as a platform can script it. */
public enum TargetBehaviour {
  /** Answers. */
  ANSWER,
  /** Declines the call. */
  DECLINE,
  /** Is busy. */
  BUSY,
  /** Rings and never answers, until the invitation times out. */
  NO_ANSWER
}
