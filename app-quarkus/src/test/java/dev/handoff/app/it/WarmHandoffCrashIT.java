package dev.handoff.app.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.journal.PartyExperience;
import dev.handoff.emulator.journal.ReceivedRequest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A warm handoff survives {@code kill -9} of the packaged service on a PostgreSQL store: after the
 * restart it resumes from the stored steps to the right end, sends no provider action twice (a step
 * whose answer was lost is sent again with the same repeatability id, and the provider replays it),
 * and the caller is never left alone, on hold or dropped, as the emulator's journal shows.
 */
class WarmHandoffCrashIT {
  private static final String CALLER = "4:+14255550100";
  private static final String AGENT = "+14255550123";

  private SharedInfrastructure shared;

  @AfterEach
  void stop() throws Exception {
    if (shared != null) {
      shared.close();
    }
  }

  private static RequestSpecification api(ServiceInstance instance) {
    return given()
        .baseUri(instance.base().toString())
        .header("X-API-Key", SharedInfrastructure.API_KEY)
        .contentType(ContentType.JSON);
  }

  private String callOn(ServiceInstance service) {
    AcsCall call =
        shared
            .emulator
            .control()
            .createAcsCall(
                AcsCallSpec.oneToOne(service.base().resolve("/callbacks/acs").toString(), CALLER));
    return call.callConnectionId();
  }

  private static String body() {
    return "{\"targets\":[{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\""
        + AGENT
        + "\"},\"ringTimeoutSeconds\":60}],\"holdAudio\":{\"text\":\"Please hold\"},"
        // ACS shows a phone invitee a caller id, one of the resource's numbers.
        + "\"sourceCallerId\":\"+18005550100\","
        + "\"briefing\":{\"text\":\"Caller asks about an invoice\"}}";
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

  private void awaitRequest(String call, String operation) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    while (requests(call, operation).isEmpty() && Instant.now().isBefore(giveUp)) {
      sleep(20);
    }
    assertThat(requests(call, operation)).as(operation + " reached the provider").isNotEmpty();
  }

  private List<ReceivedRequest> requests(String call, String operation) {
    return shared.emulator.journal().requests().stream()
        .filter(r -> operation.equals(r.operation()))
        .filter(r -> r.path().startsWith("/calling/callConnections/" + call))
        .collect(Collectors.toList());
  }

  /** Each action executed once: every request of the call but replays, by operation. */
  private Map<String, Long> executions(String call) {
    Predicate<ReceivedRequest> replayed = r -> r.note() != null && r.note().contains("replayed");
    return shared.emulator.journal().requests().stream()
        .filter(r -> r.path().startsWith("/calling/callConnections/" + call))
        .filter(replayed.negate())
        .collect(Collectors.groupingBy(ReceivedRequest::operation, Collectors.counting()));
  }

  private List<String> heard(String call, String party) {
    return shared.emulator.journal().experiences().stream()
        .filter(e -> e.callId().equals(call) && e.party().equals(party))
        .map(e -> (e.connected() ? "" : "down: ") + e.hears() + " " + e.with())
        .collect(Collectors.toList());
  }

  private void assertTheCallerWasPutThrough(String call) {
    assertThat(heard(call, CALLER))
        .containsExactly(
            "the call [application]",
            "hold: text \"Please hold\" []",
            "the call [4:+14255550123, application]",
            "the call [4:+14255550123]");
    assertThat(
            shared.emulator.journal().experiences().stream()
                .filter(e -> e.callId().equals(call) && e.party().equals(CALLER)))
        .noneMatch(PartyExperience::aloneInSilence)
        .allMatch(PartyExperience::connected);
    assertThat(executions(call))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "acs.getParticipants", 1L,
                "acs.hold", 1L,
                "acs.addParticipant", 1L,
                "acs.play", 1L,
                "acs.unhold", 1L,
                "acs.hangUp", 1L));
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
  void killedWhileTheAgentRingsItResumesFromTheStoreAndSendsNothingTwice() throws Exception {
    // The agent rings for 6 s: the answer comes while the process is dead, and the emulator keeps
    // offering its callback until the process is back.
    shared = new SharedInfrastructure(Duration.ofSeconds(6));
    int port = ServiceInstance.freePort();
    ServiceInstance service =
        ServiceInstance.start("handoff-killed-ringing", port, shared.serviceConfiguration(port));
    try {
      String call = callOn(service);
      String id =
          api(service)
              .body(body())
              .post("/v1/calls/{call}/handoffs", call)
              .then()
              .statusCode(202)
              .extract()
              .path("id");
      awaitRequest(call, "acs.addParticipant");

      service.killHard();
      service.restart();

      JsonPath done = awaitState(service, id, "COMPLETED");
      assertThat(done.getList("handoff.steps.action", String.class))
          .containsExactly("findTransferee", "hold", "addParticipant", "play", "resume", "hangUp");
      assertTheCallerWasPutThrough(call);
    } finally {
      service.close();
    }
  }

  @Test
  void killedWhileAStepsAnswerIsLostItSendsTheStepAgainWithTheSameRepeatabilityId()
      throws Exception {
    // The agent answers 25 s after the invitation executed: well after the restart, so that the
    // sweep finds the step recorded but unanswered and sends it again before any event settles it.
    shared = new SharedInfrastructure(Duration.ofSeconds(25));
    int port = ServiceInstance.freePort();
    ServiceInstance service =
        ServiceInstance.start("handoff-killed-in-flight", port, shared.serviceConfiguration(port));
    try {
      String call = callOn(service);
      // The invitation is executed at the provider, whose answer never comes: the process dies
      // with the step recorded and its answer not.
      shared
          .emulator
          .control()
          .injectFault(
              new FaultRule(
                  "acs.addParticipant",
                  "POST",
                  "/callConnections/" + call + "/",
                  new FaultAction.NoResponse(true),
                  1));
      CompletableFuture<Integer> hanging =
          CompletableFuture.supplyAsync(
              () -> api(service).body(body()).post("/v1/calls/{call}/handoffs", call).statusCode());
      awaitRequest(call, "acs.addParticipant");
      service.killHard();
      assertThat(hanging).failsWithin(Duration.ofSeconds(10));

      service.restart();

      String id =
          api(service)
              .get("/v1/operations?callId={call}&kind=WARM_HANDOFF", call)
              .then()
              .statusCode(200)
              .extract()
              .path("items[0].id");
      JsonPath done = awaitState(service, id, "COMPLETED");
      List<ReceivedRequest> adds = requests(call, "acs.addParticipant");
      assertThat(adds).as("the interrupted invitation was sent again").hasSize(2);
      assertThat(adds.get(1).note()).contains("replayed");
      assertThat(adds.stream().map(r -> r.header("Repeatability-Request-ID")).distinct())
          .as("both attempts carried the same repeatability id")
          .hasSize(1);
      assertThat(done.getList("timeline.what", String.class))
          .contains("sent again after an interruption, with the same submission token");
      assertTheCallerWasPutThrough(call);
      assertThat(
              shared.emulator.journal().callbacks().stream()
                  .filter(c -> call.equals(c.callId()))
                  .filter(c -> c.event().equals("AddParticipantSucceeded")))
          .as("the agent was invited once")
          .hasSize(1);
    } finally {
      service.close();
    }
  }
}
