package dev.handoff.contract.support;

import dev.handoff.adapter.acs.AcsCallControl;
import dev.handoff.adapter.acs.AcsOptions;
import dev.handoff.adapter.acs.RetryPolicy;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.contract.port.CallParty;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.IncomingTestCall;
import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.contract.port.TestCall;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.ports.out.CallControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The ACS adapter against the emulator's ACS, for the port suite. */
public final class AcsEmulatorPlatform extends EmulatorPlatform {
  private static final String CALLER = "4:+14255550100";

  private final AcsCallControl adapter;
  private final AcsEventParser parser = AcsEventParser.create();
  private final Participants participants = new Participants();

  private AcsEmulatorPlatform(HandoffEmulator emulator, WebhookSink sink) {
    super(emulator, sink, "/acs");
    this.adapter =
        AcsCallControl.builder()
            .connectionString(emulator.acs().httpConnectionString())
            .options(
                AcsOptions.builder()
                    .retryPolicy(
                        new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(200), 0))
                    .attemptTimeout(Duration.ofSeconds(5))
                    .deadline(Duration.ofSeconds(10))
                    .build())
            .build();
  }

  /**
   * @return a platform on a new emulator (time scale 0.05) and webhook sink
   */
  public static AcsEmulatorPlatform start() {
    try {
      return new AcsEmulatorPlatform(
          HandoffEmulator.builder().timeScale(0.05).build().start(), new WebhookSink());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CallControl callControl() {
    return adapter;
  }

  @Override
  public TestCall createCall() {
    AcsCall call =
        emulator.control().createAcsCall(AcsCallSpec.oneToOne(callbackUri().toString(), CALLER));
    return new TestCall(
        call.callConnectionId(), List.of(CallParty.of(Participant.fromRawId(CALLER))));
  }

  @Override
  public TestCall createGroupCall() {
    List<String> members = List.of(CALLER, "8:acs:" + UUID.randomUUID());
    AcsCall call =
        emulator
            .control()
            .createAcsCall(
                AcsCallSpec.group(callbackUri().toString(), members.toArray(new String[0])));
    return new TestCall(
        call.callConnectionId(),
        members.stream()
            .map(raw -> CallParty.of(Participant.fromRawId(raw)))
            .collect(Collectors.toList()));
  }

  @Override
  public TestCall createConsultationCall(Participant target) {
    throw new UnsupportedOperationException("ACS Call Automation has no consultative transfer");
  }

  @Override
  public IncomingTestCall createIncomingCall() {
    emulator.control().eventGridWebhook(sink.uri("/eventgrid").toString());
    AcsIncomingCall incoming =
        emulator
            .control()
            .createAcsIncomingCall(AcsIncomingCallSpec.of(CALLER, "8:acs:" + UUID.randomUUID()));
    return new IncomingTestCall(incoming.serverCallId(), incoming.incomingCallContext());
  }

  @Override
  public Participant participant(ParticipantKind kind) {
    switch (kind) {
      case ACS_USER:
        return AcsUser.of("8:acs:" + UUID.randomUUID());
      case PHONE_NUMBER:
        return participants.phone();
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
        return new RawParticipant("8:acs:" + UUID.randomUUID());
    }
  }

  @Override
  public void script(Participant participant, TargetBehaviour behaviour) {
    emulator.control().script(participant.rawId(), Participants.outcome(behaviour));
  }

  @Override
  public List<ProviderEvent> parse(Delivery delivery) {
    return parser.parseEvents(delivery.body());
  }

  @Override
  protected String operation(OperationKind kind) {
    switch (kind) {
      case TRANSFER:
        return "acs.transfer";
      case ADD_PARTICIPANT:
        return "acs.addParticipant";
      case CANCEL_ADD_PARTICIPANT:
        return "acs.cancelAddParticipant";
      default:
        return "acs.redirect";
    }
  }
}
