package dev.handoff.ports.in;

import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.Operation;

/** Redirect an incoming call before it is answered. */
public interface RedirectCallUseCase {
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
  Operation redirect(RedirectCall command, SubmitOptions options);
}
