package dev.handoff.ports.in;

import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.operation.Operation;

/** Transfer a call, blind or consultative. */
public interface TransferCallUseCase {
  /**
   * Records the transfer, submits it to the provider and returns the operation as it stands after
   * the provider's synchronous answer; events then drive it to a final state.
   *
   * @param command the transfer
   * @param options idempotency
   * @return the operation
   * @throws dev.handoff.domain.provider.UnsupportedByProviderException when the provider cannot
   *     carry the command; nothing was sent
   * @throws IdempotencyConflictException when the key was used for another command
   * @throws OperationConflictException when a conflicting operation is under way on the call
   */
  Operation transfer(CallTransfer command, SubmitOptions options);
}
