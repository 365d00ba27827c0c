package dev.handoff.contract.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.handoff.adapter.graph.GraphCallControl;
import dev.handoff.adapter.graph.http.GraphOptions;
import dev.handoff.contract.pact.CommittedPacts;
import dev.handoff.contract.pact.HandoffPacts;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Graph adapter's contract with Graph cloud communications: the real {@link GraphCallControl}
 * transfers (blind to every addressable identity, consultative, out of a group call), invites and
 * redirects against the Pact mock server, and reads each error answer into its failure. A warm
 * handoff's actions (hold music on the caller and off again, a prompt, the consultation call
 * placed, the application hanging up, the participant list read in two requests) have interactions
 * of their own. The bearer token comes from an injected supplier: acquiring it is a contract with
 * Microsoft Entra, not with Graph. One attempt per submission, so that every interaction is seen
 * once.
 */
@ExtendWith(CommittedPacts.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = HandoffPacts.GRAPH_PROVIDER, pactVersion = PactSpecVersion.V4)
class GraphAdapterPactTest {
  private static final String CONSUMER = HandoffPacts.GRAPH_CONSUMER;
  private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJjb250cmFjdCI6InRlc3QifQ.c2lnbmF0dXJl";
  private static final String BEARER_REGEX = "Bearer [A-Za-z0-9._~+/=-]+";
  private static final String UUID_REGEX = AcsWire.UUID_REGEX;

  private static final String CALL = "491f0b00-ffff-4000-8000-000000000001";
  private static final String CONSULTATION = "491f0b00-ffff-4000-8000-000000000002";
  private static final String TENANT = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
  private static final String OTHER_TENANT = "0e0e0e0e-0000-4000-8000-0000000000ff";
  private static final String AGENT = "550fae72-d251-43ec-868c-373732c2704f";
  private static final String BOT = "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a";
  private static final String RESOURCE_ACCOUNT = "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d";
  private static final String PARTICIPANT = "6e0f7a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String CALL_EXISTS = "a peer-to-peer call exists";
  private static final String MAY_PLACE_CALLS = "the bot may place calls";
  private static final String CALLER_KNOWN =
      "a peer-to-peer call exists, its caller's participant id known";
  private static final String CALLER_PARTICIPANT = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  private static final String HOLD_AUDIO = "https://cdn.example.com/hold.wav";
  private static final String BRIEFING = "https://cdn.example.com/briefing.wav";
  private static final String COMMS_SET = "#microsoft.graph.communicationsIdentitySet";

  // ------------------------------------------------------------------ transfers

  @Pact(consumer = CONSUMER)
  V4Pact transferToTeamsUser(PactDslWithProvider builder) {
    return accepted(
        post(builder.given(CALL_EXISTS), "a blind transfer to a Teams user", "/transfer")
            .body(
                PactBodies.rules()
                    .fromState("transferTarget.identity.user.tenantId", "${tenantId}")
                    .body(
                        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\""
                            + AGENT
                            + "\",\"displayName\":\"Agent 42\",\"tenantId\":\""
                            + TENANT
                            + "\"}}}}")));
  }

