package dev.handoff.app.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.journal.PartyExperience;
import dev.handoff.emulator.journal.ReceivedRequest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A warm handoff on Microsoft Graph (the emulator in its place) survives {@code kill -9} of the
 * packaged service on a PostgreSQL store: killed while the agent's consultation call rings, it
 * resumes from the stored steps when the notifications come again, and no Graph action is sent
 * twice (Graph has no repeatable requests, so none may be).
 */
class WarmHandoffGraphCrashIT {
  private static final String BOT = "5b1c7e2a-9d3f-4c8b-a6e1-2f4d8c9b0a17";
  private static final String CALLER = "phone:+14255550100";
  private static final String AGENT = "+14255550123";
  private static final String API_KEY = "it-key";

  private EmbeddedPostgres postgres;
  private HandoffEmulator emulator;

  @AfterEach
  void stop() throws Exception {
    if (emulator != null) {
      emulator.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private Map<String, String> configuration(int port) {
    GraphEndpoints graph = emulator.graph();
    Map<String, String> config = new HashMap<>();
    config.put("handoff.provider", "graph");
    config.put("handoff.callback-base-url", "http://127.0.0.1:" + port + "/");
    config.put("handoff.graph.tenant-id", graph.tenantId());
    config.put("handoff.graph.client-id", graph.clientId());
    config.put("handoff.graph.client-secret", graph.clientSecret());
    config.put("handoff.graph.token-endpoint", graph.httpTokenEndpoint().toString());
    config.put("handoff.graph.base-url", graph.httpBaseUrl().toString());
    config.put(
        "handoff.graph.openid-configuration-url", graph.httpOpenIdConfiguration().toString());
    config.put("handoff.graph.issuers", graph.callbackIssuer());
    config.put("handoff.api.keys", API_KEY);
    config.put("handoff.store.kind", "postgres");
    config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
    config.put("quarkus.datasource.username", "postgres");
    config.put("quarkus.datasource.password", "postgres");
    config.put("handoff.sweep.interval", "1s");
    config.put("handoff.sweep.interrupted-after", "PT3S");
    return config;
  }

  private static RequestSpecification api(ServiceInstance instance) {
    return given()
        .baseUri(instance.base().toString())
        .header("X-API-Key", API_KEY)
        .contentType(ContentType.JSON);
  }

  private static final List<String> FINAL = List.of("COMPLETED", "FAILED", "CANCELLED");

  private static JsonPath awaitState(ServiceInstance instance, String id, String state) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
    JsonPath operation;
    do {
      operation =
          api(instance).get("/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
      if (state.equals(operation.getString("state"))) {
        return operation;
      }
      if (FINAL.contains(operation.getString("state"))) {
        break;
      }
      sleep(100);
    } while (Instant.now().isBefore(giveUp));
    throw new AssertionError(
        id
            + " ended "
            + operation.getString("state")
            + ", not "
            + state
            + ": failure "
            + operation.getMap("failure")
            + ", steps "
            + operation.getList("handoff.steps"));
  }

  private static void awaitPlaced(ServiceInstance instance, String id) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    List<String> placeCall = List.of();
    do {
      JsonPath operation =
          api(instance).get("/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
      placeCall =
          operation.getList(
              "handoff.steps.findAll { it.action == 'placeCall' }.status", String.class);
      if (!placeCall.isEmpty() && !placeCall.contains("REQUESTED")) {
        return;
      }
      sleep(20);
    } while (Instant.now().isBefore(giveUp));
    throw new AssertionError("the consultation call's answer was not recorded: " + placeCall);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void killedWhileTheConsultationCallRingsItResumesAndSendsNothingTwice() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    emulator =
        HandoffEmulator.builder()
            .bindAddress("127.0.0.1")
            .graphApp(BOT, "graph-it-secret")
            .graphBotAppId(BOT)
            .ringTime(Duration.ofSeconds(6))
            // Longer than any wait in this test: a slow restart must not outlast the retries.
            .callbackRetry(240, Duration.ofMillis(200), Duration.ofMillis(500))
            .build()
            .start();
    int port = ServiceInstance.freePort();
    ServiceInstance service =
        ServiceInstance.start("graph-handoff-killed", port, configuration(port));
    try {
      // The bot answers with the callback URI the service binds to the call (Graph's default).
      String callId = java.util.UUID.randomUUID().toString();
      String bound =
          api(service)
              .get("/v1/calls/{call}/callback-uri", callId)
              .then()
              .statusCode(200)
              .extract()
              .path("callbackUri");
      GraphCallSpec spec = GraphCallSpec.peerToPeer(bound, CALLER);
      GraphCall call =
          emulator
              .control()
              .createGraphCall(
                  new GraphCallSpec(bound, spec.participants(), spec.group()).withCallId(callId));
      String id =
          api(service)
              .body(
                  "{\"targets\":[{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\""
                      + AGENT
                      + "\"},\"ringTimeoutSeconds\":60}],"
                      + "\"holdAudio\":{\"audioUrl\":\"https://cdn.example/hold.wav\"},"
                      + "\"briefing\":{\"audioUrl\":\"https://cdn.example/brief.wav\"}}")
              .post("/v1/calls/{call}/handoffs", call.callId())
              .then()
              .statusCode(202)
              .extract()
              .path("id");
      // Killed once the consultation call is placed and its answer recorded, while it rings: the
      // placement itself has no idempotency on Graph, so the process must not die between the
      // emulator executing it and the service recording its answer (that is another test's case).
      awaitPlaced(service, id);
      assertThat(executions()).containsKey("graph.createCall");

      service.killHard();
      service.restart();

      JsonPath done = awaitState(service, id, "COMPLETED");
      assertThat(done.getList("handoff.steps.action", String.class))
          .containsExactly("findTransferee", "hold", "placeCall", "play", "transfer");
      assertThat(executions())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "graph.getCall", 1L,
                  "graph.getParticipants", 1L,
                  "graph.startHoldMusic", 1L,
                  "graph.createCall", 1L,
                  "graph.playPrompt", 1L,
                  "graph.transfer", 1L));
      List<PartyExperience> heard =
          emulator.journal().experiences().stream()
              .filter(e -> e.party().equals(CALLER))
              .collect(Collectors.toList());
      assertThat(heard)
          .extracting(e -> e.hears() + " " + e.with())
          .containsExactly(
              "the call [application]",
              "hold: file https://cdn.example/hold.wav []",
              "the call [phone:" + AGENT + "]");
      assertThat(heard)
          .noneMatch(PartyExperience::aloneInSilence)
          .allMatch(PartyExperience::connected);
    } finally {
      service.close();
    }
  }

  private Map<String, Long> executions() {
    return emulator.journal().requests().stream()
        .filter(r -> r.path().contains("/communications/calls"))
        .collect(Collectors.groupingBy(ReceivedRequest::operation, Collectors.counting()));
  }
}
