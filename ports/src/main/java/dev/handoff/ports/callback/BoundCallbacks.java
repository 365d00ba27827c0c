package dev.handoff.ports.callback;

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
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.ProviderStateQuery;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Points each operation's provider events at the application's callback endpoint: a command that
 * names no callback URI is sent with one, wherever the provider accepts a per-operation callback
 * ({@link #directs(CallCommand, ProviderCapabilities)}). With a {@link CallbackBinding} that URI is
 * bound to the operation (its id and token in the query), so that only deliveries about that
 * operation are accepted there; without one it is the endpoint itself.
 *
 * <p>A warm handoff's actions are directed the same way, bound to the handoff (the operation of
 * their {@link SubmitContext}): its prompts, holds and removals where the provider takes a callback
 * per action ({@link Capability#HANDOFF_CALLBACK_OVERRIDE}), and the consultation call it places
 * ({@link Capability#CONSULTATION_CALL}), whose events must reach Handoff too. A hang-up takes no
 * callback.
 *
 * <p>The command the application service stores stays as requested, so idempotency compares what
 * the client sent. A command that names its own callback URI keeps it: its events go there, and
 * whoever receives them forwards them to the endpoint if Handoff should learn the outcome.
 */
public final class BoundCallbacks implements CallControl {
  private final CallControl delegate;
  private final Supplier<URI> endpoint;
  private final Optional<CallbackBinding> binding;

  private BoundCallbacks(
      CallControl delegate, Supplier<URI> endpoint, Optional<CallbackBinding> binding) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.binding = binding;
  }

  /**
   * @param delegate the provider
   * @param endpoint the callback endpoint for the provider, resolved when a command is sent (an
   *     embedded emulator may learn the port only once the application listens)
   * @param binding binds each URI to its operation
   * @return the provider, sending per-operation URIs bound to their operation
   */
  public static BoundCallbacks bound(
      CallControl delegate, Supplier<URI> endpoint, CallbackBinding binding) {
    return new BoundCallbacks(
        delegate, endpoint, Optional.of(Objects.requireNonNull(binding, "binding")));
  }

  /**
   * @param delegate the provider
   * @param endpoint the callback endpoint for the provider, resolved when a command is sent
   * @return the provider, sending the endpoint itself as the per-operation URI
   */
  public static BoundCallbacks unbound(CallControl delegate, Supplier<URI> endpoint) {
    return new BoundCallbacks(delegate, endpoint, Optional.empty());
  }

  /**
   * @param command a command
   * @param capabilities what the provider carries
   * @return whether this decorator sends the command with a callback URI of its own: the command
   *     names none and the provider takes a per-operation callback for its kind
   */
  public static boolean directs(CallCommand command, ProviderCapabilities capabilities) {
    return command.callbackUri().isEmpty()
        && capabilities.supports(callbackFeature(OperationKind.of(command)));
  }

  private static Capability callbackFeature(OperationKind kind) {
    switch (kind) {
      case TRANSFER:
        return Capability.TRANSFER_CALLBACK_OVERRIDE;
      case ADD_PARTICIPANT:
        return Capability.ADD_CALLBACK_OVERRIDE;
      case CANCEL_ADD_PARTICIPANT:
        return Capability.CANCEL_CALLBACK_OVERRIDE;
      default:
        return Capability.REDIRECT_CALLBACK_OVERRIDE;
    }
  }

  /**
   * @return whether the URIs sent are bound to their operation
   */
  public boolean binds() {
    return binding.isPresent();
  }

  @SuppressWarnings("unchecked") // every command's withCallbackUri returns its own type
  private <C extends CallCommand> C directed(C command, SubmitContext context) {
    if (!directs(command, delegate.capabilities())) {
      return command;
    }
    URI base = endpoint.get();
    URI uri = binding.map(b -> b.operationUri(base, context.operationId())).orElse(base);
    return (C) command.withCallbackUri(uri);
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
  public Optional<ProviderStateQuery> stateQuery() {
    return delegate.stateQuery();
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    return delegate.transfer(directed(command, context), context);
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    return delegate.addParticipant(directed(command, context), context);
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    return delegate.cancelAddParticipant(directed(command, context), context);
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    return delegate.redirect(directed(command, context), context);
  }

  /**
   * @param command a warm handoff's action
   * @param capabilities what the provider carries
   * @return whether this decorator sends the action with a callback URI of its own
   */
  public static boolean directs(ActionCommand command, ProviderCapabilities capabilities) {
    if (command.callbackUri().isPresent()) {
      return false;
    }
    if (command instanceof PlaceCall) {
      return capabilities.supports(Capability.CONSULTATION_CALL);
    }
    return !(command instanceof HangUp)
        && capabilities.supports(Capability.HANDOFF_CALLBACK_OVERRIDE);
  }

  @SuppressWarnings("unchecked") // every action's withCallbackUri returns its own type
  private <C extends ActionCommand> C directed(C command, SubmitContext context) {
    if (!directs(command, delegate.capabilities())) {
      return command;
    }
    URI base = endpoint.get();
    URI uri = binding.map(b -> b.operationUri(base, context.operationId())).orElse(base);
    return (C) command.withCallbackUri(uri);
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
    return delegate.hold(directed(command, context), context);
  }

  @Override
  public SubmitResult resume(ResumeParticipant command, SubmitContext context) {
    return delegate.resume(directed(command, context), context);
  }

  @Override
  public SubmitResult play(PlayPrompt command, SubmitContext context) {
    return delegate.play(directed(command, context), context);
  }

  @Override
  public SubmitResult removeParticipant(RemoveParticipant command, SubmitContext context) {
    return delegate.removeParticipant(directed(command, context), context);
  }

  @Override
  public SubmitResult hangUp(HangUp command, SubmitContext context) {
    return delegate.hangUp(command, context);
  }

  @Override
  public PlacedCall placeCall(PlaceCall command, SubmitContext context) {
    return delegate.placeCall(directed(command, context), context);
  }

  @Override
  public String toString() {
    return "BoundCallbacks[" + delegate + (binding.isPresent() ? ", bound" : ", unbound") + "]";
  }
}
