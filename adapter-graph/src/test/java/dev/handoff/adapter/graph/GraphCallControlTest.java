package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.Json;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, for every addressable identity kind and both API versions, as it reaches a local
 * Graph emulator: path, headers and body; and the synchronous answers to results.
 */
class GraphCallControlTest {
  private static final String COMMS_SET =
      "\"@odata.type\":\"#microsoft.graph.communicationsIdentitySet\"";

  private final LocalServer graph = LocalServer.start();

  @AfterEach
  void stop() {
    graph.close();
  }

  /** Each identity kind Graph can address, and the identity set it must become. */
  static Stream<Arguments> identities() {
    return Stream.of(
        Arguments.of(
            "Teams user with tenant and name",
            TeamsUser.of("u-1").withTenantId("t-1").withDisplayName("Ann"),
            "{\"user\":{\"id\":\"u-1\",\"tenantId\":\"t-1\",\"displayName\":\"Ann\"}}"),
        Arguments.of("bare Teams user", TeamsUser.of("u-2"), "{\"user\":{\"id\":\"u-2\"}}"),
        Arguments.of(
            "bot (application)",
            TeamsApp.bot("app-1").withDisplayName("Bot"),
            "{\"application\":{\"id\":\"app-1\",\"displayName\":\"Bot\"}}"),
        Arguments.of(
            "resource account (applicationInstance)",
            TeamsApp.resourceAccount("ra-1").withTenantId("t-1").withDisplayName("Queue"),
            "{"
                + COMMS_SET
                + ",\"applicationInstance\":{\"id\":\"ra-1\",\"tenantId\":\"t-1\",\"displayName\":\"Queue\"}}"),
        Arguments.of(
            "phone number",
            PhoneNumber.of("+1 (425) 555-0123").withDisplayName("Desk"),
            "{" + COMMS_SET + ",\"phone\":{\"id\":\"+14255550123\",\"displayName\":\"Desk\"}}"));
  }