  @Test
  @PactTestFor(pactMethod = "transferToTeamsUser")
  void transfersToATeamsUser(MockServer server) {
    CallTransfer transfer =
        CallTransfer.builder(
                CALL, TeamsUser.of(AGENT).withTenantId(TENANT).withDisplayName("Agent 42"))
            .build();
    assertThat(submit(server, transfer)).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact transferToPhone(PactDslWithProvider builder) {
    return accepted(
        post(builder.given(CALL_EXISTS), "a blind transfer to a phone number", "/transfer")
            .body(
                "{\"transferTarget\":{\"identity\":{\"@odata.type\":\""
                    + COMMS_SET
                    + "\",\"phone\":{\"id\":\"+14255550123\"}}}}"));
  }

  @Test
  @PactTestFor(pactMethod = "transferToPhone")
  void transfersToAPhoneNumber(MockServer server) {
    assertThat(submit(server, CallTransfer.builder(CALL, PhoneNumber.of("+14255550123")).build()))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact transferToBot(PactDslWithProvider builder) {
    return accepted(
        post(builder.given(CALL_EXISTS), "a blind transfer to a bot", "/transfer")
            .body(
                "{\"transferTarget\":{\"identity\":{\"application\":{\"id\":\""
                    + BOT
                    + "\",\"displayName\":\"Billing bot\"}}}}"));
  }

  @Test
  @PactTestFor(pactMethod = "transferToBot")
  void transfersToABot(MockServer server) {
    assertThat(
            submit(
                server,
                CallTransfer.builder(CALL, TeamsApp.bot(BOT).withDisplayName("Billing bot"))
                    .build()))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact transferToResourceAccount(PactDslWithProvider builder) {
    return accepted(
        post(
                builder.given(CALL_EXISTS),
                "a blind transfer to a resource account of the bot's tenant",
                "/transfer")
            .body(
                PactBodies.rules()
                    .fromState(
                        "transferTarget.identity.applicationInstance.tenantId", "${tenantId}")
                    .body(
                        "{\"transferTarget\":{\"identity\":{\"@odata.type\":\""
                            + COMMS_SET
                            + "\",\"applicationInstance\":{\"id\":\""
                            + RESOURCE_ACCOUNT
                            + "\",\"tenantId\":\""
                            + TENANT
                            + "\"}}}}")));
  }

  @Test
  @PactTestFor(pactMethod = "transferToResourceAccount")
  void transfersToAResourceAccount(MockServer server) {
    assertThat(
            submit(
                server,
                CallTransfer.builder(
                        CALL, TeamsApp.resourceAccount(RESOURCE_ACCOUNT).withTenantId(TENANT))
                    .build()))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact consultativeTransfer(PactDslWithProvider builder) {
    return accepted(
        post(
                builder.given("a call and a consultation call with the target exist"),
                "a consultative transfer replacing the consultation call",
                "/transfer")
            .body(
                PactBodies.rules()
                    .fromState("transferTarget.replacesCallId", "${consultationCallId}")
                    .body(
                        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\""
                            + AGENT
                            + "\"}},\"replacesCallId\":\""
                            + CONSULTATION
                            + "\"}}")));
  }

  @Test
  @PactTestFor(pactMethod = "consultativeTransfer")
  void transfersConsultatively(MockServer server) {
    assertThat(
            submit(
                server,
                CallTransfer.builder(CALL, TeamsUser.of(AGENT)).replacing(CONSULTATION).build()))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact groupTransfer(PactDslWithProvider builder) {
    return accepted(
        post(
                builder.given("a group call exists"),
                "a transfer out of a group call naming the transferee by participant id",
                "/transfer")
            .body(
                PactBodies.rules()
                    .fromState("transferee.participantId", "${participantId}")
                    .body(
                        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\""
                            + AGENT
                            + "\"}}},\"transferee\":{\"identity\":{\"@odata.type\":\""
                            + COMMS_SET
                            + "\",\"phone\":{\"id\":\"+14255550100\"}},"
                            + "\"participantId\":\""
                            + PARTICIPANT
                            + "\"}}")));
  }

  @Test
  @PactTestFor(pactMethod = "groupTransfer")
  void transfersOutOfAGroupCall(MockServer server) {
    CallTransfer transfer =
        CallTransfer.builder(CALL, TeamsUser.of(AGENT))
            .transferee(Transferee.of(PhoneNumber.of("+14255550100"), PARTICIPANT))
            .build();
    assertThat(submit(server, transfer)).isInstanceOf(SubmitResult.Accepted.class);
  }

  // ------------------------------------------------------------------ invite, redirect

  @Pact(consumer = CONSUMER)
  V4Pact invite(PactDslWithProvider builder) {
    return post(
            builder.given(CALL_EXISTS),
            "an invitation of a Teams user with a client context",
            "/participants/invite")
        .body(
            PactBodies.rules()
                .fromState("participants[0].identity.user.tenantId", "${tenantId}")
                .body(
                    "{\"participants\":[{\"identity\":{\"user\":{\"id\":\""
                        + AGENT
                        + "\",\"tenantId\":\""
                        + TENANT
                        + "\"}}}],\"clientContext\":\"invite-42\"}"))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(
            PactBodies.rules()
                .anyString("id")
                .anyString("clientContext")
                .body(
                    "{\"@odata.type\":\"#microsoft.graph.inviteParticipantsOperation\","
                        + "\"id\":\"0fe0623f-d628-42ed-b4bd-8ac290072cc5\","
                        + "\"status\":\"Running\",\"clientContext\":\"invite-42\"}"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "invite")
  void invitesATeamsUser(MockServer server) {
    AddParticipant add =
        AddParticipant.builder(CALL, TeamsUser.of(AGENT).withTenantId(TENANT))
            .operationContext("invite-42")
            .build();
    assertThat(submit(server, add))
        .isInstanceOfSatisfying(
            SubmitResult.Accepted.class,
            accepted ->
                assertThat(accepted.invitationId())
                    .contains("0fe0623f-d628-42ed-b4bd-8ac290072cc5"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact redirect(PactDslWithProvider builder) {
    return accepted(
        post(
                builder.given("an incoming call exists"),
                "a redirect of an incoming call to a phone number and a Teams user",
                "/redirect")
            .body(
                PactBodies.rules()
                    .fromState("callbackUri", "${callbackUri}")
                    .body(
                        "{\"targets\":[{\"identity\":{\"@odata.type\":\""
                            + COMMS_SET
                            + "\",\"phone\":{\"id\":\"+14255550125\"}}},"
                            + "{\"identity\":{\"user\":{\"id\":\""
                            + AGENT
                            + "\"}}}],\"timeout\":20,"
                            + "\"callbackUri\":\"https://bot.example.com/api/calls\"}")));
  }

  @Test
  @PactTestFor(pactMethod = "redirect")
  void redirectsAnIncomingCall(MockServer server) {
    RedirectCall redirect =
        RedirectCall.builder(
                CALL, CALL, List.of(PhoneNumber.of("+14255550125"), TeamsUser.of(AGENT)))
            .ringTimeout(Duration.ofSeconds(20))
            .callbackUri(URI.create("https://bot.example.com/api/calls"))
            .build();
    assertThat(submit(server, redirect)).isInstanceOf(SubmitResult.Accepted.class);
  }

  // ------------------------------------------------------------------ errors

  @Pact(consumer = CONSUMER)
  V4Pact unknownCall(PactDslWithProvider builder) {
    return error(
        builder
            .given("no call exists")
            .uponReceiving("a transfer of a call that does not exist")
            .path("/v1.0/communications/calls/" + CALL + "/transfer"),
        404,
        "8522");
  }

  @Test
  @PactTestFor(pactMethod = "unknownCall")
  void readsCallNotFound(MockServer server) {
    Failure failure = rejected(submit(server, userTransfer()));
    assertThat(failure.reason()).isEqualTo(FailureReason.NOT_FOUND);
    assertThat(failure.evidence().httpStatus()).hasValue(404);
  }

  @Pact(consumer = CONSUMER)
  V4Pact groupTransferWithoutTransferee(PactDslWithProvider builder) {
    return error(
        onCall(
            builder.given("a group call exists"),
            "a transfer out of a group call that names no transferee",
            "/transfer"),
        400,
        "8523");
  }

  @Test
  @PactTestFor(pactMethod = "groupTransferWithoutTransferee")
  void readsARefusedRequest(MockServer server) {
    Failure failure = rejected(submit(server, userTransfer()));
    assertThat(failure.evidence().httpStatus()).hasValue(400);
    assertThat(failure.evidence().code()).contains("8523");
    assertThat(failure.reason()).isEqualTo(FailureReason.UNSUPPORTED);
    assertThat(failure.retryable()).isFalse();
  }

  @Pact(consumer = CONSUMER)
  V4Pact invalidToken(PactDslWithProvider builder) {
    return error(
        onCall(
            builder.given(CALL_EXISTS).given("the bearer token is not valid"),
            "a transfer with a token Graph does not accept",
            "/transfer"),
        401,
        "InvalidAuthenticationToken");
  }

  @Test
  @PactTestFor(pactMethod = "invalidToken")
  void readsARefusedToken(MockServer server) {
    Failure failure = rejected(submit(server, userTransfer()));
    assertThat(failure.reason()).isEqualTo(FailureReason.AUTHENTICATION);
    assertThat(failure.evidence().httpStatus()).hasValue(401);
  }

  @Pact(consumer = CONSUMER)
  V4Pact tenantMismatch(PactDslWithProvider builder) {
    return post(
            builder.given(CALL_EXISTS),
            "a transfer to a resource account of another tenant",
            "/transfer")
        .body(
            "{\"transferTarget\":{\"identity\":{\"@odata.type\":\""
                + COMMS_SET
                + "\",\"applicationInstance\":{\"id\":\""
                + RESOURCE_ACCOUNT
                + "\",\"tenantId\":\""
                + OTHER_TENANT
                + "\"}}}}")
        .willRespondWith()
        .status(403)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(errorBody("7505"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "tenantMismatch")
  void readsATenantMismatch(MockServer server) {
    Failure failure =
        rejected(
            submit(
                server,
                CallTransfer.builder(
                        CALL, TeamsApp.resourceAccount(RESOURCE_ACCOUNT).withTenantId(OTHER_TENANT))
                    .build()));
    assertThat(failure.reason()).isEqualTo(FailureReason.TENANT_MISMATCH);
    assertThat(failure.evidence().httpStatus()).hasValue(403);
    assertThat(failure.evidence().code()).contains("7505");
  }

  @Pact(consumer = CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    return onCall(
            builder.given(CALL_EXISTS).given("Graph throttles transfers"),
            "a transfer Graph throttles",
            "/transfer")
        .willRespondWith()
        .status(429)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .matchHeader("Retry-After", "\\d+", "3")
        .body(errorBody("TooManyRequests"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "throttled")
  void readsThrottling(MockServer server) {
    Failure failure = rejected(submit(server, userTransfer()));
    assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.evidence().httpStatus()).hasValue(429);
  }

  // ------------------------------------------------------------------ a warm handoff's actions

  @Pact(consumer = CONSUMER)
  V4Pact startHoldMusic(PactDslWithProvider builder) {
    return running(
        onParticipant(
                builder.given(CALLER_KNOWN),
                "hold music with a custom prompt on the caller",
                "/startHoldMusic")
            .body(
                PactBodies.rules()
                    .body(
                        "{\"customPrompt\":{\"@odata.type\":\"#microsoft.graph.mediaPrompt\","
                            + "\"mediaInfo\":{\"@odata.type\":\"#microsoft.graph.mediaInfo\","
                            + "\"uri\":\""
                            + HOLD_AUDIO
                            + "\"}},\"clientContext\":\"hold-1\"}")),
        202,
        "#microsoft.graph.startHoldMusicOperation",
        "hold-1");
  }

  @Test
  @PactTestFor(pactMethod = "startHoldMusic")
  void startsHoldMusicOnTheCaller(MockServer server) {
    HoldParticipant hold =
        new HoldParticipant(
            CALL,
            Transferee.of(PhoneNumber.of("+14255550100"), CALLER_PARTICIPANT),
            Optional.of(Prompt.audio(URI.create(HOLD_AUDIO))),
            Optional.empty());
    assertThat(graph(server).hold(hold, step("hold-1"))).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact stopHoldMusic(PactDslWithProvider builder) {
    return running(
        onParticipant(
                builder.given("a peer-to-peer call exists, its caller on hold music"),
                "hold music taken off the caller",
                "/stopHoldMusic")
            .body(PactBodies.rules().body("{\"clientContext\":\"unhold-1\"}")),
        202,
        "#microsoft.graph.stopHoldMusicOperation",
        "unhold-1");
  }

  @Test
  @PactTestFor(pactMethod = "stopHoldMusic")
  void stopsHoldMusicOnTheCaller(MockServer server) {
    ResumeParticipant resume =
        new ResumeParticipant(
            CALL,
            Transferee.of(PhoneNumber.of("+14255550100"), CALLER_PARTICIPANT),
            Optional.empty());
    assertThat(graph(server).resume(resume, step("unhold-1")))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact playPrompt(PactDslWithProvider builder) {
    return running(
        post(builder.given(CALL_EXISTS), "a recorded prompt played in the call", "/playPrompt")
            .body(
                PactBodies.rules()
                    .body(
                        "{\"clientContext\":\"brief-1\",\"prompts\":[{\"@odata.type\":"
                            + "\"#microsoft.graph.mediaPrompt\",\"mediaInfo\":{\"@odata.type\":"
                            + "\"#microsoft.graph.mediaInfo\",\"uri\":\""
                            + BRIEFING
                            + "\"}}]}")),
        200,
        "#microsoft.graph.playPromptOperation",
        "brief-1");
  }

  @Test
  @PactTestFor(pactMethod = "playPrompt")
  void playsAPrompt(MockServer server) {
    PlayPrompt play =
        new PlayPrompt(
            CALL, Prompt.audio(URI.create(BRIEFING)), Optional.empty(), Optional.empty());
    assertThat(graph(server).play(play, step("brief-1"))).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact participants(PactDslWithProvider builder) {
    PactDslJsonBody call =
        new PactDslJsonBody().stringType("id", CALL).stringType("myParticipantId", "bot-1");
    PactDslJsonBody roster = new PactDslJsonBody();
    roster
        .arrayContaining("value")
        .object()
        .stringType("id", CALLER_PARTICIPANT)
        .object("info")
        .object("identity")
        .object("phone")
        .stringType("id", "+14255550100")
        .closeObject()
        .closeObject()
        .closeObject()
        .closeObject()
        .closeArray();
    return get(
            builder.given(CALLER_KNOWN),
            "the call read for the application's own participant id",
            "")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(call)
        .given(CALLER_KNOWN)
        .uponReceiving("the call's participants listed")
        .pathFromProviderState(
            "/v1.0/communications/calls/${callId}/participants",
            "/v1.0/communications/calls/" + CALL + "/participants")
        .method("GET")
        .matchHeader("Authorization", BEARER_REGEX, "Bearer " + TOKEN)
        .matchHeader("client-request-id", UUID_REGEX, "6ba7b810-9dad-41d1-80b4-00c04fd430c8")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(roster)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "participants")
  void listsTheParticipantsButTheApplication(MockServer server) {
    Roster roster = graph(server).participants(CALL);

    assertThat(roster.failure()).isEmpty();
    assertThat(roster.participants())
        .containsExactly(Transferee.of(PhoneNumber.of("+14255550100"), CALLER_PARTICIPANT));
  }

  @Pact(consumer = CONSUMER)
  V4Pact hangUp(PactDslWithProvider builder) {
    return builder
        .given(CALL_EXISTS)
        .uponReceiving("the application hanging up its call")
        .pathFromProviderState(
            "/v1.0/communications/calls/${callId}", "/v1.0/communications/calls/" + CALL)
        .method("DELETE")
        .matchHeader("Authorization", BEARER_REGEX, "Bearer " + TOKEN)
        .matchHeader("client-request-id", UUID_REGEX, "6ba7b810-9dad-41d1-80b4-00c04fd430c8")
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "hangUp")
  void hangsUp(MockServer server) {
    assertThat(graph(server).hangUp(new HangUp(CALL), step("hangup-1")))
        .isInstanceOf(SubmitResult.Completed.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact placeCall(PactDslWithProvider builder) {
    PactDslJsonBody placed =
        new PactDslJsonBody()
            .stringValue("@odata.type", "#microsoft.graph.call")
            .uuid("id", CONSULTATION)
            .stringType("state", "establishing");
    return headers(
            builder
                .given(MAY_PLACE_CALLS)
                .uponReceiving("a consultation call placed to a Teams user")
                .path("/v1.0/communications/calls"))
        .body(
            PactBodies.rules()
                .fromState("callbackUri", "${callbackUri}")
                .body(
                    "{\"@odata.type\":\"#microsoft.graph.call\","
                        + "\"callbackUri\":\"https://bot.example.com/api/calls\","
                        + "\"targets\":[{\"identity\":{\"user\":{\"id\":\""
                        + AGENT
                        + "\"}}}],\"requestedModalities\":[\"audio\"],"
                        + "\"mediaConfig\":{\"@odata.type\":"
                        + "\"#microsoft.graph.serviceHostedMediaConfig\"}}"))
        .willRespondWith()
        .status(201)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(placed)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "placeCall")
  void placesAConsultationCall(MockServer server) {
    PlacedCall placed =
        graph(server)
            .placeCall(
                new PlaceCall(
                    TeamsUser.of(AGENT),
                    Optional.of(URI.create("https://bot.example.com/api/calls"))),
                step("consult-1"));
    assertThat(placed.result()).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(placed.callId()).contains(CONSULTATION);
  }

  // ------------------------------------------------------------------ helpers

  private static PactDslRequestWithPath post(
      PactDslWithState state, String description, String action) {
    return headers(
        state
            .uponReceiving(description)
            .pathFromProviderState(
                "/v1.0/communications/calls/${callId}" + action,
                "/v1.0/communications/calls/" + CALL + action));
  }

  private static PactDslRequestWithPath get(
      PactDslWithState state, String description, String path) {
    return state
        .uponReceiving(description)
        .pathFromProviderState(
            "/v1.0/communications/calls/${callId}" + path,
            "/v1.0/communications/calls/" + CALL + path)
        .method("GET")
        .matchHeader("Authorization", BEARER_REGEX, "Bearer " + TOKEN)
        .matchHeader("client-request-id", UUID_REGEX, "6ba7b810-9dad-41d1-80b4-00c04fd430c8");
  }

  private static PactDslRequestWithPath headers(PactDslRequestWithPath request) {
    return request
        .method("POST")
        .headers("Content-Type", "application/json", "Accept", "application/json")
        .matchHeader("Authorization", BEARER_REGEX, "Bearer " + TOKEN)
        .matchHeader("client-request-id", UUID_REGEX, "6ba7b810-9dad-41d1-80b4-00c04fd430c8");
  }

  private static PactDslRequestWithPath onCall(
      PactDslWithState state, String description, String action) {
    return post(state, description, action).body(USER_TRANSFER);
  }

  private static final String USER_TRANSFER =
      "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"" + AGENT + "\"}}}}";

  private static CallTransfer userTransfer() {
    return CallTransfer.builder(CALL, TeamsUser.of(AGENT)).build();
  }

  private static V4Pact accepted(PactDslRequestWithPath request) {
    return request.willRespondWith().status(202).toPact(V4Pact.class);
  }

  private static V4Pact error(PactDslRequestWithPath request, int status, String code) {
    return headers(request.body(USER_TRANSFER))
        .willRespondWith()
        .status(status)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(errorBody(code))
        .toPact(V4Pact.class);
  }

  private static au.com.dius.pact.consumer.dsl.PactDslJsonBody errorBody(String code) {
    return PactBodies.rules()
        .anyString("error.message")
        .body("{\"error\":{\"code\":\"" + code + "\",\"message\":\"as Graph words it\"}}");
  }

  private static SubmitResult submit(MockServer server, CallCommand command) {
    return graph(server).submit(command, SubmitContext.standalone(command, Clock.systemUTC()));
  }

  private static GraphCallControl graph(MockServer server) {
    return GraphCallControl.builder()
        .tokenSupplier(() -> TOKEN)
        .baseUrl(URI.create(server.getUrl()))
        .options(GraphOptions.builder().maxAttempts(1).build())
        .build();
  }

  /** A step of a handoff, its correlation Graph's clientContext. */
  private static SubmitContext step(String correlation) {
    return new SubmitContext(
        OperationId.of("handoff-1"),
        correlation,
        SubmissionToken.create(Clock.systemUTC().instant()));
  }

  /** A POST to an action on the caller's participant, its id from the provider state. */
  private static PactDslRequestWithPath onParticipant(
      PactDslWithState state, String description, String action) {
    return headers(
        state
            .uponReceiving(description)
            .pathFromProviderState(
                "/v1.0/communications/calls/${callId}/participants/${participantId}" + action,
                "/v1.0/communications/calls/"
                    + CALL
                    + "/participants/"
                    + CALLER_PARTICIPANT
                    + action));
  }

  /** Graph's answer to a media action: the operation, still running. */
  private static V4Pact running(
      PactDslRequestWithPath request, int status, String type, String clientContext) {
    return request
        .willRespondWith()
        .status(status)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(
            PactBodies.rules()
                .matching("id", UUID_REGEX)
                .body(
                    "{\"@odata.type\":\""
                        + type
                        + "\",\"id\":\"0b5e1f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b\","
                        + "\"status\":\"running\",\"clientContext\":\""
                        + clientContext
                        + "\"}"))
        .toPact(V4Pact.class);
  }

  private static Failure rejected(SubmitResult result) {
    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    return ((SubmitResult.Rejected) result).failure();
  }
}
