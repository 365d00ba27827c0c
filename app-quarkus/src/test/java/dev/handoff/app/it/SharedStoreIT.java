package dev.handoff.app.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.testing.SseClient;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.journal.SentCallback;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Service processes sharing one PostgreSQL database, as a scaled-out deployment runs them: a
 * callback may land on any instance, a stream may be served by another, and a process killed
 * mid-flight loses nothing and sends nothing twice.
 */
class SharedStoreIT {
  private static final String TARGET = "+14255550123";

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

  private String callOn(ServiceInstance callbacksGoTo) {
    AcsCall call =
        shared
            .emulator
            .control()
            .createAcsCall(
                AcsCallSpec.oneToOne(
                    callbacksGoTo.base().resolve("/callbacks/acs").toString(), "4:+14255550100"));
    return call.callConnectionId();
  }

  private static String transferBody(String callbackUri) {
    return "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\""
        + TARGET
        + "\"}"
        + (callbackUri == null ? "" : ",\"callbackUri\":\"" + callbackUri + "\"")
        + "}";
  }

  private static JsonPath awaitState(ServiceInstance instance, String id, String state) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    JsonPath operation;
    do {
      operation =
          api(instance).get("/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
      if (state.equals(operation.getString("state"))) {
        return operation;
      }
      sleep(50);
    } while (Instant.now().isBefore(giveUp));
    throw new AssertionError(
        id + " stayed " + operation.getString("state") + " on " + instance.base());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private List<ReceivedRequest> transfersOf(String call) {
    return shared.emulator.journal().requests().stream()
        .filter(r -> r.path().endsWith("/callConnections/" + call + ":transferToParticipant"))
        .collect(Collectors.toList());
  }

  private static long executions(List<ReceivedRequest> requests) {
    return requests.stream()
        .filter(r -> r.note() == null || !r.note().contains("replayed"))
        .count();
  }

  @Test
  void twoInstancesShareOperationsEventsAndIdempotencyKeys() throws Exception {
    shared = new SharedInfrastructure(Duration.ofMillis(200));
    int portA = ServiceInstance.freePort();
    int portB = ServiceInstance.freePort();
    try (ServiceInstance a =
            ServiceInstance.start("shared-a", portA, shared.serviceConfiguration(portA));
        ServiceInstance b =
            ServiceInstance.start("shared-b", portB, shared.serviceConfiguration(portB))) {

      String call = callOn(b);
      String id =
          api(a)
              .body(transferBody(b.base().resolve("/callbacks/acs").toString()))
              .post("/v1/calls/{call}/transfers", call)
              .then()
              .statusCode(202)
              .extract()
              .path("id");
      try (SseClient onA =
          new SseClient(
              a.base().resolve("/v1/operations/" + id + "/events"), SharedInfrastructure.API_KEY)) {
        List<SseClient.Event> events = new ArrayList<>();
        events.add(onA.next(Duration.ofSeconds(30)));
        events.addAll(onA.awaitEnd(Duration.ofSeconds(60)));
        assertThat(events.get(events.size() - 1).data())
            .contains("\"state\":\"COMPLETED\"")
            .contains("Microsoft.Communication.CallTransferAccepted");
      }
      SentCallback accepted =
          shared
              .emulator
              .journal()
              .awaitCallbacks(
                  c -> call.equals(c.callId()) && c.event().equals("CallTransferAccepted"),
                  1,
                  Duration.ofSeconds(10))
              .get(0);
      assertThat(accepted.url()).startsWith(b.base().toString());
      assertThat(awaitState(b, id, "COMPLETED").getInt("version"))
          .isEqualTo(awaitState(a, id, "COMPLETED").getInt("version"));

      String second = callOn(a);
      String key = UUID.randomUUID().toString();
      String onA =
          api(a)
              .header("Idempotency-Key", key)
              .body(transferBody(null))
              .post("/v1/calls/{call}/transfers", second)
              .then()
              .statusCode(202)
              .extract()
              .path("id");
      String onB =
          api(b)
              .header("Idempotency-Key", key)
              .body(transferBody(null))
              .post("/v1/calls/{call}/transfers", second)
              .then()
              .statusCode(202)
              .extract()
              .path("id");
      assertThat(onB).isEqualTo(onA);
      awaitState(b, onA, "COMPLETED");
      assertThat(transfersOf(second)).hasSize(1);
    }
  }

  @Test
  void anIncomingCallAnnouncedToOneInstanceIsListedAndRedirectedOnAnother() throws Exception {
    shared = new SharedInfrastructure(Duration.ofMillis(200));
    int portA = ServiceInstance.freePort();
    int portB = ServiceInstance.freePort();
    try (ServiceInstance a =
            ServiceInstance.start("incoming-a", portA, shared.serviceConfiguration(portA));
        ServiceInstance b =
            ServiceInstance.start("incoming-b", portB, shared.serviceConfiguration(portB))) {
      shared
          .emulator
          .control()
          .eventGridWebhook(
              a.base()
                  .resolve("/callbacks/acs?secret=" + SharedInfrastructure.EVENT_GRID_SECRET)
                  .toString());
      AcsIncomingCall incoming =
          shared
              .emulator
              .control()
              .createAcsIncomingCall(AcsIncomingCallSpec.of("4:+14255550111", "4:+18005550100"));

      Map<String, Object> listedOnB = awaitIncoming(b, incoming.incomingCallContext());
      String id =
          api(b)
              .body(
                  "{\"incomingCallContext\":\""
                      + incoming.incomingCallContext()
                      + "\",\"targets\":[{\"kind\":\"phoneNumber\",\"value\":\""
                      + TARGET
                      + "\"}]}")
              .post("/v1/incoming-calls/{call}/redirect", listedOnB.get("callId"))
              .then()
              .statusCode(202)
              .extract()
              .path("id");
      assertThat(awaitState(a, id, "COMPLETED").getString("kind")).isEqualTo("REDIRECT");
    }
  }

  private static Map<String, Object> awaitIncoming(ServiceInstance instance, String context) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    do {
      List<Map<String, Object>> calls =
          api(instance).get("/v1/incoming-calls").then().statusCode(200).extract().path("$");
      for (Map<String, Object> call : calls) {
        if (context.equals(call.get("incomingCallContext"))) {
          return call;
        }
      }
      sleep(50);
    } while (Instant.now().isBefore(giveUp));
    throw new AssertionError("the incoming call was never listed on " + instance.base());
  }

