package dev.handoff.app.runtime;

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
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Points each operation's provider events at this service: a command that names no callback URI is
 * sent with the service's own, wherever the provider accepts a per-operation callback. The stored
 * command stays as requested, so idempotency compares what the client sent. A command that names
 * its own callback URI keeps it; its events then go there, and whoever receives them forwards them
 * to this service's callback endpoint if it should learn the outcome.
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

  private boolean supports(Capability feature) {
    ProviderCapabilities capabilities = delegate.capabilities();
    return capabilities.supports(feature);
  }

  private Optional<URI> orDefault(Optional<URI> given, Capability feature) {
    return given.isPresent() || !supports(feature) ? given : Optional.of(callback.get());
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
  public SubmitResult transfer(CallTransfer c, SubmitContext context) {
    return delegate.transfer(
        new CallTransfer(
            c.callId(),
            c.target(),
            c.transferee(),
            c.mode(),
            c.callingContext(),
            c.operationContext(),
            c.sourceCallerId(),
            orDefault(c.callbackUri(), Capability.TRANSFER_CALLBACK_OVERRIDE)),
        context);
  }

  @Override
  public SubmitResult addParticipant(AddParticipant c, SubmitContext context) {
    return delegate.addParticipant(
        new AddParticipant(
            c.callId(),
            c.participant(),
            c.invitationTimeout(),
            c.sourceCallerId(),
            c.sourceDisplayName(),
            c.callingContext(),
            c.operationContext(),
            orDefault(c.callbackUri(), Capability.ADD_CALLBACK_OVERRIDE)),
        context);
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant c, SubmitContext context) {
    return delegate.cancelAddParticipant(
        new CancelAddParticipant(
            c.callId(),
            c.invitationId(),
            c.operationContext(),
            orDefault(c.callbackUri(), Capability.CANCEL_CALLBACK_OVERRIDE)),
        context);
  }

  @Override
  public SubmitResult redirect(RedirectCall c, SubmitContext context) {
    return delegate.redirect(
        new RedirectCall(
            c.callId(),
            c.incomingCallContext(),
            c.targets(),
            c.ringTimeout(),
            c.operationContext(),
            orDefault(c.callbackUri(), Capability.REDIRECT_CALLBACK_OVERRIDE)),
        context);
  }
}
