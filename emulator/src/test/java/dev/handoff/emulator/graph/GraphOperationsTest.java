package dev.handoff.emulator.graph;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.CallbackReceiver.Received;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphOperationsTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(3));

  static final String USER_TARGET =
      "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\",\"tenantId\":\"t\"}}}}";
  static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static String path(String name) {
    return "/" + name + "-" + UUID.randomUUID();
  }

  private static String state(Received r) {
    return r.graphNotification().get("resourceData").path("state").asText();
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {false, true})
  void transfersAPeerToPeerCall(boolean https, HandoffEmulator emulator) {
    String cb = path("transfer");
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "phone:+14255550100"));
    EmulatorHttp http = new EmulatorHttp(emulator, https);
    String token = http.graphToken();

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        http.base() + "/v1.0/communications/calls/" + call.callId() + "/transfer"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("client-request-id", "my-client-id")
                .POST(HttpRequest.BodyPublishers.ofString(USER_TARGET))
                .build());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("client-request-id")).contains("my-client-id");
    assertThat(response.headers().firstValue("request-id")).isPresent();

    List<Received> notifications = receiver.await(cb, 3);
    assertThat(notifications)
        .extracting(GraphOperationsTest::state)
        .containsExactly("transferring", "transferAccepted", "terminated");
    JsonNode envelope = notifications.get(0).json();
    assertThat(envelope.get("@odata.type").asText())
        .isEqualTo("#microsoft.graph.commsNotifications");
    JsonNode first = notifications.get(0).graphNotification();
    assertThat(first.get("@odata.type").asText()).isEqualTo("#microsoft.graph.commsNotification");
    assertThat(first.get("changeType").asText()).isEqualTo("updated");
    assertThat(first.get("resourceUrl").asText())
        .isEqualTo("/communications/calls/" + call.callId());
    assertThat(first.get("resourceData").get("@odata.type").asText())
        .isEqualTo("#microsoft.graph.call");
    JsonNode terminated = notifications.get(2).graphNotification();
    assertThat(terminated.get("changeType").asText()).isEqualTo("deleted");
    JsonNode result = terminated.get("resourceData").get("resultInfo");
    assertThat(result.get("code").asInt()).isZero();
    assertThat(result.get("subcode").asInt()).isEqualTo(7015);
    assertThat(result.get("message").asText()).isEqualTo("GracefulTransferCompleted");
    assertThat(notifications.get(0).header("Authorization")).startsWith("Bearer ey");
    assertThat(emulator.control().graphCallState(call.callId())).contains("terminated");
    assertThat(
            emulator
                .journal()
                .awaitCallbacks(c -> c.provider().equals("graph"), 3, Duration.ofSeconds(5)))
        .extracting(SentCallback::event)
        .containsExactly("call.transferring", "call.transferAccepted", "call.terminated");
    assertThat(emulator.journal().requests())
        .extracting(r -> r.operation())
        .contains("token", "graph.transfer");
  }

  @Test
  void aFailedBlindTransferReturnsTheCallToEstablished(HandoffEmulator emulator) {
    String cb = path("fail");
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "phone:+14255550100"));
    emulator.control().script("target-user", Outcome.decline());
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    assertThat(
            http.graphPost(
                    "/v1.0/communications/calls/" + call.callId() + "/transfer",
                    USER_TARGET,
                    http.graphToken())
                .statusCode())
        .isEqualTo(202);
    List<Received> notifications = receiver.await(cb, 2);
    assertThat(notifications)
        .extracting(GraphOperationsTest::state)
        .containsExactly("transferring", "established");
    JsonNode result =
        notifications.get(1).graphNotification().get("resourceData").get("resultInfo");
    assertThat(result.get("code").asInt()).isEqualTo(500);
    assertThat(result.get("subcode").asInt()).isEqualTo(7000);
    assertThat(emulator.control().graphCallState(call.callId())).contains("established");
  }

  @Test
  void aConsultativeTransferEndsBothCallsOrReportsTheReplacesContext(HandoffEmulator emulator) {
    String cb = path("consult");
    GraphCall original =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "phone:+14255550100"));
    String consultCb = path("consultation");
    GraphCall consultation =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(consultCb), "user:target-user"));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();
    String body =
        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\"}},\"replacesCallId\":\""
            + consultation.callId()
            + "\"}}";
    assertThat(
            http.graphPost(
                    "/v1.0/communications/calls/" + original.callId() + "/transfer", body, token)
                .statusCode())
        .isEqualTo(202);
    List<Received> notifications = receiver.await(cb, 3);
    assertThat(
            notifications
                .get(2)
                .graphNotification()
                .get("resourceData")
                .get("terminationReason")
                .asText())
        .isEqualTo("AppTransferred");
    assertThat(state(receiver.await(consultCb, 1).get(0))).isEqualTo("terminated");

    String cb2 = path("consult-fail");
    GraphCall another =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb2), "phone:+14255550100"));
    String missing =
        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\"}},\"replacesCallId\":\"no-such-call\"}}";
    http.graphPost("/v1.0/communications/calls/" + another.callId() + "/transfer", missing, token);
    JsonNode failed = receiver.await(cb2, 2).get(1).graphNotification().get("resourceData");
    assertThat(failed.get("state").asText()).isEqualTo("established");
    assertThat(failed.get("resultInfo").get("subcode").asInt()).isEqualTo(7700);
    assertThat(failed.get("replacesContext").asText()).isNotBlank();
  }

  @Test
  void aGroupCallTransferNeedsTheTransferee(HandoffEmulator emulator) {
    String cb = path("group");
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.group(receiver.url(cb), "user:a", "user:b"));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();
    HttpResponse<String> missing =
        http.graphPost(
            "/v1.0/communications/calls/" + call.callId() + "/transfer", USER_TARGET, token);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing).get("error").get("code").asText()).isEqualTo("8523");
    String participantId = call.participants().get(0).participantId();
    String body =
        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\"}}},\"transferee\":{\"participantId\":\""
            + participantId
            + "\",\"identity\":{\"user\":{\"id\":\"a\"}}}}";
    assertThat(
            http.graphPost("/v1.0/communications/calls/" + call.callId() + "/transfer", body, token)
                .statusCode())
        .isEqualTo(202);
    List<Received> notifications = receiver.await(cb, 3);
    assertThat(notifications)
        .extracting(GraphOperationsTest::state)
        .containsExactly("transferring", "transferAccepted", "terminated");
    JsonNode ended = notifications.get(2).graphNotification();
    assertThat(ended.get("changeType").asText()).isEqualTo("deleted");
    assertThat(ended.at("/resourceData/resultInfo/code").asInt()).isZero();
    assertThat(ended.at("/resourceData/resultInfo/subcode").asInt()).isEqualTo(7015);
    assertThat(emulator.control().graphCallState(call.callId())).contains("terminated");
  }

  @Test
  void aGroupCallMayBeScriptedToReportTheTransferByItsRoster(HandoffEmulator emulator) {
    String cb = path("group-roster");
    GraphCall call =
        emulator
            .control()
            .createGraphCall(
                GraphCallSpec.group(receiver.url(cb), "user:a", "user:b")
                    .withGroupTransferEnd(GraphCallSpec.GroupTransferEnd.ROSTER));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String body =
        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\"}}},\"transferee\":{\"participantId\":\""
            + call.participants().get(0).participantId()
            + "\",\"identity\":{\"user\":{\"id\":\"a\"}}}}";
    assertThat(
            http.graphPost(
                    "/v1.0/communications/calls/" + call.callId() + "/transfer",
                    body,
                    http.graphToken())
                .statusCode())
        .isEqualTo(202);
    List<Received> notifications = receiver.await(cb, 4);
    assertThat(notifications.subList(0, 3))
        .extracting(GraphOperationsTest::state)
        .containsExactly("transferring", "transferAccepted", "established");
    JsonNode roster = notifications.get(3).graphNotification();
    assertThat(roster.get("resourceUrl").asText()).endsWith("/participants");
    assertThat(roster.get("resourceData")).hasSize(2);
    assertThat(roster.get("resourceData").toString()).doesNotContain("\"id\":\"a\"");
    assertThat(emulator.control().graphCallState(call.callId())).contains("established");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {false, true})
  void invitesAParticipant(boolean https, HandoffEmulator emulator) {
    String cb = path("invite");
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "phone:+14255550100"));
    EmulatorHttp http = new EmulatorHttp(emulator, https);
    String token = http.graphToken();
    HttpResponse<String> response =
        http.graphPost(
            "/v1.0/communications/calls/" + call.callId() + "/participants/invite",
            "{\"participants\":[{\"@odata.type\":\"#microsoft.graph.invitationParticipantInfo\","
                + "\"identity\":{\"user\":{\"id\":\"invitee\",\"displayName\":\"Invitee\"}}}],\"clientContext\":\"ctx-9\"}",
            token);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("@odata.type").asText())
        .isEqualTo("#microsoft.graph.inviteParticipantsOperation");
    assertThat(body.get("status").asText()).isEqualTo("Running");
    assertThat(body.get("clientContext").asText()).isEqualTo("ctx-9");
    assertThat(body.get("resultInfo").isNull()).isTrue();
    JsonNode invited = body.get("participants").get(0);
    assertThat(invited.get("id").isNull()).isTrue();
    assertThat(invited.get("identity").get("user").get("tenantId").asText())
        .isEqualTo(emulator.graph().tenantId());
    assertThat(invited.get("identity").get("user").get("identityProvider").asText())
        .isEqualTo("AAD");
    String operationId = body.get("id").asText();
    assertThat(response.headers().firstValue("location"))
        .contains(
            http.base()
                + "/v1.0/communications/calls/"
                + call.callId()
                + "/operations/"
                + operationId);

    List<Received> notifications = receiver.await(cb, 2);
    JsonNode operation = notifications.get(0).graphNotification();
    assertThat(operation.get("changeType").asText()).isEqualTo("deleted");
    assertThat(operation.get("resourceUrl").asText())
        .isEqualTo("/communications/calls/" + call.callId() + "/operations/" + operationId);
    assertThat(operation.get("resourceData").get("status").asText()).isEqualTo("completed");
    JsonNode roster = notifications.get(1).graphNotification();
    assertThat(roster.get("changeType").asText()).isEqualTo("updated");
    assertThat(roster.get("resourceData").isArray()).isTrue();
    assertThat(roster.get("resourceData")).hasSize(3);

    HttpResponse<String> fetched =
        http.graphGet(
            "/v1.0/communications/calls/" + call.callId() + "/operations/" + operationId, token);
    assertThat(json(fetched).get("status").asText()).isEqualTo("Completed");

    HttpResponse<String> afterInvite =
        http.graphPost(
            "/v1.0/communications/calls/" + call.callId() + "/transfer", USER_TARGET, token);
    assertThat(afterInvite.statusCode()).isEqualTo(400);
    assertThat(json(afterInvite).get("error").get("message").asText())
        .isEqualTo("Cannot do transfer for meeting mode");
  }

  @Test
  void aFailedInvitationFailsTheOperation(HandoffEmulator emulator) {
    String cb = path("invite-fail");
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "phone:+14255550100"));
    emulator.control().script("+14255550111", Outcome.busy());
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    http.graphPost(
        "/beta/communications/calls/" + call.callId() + "/participants/invite",
        "{\"participants\":[{\"identity\":{\"@odata.type\":\"#microsoft.graph.communicationsIdentitySet\",\"phone\":{\"id\":\"+14255550111\"}}}]}",
        http.graphToken());
    List<Received> notifications = receiver.await(cb, 1);
    JsonNode operation = notifications.get(0).graphNotification().get("resourceData");
    assertThat(operation.get("status").asText()).isEqualTo("failed");
    assertThat(operation.get("resultInfo").get("code").asInt()).isEqualTo(486);
    assertThat(emulator.journal().awaitCallbacks(c -> true, 1, Duration.ofSeconds(5)))
        .extracting(SentCallback::event)
        .containsExactly("operation.failed");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {false, true})
  void redirectsAnIncomingCall(boolean https, HandoffEmulator emulator) {
    String cb = path("incoming");
    GraphIncomingCall call =
        emulator
            .control()
            .createGraphIncomingCall(
                new GraphIncomingCallSpec(
                    receiver.url(cb), "phone:+14255550100", "applicationInstance:ra-1"));
    Received created = receiver.await(cb, 1).get(0);
    JsonNode notification = created.graphNotification();
    assertThat(notification.get("changeType").asText()).isEqualTo("created");
    assertThat(notification.get("resourceData").get("state").asText()).isEqualTo("incoming");
    assertThat(
            notification
                .get("resourceData")
                .get("source")
                .get("identity")
                .get("phone")
                .get("id")
                .asText())
        .isEqualTo("+14255550100");
    assertThat(
            notification
                .get("resourceData")
                .get("targets")
                .get(0)
                .get("identity")
                .get("applicationInstance")
                .get("id")
                .asText())
        .isEqualTo("ra-1");

    EmulatorHttp http = new EmulatorHttp(emulator, https);
    String token = http.graphToken();
    String redirectPath = "/v1.0/communications/calls/" + call.callId() + "/redirect";
    String target = "{\"identity\":{\"user\":{\"id\":\"agent\"}}}";
    assertThat(
            http.graphPost(redirectPath, "{\"targets\":[" + target + "],\"timeout\":91}", token)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            http.graphPost(redirectPath, "{\"targets\":[" + target + "],\"timeout\":14}", token)
                .body())
        .contains("between 15 and 90");
    String tooMany =
        "{\"targets\":[" + String.join(",", java.util.Collections.nCopies(26, target)) + "]}";
    assertThat(http.graphPost(redirectPath, tooMany, token).body()).contains("at most 25");
    assertThat(
            http.graphPost(
                    redirectPath, "{\"targets\":[" + target + "],\"maskCaller\":true}", token)
                .body())
        .contains("'maskCaller' in the request payload is not a valid parameter");

    HttpResponse<String> redirected =
        http.graphPost(
            redirectPath,
            "{\"targets\":["
                + target
                + "],\"timeout\":30,\"routingPolicies\":[\"disableForwarding\"]}",
            token);
    assertThat(redirected.statusCode()).isEqualTo(202);
    Received ended = receiver.await(cb, 2).get(1);
    assertThat(ended.graphNotification().get("changeType").asText()).isEqualTo("deleted");
    assertThat(state(ended)).isEqualTo("terminated");
    assertThat(http.graphPost(redirectPath, "{\"targets\":[" + target + "]}", token).statusCode())
        .isEqualTo(404);

    GraphCall established =
        emulator.control().createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "user:x"));
    HttpResponse<String> notIncoming =
        http.graphPost(
            "/v1.0/communications/calls/" + established.callId() + "/redirect",
            "{\"targets\":[" + target + "]}",
            token);
    assertThat(notIncoming.statusCode()).isEqualTo(400);
    assertThat(notIncoming.body()).contains("only an incoming call");
  }

  @Test
  void getsACall(HandoffEmulator emulator) {
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url("/get"), "user:x"));
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    HttpResponse<String> response =
        http.graphGet("/beta/communications/calls/" + call.callId(), http.graphToken());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/json");
    JsonNode body = json(response);
    assertThat(body.get("state").asText()).isEqualTo("established");
    assertThat(body.get("myParticipantId").asText()).isEqualTo(call.myParticipantId());
    assertThat(body.get("targets").get(0).get("identity").get("user").get("id").asText())
        .isEqualTo("x");
  }

  @Test
  void answersWithGraphsErrorShape(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    HttpResponse<String> notFound =
        http.graphPost("/v1.0/communications/calls/nope/transfer", USER_TARGET, http.graphToken());
    assertThat(notFound.statusCode()).isEqualTo(404);
    JsonNode error = json(notFound).get("error");
    assertThat(error.get("code").asText()).isEqualTo("8522");
    assertThat(error.get("message").asText()).isEqualTo("Call not found.");
    assertThat(error.get("innerError").get("request-id").asText())
        .isEqualTo(notFound.headers().firstValue("request-id").orElseThrow());
    assertThat(error.get("innerError").get("date").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

    HttpResponse<String> anonymous =
        http.graphPost("/v1.0/communications/calls/nope/transfer", USER_TARGET, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(json(anonymous).get("error").get("code").asText())
        .isEqualTo("InvalidAuthenticationToken");
    HttpResponse<String> forged =
        http.graphPost("/v1.0/communications/calls/nope/transfer", USER_TARGET, "abc.def.ghi");
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void validatesTransferBodiesButToleratesTheDocExampleOddities(HandoffEmulator emulator) {
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(path("odd")), "user:x"));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();
    String transferPath = "/v1.0/communications/calls/" + call.callId() + "/transfer";

    HttpResponse<String> unknown =
        http.graphPost(
            transferPath,
            "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"u\"}},\"priority\":1}}",
            token);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("error").get("code").asText()).isEqualTo("BadRequest");
    assertThat(json(unknown).get("error").get("message").asText())
        .contains(
            "The property 'priority' does not exist on type 'microsoft.graph.invitationParticipantInfo'");
    assertThat(http.graphPost(transferPath, "{}", token).body())
        .contains("'transferTarget' is required");
    assertThat(http.graphPost(transferPath, "{\"transferTarget\":{\"identity\":{}}}", token).body())
        .contains("at least one identity");
    assertThat(
            http.graphPost(
                    transferPath,
                    "{\"transferTarget\":{\"identity\":{\"phone\":{\"id\":\"12345\"}}}}",
                    token)
                .body())
        .contains("E.164");
    assertThat(
            http.graphPost(
                    transferPath,
                    "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"u\"}}},\"extra\":1}",
                    token)
                .body())
        .contains("'extra' in the request payload is not a valid parameter");

    HttpResponse<String> odd =
        http.graphPost(
            transferPath,
            "{\"transferTarget\":{\"endpointType\":\"default\",\"identity\":{\"user\":{\"id\":\"u\"}},\"languageId\":\"en-us\","
                + "\"region\":\"amer\"},\"clientContext\":\"9e90d1c1\"}",
            token);
    assertThat(odd.statusCode()).isEqualTo(202);
  }

  @Test
  void requiresTheCallingPermissions() {
    try (HandoffEmulator limited =
            HandoffEmulator.builder()
                .graphRoles(List.of("Calls.Initiate.All"))
                .timeScale(0.01)
                .build()
                .start();
        CallbackReceiver local = new CallbackReceiver()) {
      GraphCall call =
          limited.control().createGraphCall(GraphCallSpec.peerToPeer(local.url("/p"), "user:x"));
      EmulatorHttp http = new EmulatorHttp(limited, false);
      HttpResponse<String> invite =
          http.graphPost(
              "/v1.0/communications/calls/" + call.callId() + "/participants/invite",
              "{\"participants\":[{\"identity\":{\"user\":{\"id\":\"y\"}}}]}",
              http.graphToken());
      assertThat(invite.statusCode()).isEqualTo(403);
      assertThat(json(invite).get("error").get("code").asText())
          .isEqualTo("Authorization_RequestDenied");
      assertThat(json(invite).get("error").get("message").asText())
          .contains("Calls.InitiateGroupCall.All");
    }
  }

  @Test
  void anIncomingCallCanNoLongerBeRedirectedAfterItsTimeout() {
    try (HandoffEmulator strict =
            HandoffEmulator.builder().graphIncomingCallTimeout(Duration.ZERO).build().start();
        CallbackReceiver local = new CallbackReceiver()) {
      GraphIncomingCall call =
          strict
              .control()
              .createGraphIncomingCall(
                  new GraphIncomingCallSpec(local.url("/in"), "phone:+14255550100", null));
      local.await("/in", 1);
      EmulatorHttp http = new EmulatorHttp(strict, false);
      HttpResponse<String> late =
          http.graphPost(
              "/v1.0/communications/calls/" + call.callId() + "/redirect",
              "{\"targets\":[{\"identity\":{\"user\":{\"id\":\"agent\"}}}]}",
              http.graphToken());
      assertThat(late.statusCode()).isEqualTo(404);
      assertThat(json(late).get("error").get("code").asText()).isEqualTo("8522");
      assertThat(strict.control().graphCallState(call.callId())).contains("terminated");
    }
  }

  @Test
  void canSpellSubCodeTheWayTheDocExamplesDo() {
    try (HandoffEmulator camel =
            HandoffEmulator.builder().graphSubCodeCamelCase(true).timeScale(0.01).build().start();
        CallbackReceiver local = new CallbackReceiver()) {
      GraphCall call =
          camel.control().createGraphCall(GraphCallSpec.peerToPeer(local.url("/c"), "user:x"));
      camel.control().script("target-user", Outcome.noAnswer());
      EmulatorHttp http = new EmulatorHttp(camel, false);
      http.graphPost(
          "/v1.0/communications/calls/" + call.callId() + "/transfer",
          USER_TARGET,
          http.graphToken());
      JsonNode result =
          local.await("/c", 2).get(1).graphNotification().get("resourceData").get("resultInfo");
      assertThat(result.has("subCode")).isTrue();
      assertThat(result.has("subcode")).isFalse();
    }
  }
}
