package dev.handoff.ports.in;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.operation.Operation;

/** Invite a participant into a call. */
public interface AddParticipantUseCase {
  /**
   * Records the command, submits it to the provider and returns the operation as it stands after
   * the provider's synchronous answer.
   *
   * @param command the command
   * @param options idempotency
   * @return the operation
   * @throws dev.handoff.domain.provider.UnsupportedByProviderException when the provider cannot
   *     carry the command; nothing was sent
   * @throws IdempotencyConflictException when the key was used for another command
   * @throws OperationConflictException when a conflicting operation is under way on the call
   */
  Operation addParticipant(AddParticipant command, SubmitOptions options);
}
