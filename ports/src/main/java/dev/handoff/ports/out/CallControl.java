package dev.handoff.ports.out;

import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
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
 *
 * <p>The actions a warm handoff is made of ({@link #hold}, {@link #resume}, {@link #play}, {@link
 * #removeParticipant}, {@link #hangUp}, {@link #placeCall}, {@link #participants}) are declared by
 * {@link dev.handoff.domain.provider.Capability#WARM_HANDOFF} and its companions; by default they
 * are refused with {@link UnsupportedByProviderException}, so that an adapter without warm handoffs
 * needs none of them. A {@link WarmHandoff} itself is no single request: the saga in {@code
 * dev.handoff.ports.warm} sends its actions one by one.
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
   * Everything in a warm handoff's action this provider cannot carry.
   *
   * @param command an action
   * @return the violations; empty when the provider can carry all of it
   */
  default List<CapabilityViolation> check(ActionCommand command) {
    return capabilities().check(command);
  }

  /**
   * Whether a request for this action, sent again with the same submission token, is executed at
   * most once by the provider (ACS repeatability headers), so that a step a crash interrupted can
   * safely be sent again.
   *
   * @param action an action
   * @return whether it is repeatable; by default no action is
   */
  default boolean repeatable(CallAction action) {
    return false;
  }

  /**
   * Lists the call's participants, to find the transferee of a warm handoff that names none.
   *
   * @param callId the call
   * @return the participants other than the application, or why they could not be had
   */
  default Roster participants(String callId) {
    throw refusal(CallAction.FIND_TRANSFEREE);
  }

  /**
   * @param command the hold
   * @param context ids and token for this step
   * @return the provider's answer: {@link SubmitResult.Completed} when the answer is already final
   *     (ACS), {@link SubmitResult.Accepted} when an event follows (Graph)
   */
  default SubmitResult hold(HoldParticipant command, SubmitContext context) {
    throw refusal(CallAction.HOLD);
  }

  /**
   * @param command taking a participant off hold
   * @param context ids and token for this step
   * @return the provider's answer, final or followed by an event
   */
  default SubmitResult resume(ResumeParticipant command, SubmitContext context) {
    throw refusal(CallAction.RESUME);
  }

  /**
   * @param command the prompt
   * @param context ids and token for this step
   * @return the provider's answer; events tell when the prompt has played
   */
  default SubmitResult play(PlayPrompt command, SubmitContext context) {
    throw refusal(CallAction.PLAY);
  }

  /**
   * @param command the removal
   * @param context ids and token for this step
   * @return the provider's answer; events tell the outcome
   */
  default SubmitResult removeParticipant(RemoveParticipant command, SubmitContext context) {
    throw refusal(CallAction.REMOVE_PARTICIPANT);
  }

  /**
   * @param command the hang-up
   * @param context ids and token for this step
   * @return the provider's answer, final
   */
  default SubmitResult hangUp(HangUp command, SubmitContext context) {
    throw refusal(CallAction.HANG_UP);
  }

  /**
   * @param command the call to place
   * @param context ids and token for this step
   * @return the provider's answer and the new call's id; events tell whether it is answered
   */
  default PlacedCall placeCall(PlaceCall command, SubmitContext context) {
    throw refusal(CallAction.PLACE_CALL);
  }

  private UnsupportedByProviderException refusal(CallAction action) {
    return new UnsupportedByProviderException(
        capabilities().provider(),
        List.of(
            new CapabilityViolation(
                action.wireName(), "does not support " + action.description())));
  }

  /**
   * Submits any command through the matching method.
   *
   * @param command the command
   * @param context ids and token for this operation
   * @return the provider's synchronous answer
   */
  default SubmitResult submit(CallCommand command, SubmitContext context) {
    CallControl control = this;
    return command.accept(
        new CallCommand.Visitor<>() {
          @Override
          public SubmitResult transfer(CallTransfer transfer) {
            return control.transfer(transfer, context);
          }

          @Override
          public SubmitResult addParticipant(AddParticipant add) {
            return control.addParticipant(add, context);
          }

          @Override
          public SubmitResult cancelAddParticipant(CancelAddParticipant cancel) {
            return control.cancelAddParticipant(cancel, context);
          }

          @Override
          public SubmitResult redirect(RedirectCall redirect) {
            return control.redirect(redirect, context);
          }

          @Override
          public SubmitResult warmHandoff(WarmHandoff handoff) {
            throw new IllegalArgumentException(
                "a warm handoff is no single request: its saga sends its actions one by one");
          }
        });
  }
}