  @Test
  void aProcessKilledMidFlightLosesNothingAndSendsNothingTwice() throws Exception {
    // Targets ring for 8 s: the outcome arrives only after the process is dead and back.
    shared = new SharedInfrastructure(Duration.ofSeconds(8));
    int port = ServiceInstance.freePort();
    ServiceInstance service =
        ServiceInstance.start("killed", port, shared.serviceConfiguration(port));
    try {
      String done = callOn(service);
      String finished =
          api(service)
              .body(transferBody(null))
              .post("/v1/calls/{call}/transfers", done)
              .then()
              .statusCode(202)
              .extract()
              .path("id");
      awaitState(service, finished, "COMPLETED");
      assertThat(transfersOf(done)).hasSize(1);

      // These transfers execute at the provider, which then never answers: the process dies
      // while it waits, with the operations recorded but their answer not.
      List<String> inFlight = List.of(callOn(service), callOn(service));
      Map<String, String> keys = new java.util.HashMap<>();
      List<CompletableFuture<Integer>> hanging = new ArrayList<>();
      for (String call : inFlight) {
        shared
            .emulator
            .control()
            .injectFault(
                new FaultRule(
                    "acs.transfer",
                    "POST",
                    "/callConnections/" + call + ":",
                    new FaultAction.NoResponse(true),
                    1));
        String key = UUID.randomUUID().toString();
        keys.put(call, key);
        hanging.add(
            CompletableFuture.supplyAsync(
                () ->
                    api(service)
                        .header("Idempotency-Key", key)
                        .body(transferBody(null))
                        .post("/v1/calls/{call}/transfers", call)
                        .statusCode()));
      }
      for (String call : inFlight) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (transfersOf(call).isEmpty() && Instant.now().isBefore(giveUp)) {
          sleep(20);
        }
        assertThat(transfersOf(call)).as("the transfer reached the provider").hasSize(1);
      }
      service.killHard();
      for (CompletableFuture<Integer> request : hanging) {
        assertThat(request).failsWithin(Duration.ofSeconds(10));
      }

      service.restart();

      awaitState(service, finished, "COMPLETED");
      for (String call : inFlight) {
        String id =
            api(service)
                .header("Idempotency-Key", keys.get(call))
                .body(transferBody(null))
                .post("/v1/calls/{call}/transfers", call)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath completed = awaitState(service, id, "COMPLETED");
        List<ReceivedRequest> sent = transfersOf(call);
        assertThat(sent).as("the interrupted transfer was sent again after the restart").hasSize(2);
        assertThat(executions(sent)).as("executions of the transfer of " + call).isEqualTo(1);
        assertThat(sent.get(1).note()).contains("replayed");
        assertThat(sent.stream().map(r -> r.header("Repeatability-Request-ID")).distinct())
            .as("every attempt carried the same repeatability id")
            .hasSize(1);
        assertThat(completed.getList("timeline.what", String.class))
            .contains(
                "sent again after an interruption, with the same submission token",
                "accepted by the provider",
                "Microsoft.Communication.CallTransferAccepted");
        assertThat(
                shared.emulator.journal().callbacks().stream()
                    .filter(
                        c -> call.equals(c.callId()) && c.event().equals("CallTransferAccepted")))
            .as("the provider carried out the transfer once")
            .hasSize(1);
      }
    } finally {
      service.close();
    }
  }

  @Test
  void twoInstancesAdmitExactlyOneOfTwoSimultaneousTransfersOfACall() throws Exception {
    // Targets ring for a minute: the accepted transfer stays under way however late the other
    // instance handles its request.
    shared = new SharedInfrastructure(Duration.ofSeconds(60));
    int portA = ServiceInstance.freePort();
    int portB = ServiceInstance.freePort();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try (ServiceInstance a =
            ServiceInstance.start("race-a", portA, shared.serviceConfiguration(portA));
        ServiceInstance b =
            ServiceInstance.start("race-b", portB, shared.serviceConfiguration(portB))) {
      for (int pair = 0; pair < 20; pair++) {
        String call = callOn(pair % 2 == 0 ? a : b);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<java.util.concurrent.Callable<io.restassured.response.Response>> both =
            new ArrayList<>();
        for (ServiceInstance instance : List.of(a, b)) {
          both.add(
              () -> {
                start.await();
                return api(instance)
                    .body(transferBody(null))
                    .post("/v1/calls/{call}/transfers", call);
              });
        }
        List<io.restassured.response.Response> answers = new ArrayList<>();
        for (java.util.concurrent.Future<io.restassured.response.Response> answer :
            pool.invokeAll(both)) {
          answers.add(answer.get());
        }
        assertThat(answers)
            .extracting(io.restassured.response.Response::statusCode)
            .as("answers for " + call)
            .containsExactlyInAnyOrder(202, 409);
        String accepted =
            answers.stream().filter(r -> r.statusCode() == 202).findFirst().get().path("id");
        assertThat(
                answers.stream()
                    .filter(r -> r.statusCode() == 409)
                    .findFirst()
                    .get()
                    .jsonPath()
                    .getString("detail"))
            .contains(accepted);
        assertThat(transfersOf(call)).as("provider requests for " + call).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
