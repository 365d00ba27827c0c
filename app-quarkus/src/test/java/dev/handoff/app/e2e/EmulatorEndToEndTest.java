package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.SseClient;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.ReceivedRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service with its embedded default: the emulator, reached through the real ACS adapter over
 * loopback HTTP, answering with real signed callbacks.
 */
@QuarkusTest
class EmulatorEndToEndTest {
  private static final String AGENT = "+14255550123";

  @Inject EmbeddedEmulator embedded;

  @TestHTTPResource("/v1/operations/")
  URI operations;

  private HandoffEmulator emulator;
  private String call;

  @BeforeEach
  void newCall() {
    emulator = embedded.running();
    emulator.control().clearScripts();
    emulator.control().clearFaults();
    call = client().post("/v1/emulator/calls").then().statusCode(201).extract().path("callId");
  }

  private static String transferTo(String call, String number) {
    return client()
        .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"" + number + "\"}}")
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  @Test
  void aBlindTransferCompletesThroughTheProvidersSignedCallback() {
    String id = transferTo(call, AGENT);
    JsonPath done = awaitState(id, "COMPLETED", "FAILED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    // The provider's 202 and its callback race; either order is recorded faithfully.
    List<String> what = done.getList("timeline.what", String.class);
    assertThat(what.get(0)).isEqualTo("requested");
    assertThat(what)
        .containsExactlyInAnyOrder(
            "requested",
            "accepted by the provider",
            "Microsoft.Communication.CallTransferAccepted");
    assertThat(done.getString("timeline.find { it.eventId != null }.evidence.subCode"))
        .isEqualTo("7015");
    assertThat(emulator.control().acsCallState(call)).contains("disconnected");
  }

  @Test
  void aDeclinedTransferFailsAsDeclinedAndABusyOneAsBusy() {
    emulator.control().script(AGENT, Outcome.decline());
    JsonPath declined = awaitState(transferTo(call, AGENT), "FAILED", "COMPLETED");
    assertThat(declined.getString("failure.reason")).isEqualTo("declined");
    assertThat(declined.getString("failure.evidence.code")).isEqualTo("603");

    emulator.control().script(AGENT, Outcome.busy());
    JsonPath busy = awaitState(transferTo(call, AGENT), "FAILED", "COMPLETED");
    assertThat(busy.getString("failure.reason")).isEqualTo("busy");
    assertThat(busy.getBoolean("failure.retryable")).isTrue();
  }

  @Test
  void anAddedParticipantCanBeCancelledWhileRinging() {
    emulator.control().script("+14255550199", Outcome.noAnswer());
    JsonPath add =
        client()
            .body(
                "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550199\"},"
                    + "\"invitationTimeoutSeconds\":120,\"sourceCallerId\":\"+18005550100\"}")
            .post("/v1/calls/{call}/participants", call)
            .then()
            .statusCode(202)
            .body("state", equalTo("SUBMITTED"))
            .extract()
            .jsonPath();
    String cancel =
        client()
            .delete(
                "/v1/calls/{call}/participants/invitations/{invitation}",
                call,
                add.getString("invitationId"))
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(awaitState(cancel, "COMPLETED", "FAILED").getString("state")).isEqualTo("COMPLETED");
    JsonPath cancelled = awaitState(add.getString("id"), "CANCELLED", "FAILED", "COMPLETED");
    assertThat(cancelled.getString("state")).isEqualTo("CANCELLED");
    assertThat(cancelled.getString("failure.reason")).isEqualTo("cancelled");
  }

  @Test
  void anIncomingCallIsAnnouncedAndRedirected() {
    AcsIncomingCall incoming =
        emulator
            .control()
            .createAcsIncomingCall(
                new AcsIncomingCallSpec(
                    "4:+14255550111",
                    "4:+18005550100",
                    "Dana",
                    Map.of("User-To-User", "a1b2"),
                    null));
    String serverCallId = awaitIncoming(incoming.incomingCallContext()).getString("callId");
    String id =
        client()
            .body(
                "{\"incomingCallContext\":\""
                    + incoming.incomingCallContext()
                    + "\",\"targets\":[{\"kind\":\"phoneNumber\",\"value\":\"+14255550122\"}]}")
            .post("/v1/incoming-calls/{call}/redirect", serverCallId)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(awaitState(id, "COMPLETED", "FAILED").getString("state")).isEqualTo("COMPLETED");
  }

  @Test
  void anIncomingCallKeepsItsWholeContextInTheApi() {
    AcsIncomingCall incoming =
        emulator
            .control()
            .createAcsIncomingCall(
                new AcsIncomingCallSpec(
                    "4:+14255550111",
                    "4:+18005550100",
                    "Dana",
                    Map.of("userToUser", "a1b2", "X-MS-Custom-case", "42"),
                    Map.of("crm", "open"),
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("intent", "billing")
                        .put("callTopic", "Card blocked")
                        .set(
                            "teamsPhoneCallerDetails",
                            JsonNodeFactory.instance
                                .objectNode()
                                .put("name", "Dana")
                                .put("phoneNumber", "+14255550111")
                                .set(
                                    "caller",
                                    JsonNodeFactory.instance
                                        .objectNode()
                                        .put("rawId", "4:+14255550111")
                                        .set(
                                            "phoneNumber",
                                            JsonNodeFactory.instance
                                                .objectNode()
                                                .put("value", "+14255550111"))))));
    JsonPath call = awaitIncoming(incoming.incomingCallContext());
    assertThat(call.getString("userToUser")).isEqualTo("a1b2");
    assertThat(call.getMap("sipHeaders"))
        .containsEntry("User-To-User", "a1b2")
        .containsEntry("X-MS-Custom-case", "42")
        .doesNotContainKey("userToUser");
    assertThat(call.getMap("voipHeaders")).containsEntry("crm", "open");
    assertThat(call.getString("teamsPhoneCallDetails.intent")).isEqualTo("billing");
    assertThat(call.getString("teamsPhoneCallDetails.callTopic")).isEqualTo("Card blocked");
    assertThat(call.getString("teamsPhoneCallDetails.callerDetails.name")).isEqualTo("Dana");
    assertThat(call.getString("correlationId")).isEqualTo(incoming.correlationId());
  }

  private static JsonPath awaitIncoming(String context) {
    for (int i = 0; i < 400; i++) {
      JsonPath recent =
          client().get("/v1/incoming-calls").then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> calls = recent.getList("$");
      for (int c = 0; c < calls.size(); c++) {
        if (context.equals(calls.get(c).get("incomingCallContext"))) {
          JsonPath found = new JsonPath(recent.prettify()).setRootPath("[" + c + "]");
          assertThat(found.getString("sipHeaders.User-To-User")).isEqualTo("a1b2");
          assertThat(found.getString("from.rawId")).isEqualTo("4:+14255550111");
          return found;
        }
      }
      sleep();
    }
    throw new AssertionError("the incoming call was never announced");
  }

  private static void sleep() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void aCallCanBeCreatedUnderAChosenIdOnce() {
    String id = "chosen-" + UUID.randomUUID();
    client()
        .body("{\"callId\":\"" + id + "\"}")
        .post("/v1/emulator/calls")
        .then()
        .statusCode(201)
        .body("callId", equalTo(id));
    client()
        .body("{\"callId\":\"" + id + "\"}")
        .post("/v1/emulator/calls")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:handoff:problem:call-exists"));
  }

  @Test
  void theSameIdempotencyKeyTwiceSendsOneRequestToTheProvider() {
    String key = UUID.randomUUID().toString();
    String body = "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"" + AGENT + "\"}}";
    String first =
        client()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    String second =
        client()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(second).isEqualTo(first);
    awaitState(first, "COMPLETED");
    List<ReceivedRequest> transfers =
        emulator.journal().requests().stream()
            .filter(r -> r.path().endsWith("/callConnections/" + call + ":transferToParticipant"))
            .collect(java.util.stream.Collectors.toList());
    assertThat(transfers).hasSize(1);
  }

  @Test
  void theEventStreamDeliversTheWholeTimeline() throws Exception {
    emulator.control().script(AGENT, Outcome.accept());
    String id = transferTo(call, AGENT);
    try (SseClient stream = new SseClient(operations.resolve(id + "/events"), "test-key-1")) {
      List<SseClient.Event> events = new ArrayList<>();
      events.add(stream.next(Duration.ofSeconds(10)));
      events.addAll(stream.awaitEnd(Duration.ofSeconds(15)));
      SseClient.Event last = events.get(events.size() - 1);
      assertThat(last.data())
          .contains("\"state\":\"COMPLETED\"")
          .contains("\"what\":\"requested\"")
          .contains("\"what\":\"accepted by the provider\"")
          .contains("\"what\":\"Microsoft.Communication.CallTransferAccepted\"");
      assertThat(events).extracting(SseClient.Event::id).isSorted().doesNotHaveDuplicates();
    }
  }
}
