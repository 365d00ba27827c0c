package dev.handoff.ports.in;

import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;

/** Hand a caller warm to a person, and withdraw such a handoff. */
public interface WarmHandoffUseCase {
  /**
   * Records the handoff and drives it as far as it goes without the provider's events: the
   * transferee found, put on hold, the first target invited. Events then drive it to a final state.
   *
   * @param command the handoff
   * @param options idempotency
   * @return the operation as it stands
   * @throws dev.handoff.domain.provider.UnsupportedByProviderException when the provider cannot
   *     carry the command; nothing was sent
   * @throws IdempotencyConflictException when the key was used for another command
   * @throws OperationConflictException when a handoff, transfer or redirect of the call is under
   *     way
   */
  Operation startWarmHandoff(WarmHandoff command, SubmitOptions options);

  /**
   * Withdraws the handoff: whoever is being reached is let go and the caller comes back to the bot;
   * the operation ends CANCELLED. A handoff already over is returned as it is.
   *
   * @param id the handoff's operation id
   * @return the operation as it stands
   * @throws OperationNotFoundException when there is no such operation
   * @throws OperationConflictException when it is no warm handoff, or the caller is already being
   *     put through
   */
  Operation cancelWarmHandoff(OperationId id);
}
