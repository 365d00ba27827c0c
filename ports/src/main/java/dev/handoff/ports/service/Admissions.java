package dev.handoff.ports.service;

import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.ports.in.IdempotencyConflictException;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.OperationStore;

/**
 * What a submission answers when the store's admission did not admit its operation, the same for
 * every kind of command (the application service's and the warm-handoff saga's).
 */
public final class Admissions {
  private Admissions() {}

  /**
   * @param store the store
   * @param key the idempotency key the submission carries
   * @param earlier the operation that holds the key
   * @param command the command submitted again
   * @return the earlier operation as it stands now
   * @throws IdempotencyConflictException when the key was used for another command
   */
  public static Operation replay(
      OperationStore store, IdempotencyKey key, Operation earlier, CallCommand command) {
    if (!earlier.command().equals(command)) {
      throw new IdempotencyConflictException(key, earlier.id());
    }
    return store.find(earlier.id()).orElse(earlier);
  }

  /**
   * @param refused the operation the store did not admit
   * @param conflict the active operation in its way, and the rule
   * @return the refusal, naming the operation in the way
   */
  public static OperationConflictException conflict(
      Operation refused, Admission.Conflict conflict) {
    Operation active = conflict.active();
    if (conflict.rule() == Admission.Rule.ONE_AT_A_TIME) {
      return new OperationConflictException(
          "Call "
              + refused.callId()
              + " already has "
              + active.kind()
              + " "
              + active.id()
              + " under way",
          active.id());
    }
    return new OperationConflictException(
        "Operation context '"
            + active.correlation()
            + "' is already in use by operation "
            + active.id()
            + " on call "
            + refused.callId(),
        active.id());
  }
}
