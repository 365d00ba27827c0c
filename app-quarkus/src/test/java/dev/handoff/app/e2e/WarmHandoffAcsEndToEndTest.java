package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.SseClient;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.PartyExperience;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.journal.SentCallback;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Warm handoffs through the service and the embedded emulator on ACS, asserted from the emulator's
 * journal: what the caller heard and whom they were connected to at every moment.
 */
@QuarkusTest
class WarmHandoffAcsEndToEndTest {
  private static final String CALLER = EmbeddedEmulator.DEMO_CALLER;
  private static final String ALICE = "+14255550123";
  private static final String BOB = "+14255550124";

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

  private static String target(String number) {
    return "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"" + number + "\"}}";
  }

  private JsonPath start(String body) {
    return client()
        .body(body)
        .post("/v1/calls/{call}/handoffs", call)
        .then()
        .statusCode(202)
        .extract()
        .jsonPath();
  }

  /** What a party heard on this call, in order, as "hears [with]" ("down: …" once disconnected). */
  private List<String> heard(String party) {
    return emulator.journal().experiences().stream()
        .filter(e -> e.callId().equals(call) && e.party().equals(party))
        .map(e -> (e.connected() ? "" : "down: ") + e.hears() + " " + e.with())
        .collect(Collectors.toList());
  }

  private void assertNeverAloneNorDropped(String party) {
    List<PartyExperience> experiences =
        emulator.journal().experiences().stream()
            .filter(e -> e.callId().equals(call) && e.party().equals(party))
            .collect(Collectors.toList());
    assertThat(experiences).isNotEmpty();
    assertThat(experiences).noneMatch(PartyExperience::aloneInSilence);
    assertThat(experiences).allMatch(PartyExperience::connected);
  }

  private List<String> actions() {
    return emulator.journal().requests().stream()
        .filter(r -> r.path().startsWith("/calling/callConnections/" + call))
        .map(ReceivedRequest::operation)
        .collect(Collectors.toList());
  }

