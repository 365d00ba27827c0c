package dev.handoff.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.adapter.graph.GraphCallControl;
import dev.handoff.adapter.graph.http.GraphOptions;
import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.contract.port.CallParty;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.IncomingTestCall;
import dev.handoff.contract.port.ReceivedCommand;
import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.contract.port.TestCall;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphCallSpec.GroupTransferEnd;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.ports.out.CallControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The Graph adapter against the emulator's Graph, for the port suite. */
public final class GraphEmulatorPlatform extends EmulatorPlatform {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HOLD_PATH =
      Pattern.compile("/participants/([^/]+)/(?:start|stop)HoldMusic$");
  private final GraphCallControl adapter;
  private final GraphNotificationParser parser = GraphNotificationParser.builder().build();
  private final Participants participants = new Participants();

  private final GroupTransferEnd groupTransferEnd;
  // Graph holds a participant by its id in the call: who each id the emulator gave out is.
  private final Map<String, Participant> byParticipantId = new ConcurrentHashMap<>();

  private GraphEmulatorPlatform(
      HandoffEmulator emulator, WebhookSink sink, GroupTransferEnd groupTransferEnd) {
    super(emulator, sink, "/graph");
    this.groupTransferEnd = groupTransferEnd;
    GraphEndpoints graph = emulator.graph();
    this.adapter =
        GraphCallControl.builder()
            .clientCredentials(graph.tenantId(), graph.clientId(), graph.clientSecret())
            .tokenEndpoint(graph.httpTokenEndpoint())
            .baseUrl(graph.httpBaseUrl())
            .options(
                GraphOptions.builder()
                    .attemptTimeout(Duration.ofSeconds(5))
                    .overallTimeout(Duration.ofSeconds(10))
                    .build())
            .build();
  }

  /**
   * @return a platform on a new emulator (time scale 0.05) and webhook sink, whose group transfers
   *     end as Graph's transfer reference shows (the bot's call terminated with 0/7015)
   */
  public static GraphEmulatorPlatform start() {
    return start(GroupTransferEnd.TERMINATED);
  }

