package dev.handoff.contract.support;

import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.IncomingTestCall;
import dev.handoff.contract.port.Observation;
import dev.handoff.contract.port.ReceivedCommand;
import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.contract.port.TestCall;
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
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.ProviderStateQuery;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A platform that passes everything to a real one, for deliberately wrong variants of Handoff's
 * adapters: the variant declares other capabilities (its {@code check} reports those) and may
 * change each command, and each of a warm handoff's actions, before the real adapter sends it,
 * which still enforces its own; a subclass may override the parser ({@link #parse}) or the event
 * timeout.
 */
public class DelegatingPlatform implements CallControlTestPlatform {
  private final CallControlTestPlatform real;
  private final CallControl adapter;

  /**
   * @param real the platform of a right adapter
   * @param capabilities what the variant declares (the real adapter's, or a wrong set)
   * @param commands how the variant changes each command before the real adapter sends it
   */
  public DelegatingPlatform(
      CallControlTestPlatform real,
      UnaryOperator<ProviderCapabilities> capabilities,
      UnaryOperator<CallCommand> commands) {
    this(real, capabilities, commands, UnaryOperator.identity());
  }

  /**
   * @param real the platform of a right adapter
   * @param capabilities what the variant declares (the real adapter's, or a wrong set)
   * @param commands how the variant changes each command before the real adapter sends it
   * @param actions how the variant changes each of a warm handoff's actions before the real adapter
   *     sends it
   */
  public DelegatingPlatform(
      CallControlTestPlatform real,
      UnaryOperator<ProviderCapabilities> capabilities,
      UnaryOperator<CallCommand> commands,
      UnaryOperator<ActionCommand> actions) {
    this.real = real;
    this.adapter = wrap(real.callControl(), capabilities, commands, actions);
  }

  private static CallControl wrap(
      CallControl delegate,
      UnaryOperator<ProviderCapabilities> capabilities,
      UnaryOperator<CallCommand> commands,
      UnaryOperator<ActionCommand> actions) {
    ProviderCapabilities declared = capabilities.apply(delegate.capabilities());
    return new CallControl() {
      @Override
      public ProviderCapabilities capabilities() {
        return declared;
      }

      @Override
      public List<CapabilityViolation> check(CallCommand command) {
        return declared.check(command);
      }

      @Override
      public Optional<ProviderStateQuery> stateQuery() {
        return delegate.stateQuery();
      }

      @Override
      public SubmitResult transfer(CallTransfer command, SubmitContext context) {
        return delegate.transfer((CallTransfer) commands.apply(command), context);
      }

      @Override
      public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
        return delegate.addParticipant((AddParticipant) commands.apply(command), context);
      }

      @Override
      public SubmitResult cancelAddParticipant(
          CancelAddParticipant command, SubmitContext context) {
        return delegate.cancelAddParticipant(
            (CancelAddParticipant) commands.apply(command), context);
      }

      @Override
      public SubmitResult redirect(RedirectCall command, SubmitContext context) {
        return delegate.redirect((RedirectCall) commands.apply(command), context);
      }

      @Override
      public List<CapabilityViolation> check(ActionCommand command) {
        return declared.check(command);
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
        return delegate.hold((HoldParticipant) actions.apply(command), context);
      }

      @Override
      public SubmitResult resume(ResumeParticipant command, SubmitContext context) {
        return delegate.resume((ResumeParticipant) actions.apply(command), context);
      }

      @Override
      public SubmitResult play(PlayPrompt command, SubmitContext context) {
        return delegate.play((PlayPrompt) actions.apply(command), context);
      }

      @Override
      public SubmitResult removeParticipant(RemoveParticipant command, SubmitContext context) {
        return delegate.removeParticipant((RemoveParticipant) actions.apply(command), context);
      }

      @Override
      public SubmitResult hangUp(HangUp command, SubmitContext context) {
        return delegate.hangUp((HangUp) actions.apply(command), context);
      }

      @Override
      public PlacedCall placeCall(PlaceCall command, SubmitContext context) {
        return delegate.placeCall((PlaceCall) actions.apply(command), context);
      }
    };
  }

  @Override
  public CallControl callControl() {
    return adapter;
  }

  @Override
  public TestCall createCall() {
    return real.createCall();
  }

  @Override
  public TestCall createGroupCall() {
    return real.createGroupCall();
  }

  @Override
  public TestCall createConsultationCall(Participant target) {
    return real.createConsultationCall(target);
  }

  @Override
  public IncomingTestCall createIncomingCall() {
    return real.createIncomingCall();
  }

  @Override
  public Participant participant(ParticipantKind kind) {
    return real.participant(kind);
  }

  @Override
  public void script(Participant participant, TargetBehaviour behaviour) {
    real.script(participant, behaviour);
  }

  @Override
  public URI callbackUri() {
    return real.callbackUri();
  }

  @Override
  public List<Delivery> deliveries(String callId) {
    return real.deliveries(callId);
  }

  @Override
  public List<ProviderEvent> parse(Delivery delivery) {
    return real.parse(delivery);
  }

  @Override
  public List<ReceivedCommand> received(String callId, OperationKind kind) {
    return real.received(callId, kind);
  }

  @Override
  public List<ReceivedCommand> received(String callId, CallAction action) {
    return real.received(callId, action);
  }

  @Override
  public Map<Observation, String> unobservable() {
    return real.unobservable();
  }

  @Override
  public long requestCount() {
    return real.requestCount();
  }

  @Override
  public int executions(String callId, OperationKind kind) {
    return real.executions(callId, kind);
  }

  @Override
  public void loseNextAnswer(OperationKind kind) {
    real.loseNextAnswer(kind);
  }

  @Override
  public Duration eventTimeout() {
    return real.eventTimeout();
  }

  @Override
  public void reset() {
    real.reset();
  }

  @Override
  public void close() {
    real.close();
  }
}
