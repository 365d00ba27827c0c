package dev.handoff.contract.port.fake;

import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.port.CallParty;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.IncomingTestCall;
import dev.handoff.contract.port.Observation;
import dev.handoff.contract.port.ReceivedCommand;
import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.contract.port.TestCall;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.out.CallControl;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The fake provider and its adapter as a port-suite platform. Its events arrive during the submit,
 * so a short event timeout waits for nothing that could still come.
 */
public final class FakePlatform implements CallControlTestPlatform {
  private static final ProviderId PROVIDER = ProviderId.of("fake");

  private final FakeProvider provider = new FakeProvider();
  private final FakeCallControl adapter;
  private final FakeEventParser parser;
  private final Map<Observation, String> unobservable;
  private final AtomicInteger phones = new AtomicInteger(3000);

  private FakePlatform(
      ProviderCapabilities capabilities,
      Set<Mistake> mistakes,
      Map<Observation, String> unobservable) {
    this.adapter = new FakeCallControl(provider, capabilities, mistakes);
    this.parser = new FakeEventParser(PROVIDER, mistakes.contains(Mistake.NEVER_PAST_ACCEPTED));
    this.unobservable = Map.copyOf(unobservable);
  }

  /**
   * @return the capabilities of a fake provider that carries everything, without a ring-timeout
   *     range, so that tests can change one thing
   */
  public static ProviderCapabilities.Builder everything() {
    return ProviderCapabilities.builder(PROVIDER)
        .supports(Capability.values())
        .addresses(ParticipantKind.values())
        .maxRedirectTargets(3);
  }

  /**
   * @param missing the capabilities to leave out
   * @return the capabilities of a fake provider that carries everything else
   */
  public static ProviderCapabilities.Builder everythingBut(Capability... missing) {
    Set<Capability> features = EnumSet.allOf(Capability.class);
    features.removeAll(List.of(missing));
    return ProviderCapabilities.builder(PROVIDER)
        .supports(features.toArray(new Capability[0]))
        .addresses(ParticipantKind.values())
        .maxRedirectTargets(3);
  }

  /**
   * @param capabilities what the adapter declares
   * @param mistakes what it gets wrong
   * @param unobservable what the platform declares it cannot observe
   * @return the platform
   */
  public static FakePlatform of(
      ProviderCapabilities capabilities,
      Set<Mistake> mistakes,
      Map<Observation, String> unobservable) {
    return new FakePlatform(capabilities, mistakes, unobservable);
  }

  /**
   * @param capabilities what the adapter declares
   * @param mistakes what it gets wrong, none or several
   * @return the platform, observing everything
   */
  public static FakePlatform of(ProviderCapabilities capabilities, Mistake... mistakes) {
    Set<Mistake> set = EnumSet.noneOf(Mistake.class);
    set.addAll(List.of(mistakes));
    return new FakePlatform(capabilities, set, Map.of());
  }

  @Override
  public CallControl callControl() {
    return adapter;
  }

  @Override
  public TestCall createCall() {
    PhoneNumber caller = phone();
    return new TestCall(
        provider.createCall(callbackUri().toString(), List.of(caller.rawId())),
        List.of(CallParty.of(caller)));
  }

  @Override
  public TestCall createGroupCall() {
    PhoneNumber caller = phone();
    AcsUser other = AcsUser.of("8:acs:" + UUID.randomUUID());
    return new TestCall(
        provider.createCall(callbackUri().toString(), List.of(caller.rawId(), other.rawId())),
        List.of(
            new CallParty(caller, Optional.of("participant-a")),
            new CallParty(other, Optional.of("participant-b"))));
  }

  @Override
  public TestCall createConsultationCall(Participant target) {
    return new TestCall(
        provider.createCall(callbackUri().toString()), List.of(CallParty.of(target)));
  }

  @Override
  public IncomingTestCall createIncomingCall() {
    String[] call = provider.createIncomingCall();
    return new IncomingTestCall(call[0], call[1]);
  }

  @Override
  public Participant participant(ParticipantKind kind) {
    switch (kind) {
      case ACS_USER:
        return AcsUser.of("8:acs:" + UUID.randomUUID());
      case PHONE_NUMBER:
        return phone();
      case TEAMS_USER:
        return TeamsUser.of(UUID.randomUUID().toString());
      case TEAMS_APP:
        return TeamsApp.resourceAccount(UUID.randomUUID().toString());
      case TEAMS_EXTENSION_USER:
        return TeamsExtensionUser.of(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString());
      default:
        return new RawParticipant("fake:" + UUID.randomUUID());
    }
  }

