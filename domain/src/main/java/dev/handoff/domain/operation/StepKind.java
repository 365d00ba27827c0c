package dev.handoff.domain.operation;

/** The provider-neutral kinds of step a warm handoff is made of. */
public enum StepKind {
  /** Find the transferee and put them on hold, with hold audio. */
  HOLD,
  /** Reach a target: invite them into the call, or place a consultation call to them. */
  REACH,
  /** Play the briefing to the agent alone. */
  BRIEF,
  /** Put the caller through to the agent and let the application leave. */
  CONNECT,
  /** Withdraw a target that will not be connected: cancel the invitation, remove or hang up. */
  UNDO,
  /** No target was reached: the caller comes off hold, back to the bot or on to a last target. */
  FALLBACK
}