  /**
   * @param groupTransferEnd how a transfer out of a group call reports its end
   * @return a platform on a new emulator (time scale 0.05) and webhook sink
   */
  public static GraphEmulatorPlatform start(GroupTransferEnd groupTransferEnd) {
    try {
      return new GraphEmulatorPlatform(
          HandoffEmulator.builder()
              .timeScale(0.05)
              // One participant per page: a roster of two or more comes in pages, so the
              // suite goes through the adapters' paging too.
              .participantPageSize(1)
              .build()
              .start(),
          new WebhookSink(),
          groupTransferEnd);
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
    return call(GraphCallSpec.peerToPeer(callbackUri().toString(), "phone:+14255550100"));
  }

  @Override
  public TestCall createGroupCall() {
    return call(
        GraphCallSpec.group(
                callbackUri().toString(), "user:" + UUID.randomUUID(), "phone:+14255550100")
            .withGroupTransferEnd(groupTransferEnd));
  }

  @Override
  public TestCall createConsultationCall(Participant target) {
    return call(GraphCallSpec.peerToPeer(callbackUri().toString(), notation(target)));
  }

  private TestCall call(GraphCallSpec spec) {
    GraphCall call = emulator.control().createGraphCall(spec);
    call.participants()
        .forEach(
            party -> byParticipantId.put(party.participantId(), participant(party.identity())));
    return new TestCall(
        call.callId(),
        call.participants().stream()
            .map(
                party ->
                    new CallParty(
                        participant(party.identity()),
                        java.util.Optional.of(party.participantId())))
            .collect(Collectors.toList()));
  }

  @Override
  public IncomingTestCall createIncomingCall() {
    GraphIncomingCall incoming =
        emulator
            .control()
            .createGraphIncomingCall(
                new GraphIncomingCallSpec(callbackUri().toString(), "phone:+14255550100", null));
    // Graph reports the call id as the incoming-call context.
    return new IncomingTestCall(incoming.callId(), incoming.callId());
  }

  @Override
  public Participant participant(ParticipantKind kind) {
    String tenant = emulator.graph().tenantId();
    switch (kind) {
      case TEAMS_USER:
        return TeamsUser.of(UUID.randomUUID().toString()).withTenantId(tenant);
      case TEAMS_APP:
        return TeamsApp.resourceAccount(UUID.randomUUID().toString()).withTenantId(tenant);
      case PHONE_NUMBER:
        return participants.phone();
      default:
        throw new UnsupportedOperationException("Graph cannot address " + kind);
    }
  }

  private Participant participant(String notation) {
    int colon = notation.indexOf(':');
    String kind = notation.substring(0, colon);
    String id = notation.substring(colon + 1);
    switch (kind) {
      case "user":
        return TeamsUser.of(id).withTenantId(emulator.graph().tenantId());
      case "phone":
        return PhoneNumber.of(id);
      case "applicationInstance":
        return TeamsApp.resourceAccount(id).withTenantId(emulator.graph().tenantId());
      default:
        return TeamsApp.bot(id);
    }
  }

  private static String notation(Participant participant) {
    if (participant instanceof TeamsUser) {
      return "user:" + ((TeamsUser) participant).userId();
    }
    if (participant instanceof PhoneNumber) {
      return "phone:" + ((PhoneNumber) participant).value();
    }
    TeamsApp app = (TeamsApp) participant;
    return (app.type() == TeamsApp.Type.APPLICATION ? "application:" : "applicationInstance:")
        + app.appId();
  }

  @Override
  public void script(Participant participant, TargetBehaviour behaviour) {
    emulator.control().script(key(participant), Participants.outcome(behaviour));
  }

  private static String key(Participant participant) {
    String notation = notation(participant);
    return notation.substring(notation.indexOf(':') + 1);
  }

  @Override
  public List<ProviderEvent> parse(Delivery delivery) {
    return parser.parse(delivery.body());
  }

  @Override
  protected String operation(CallAction action) {
    switch (action) {
      case HOLD:
        return "graph.startHoldMusic";
      case RESUME:
        return "graph.stopHoldMusic";
      case PLAY:
        return "graph.playPrompt";
      case HANG_UP:
        return "graph.deleteCall";
      case PLACE_CALL:
        return "graph.createCall";
      default:
        // Graph removes no participant for a warm handoff (the capability is not declared).
        return null;
    }
  }

  /** A placed call is named by the id the emulator answered with, not by the request's path. */
  @Override
  protected boolean concerns(ReceivedRequest request, CallAction action, String callId) {
    if (action != CallAction.PLACE_CALL) {
      return super.concerns(request, action, callId);
    }
    try {
      String body = request.responseBody() == null ? "" : request.responseBody();
      return !body.isEmpty() && callId.equals(text(JSON.readTree(body).path("id")));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the emulator answered a call with a body that is not JSON", e);
    }
  }

  /**
   * Reads a Graph action's request: the held participant from the path's participant id, the hold
   * audio from {@code customPrompt}, a prompt from {@code prompts}; the rest as a command's.
   */
  @Override
  protected ReceivedCommand translate(ReceivedRequest request, CallAction action, JsonNode body) {
    ReceivedCommand.Builder received = ReceivedCommand.builder();
    Matcher held = HOLD_PATH.matcher(request.path());
    if (held.find()) {
      String participantId = held.group(1);
      received.target(
          byParticipantId.getOrDefault(
              participantId, new RawParticipant("graph-participant:" + participantId)));
    }
    JsonNode target = body.path("targets").path(0).path("identity");
    if (target.isObject()) {
      received.target(identity(target));
    }
    if (body.hasNonNull("customPrompt")) {
      received.audio(Prompt.audio(URI.create(promptUri(body.get("customPrompt")))));
    }
    if (body.path("prompts").size() > 0) {
      received.audio(Prompt.audio(URI.create(promptUri(body.get("prompts").get(0)))));
    }
    return received
        .callbackUri(body.has("callbackUri") ? URI.create(body.get("callbackUri").asText()) : null)
        .operationContext(text(body.path("clientContext")))
        .build();
  }

  private static String promptUri(JsonNode mediaPrompt) {
    return mediaPrompt.path("mediaInfo").path("uri").asText();
  }

  /** Reads a Graph request body (transfer, invite, redirect). */
  @Override
  protected ReceivedCommand translate(JsonNode body) {
    ReceivedCommand.Builder received = ReceivedCommand.builder();
    JsonNode target = body.path("transferTarget");
    if (target.isObject()) {
      received.target(identity(target.path("identity")));
      received.replacesCallId(text(target.path("replacesCallId")));
    }
    body.path("participants")
        .forEach(invitee -> received.target(identity(invitee.path("identity"))));
    body.path("targets").forEach(to -> received.target(identity(to.path("identity"))));
    JsonNode transferee = body.path("transferee");
    if (transferee.isObject()) {
      if (transferee.has("identity")) {
        received.transferee(identity(transferee.get("identity")));
      }
      received.transfereeParticipantId(text(transferee.path("participantId")));
    }
    received
        .timeout(body.has("timeout") ? Duration.ofSeconds(body.get("timeout").asLong()) : null)
        .callbackUri(body.has("callbackUri") ? URI.create(body.get("callbackUri").asText()) : null)
        .operationContext(text(body.path("clientContext")));
    return received.build();
  }

  /** A Graph identity set: the one identity it holds, with its display name. */
  private static Participant identity(JsonNode set) {
    for (String kind : List.of("user", "phone", "application", "applicationInstance")) {
      JsonNode identity = set.path(kind);
      if (!identity.isObject()) {
        continue;
      }
      String id = identity.path("id").asText();
      String name = text(identity.path("displayName"));
      switch (kind) {
        case "user":
          TeamsUser user = TeamsUser.of(id);
          return name == null ? user : user.withDisplayName(name);
        case "phone":
          PhoneNumber phone = PhoneNumber.of(id);
          return name == null ? phone : phone.withDisplayName(name);
        case "application":
          TeamsApp bot = TeamsApp.bot(id);
          return name == null ? bot : bot.withDisplayName(name);
        default:
          TeamsApp account = TeamsApp.resourceAccount(id);
          return name == null ? account : account.withDisplayName(name);
      }
    }
    throw new IllegalStateException("the Graph request named an identity of no known kind: " + set);
  }

  @Override
  protected String operation(OperationKind kind) {
    switch (kind) {
      case TRANSFER:
        return "graph.transfer";
      case ADD_PARTICIPANT:
        return "graph.invite";
      default:
        return "graph.redirect";
    }
  }
}
