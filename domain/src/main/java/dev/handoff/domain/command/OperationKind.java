package dev.handoff.domain.command;

/** The kind of operation a command starts. */
public enum OperationKind {
  /** {@link CallTransfer}. */
  TRANSFER,
  /** {@link AddParticipant}. */
  ADD_PARTICIPANT,
  /** {@link CancelAddParticipant}. */
  CANCEL_ADD_PARTICIPANT,
  /** {@link RedirectCall}. */
  REDIRECT,
  /** {@link WarmHandoff}. */
  WARM_HANDOFF;

  /**
   * @param command a command
   * @return the kind of operation it starts
   */
  public static OperationKind of(CallCommand command) {
    if (command instanceof CallTransfer) {
      return TRANSFER;
    }
    if (command instanceof AddParticipant) {
      return ADD_PARTICIPANT;
    }
    if (command instanceof CancelAddParticipant) {
      return CANCEL_ADD_PARTICIPANT;
    }
    if (command instanceof RedirectCall) {
      return REDIRECT;
    }
    if (command instanceof WarmHandoff) {
      return WARM_HANDOFF;
    }
    throw new IllegalArgumentException("not a command: " + command);
  }
}
