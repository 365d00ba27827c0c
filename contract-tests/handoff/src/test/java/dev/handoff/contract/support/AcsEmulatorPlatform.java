package dev.handoff.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.adapter.acs.AcsCallControl;
import dev.handoff.adapter.acs.AcsOptions;
import dev.handoff.adapter.acs.RetryPolicy;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.contract.port.CallParty;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.IncomingTestCall;
import dev.handoff.contract.port.ReceivedCommand;
import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.contract.port.TestCall;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.ports.out.CallControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The ACS adapter against the emulator's ACS, for the port suite. */
public final class AcsEmulatorPlatform extends EmulatorPlatform {
  private static final String CALLER = "4:+14255550100";

  private final AcsCallControl adapter;
  private final AcsEventParser parser = AcsEventParser.create();
  private final Participants participants = new Participants();
  // A redirect names its incoming call by context only: which server call each context belongs to.
  private final Map<String, String> incomingCalls = new ConcurrentHashMap<>();

  private AcsEmulatorPlatform(HandoffEmulator emulator, WebhookSink sink) {
    super(emulator, sink, "/acs");
    this.adapter =
        AcsCallControl.builder()
            .connectionString(emulator.acs().httpConnectionString())
            // ACS invites a phone number only with a caller id of the resource.
            .defaultSourceCallerId(sourceCallerId())
            .options(
                AcsOptions.builder()
                    .retryPolicy(
                        new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(200), 0))
                    .attemptTimeout(Duration.ofSeconds(5))
                    .overallTimeout(Duration.ofSeconds(10))
                    .build())
            .build();
  }

  /**
   * @return a platform on a new emulator (time scale 0.05) and webhook sink
   */
  public static AcsEmulatorPlatform start() {
    try {
      return new AcsEmulatorPlatform(
          HandoffEmulator.builder()
              .timeScale(0.05)
              // One participant per page: a roster of two or more comes in pages, so the
              // suite goes through the adapters' paging too.
              .participantPageSize(1)
              .build()
              .start(),
          new WebhookSink());
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
    incomingCalls.put(incoming.incomingCallContext(), incoming.serverCallId());
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
  protected boolean concerns(ReceivedRequest request, String callId) {
    if ("acs.redirect".equals(request.operation())) {
      String body = request.body() == null ? "" : request.body();
      return incomingCalls.entrySet().stream()
          .anyMatch(entry -> entry.getValue().equals(callId) && body.contains(entry.getKey()));
    }
    return super.concerns(request, callId);
  }

  /**
   * Reads an ACS Call Automation request body: transfer, add, cancel, redirect, and a warm
   * handoff's hold, unhold, play and removal (a hang-up has none).
   */
  @Override
  protected ReceivedCommand translate(JsonNode body) {
    ReceivedCommand.Builder received = ReceivedCommand.builder();
    for (String field :
        List.of("targetParticipant", "participantToAdd", "target", "participantToRemove")) {
      if (body.has(field)) {
        received.target(identifier(body.get(field)));
      }
    }
    body.path("playTo").forEach(to -> received.target(identifier(to)));
    if (body.hasNonNull("playSourceInfo")) {
      received.audio(playSource(body.get("playSourceInfo")));
    }
    if (body.path("playSources").size() > 0) {
      received.audio(playSource(body.get("playSources").get(0)));
    }
    if (body.has("transferee")) {
      received.transferee(identifier(body.get("transferee")));
    }
    received
        .invitationId(text(body.path("invitationId")))
        .callingContext(context(body.path("customCallingContext")))
        .sourceCallerId(
            body.path("sourceCallerIdNumber").has("value")
                ? PhoneNumber.of(body.path("sourceCallerIdNumber").path("value").asText())
                : null)
        .sourceDisplayName(text(body.path("sourceDisplayName")))
        .timeout(
            body.has("invitationTimeoutInSeconds")
                ? Duration.ofSeconds(body.get("invitationTimeoutInSeconds").asLong())
                : null)
        .callbackUri(
            body.has("operationCallbackUri")
                ? URI.create(body.get("operationCallbackUri").asText())
                : null)
        .operationContext(text(body.path("operationContext")));
    return received.build();
  }

  /** An ACS play source: a {@code file} with its URI, or a {@code text} with locale and voice. */
  private static Prompt playSource(JsonNode source) {
    if ("file".equals(text(source.path("kind")))) {
      return Prompt.audio(URI.create(source.path("file").path("uri").asText()));
    }
    JsonNode speech = source.path("text");
    return new Prompt.Speech(
        speech.path("text").asText(),
        Optional.ofNullable(text(speech.path("sourceLocale"))),
        Optional.ofNullable(text(speech.path("voiceName"))));
  }

  private static Participant identifier(JsonNode identifier) {
    if (identifier.has("rawId")) {
      return Participant.fromRawId(identifier.get("rawId").asText());
    }
    if (identifier.has("phoneNumber")) {
      return PhoneNumber.of(identifier.path("phoneNumber").path("value").asText());
    }
    return Participant.fromRawId(identifier.path("communicationUser").path("id").asText());
  }

  /** ACS carries User-To-User as a SIP header of that name. */
  private static CallingContext context(JsonNode custom) {
    CallingContext.Builder context = CallingContext.builder();
    custom
        .path("sipHeaders")
        .fields()
        .forEachRemaining(
            header -> {
              if (header.getKey().equalsIgnoreCase(CallingContext.USER_TO_USER_HEADER)) {
                context.userToUser(header.getValue().asText());
              } else {
                context.sipHeader(header.getKey(), header.getValue().asText());
              }
            });
    custom
        .path("voipHeaders")
        .fields()
        .forEachRemaining(
            header -> context.voipHeader(header.getKey(), header.getValue().asText()));
    JsonNode teams = custom.path("teamsPhoneCallDetails");
    if (teams.isObject()) {
      // The flat fields; the suite sends no caller or source details.
      TeamsPhoneCallDetails.Builder details = TeamsPhoneCallDetails.builder();
      if (teams.has("sessionId")) {
        details.sessionId(teams.get("sessionId").asText());
      }
      if (teams.has("intent")) {
        details.intent(teams.get("intent").asText());
      }
      if (teams.has("callTopic")) {
        details.callTopic(teams.get("callTopic").asText());
      }
      if (teams.has("callContext")) {
        details.callContext(teams.get("callContext").asText());
      }
      if (teams.has("transcriptUrl")) {
        details.transcriptUrl(URI.create(teams.get("transcriptUrl").asText()));
      }
      if (teams.has("callSentiment")) {
        details.callSentiment(teams.get("callSentiment").asText());
      }
      if (teams.has("suggestedActions")) {
        details.suggestedActions(teams.get("suggestedActions").asText());
      }
      context.teamsPhoneCallDetails(details.build());
    }
    return context.build();
  }

  @Override
  protected String operation(CallAction action) {
    switch (action) {
      case HOLD:
        return "acs.hold";
      case RESUME:
        return "acs.unhold";
      case PLAY:
        return "acs.play";
      case REMOVE_PARTICIPANT:
        return "acs.removeParticipant";
      case HANG_UP:
        return "acs.hangUp";
      default:
        // ACS places no consultation calls: a warm handoff invites the agent into the call.
        return null;
    }
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