  private PhoneNumber phone() {
    return PhoneNumber.of("+1425555" + phones.incrementAndGet());
  }

  @Override
  public void script(Participant participant, TargetBehaviour behaviour) {
    provider.script(participant.rawId(), behaviour);
  }

  @Override
  public URI callbackUri() {
    return URI.create("https://app.example/fake/callbacks");
  }

  @Override
  public List<Delivery> deliveries(String callId) {
    return provider.deliveries(callId);
  }

  @Override
  public List<ProviderEvent> parse(Delivery delivery) {
    return parser.parse(delivery);
  }

  @Override
  public List<ReceivedCommand> received(String callId, OperationKind kind) {
    return provider.received(callId, operation(kind)).stream()
        .map(FakePlatform::translate)
        .collect(Collectors.toList());
  }

  @Override
  public List<ReceivedCommand> received(String callId, CallAction action) {
    return provider.received(callId, action).stream()
        .map(
            acted -> {
              ReceivedCommand.Builder received = ReceivedCommand.builder();
              if (acted.party() != null) {
                received.target(Participant.fromRawId(acted.party()));
              }
              return received
                  .audio(acted.audio())
                  .callbackUri(acted.callback() == null ? null : URI.create(acted.callback()))
                  .operationContext(acted.operationContext())
                  .build();
            })
        .collect(Collectors.toList());
  }

  /** What the fake provider's wire carried, in the model's terms. */
  private static ReceivedCommand translate(FakeRequest request) {
    ReceivedCommand.Builder received = ReceivedCommand.builder();
    for (FakeRequest.Party party : request.targets()) {
      received.target(named(Participant.fromRawId(party.rawId()), party.name()));
    }
    CallingContext.Builder context = CallingContext.builder();
    request.sipHeaders().forEach(context::sipHeader);
    request.voipHeaders().forEach(context::voipHeader);
    if (request.userToUser() != null) {
      context.userToUser(request.userToUser());
    }
    if (request.teams() != null) {
      context.teamsPhoneCallDetails(request.teams());
    }
    received
        .callingContext(context.build())
        .transferee(
            request.transferee() == null ? null : Participant.fromRawId(request.transferee()))
        .transfereeParticipantId(request.transfereeParticipantId())
        .replacesCallId(request.replaces())
        .invitationId(request.invitationId())
        .sourceCallerId(request.callerId() == null ? null : PhoneNumber.of(request.callerId()))
        .sourceDisplayName(request.sourceName())
        .timeout(
            request.timeoutSeconds() == null ? null : Duration.ofSeconds(request.timeoutSeconds()))
        .callbackUri(request.callback() == null ? null : URI.create(request.callback()))
        .operationContext(request.operationContext());
    return received.build();
  }

  private static Participant named(Participant participant, String name) {
    if (name == null) {
      return participant;
    }
    if (participant instanceof PhoneNumber) {
      return ((PhoneNumber) participant).withDisplayName(name);
    }
    if (participant instanceof TeamsUser) {
      return ((TeamsUser) participant).withDisplayName(name);
    }
    if (participant instanceof TeamsApp) {
      return ((TeamsApp) participant).withDisplayName(name);
    }
    if (participant instanceof AcsUser) {
      return ((AcsUser) participant).withDisplayName(name);
    }
    return participant;
  }

  @Override
  public Map<Observation, String> unobservable() {
    return unobservable;
  }

  @Override
  public long requestCount() {
    return provider.requests();
  }

  @Override
  public int executions(String callId, OperationKind kind) {
    return provider.executions(callId, operation(kind));
  }

  @Override
  public void loseNextAnswer(OperationKind kind) {
    provider.loseNextAnswer(operation(kind));
  }

  private static String operation(OperationKind kind) {
    switch (kind) {
      case TRANSFER:
        return "TRANSFER";
      case ADD_PARTICIPANT:
        return "ADD";
      case CANCEL_ADD_PARTICIPANT:
        return "CANCEL";
      default:
        return "REDIRECT";
    }
  }

  @Override
  public Duration eventTimeout() {
    return Duration.ofMillis(300);
  }

  @Override
  public void reset() {
    provider.reset();
  }
}