  static Stream<Arguments> identitiesAndVersions() {
    List<Arguments> all = new ArrayList<>();
    for (GraphApiVersion version : GraphApiVersion.values()) {
      identities().forEach(a -> all.add(Arguments.of(version, a.get()[0], a.get()[1], a.get()[2])));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: transfer to {1}")
  @MethodSource("identitiesAndVersions")
  void blindTransferToEveryIdentityKind(
      GraphApiVersion version, String kind, Participant target, String identitySet) {
    graph.reply(Reply.status(202).with("request-id", "graph-req-1"));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), version)
            .transfer(CallTransfer.builder("call-1", target).build(), Fixtures.context("c"));

    LocalServer.Recorded request = only();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path())
        .isEqualTo("/" + version.pathSegment() + "/communications/calls/call-1/transfer");
    assertThat(Json.tree(request.body()))
        .isEqualTo(Json.tree("{\"transferTarget\":{\"identity\":" + identitySet + "}}"));
    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(result.evidence().httpStatus()).hasValue(202);
    assertThat(result.evidence().references())
        .containsEntry("client-request-id", request.header("client-request-id"))
        .containsEntry("request-id", "graph-req-1");
  }

  @ParameterizedTest(name = "{0}: consultative transfer, transferee {1}")
  @MethodSource("identitiesAndVersions")
  void consultativeGroupTransferWithEveryTransfereeKind(
      GraphApiVersion version, String kind, Participant transferee, String identitySet) {
    graph.reply(Reply.status(202));
    Participant target = TeamsUser.of("target-1").withTenantId("t-1");

    Fixtures.control(graph.baseUrl(), version)
        .transfer(
            CallTransfer.builder("call-1", target)
                .replacing("consult-9")
                .transferee(Transferee.of(transferee, "participant-7"))
                .build(),
            Fixtures.context("c"));

    assertThat(Json.tree(only().body()))
        .isEqualTo(
            Json.tree(
                "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-1\",\"tenantId\":\"t-1\"}},"
                    + "\"replacesCallId\":\"consult-9\"},"
                    + "\"transferee\":{\"identity\":"
                    + identitySet
                    + ",\"participantId\":\"participant-7\"}}"));
  }

  @ParameterizedTest(name = "{0}: invite {1}")
  @MethodSource("identitiesAndVersions")
  void inviteEveryIdentityKindWithTheCorrelationAsClientContext(
      GraphApiVersion version, String kind, Participant invitee, String identitySet) {
    graph.reply(
        Reply.json(
                200,
                "{\"@odata.type\":\"#microsoft.graph.inviteParticipantsOperation\","
                    + "\"id\":\"op-17\",\"status\":\"Running\",\"clientContext\":\"corr-5\",\"resultInfo\":null}")
            .with(
                "Location",
                "https://graph.microsoft.com/v1.0/communications/calls/call-1/operations/op-17"));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), version)
            .addParticipant(
                AddParticipant.builder("call-1", invitee).build(), Fixtures.context("corr-5"));

    LocalServer.Recorded request = only();
    assertThat(request.path())
        .isEqualTo(
            "/" + version.pathSegment() + "/communications/calls/call-1/participants/invite");
    assertThat(Json.tree(request.body()))
        .isEqualTo(
            Json.tree(
                "{\"participants\":[{\"identity\":"
                    + identitySet
                    + "}],\"clientContext\":\"corr-5\"}"));
    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(((SubmitResult.Accepted) result).invitationId()).hasValue("op-17");
    assertThat(result.evidence().references())
        .containsEntry("status", "Running")
        .containsEntry(
            "Location",
            "https://graph.microsoft.com/v1.0/communications/calls/call-1/operations/op-17");
  }

  @ParameterizedTest(name = "{0}: redirect to {1}")
  @MethodSource("identitiesAndVersions")
  void redirectToEveryIdentityKind(
      GraphApiVersion version, String kind, Participant target, String identitySet) {
    graph.reply(Reply.status(202));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), version)
            .redirect(
                RedirectCall.builder("call-1", "call-1", List.of(target))
                    .ringTimeout(Duration.ofSeconds(30))
                    .callbackUri(URI.create("https://bot.example/callbacks?secret=x"))
                    .build(),
                Fixtures.context("c"));

    LocalServer.Recorded request = only();
    assertThat(request.path())
        .isEqualTo("/" + version.pathSegment() + "/communications/calls/call-1/redirect");
    assertThat(Json.tree(request.body()))
        .isEqualTo(
            Json.tree(
                "{\"targets\":[{\"identity\":"
                    + identitySet
                    + "}],\"timeout\":30,\"callbackUri\":\"https://bot.example/callbacks?secret=x\"}"));
    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Test
  void redirectToSeveralTargetsWithoutOptionalMembers() {
    graph.reply(Reply.status(202));
    List<Participant> targets =
        List.of(
            TeamsUser.of("u-1"), PhoneNumber.of("+14255550100"), TeamsApp.resourceAccount("ra-1"));

    Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0)
        .redirect(RedirectCall.builder("call-1", "call-1", targets).build(), Fixtures.context("c"));

    assertThat(Json.tree(only().body()))
        .isEqualTo(
            Json.tree(
                "{\"targets\":[{\"identity\":{\"user\":{\"id\":\"u-1\"}}},"
                    + "{\"identity\":{"
                    + COMMS_SET
                    + ",\"phone\":{\"id\":\"+14255550100\"}}},"
                    + "{\"identity\":{"
                    + COMMS_SET
                    + ",\"applicationInstance\":{\"id\":\"ra-1\"}}}]}"));
  }

  @Test
  void everyRequestCarriesTheBearerTokenJsonHeadersAndAFreshClientRequestId() {
    graph.reply(Reply.status(202));
    GraphCallControl control = Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0);
    CallTransfer transfer = CallTransfer.builder("call-1", TeamsUser.of("u-1")).build();

    SubmitResult first = control.transfer(transfer, Fixtures.context("c"));
    SubmitResult second = control.transfer(transfer, Fixtures.context("c"));

    List<LocalServer.Recorded> requests = graph.requests();
    assertThat(requests).hasSize(2);
    for (LocalServer.Recorded request : requests) {
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
      assertThat(request.header("Content-Type")).startsWith("application/json");
      assertThat(request.header("Accept")).isEqualTo("application/json");
      assertThat(request.header("Retry-Attempt")).isNull();
      assertThat(UUID.fromString(request.header("client-request-id")).version()).isEqualTo(4);
    }
    assertThat(requests.get(0).header("client-request-id"))
        .isNotEqualTo(requests.get(1).header("client-request-id"));
    assertThat(first.evidence().references().get("client-request-id"))
        .isEqualTo(requests.get(0).header("client-request-id"));
    assertThat(second.evidence().references().get("client-request-id"))
        .isEqualTo(requests.get(1).header("client-request-id"));
  }

  @Test
  void callIdsArePercentEncodedIntoOnePathSegment() {
    graph.reply(Reply.status(202));

    Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0)
        .transfer(
            CallTransfer.builder("a/b?c#d%é", TeamsUser.of("u-1")).build(), Fixtures.context("c"));

    assertThat(only().path())
        .isEqualTo("/v1.0/communications/calls/a%2Fb%3Fc%23d%25%C3%A9/transfer");
  }

  @Test
  void aBaseUrlWithAPathPrefixKeepsIt() {
    graph.reply(Reply.status(202));

    Fixtures.control(URI.create(graph.baseUrl() + "/emulator/"), GraphApiVersion.BETA)
        .transfer(
            CallTransfer.builder("call-1", TeamsUser.of("u-1")).build(), Fixtures.context("c"));

    assertThat(only().path()).isEqualTo("/emulator/beta/communications/calls/call-1/transfer");
  }

  @ParameterizedTest
  @EnumSource(GraphApiVersion.class)
  void inviteAnswersWithoutBodyTakeTheInvitationFromLocation(GraphApiVersion version) {
    graph.reply(
        Reply.status(201)
            .with("Location", "/communications/calls/call-1/operations/op-from-location"));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), version)
            .addParticipant(
                AddParticipant.builder("call-1", TeamsUser.of("u-1")).build(),
                Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(((SubmitResult.Accepted) result).invitationId()).hasValue("op-from-location");
    assertThat(result.evidence().httpStatus()).hasValue(201);
  }

  @Test
  void inviteAnswerWithoutBodyOrLocationIsAcceptedWithoutInvitation() {
    graph.reply(Reply.status(202));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0)
            .addParticipant(
                AddParticipant.builder("call-1", TeamsUser.of("u-1")).build(),
                Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(((SubmitResult.Accepted) result).invitationId()).isEmpty();
  }

  @Test
  void inviteStatusIsReadInAnyCase() {
    graph.reply(Reply.json(200, "{\"id\":\"op-1\",\"status\":\"rUnNiNg\"}"));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0)
            .addParticipant(
                AddParticipant.builder("call-1", TeamsUser.of("u-1")).build(),
                Fixtures.context("c"));

    assertThat(((SubmitResult.Accepted) result).invitationId()).hasValue("op-1");
  }

  @Test
  void anInviteAnswerAlreadyCompletedIsFinal() {
    graph.reply(
        Reply.json(
            200, "{\"id\":\"op-1\",\"status\":\"Completed\",\"resultInfo\":{\"code\":200}}"));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0)
            .addParticipant(
                AddParticipant.builder("call-1", TeamsUser.of("u-1")).build(),
                Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Completed.class);
    assertThat(result.evidence().code()).hasValue("200");
  }

  @Test
  void anInviteAnswerAlreadyFailedIsRejectedWithItsResult() {
    graph.reply(
        Reply.json(
            200,
            "{\"id\":\"op-1\",\"status\":\"failed\",\"resultInfo\":{\"code\":403,\"subcode\":10151,"
                + "\"message\":\"missing metadata for PSTN dial out\"}}"));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0)
            .addParticipant(
                AddParticipant.builder("call-1", PhoneNumber.of("+14255550100")).build(),
                Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    SubmitResult.Rejected rejected = (SubmitResult.Rejected) result;
    assertThat(rejected.failure().reason())
        .isEqualTo(dev.handoff.domain.failure.FailureReason.FORBIDDEN_BY_POLICY);
    assertThat(rejected.failure().evidence().code()).hasValue("403");
    assertThat(rejected.failure().evidence().subCode()).hasValue("10151");
    assertThat(rejected.failure().message()).contains("missing metadata for PSTN dial out");
  }

  @Test
  void anUnreadableInviteAnswerIsStillAccepted() {
    graph.reply(Reply.json(200, "{not json"));

    SubmitResult result =
        Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0)
            .addParticipant(
                AddParticipant.builder("call-1", TeamsUser.of("u-1")).build(),
                Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(result.evidence().message())
        .hasValueSatisfying(m -> assertThat(m).contains("could not be read"));
  }

  @Test
  void capabilitiesAreDeclaredExactly() {
    var capabilities = GraphProvider.CAPABILITIES;
    assertThat(capabilities.provider().value()).isEqualTo("graph");
    assertThat(capabilities.features())
        .containsExactlyInAnyOrder(
            dev.handoff.domain.provider.Capability.TRANSFER,
            dev.handoff.domain.provider.Capability.CONSULTATIVE_TRANSFER,
            dev.handoff.domain.provider.Capability.TRANSFEREE,
            dev.handoff.domain.provider.Capability.TRANSFEREE_PARTICIPANT_ID,
            dev.handoff.domain.provider.Capability.ADD_PARTICIPANT,
            dev.handoff.domain.provider.Capability.REDIRECT,
            dev.handoff.domain.provider.Capability.REDIRECT_RING_TIMEOUT,
            dev.handoff.domain.provider.Capability.REDIRECT_CALLBACK_OVERRIDE,
            dev.handoff.domain.provider.Capability.PARTICIPANT_DISPLAY_NAME,
            dev.handoff.domain.provider.Capability.WARM_HANDOFF,
            dev.handoff.domain.provider.Capability.CONSULTATION_CALL,
            dev.handoff.domain.provider.Capability.HOLD_AUDIO_FILE,
            dev.handoff.domain.provider.Capability.PROMPT_AUDIO_FILE);
    assertThat(capabilities.addressable())
        .containsExactlyInAnyOrder(
            dev.handoff.domain.participant.ParticipantKind.TEAMS_USER,
            dev.handoff.domain.participant.ParticipantKind.TEAMS_APP,
            dev.handoff.domain.participant.ParticipantKind.PHONE_NUMBER);
    assertThat(capabilities.maxRedirectTargets()).isEqualTo(25);
    assertThat(capabilities.redirectRingTimeout())
        .hasValue(new dev.handoff.domain.provider.ProviderCapabilities.SecondsRange(15, 90));
    assertThat(Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0).capabilities())
        .isSameAs(capabilities);
  }

  private LocalServer.Recorded only() {
    assertThat(graph.requests()).hasSize(1);
    return graph.requests().get(0);
  }
}