  @Test
  void theFirstTargetAnswersIsBriefedAloneAndTheCallerIsPutThrough() throws Exception {
    JsonPath started =
        start(
            "{\"targets\":["
                + target(ALICE)
                + "],\"holdAudio\":{\"text\":\"Please hold\"},"
                + "\"briefing\":{\"text\":\"Caller asks about an invoice\","
                + "\"context\":{\"sipHeaders\":{\"X-MS-Custom-case\":\"42\"}}}}");
    String id = started.getString("id");
    assertThat(started.getString("kind")).isEqualTo("WARM_HANDOFF");
    assertThat(started.getString("request.briefing.text"))
        .isEqualTo("Caller asks about an invoice");

    List<SseClient.Event> events = new ArrayList<>();
    try (SseClient stream = new SseClient(operations.resolve(id + "/events"), "test-key-1")) {
      events.add(stream.next(Duration.ofSeconds(10)));
      events.addAll(stream.awaitEnd(Duration.ofSeconds(20)));
    }
    assertThat(events.get(events.size() - 1).data()).contains("\"state\":\"COMPLETED\"");

    JsonPath done = awaitState(id, "COMPLETED", "FAILED", "CANCELLED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getList("handoff.steps.action", String.class))
        .containsExactly("findTransferee", "hold", "addParticipant", "play", "resume", "hangUp");
    assertThat(done.getList("handoff.steps.status", String.class)).containsOnly("SUCCEEDED");
    assertThat(done.getList("handoff.targets.outcome", String.class)).containsExactly("CONNECTED");
    assertThat(done.getString("handoff.transferee.value")).isEqualTo("+14255550100");
    assertThat(done.getList("timeline.step.step", Integer.class)).contains(1, 2, 3, 4, 5, 6);

    assertThat(heard(CALLER))
        .containsExactly(
            "the call [application]",
            "hold: text \"Please hold\" []",
            "the call [4:+14255550123, application]",
            "the call [4:+14255550123]");
    assertThat(heard("4:" + ALICE))
        .containsExactly(
            "the call [application]",
            "prompt: text \"Caller asks about an invoice\" [application]",
            "the call [application]",
            "the call [4:+14255550100, application]",
            "the call [4:+14255550100]");
    assertNeverAloneNorDropped(CALLER);
    ReceivedRequest add =
        emulator.journal().requests().stream()
            .filter(r -> "acs.addParticipant".equals(r.operation()))
            .filter(r -> r.path().contains(call))
            .findFirst()
            .orElseThrow();
    assertThat(add.body())
        .contains("\"X-MS-Custom-case\":\"42\"")
        .contains("\"invitationTimeoutInSeconds\":30");
    assertThat(actions())
        .containsExactly(
            "acs.getParticipants",
            "acs.hold",
            "acs.addParticipant",
            "acs.play",
            "acs.unhold",
            "acs.hangUp");

    // Each step's callback is bound to the handoff, as every operation's is: the invitation and the
    // briefing were sent with a URL naming the handoff and its token, and the events that came
    // back through it were accepted.
    String bound = "handoff-operation=" + id + "&handoff-token=";
    for (String step : List.of("acs.hold", "acs.addParticipant", "acs.play", "acs.unhold")) {
      assertThat(
              emulator.journal().requests().stream()
                  .filter(r -> step.equals(r.operation()) && r.path().contains(call))
                  .findFirst()
                  .orElseThrow()
                  .body())
          .as(step + "'s operationCallbackUri")
          .contains("\"operationCallbackUri\"")
          .contains(bound);
    }
    List<SentCallback> stepEvents =
        emulator.journal().callbacks().stream()
            .filter(c -> call.equals(c.callId()))
            .filter(c -> List.of("AddParticipantSucceeded", "PlayCompleted").contains(c.event()))
            .collect(Collectors.toList());
    assertThat(stepEvents)
        .extracting(SentCallback::event)
        .contains("AddParticipantSucceeded", "PlayCompleted");
    assertThat(stepEvents)
        .allSatisfy(
            c -> {
              assertThat(c.url()).contains(bound);
              assertThat(c.status()).isEqualTo(SentCallback.Status.DELIVERED);
            });
  }

  @Test
  void aBusyFirstTargetIsPassedOverAndTheSecondIsPutThrough() {
    emulator.control().script(ALICE, Outcome.busy());
    String id = start("{\"targets\":[" + target(ALICE) + "," + target(BOB) + "]}").getString("id");

    JsonPath done = awaitState(id, "COMPLETED", "FAILED", "CANCELLED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getList("handoff.targets.outcome", String.class))
        .containsExactly("FAILED", "CONNECTED");
    assertThat(done.getString("handoff.targets[0].failure.reason")).isEqualTo("busy");
    assertThat(heard(CALLER))
        .containsExactly(
            "the call [application]",
            "hold: music []",
            "the call [4:+14255550124, application]",
            "the call [4:+14255550124]");
    assertThat(heard("4:" + ALICE)).isEmpty();
    assertNeverAloneNorDropped(CALLER);
  }

  @Test
  void whenEveryTargetFailsTheCallerIsBackWithTheBot() {
    emulator.control().script(ALICE, Outcome.busy());
    emulator.control().script(BOB, Outcome.decline());
    String id = start("{\"targets\":[" + target(ALICE) + "," + target(BOB) + "]}").getString("id");

    JsonPath done = awaitState(id, "FAILED", "COMPLETED", "CANCELLED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("FAILED");
    assertThat(done.getString("failure.reason")).isEqualTo("declined");
    assertThat(done.getString("failure.message"))
        .isEqualTo(
            "no target was put through: target 1 (4:+14255550123): busy — addParticipants failed"
                + " for participant 4:+14255550123. Underlying reason: The callee is busy."
                + " DiagCode: 486#8539.@; target 2 (4:+14255550124): declined — addParticipants"
                + " failed for participant 4:+14255550124. Underlying reason: The callee declined"
                + " the call. DiagCode: 603#8538.@");
    assertThat(done.getList("handoff.steps.kind", String.class)).endsWith("FALLBACK");
    assertThat(heard(CALLER))
        .containsExactly("the call [application]", "hold: music []", "the call [application]");
    assertNeverAloneNorDropped(CALLER);
    assertThat(emulator.control().acsCallState(call)).contains("connected");
  }

  @Test
  void aCancelledHandoffLetsTheRingingAgentGoAndReturnsTheCallerToTheBot() {
    emulator.control().script(ALICE, Outcome.noAnswer());
    String id =
        start(
                "{\"targets\":[{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\""
                    + ALICE
                    + "\"},\"ringTimeoutSeconds\":120}]}")
            .getString("id");
    JsonPath cancelling =
        client()
            .delete("/v1/calls/{call}/handoffs/{id}", call, id)
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    assertThat(cancelling.getBoolean("handoff.cancelRequested")).isTrue();

    JsonPath done = awaitState(id, "CANCELLED", "FAILED", "COMPLETED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("CANCELLED");
    assertThat(done.getString("failure.reason")).isEqualTo("cancelled");
    assertThat(done.getList("handoff.steps.action", String.class))
        .containsExactly(
            "findTransferee", "hold", "addParticipant", "cancelAddParticipant", "resume");
    assertThat(heard(CALLER))
        .containsExactly("the call [application]", "hold: music []", "the call [application]");
    assertNeverAloneNorDropped(CALLER);
    client()
        .post("/v1/calls/{call}/handoffs/{id}/cancel", call, id)
        .then()
        .statusCode(202)
        .body("state", equalTo("CANCELLED"));
  }

  @Test
  void theSameIdempotencyKeyYieldsOneHandoffAndASecondHandoffOfTheCallConflicts() {
    emulator.control().script(ALICE, Outcome.noAnswer());
    String key = UUID.randomUUID().toString();
    String body =
        "{\"targets\":[{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\""
            + ALICE
            + "\"},\"ringTimeoutSeconds\":120}]}";
    String first =
        client()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/v1/calls/{call}/handoffs", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    client()
        .header("Idempotency-Key", key)
        .body(body)
        .post("/v1/calls/{call}/handoffs", call)
        .then()
        .statusCode(202)
        .body("id", equalTo(first));
    client()
        .body("{\"targets\":[" + target(BOB) + "]}")
        .post("/v1/calls/{call}/handoffs", call)
        .then()
        .statusCode(409);
    assertThat(actions().stream().filter("acs.addParticipant"::equals)).hasSize(1);
    client().delete("/v1/calls/{call}/handoffs/{id}", call, first).then().statusCode(202);
    awaitState(first, "CANCELLED");
  }

  @Test
  void badRequestsNameEveryFieldAndWhatTheProviderCannotCarryIsRefused() {
    client()
        .body(
            "{\"targets\":[{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"12\"},"
                + "\"ringTimeoutSeconds\":2}],\"holdAudio\":{\"text\":\"a\",\"audioUrl\":\"https://x/y\"},"
                + "\"fallback\":{\"kind\":\"voicemail\"},\"briefing\":{\"audioUrl\":\"ftp://x/y\"}}")
        .post("/v1/calls/{call}/handoffs", call)
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            org.hamcrest.Matchers.hasItems(
                "targets[0].participant.value",
                "targets[0].ringTimeoutSeconds",
                "holdAudio",
                "briefing.audioUrl",
                "fallback.kind"));
    client()
        .body(
            "{\"targets\":[{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\","
                + "\"displayName\":\"Alice\"}}]}")
        .post("/v1/calls/{call}/handoffs", call)
        .then()
        .statusCode(422)
        .body(
            "violations.field",
            org.hamcrest.Matchers.hasItem("targets[0].participant.displayName"));
    client().get("/v1/calls/{call}/handoffs/{id}", call, "no-such-handoff").then().statusCode(404);
  }

  @Test
  void theOpenApiDocumentDescribesTheHandoffs() {
    io.restassured.path.json.JsonPath openapi =
        io.restassured.RestAssured.given()
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(openapi.getMap("paths"))
        .containsKeys(
            "/v1/calls/{callId}/handoffs",
            "/v1/calls/{callId}/handoffs/{id}",
            "/v1/calls/{callId}/handoffs/{id}/cancel");
    assertThat(openapi.getMap("components.schemas"))
        .containsKeys("HandoffRequest", "Handoff", "HandoffStep", "HandoffTargetOutcome");
    assertThat(openapi.getString("paths.'/v1/calls/{callId}/handoffs'.post.summary"))
        .isEqualTo("Hand the caller warm to a person");
  }
}
