package dev.handoff.emulator.acs;

import static dev.handoff.emulator.support.Conformance.assertConforms;
import static dev.handoff.emulator.support.Conformance.assertEventConforms;
import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.AcsSigner;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.CallbackReceiver.Received;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AcsOperationsTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(7));

  static final String TARGET =
      "{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}";
  static final String CALLER = "4:+14255550100";
  static CallbackReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static String path(String name) {
    return "/" + name + "-" + UUID.randomUUID();
  }

  private static String transfer(String callId) {
    return "/calling/callConnections/" + callId + ":transferToParticipant?api-version=2026-03-12";
  }

  private static String add(String callId) {
    return "/calling/callConnections/" + callId + "/participants:add?api-version=2026-03-12";
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {false, true})
  void transfersAOneToOneCallAndDisconnectsTheAppLeg(boolean https, HandoffEmulator emulator) {
    String cb = path("transfer");
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    EmulatorHttp http = new EmulatorHttp(emulator, https);

    HttpResponse<String> response =
        http.acsPost(
            transfer(call.callConnectionId()),
            "{\"targetParticipant\":" + TARGET + ",\"operationContext\":\"xfer-1\"}",
            Map.of(
                "x-ms-client-request-id", "client-1",
                "Repeatability-Request-ID", UUID.randomUUID().toString(),
                "Repeatability-First-Sent", AcsSigner.now()),
            emulator.acs().accessKey());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"operationContext\":\"xfer-1\"}");
    assertConforms("TransferCallResponse", json(response));
    assertThat(response.headers().firstValue("content-type"))
        .contains("application/json; charset=utf-8");
    assertThat(response.headers().firstValue("repeatability-result")).contains("accepted");
    assertThat(response.headers().firstValue("retry-after")).contains("0");
    assertThat(response.headers().firstValue("x-microsoft-skype-chain-id"))
        .contains(call.correlationId());
    assertThat(response.headers().firstValue("x-ms-client-request-id")).contains("client-1");

    List<Received> events = receiver.await(cb, 2);
    assertThat(events)
        .extracting(Received::acsType)
        .containsExactly("CallTransferAccepted", "CallDisconnected");
    JsonNode accepted = events.get(0).json().get(0);
    assertThat(accepted.get("source").asText())
        .isEqualTo("calling/callConnections/" + call.callConnectionId());
    assertThat(accepted.get("subject").asText()).isEqualTo(accepted.get("source").asText());
    assertThat(accepted.get("specversion").asText()).isEqualTo("1.0");
    assertThat(accepted.get("time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00");
    JsonNode data = accepted.get("data");
    assertThat(data.get("operationContext").asText()).isEqualTo("xfer-1");
    assertThat(data.get("resultInformation").get("code").asInt()).isEqualTo(200);
    assertThat(data.get("resultInformation").get("subCode").asInt()).isEqualTo(7015);
    assertThat(data.get("transferTarget").get("rawId").asText()).isEqualTo("4:+14255550123");
    assertThat(data.get("transferee").get("rawId").asText()).isEqualTo(CALLER);
    assertThat(data.get("version").asText()).isEqualTo("2026-03-12");
    assertThat(data.get("serverCallId").asText()).isEqualTo(call.serverCallId());
    events.forEach(e -> assertEventConforms(e.json().get(0)));
    assertThat(events.get(0).header("Authorization")).startsWith("Bearer ey");

    assertThat(emulator.control().acsCallState(call.callConnectionId())).contains("disconnected");
    ReceivedRequest journaled =
        emulator.journal().requests().stream()
            .filter(r -> r.operation().equals("acs.transfer"))
            .findFirst()
            .orElseThrow();
    assertThat(journaled.scheme()).isEqualTo(https ? "https" : "http");
    assertThat(journaled.status()).isEqualTo(202);
    assertThat(journaled.body()).contains("xfer-1");
    List<SentCallback> sent =
        emulator
            .journal()
            .awaitCallbacks(c -> c.provider().equals("acs"), 2, Duration.ofSeconds(5));
    assertThat(sent)
        .extracting(SentCallback::event)
        .containsExactly("CallTransferAccepted", "CallDisconnected");
    assertThat(sent)
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(SentCallback.Status.DELIVERED));
    assertThat(sent.get(0).attempts()).hasSize(1);

    HttpResponse<String> gone =
        http.acsGet(
            "/calling/callConnections/" + call.callConnectionId() + "?api-version=2026-03-12");
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body())
        .isEqualTo("{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}");
  }

  static Stream<Arguments> failedTransfers() {
    return Stream.of(
        Arguments.of(Outcome.decline(), 603, 8538),
        Arguments.of(Outcome.busy(), 486, 8539),
        Arguments.of(Outcome.noAnswer(), 480, 10037),
        Arguments.of(Outcome.fail(500, 8500, "Scripted."), 500, 8500));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failedTransfers")
  void aFailedTransferReportsCallTransferFailedAndKeepsTheCall(
      Outcome outcome, int code, int subCode, HandoffEmulator emulator) {
    String cb = path("failed");
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    emulator.control().script("+14255550123", outcome);

    HttpResponse<String> response =
        new EmulatorHttp(emulator, false)
            .acsPost(transfer(call.callConnectionId()), "{\"targetParticipant\":" + TARGET + "}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{}");
    Received event = receiver.await(cb, 1).get(0);
    assertThat(event.acsType()).isEqualTo("CallTransferFailed");
    JsonNode result = event.json().get(0).get("data").get("resultInformation");
    assertThat(result.get("code").asInt()).isEqualTo(code);
    assertThat(result.get("subCode").asInt()).isEqualTo(subCode);
    assertEventConforms(event.json().get(0));
    assertThat(emulator.control().acsCallState(call.callConnectionId())).contains("connected");
  }

  @Test
  void aCallCanBeCreatedUnderAChosenIdOnce(HandoffEmulator emulator) {
    AcsCall named =
        emulator
            .control()
            .createAcsCall(
                AcsCallSpec.oneToOne(receiver.url(path("named")), CALLER)
                    .withCallConnectionId("demo-call"));
    assertThat(named.callConnectionId()).isEqualTo("demo-call");
    assertThat(emulator.control().acsCallState("demo-call")).contains("connected");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                emulator
                    .control()
                    .createAcsCall(
                        AcsCallSpec.oneToOne(receiver.url(path("named")), CALLER)
                            .withCallConnectionId("demo-call")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void voicemailCountsAsASuccessfulTransfer(HandoffEmulator emulator) {
    String cb = path("voicemail");
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    emulator.control().script("4:+14255550123", Outcome.voicemail());
    new EmulatorHttp(emulator, false)
        .acsPost(transfer(call.callConnectionId()), "{\"targetParticipant\":" + TARGET + "}");
    assertThat(receiver.await(cb, 2))
        .extracting(Received::acsType)
        .containsExactly("CallTransferAccepted", "CallDisconnected");
  }

  @Test
  void aGroupTransferNeedsTheTransfereeAndKeepsTheCall(HandoffEmulator emulator) {
    String cb = path("group");
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.group(receiver.url(cb), CALLER, "8:acs:res_agent"));
    EmulatorHttp http = new EmulatorHttp(emulator, false);

    HttpResponse<String> missing =
        http.acsPost(transfer(call.callConnectionId()), "{\"targetParticipant\":" + TARGET + "}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing).get("error").get("code").asText()).isEqualTo("8523");
    assertThat(json(missing).get("error").get("message").asText()).contains("'transferee'");

    HttpResponse<String> stranger =
        http.acsPost(
            transfer(call.callConnectionId()),
            "{\"targetParticipant\":" + TARGET + ",\"transferee\":{\"rawId\":\"4:+19999999999\"}}");
    assertThat(stranger.statusCode()).isEqualTo(400);
    assertThat(stranger.body()).contains("is not a participant of this call");

    HttpResponse<String> ok =
        http.acsPost(
            transfer(call.callConnectionId()),
            "{\"targetParticipant\":"
                + TARGET
                + ",\"transferee\":{\"phoneNumber\":{\"value\":\"+14255550100\"}}}");
    assertThat(ok.statusCode()).isEqualTo(202);
    List<Received> events = receiver.await(cb, 2);
    assertThat(events)
        .extracting(Received::acsType)
        .containsExactly("CallTransferAccepted", "ParticipantsUpdated");
    JsonNode participants = events.get(1).json().get(0).get("data").get("participants");
    assertThat(participants).hasSize(1);
    assertThat(participants.get(0).get("identifier").get("rawId").asText())
        .isEqualTo("8:acs:res_agent");
    assertEventConforms(events.get(1).json().get(0));
    assertThat(emulator.control().acsCallState(call.callConnectionId())).contains("connected");
  }

  @Test
  void aSecondTransferWhileOneIsRingingConflicts(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne(receiver.url(path("conflict")), CALLER));
    emulator.control().script("+14255550123", Outcome.noAnswer());
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    assertThat(
            http.acsPost(
                    transfer(call.callConnectionId()), "{\"targetParticipant\":" + TARGET + "}")
                .statusCode())
        .isEqualTo(202);
    HttpResponse<String> second =
        http.acsPost(transfer(call.callConnectionId()), "{\"targetParticipant\":" + TARGET + "}");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(json(second).get("error").get("code").asText()).isEqualTo("8607");
  }

  @Test
  void theOperationCallbackUriOverridesTheCallsCallbackForTheOperationsEvents(
      HandoffEmulator emulator) {
    String callCb = path("call");
    String opCb = path("op");
    AcsCall call =
        emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(callCb), CALLER));
    new EmulatorHttp(emulator, false)
        .acsPost(
            transfer(call.callConnectionId()),
            "{\"targetParticipant\":"
                + TARGET
                + ",\"operationCallbackUri\":\""
                + receiver.url(opCb)
                + "\"}");
    assertThat(receiver.await(opCb, 1).get(0).acsType()).isEqualTo("CallTransferAccepted");
    assertThat(receiver.await(callCb, 1).get(0).acsType()).isEqualTo("CallDisconnected");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {false, true})
  void addsAParticipant(boolean https, HandoffEmulator emulator) {
    String cb = path("add");
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    HttpResponse<String> response =
        new EmulatorHttp(emulator, https)
            .acsPost(
                add(call.callConnectionId()),
                "{\"participantToAdd\":{\"communicationUser\":{\"id\":\"8:acs:res_new\"}},"
                    + "\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"},\"invitationTimeoutInSeconds\":30,"
                    + "\"operationContext\":\"add-1\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json(response);
    assertConforms("AddParticipantResponse", body);
    assertThat(body.get("participant").get("identifier").get("kind").asText())
        .isEqualTo("communicationUser");
    assertThat(body.get("participant").get("identifier").get("rawId").asText())
        .isEqualTo("8:acs:res_new");
    assertThat(body.get("participant").get("isMuted").asBoolean()).isFalse();
    assertThat(body.get("operationContext").asText()).isEqualTo("add-1");
    assertThat(body.get("invitationId").asText()).matches("[0-9a-f-]{36}");

    List<Received> events = receiver.await(cb, 2);
    assertThat(events)
        .extracting(Received::acsType)
        .containsExactly("AddParticipantSucceeded", "ParticipantsUpdated");
    assertThat(events.get(0).json().get(0).get("data").get("participant").get("rawId").asText())
        .isEqualTo("8:acs:res_new");
    JsonNode updated = events.get(1).json().get(0).get("data");
    assertThat(updated.get("sequenceNumber").asInt()).isEqualTo(1);
    assertThat(updated.get("participants")).hasSize(2);
    events.forEach(e -> assertEventConforms(e.json().get(0)));
  }

  static Stream<Arguments> failedAdds() {
    return Stream.of(
        Arguments.of(Outcome.decline(), 603, 8538),
        Arguments.of(Outcome.busy(), 486, 8539),
        Arguments.of(Outcome.noAnswer(), 480, 10037),
        Arguments.of(Outcome.fail(403, 7504, "Insufficient permissions."), 403, 7504));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failedAdds")
  void aFailedInvitationReportsAddParticipantFailed(
      Outcome outcome, int code, int subCode, HandoffEmulator emulator) {
    String cb = path("addfail");
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    emulator.control().script("+14255550199", outcome);
    new EmulatorHttp(emulator, false)
        .acsPost(
            add(call.callConnectionId()),
            "{\"participantToAdd\":{\"phoneNumber\":{\"value\":\"+14255550199\"}},"
                + "\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"},\"invitationTimeoutInSeconds\":5}");
    Received event = receiver.await(cb, 1).get(0);
    assertThat(event.acsType()).isEqualTo("AddParticipantFailed");
    JsonNode data = event.json().get(0).get("data");
    assertThat(data.get("resultInformation").get("code").asInt()).isEqualTo(code);
    assertThat(data.get("resultInformation").get("subCode").asInt()).isEqualTo(subCode);
    assertThat(data.get("participant").get("rawId").asText()).isEqualTo("4:+14255550199");
    assertEventConforms(event.json().get(0));
  }

  @Test
  void voicemailAnswersAnInvitation(HandoffEmulator emulator) {
    String cb = path("addvm");
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    emulator.control().script("+14255550199", Outcome.voicemail());
    new EmulatorHttp(emulator, false)
        .acsPost(
            add(call.callConnectionId()),
            "{\"participantToAdd\":{\"phoneNumber\":{\"value\":\"+14255550199\"}},"
                + "\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"}}");
    assertThat(receiver.await(cb, 2))
        .extracting(Received::acsType)
        .containsExactly("AddParticipantSucceeded", "ParticipantsUpdated");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {false, true})
  void cancelsAPendingInvitation(boolean https, HandoffEmulator emulator) {
    String cb = path("cancel");
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    emulator.control().script("8:acs:res_slow", Outcome.noAnswer());
    EmulatorHttp http = new EmulatorHttp(emulator, https);
    String invitationId =
        json(http.acsPost(
                add(call.callConnectionId()),
                "{\"participantToAdd\":{\"communicationUser\":{\"id\":\"8:acs:res_slow\"}},"
                    + "\"invitationTimeoutInSeconds\":180,\"operationContext\":\"add-ctx\"}"))
            .get("invitationId")
            .asText();
    String cancelPath =
        "/calling/callConnections/"
            + call.callConnectionId()
            + "/participants:cancelAddParticipant?api-version=2026-03-12";

    HttpResponse<String> cancelled =
        http.acsPost(
            cancelPath,
            "{\"invitationId\":\"" + invitationId + "\",\"operationContext\":\"cancel-ctx\"}");
    assertThat(cancelled.statusCode()).isEqualTo(202);
    assertThat(json(cancelled).get("invitationId").asText()).isEqualTo(invitationId);
    assertConforms("CancelAddParticipantResponse", json(cancelled));
    List<Received> events = receiver.await(cb, 2);
    assertThat(events)
        .extracting(Received::acsType)
        .containsExactly("CancelAddParticipantSucceeded", "AddParticipantFailed");
    JsonNode cancelData = events.get(0).json().get(0).get("data");
    assertThat(cancelData.get("invitationId").asText()).isEqualTo(invitationId);
    assertThat(cancelData.get("operationContext").asText()).isEqualTo("cancel-ctx");
    JsonNode failed = events.get(1).json().get(0).get("data");
    assertThat(failed.get("resultInformation").get("code").asInt()).isEqualTo(487);
    assertThat(failed.get("resultInformation").get("subCode").asInt()).isEqualTo(5234);
    assertThat(failed.get("operationContext").asText()).isEqualTo("add-ctx");
    events.forEach(e -> assertEventConforms(e.json().get(0)));

    assertThat(http.acsPost(cancelPath, "{\"invitationId\":\"" + invitationId + "\"}").statusCode())
        .isEqualTo(202);
    assertThat(receiver.await(cb, 3).get(2).acsType()).isEqualTo("CancelAddParticipantFailed");
    HttpResponse<String> unknown = http.acsPost(cancelPath, "{\"invitationId\":\"nope\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").get("code").asText()).isEqualTo("8522");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {false, true})
  void redirectsAnIncomingCallAnnouncedThroughEventGrid(boolean https, HandoffEmulator emulator) {
    String grid = path("eventgrid");
    emulator.control().eventGridWebhook(receiver.url(grid));
    AcsIncomingCall incoming =
        emulator
            .control()
            .createAcsIncomingCall(
                new AcsIncomingCallSpec(
                    CALLER, "4:+18005550100", "Caller", Map.of("X-MS-Custom-case", "42"), null));

    List<Received> delivered = receiver.await(grid, 2);
    assertThat(delivered.get(0).header("aeg-event-type")).isEqualTo("SubscriptionValidation");
    assertThat(delivered.get(0).json().get(0).get("eventType").asText())
        .isEqualTo("Microsoft.EventGrid.SubscriptionValidationEvent");
    Received event = delivered.get(1);
    assertThat(event.header("aeg-event-type")).isEqualTo("Notification");
    JsonNode incomingEvent = event.json().get(0);
    assertThat(incomingEvent.get("eventType").asText())
        .isEqualTo("Microsoft.Communication.IncomingCall");
    assertThat(incomingEvent.get("subject").asText())
        .isEqualTo("/caller/4:+14255550100/recipient/4:+18005550100");
    assertThat(incomingEvent.get("data").get("incomingCallContext").asText())
        .isEqualTo(incoming.incomingCallContext());
    assertThat(
            incomingEvent
                .get("data")
                .get("customContext")
                .get("sipHeaders")
                .get("X-MS-Custom-case")
                .asText())
        .isEqualTo("42");
    assertConforms("IncomingCall", incomingEvent.get("data"));

    EmulatorHttp http = new EmulatorHttp(emulator, https);
    String body =
        "{\"incomingCallContext\":\""
            + incoming.incomingCallContext()
            + "\",\"target\":{\"rawId\":\"8:acs:other_user\",\"communicationUser\":{\"id\":\"8:acs:other_user\"}}}";
    HttpResponse<String> redirected =
        http.acsPost("/calling/callConnections:redirect?api-version=2026-03-12", body);
    assertThat(redirected.statusCode()).isEqualTo(204);
    assertThat(redirected.body()).isEmpty();
    assertThat(redirected.headers().firstValue("x-microsoft-skype-chain-id"))
        .contains(incoming.correlationId());

    HttpResponse<String> again =
        http.acsPost("/calling/callConnections:redirect?api-version=2026-03-12", body);
    assertThat(again.statusCode()).isEqualTo(404);
    HttpResponse<String> forged =
        http.acsPost(
            "/calling/callConnections:redirect?api-version=2026-03-12",
            "{\"incomingCallContext\":\"abc\",\"target\":{\"rawId\":\"8:acs:x\"}}");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("incomingCallContext");
    assertThat(emulator.journal().callbacks())
        .extracting(SentCallback::event)
        .containsExactly("SubscriptionValidation", "IncomingCall");
  }

  @Test
  void redirectingToAUserOfTheResourceRaisesANewIncomingCall(HandoffEmulator emulator) {
    String grid = path("eventgrid-redirect");
    emulator.control().eventGridWebhook(receiver.url(grid));
    AcsIncomingCall incoming =
        emulator.control().createAcsIncomingCall(AcsIncomingCallSpec.of(CALLER, "4:+18005550100"));
    receiver.await(grid, 2);
    String agent = "8:acs:" + emulator.acs().resourceId() + "_agent";
    new EmulatorHttp(emulator, false)
        .acsPost(
            "/calling/callConnections:redirect?api-version=2026-03-12",
            "{\"incomingCallContext\":\""
                + incoming.incomingCallContext()
                + "\",\"target\":{\"rawId\":\""
                + agent
                + "\"}}");
    JsonNode second = receiver.await(grid, 3).get(2).json().get(0).get("data");
    assertThat(second.get("to").get("rawId").asText()).isEqualTo(agent);
    assertThat(second.get("correlationId").asText()).isEqualTo(incoming.correlationId());
  }

  @Test
  void anIncomingCallIsNotDeliveredWhenTheSubscriptionValidationFails(HandoffEmulator emulator) {
    String grid = path("eventgrid-invalid");
    receiver.validation(CallbackReceiver.Validation.IGNORE);
    try {
      emulator.control().eventGridWebhook(receiver.url(grid));
      emulator.control().createAcsIncomingCall(AcsIncomingCallSpec.of(CALLER, "4:+18005550100"));
      List<SentCallback> sent =
          emulator
              .journal()
              .awaitCallbacks(c -> c.provider().equals("eventgrid"), 2, Duration.ofSeconds(5));
      assertThat(sent)
          .extracting(SentCallback::event)
          .containsExactly("SubscriptionValidation", "IncomingCall");
      assertThat(sent.get(1).status()).isEqualTo(SentCallback.Status.FAILED);
      assertThat(sent.get(1).attempts().get(0).error()).contains("validation handshake failed");
      assertThat(receiver.received().stream().filter(r -> r.path().equals(grid))).hasSize(1);
    } finally {
      receiver.validation(CallbackReceiver.Validation.ECHO);
    }
  }

  @Test
  void anEndpointCanValidateThroughTheValidationUrl(HandoffEmulator emulator) {
    String grid = path("eventgrid-url");
    receiver.validation(CallbackReceiver.Validation.URL);
    try {
      emulator.control().eventGridWebhook(receiver.url(grid));
      emulator.control().createAcsIncomingCall(AcsIncomingCallSpec.of(CALLER, "4:+18005550100"));
      assertThat(receiver.await(grid, 2).get(1).json().get(0).get("eventType").asText())
          .isEqualTo("Microsoft.Communication.IncomingCall");
    } finally {
      receiver.validation(CallbackReceiver.Validation.ECHO);
    }
  }

  @Test
  void getsACallConnection(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(
                new AcsCallSpec(
                    receiver.url(path("get")),
                    List.of(CALLER),
                    "4:+18005550100",
                    "2023-10-15",
                    false,
                    null));
    HttpResponse<String> response =
        new EmulatorHttp(emulator, true)
            .acsGet(
                "/calling/callConnections/" + call.callConnectionId() + "?api-version=2023-03-06");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertConforms("CallConnectionProperties", body);
    assertThat(body.get("callConnectionState").asText()).isEqualTo("connected");
    assertThat(body.get("targets").get(0).get("rawId").asText()).isEqualTo(CALLER);
    assertThat(body.get("source").get("kind").asText()).isEqualTo("phoneNumber");
    assertThat(body.get("correlationId").asText()).isEqualTo(call.correlationId());
  }

  @Test
  void announcesACreatedCallWhenAsked(HandoffEmulator emulator) {
    String cb = path("announce");
    emulator
        .control()
        .createAcsCall(
            new AcsCallSpec(receiver.url(cb), List.of(CALLER), null, "2025-06-15", true, null));
    List<Received> events = receiver.await(cb, 2);
    assertThat(events)
        .extracting(Received::acsType)
        .containsExactly("CallConnected", "ParticipantsUpdated");
    assertThat(events.get(0).json().get(0).get("data").get("version").asText())
        .isEqualTo("2025-06-15");
  }

  @Test
  void servesEveryKnownApiVersionAndRefusesUnknownOnes(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne(receiver.url(path("versions")), CALLER));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String base = "/calling/callConnections/" + call.callConnectionId();
    for (String version : List.of("2023-03-06", "2024-09-15", "2026-03-12", "2025-08-15-preview")) {
      assertThat(http.acsGet(base + "?api-version=" + version).statusCode())
          .as(version)
          .isEqualTo(200);
    }
    HttpResponse<String> retired = http.acsGet(base + "?api-version=2021-01-01-preview");
    assertThat(retired.statusCode()).isEqualTo(404);
    assertThat(json(retired).get("error").get("message").asText())
        .startsWith("No HTTP resource was found that matches the request URI");
    HttpResponse<String> missing = http.acsGet(base);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("'api-version' is required");
  }

  @Test
  void anUnknownCallIsNotFound(HandoffEmulator emulator) {
    HttpResponse<String> response =
        new EmulatorHttp(emulator, false)
            .acsPost(transfer("no-such-call"), "{\"targetParticipant\":" + TARGET + "}");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .isEqualTo("{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}");
  }
}
