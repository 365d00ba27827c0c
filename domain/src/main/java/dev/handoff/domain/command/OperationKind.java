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
    return command.accept(OF);
  }

  private static final CallCommand.Visitor<OperationKind> OF =
      new CallCommand.Visitor<>() {
        @Override
        public OperationKind transfer(CallTransfer transfer) {
          return TRANSFER;
        }

        @Override
        public OperationKind addParticipant(AddParticipant add) {
          return ADD_PARTICIPANT;
        }

        @Override
        public OperationKind cancelAddParticipant(CancelAddParticipant cancel) {
          return CANCEL_ADD_PARTICIPANT;
        }

        @Override
        public OperationKind redirect(RedirectCall redirect) {
          return REDIRECT;
        }

        @Override
        public OperationKind warmHandoff(WarmHandoff handoff) {
          return WARM_HANDOFF;
        }
      };
}
