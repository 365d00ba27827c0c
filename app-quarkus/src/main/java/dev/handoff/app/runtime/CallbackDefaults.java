package dev.handoff.app.runtime;

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
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * Points each operation's provider events at this service: a command that names no callback URI is
 * sent with the service's own, wherever the provider accepts a per-operation callback. The stored
 * command stays as requested, so idempotency compares what the client sent. A command that names
 * its own callback URI keeps it; its events then go there, and whoever receives them forwards them
 * to this service's callback endpoint if it should learn the outcome.
 *
 * <p>The same holds for a warm handoff's actions where the provider takes a per-action callback,
 * and for the consultation call a handoff places, whose events must reach this service.
 */
public final class CallbackDefaults implements CallControl {
  private final CallControl delegate;
  private final Supplier<URI> callback;

  /**
   * @param delegate the provider
   * @param callback this service's callback URI for the provider, resolved when a command is sent
   *     (the embedded emulator learns this service's port only once it listens)
   */
  public CallbackDefaults(CallControl delegate, Supplier<URI> callback) {
    this.delegate = delegate;
    this.callback = callback;
  }

  @SuppressWarnings("unchecked") // every command's withCallbackUri returns its own type
  private <C extends CallCommand> C defaulted(C command, Capability feature) {
    if (command.callbackUri().isPresent() || !delegate.capabilities().supports(feature)) {
      return command;
    }
    return (C) command.withCallbackUri(callback.get());
  }

  @Override
  public ProviderCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public List<CapabilityViolation> check(CallCommand command) {
    return delegate.check(command);
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    return delegate.transfer(defaulted(command, Capability.TRANSFER_CALLBACK_OVERRIDE), context);
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    return delegate.addParticipant(defaulted(command, Capability.ADD_CALLBACK_OVERRIDE), context);
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    return delegate.cancelAddParticipant(
        defaulted(command, Capability.CANCEL_CALLBACK_OVERRIDE), context);
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    return delegate.redirect(defaulted(command, Capability.REDIRECT_CALLBACK_OVERRIDE), context);
  }

  @SuppressWarnings("unchecked") // every action's withCallbackUri returns its own type
  private <C extends ActionCommand> C defaulted(C command, boolean supported) {
    if (command.callbackUri().isPresent() || !supported) {
      return command;
    }
    return (C) command.withCallbackUri(callback.get());
  }

  private boolean perAction() {
    return delegate.capabilities().supports(Capability.HANDOFF_CALLBACK_OVERRIDE);
  }

  @Override
  public List<CapabilityViolation> check(ActionCommand command) {
    return delegate.check(command);
  }

  @Override
  public boolean repeatable(CallAction action) {
    return delegate.repeatable(action);
  }

  @Override
  public Roster participants(String callId) {
    return delegate.participants(callId);
  }

  @Override
  public SubmitResult hold(HoldParticipant command, SubmitContext context) {
    return delegate.hold(defaulted(command, perAction()), context);
  }

  @Override
  public SubmitResult resume(ResumeParticipant command, SubmitContext context) {
    return delegate.resume(defaulted(command, perAction()), context);
  }

  @Override
  public SubmitResult play(PlayPrompt command, SubmitContext context) {
    return delegate.play(defaulted(command, perAction()), context);
  }

  @Override
  public SubmitResult removeParticipant(RemoveParticipant command, SubmitContext context) {
    return delegate.removeParticipant(defaulted(command, perAction()), context);
  }

  @Override
  public SubmitResult hangUp(HangUp command, SubmitContext context) {
    return delegate.hangUp(command, context);
  }

  @Override
  public PlacedCall placeCall(PlaceCall command, SubmitContext context) {
    return delegate.placeCall(
        defaulted(command, delegate.capabilities().supports(Capability.CONSULTATION_CALL)),
        context);
  }
}
