package dev.handoff.ports.out;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import java.util.List;
import java.util.Optional;

/**
 * A call-control provider: submits commands and declares what it can carry.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>Each method first checks the command with {@link #check(CallCommand)} and throws {@link
 *       dev.handoff.domain.provider.UnsupportedByProviderException} without sending anything when
 *       the provider cannot carry it; nothing is ever dropped silently. Callers may run {@link
 *       #check(CallCommand)} themselves before recording anything.
 *   <li>Provider failures are returned, not thrown: {@link SubmitResult.Rejected} when the request
 *       certainly did not execute (or failed definitely), {@link SubmitResult.Indeterminate} when
 *       it may have executed.
 *   <li>Every attempt for one operation carries the context's {@link SubmitContext#submission()
 *       submission token} unchanged, so that retries never execute twice where the provider
 *       supports repeatable requests.
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface CallControl {

  /**
   * @return what this provider can carry
   */
  ProviderCapabilities capabilities();

  /**
   * Everything in a command this provider cannot carry: by default what {@link #capabilities()}
   * rules out; an adapter adds the limits of its wire that capabilities cannot express (e.g. an
   * identity form the provider has no field for).
   *
   * @param command a command
   * @return the violations; empty when the provider can carry all of it
   */
  default List<CapabilityViolation> check(CallCommand command) {
    return capabilities().check(command);
  }

  /**
   * Declares whether this provider can be asked how an operation ended (see {@link
   * ProviderStateQuery}); the application service consults it before it declares an operation
   * UNKNOWN. Decorators must pass it on.
   *
   * @return the provider's state query; empty (the default) when the provider cannot be asked
   */
  default Optional<ProviderStateQuery> stateQuery() {
    return Optional.empty();
  }

  /**
   * @param command the transfer
   * @param context ids and token for this operation
   * @return the provider's synchronous answer
   */
  SubmitResult transfer(CallTransfer command, SubmitContext context);

  /**
   * @param command the add
   * @param context ids and token for this operation
   * @return the provider's synchronous answer; an accepted add carries the invitation id when the
   *     provider issues one
   */
  SubmitResult addParticipant(AddParticipant command, SubmitContext context);

  /**
   * @param command the cancellation
   * @param context ids and token for this operation
   * @return the provider's synchronous answer
   */
  SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context);

  /**
   * @param command the redirect
   * @param context ids and token for this operation
   * @return the provider's synchronous answer
   */
  SubmitResult redirect(RedirectCall command, SubmitContext context);

  /**
   * Submits any command through the matching method.
   *
   * @param command the command
   * @param context ids and token for this operation
   * @return the provider's synchronous answer
   */
  default SubmitResult submit(CallCommand command, SubmitContext context) {
    if (command instanceof CallTransfer) {
      return transfer((CallTransfer) command, context);
    }
    if (command instanceof AddParticipant) {
      return addParticipant((AddParticipant) command, context);
    }
    if (command instanceof CancelAddParticipant) {
      return cancelAddParticipant((CancelAddParticipant) command, context);
    }
    return redirect((RedirectCall) command, context);
  }
}
