package dev.handoff.app.api;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.handoff.app.callbacks.DeliveryProof;
import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.emulator.journal.SentCallback;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/emulator/...}: the emulator's controls on the service's own origin, behind its
 * authentication, with problems that name the fields.
 */
@QuarkusTest
class EmulatorControlsTest {
  private static final String TARGET = "+14255550177";

  @Inject EmbeddedEmulator embedded;

  @AfterEach
  void forget() {
    embedded.running().control().clearScripts();
    embedded.running().control().clearFaults();
  }

  private static String newCall() {
    return client()
        .body("{}")
        .post("/v1/emulator/calls")
        .then()
        .statusCode(201)
        .extract()
        .path("callId");
  }

  private static String transfer(String call, String number) {
    return client()
        .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"" + number + "\"}}")
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  @Test
  void aScriptedBusyTargetFailsTheTransferAsBusy() {
    client()
        .body("{\"target\":\"" + TARGET + "\",\"outcome\":{\"kind\":\"busy\"}}")
        .post("/v1/emulator/outcomes")
        .then()
        .statusCode(204);
    client()
        .get("/v1/emulator/outcomes")
        .then()
        .statusCode(200)
        .body("'" + TARGET + "'.kind", equalTo("busy"));

    JsonPath failed = awaitState(transfer(newCall(), TARGET), "FAILED", "COMPLETED");
    assertThat(failed.getString("failure.reason")).isEqualTo("busy");

    client().delete("/v1/emulator/outcomes").then().statusCode(204);
    client().get("/v1/emulator/outcomes").then().body("$", aMapWithSize(0));
    assertThat(awaitState(transfer(newCall(), TARGET), "FAILED", "COMPLETED").getString("state"))
        .isEqualTo("COMPLETED");
  }

  @Test
  void everyCallbackOfATransferSaysHowItWasVerified() {
    JsonPath done = awaitState(transfer(newCall(), "+14255550123"), "COMPLETED", "FAILED");
    List<String> proofs =
        done.getList(
            "timeline.findAll { it.source == 'PROVIDER_EVENT' }.evidence.references.'"
                + DeliveryProof.REFERENCE
                + "'",
            String.class);
    assertThat(proofs).isNotEmpty().containsOnly(DeliveryProof.JWT);
  }

  @Test
  void injectedFaultsAreArmedListedAndCleared() {
    String id =
        client()
            .body(
                "{\"operation\":\"acs.transfer\",\"action\":{\"type\":\"error\",\"status\":503,"
                    + "\"retryAfterSeconds\":0},\"times\":1}")
            .post("/v1/emulator/faults")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String callbackFault =
        client()
            .body("{\"event\":\"CallTransferAccepted\",\"kind\":\"duplicated\",\"times\":1}")
            .post("/v1/emulator/callback-faults")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    client()
        .get("/v1/emulator/faults")
        .then()
        .statusCode(200)
        .body("requests", hasKey(id))
        .body("requests." + id + ".action.status", equalTo(503))
        .body("callbacks", hasKey(callbackFault));

    // The ACS adapter retries the 503 with the same repeatability id; the duplicated callback
    // changes nothing twice.
    String call = newCall();
    JsonPath done = awaitState(transfer(call, "+14255550123"), "COMPLETED", "FAILED");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getList("timeline.what"))
        .filteredOn("Microsoft.Communication.CallTransferAccepted"::equals)
        .hasSize(1);
    List<SentCallback> sent =
        embedded
            .running()
            .journal()
            .awaitCallbacks(
                c -> call.equals(c.callId()) && c.event().equals("CallTransferAccepted"),
                2,
                Duration.ofSeconds(10));
    assertThat(sent).hasSize(2);

    client()
        .delete("/v1/emulator/faults/{id}", "no-such-fault")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("title", equalTo("No such fault"));
    String neverMet =
        client()
            .body("{\"kind\":\"lost\",\"event\":\"NoSuchEvent\"}")
            .post("/v1/emulator/callback-faults")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    client().delete("/v1/emulator/faults/{id}", neverMet).then().statusCode(204);
    client().get("/v1/emulator/faults").then().body("callbacks", not(hasKey(neverMet)));
    client().delete("/v1/emulator/faults").then().statusCode(204);
    client()
        .get("/v1/emulator/faults")
        .then()
        .body("requests", aMapWithSize(0))
        .body("callbacks", aMapWithSize(0));
  }

  @Test
  void badControlRequestsNameEachFieldInTheirProblem() {
    client()
        .body("{\"target\":\"\",\"outcome\":{\"kind\":\"busyish\"},\"colour\":\"red\"}")
        .post("/v1/emulator/outcomes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", containsInAnyOrder("colour", "target", "outcome.kind"));
    client()
        .body("{\"target\":\"+14255550123\",\"outcome\":{\"kind\":\"busy\",\"code\":486}}")
        .post("/v1/emulator/outcomes")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("outcome.code"));
    client()
        .body(
            "{\"operation\":\"acs.transfers\",\"action\":{\"type\":\"error\",\"status\":200,\"millis\":5}}")
        .post("/v1/emulator/faults")
        .then()
        .statusCode(400)
        .body(
            "violations.field", containsInAnyOrder("operation", "action.status", "action.millis"));
    client()
        .body("{\"kind\":\"vanished\",\"times\":-1}")
        .post("/v1/emulator/callback-faults")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("kind", "times"));
    client()
        .body("null")
        .post("/v1/emulator/incoming-calls")
        .then()
        .statusCode(400)
        .body("violations.rule", hasItem("a JSON object is required"));
    client()
        .body("{\"from\":\"+1 no\",\"to\":\"\"}")
        .post("/v1/emulator/incoming-calls")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("from", "to"));
  }

  @Test
  void anAnnouncedIncomingCallCanBeListedAndRedirected() {
    String serverCallId =
        client()
            .body("{\"from\":\"+14255550111\",\"to\":\"+18005550123\"}")
            .post("/v1/emulator/incoming-calls")
            .then()
            .statusCode(201)
            .extract()
            .path("serverCallId");
    JsonPath incoming = awaitIncoming(serverCallId);
    String context =
        incoming.getString("find { it.callId == '" + serverCallId + "' }.incomingCallContext");
    String redirect =
        client()
            .body(
                "{\"incomingCallContext\":\""
                    + context
                    + "\",\"targets\":[{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}]}")
            .post("/v1/incoming-calls/{call}/redirect", serverCallId)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(awaitState(redirect, "COMPLETED", "FAILED", "UNKNOWN").getString("state"))
        .isEqualTo("COMPLETED");
  }

  /** The emulator announces the call to the service as Event Grid would: asynchronously. */
  private static JsonPath awaitIncoming(String callId) {
    long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < giveUp) {
      JsonPath calls =
          client().get("/v1/incoming-calls").then().statusCode(200).extract().jsonPath();
      if (calls.getList("callId").contains(callId)) {
        return calls;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the service never heard of incoming call " + callId);
  }

  @Test
  void theEmbeddedEmulatorRunsWithTheServicesSettings() {
    // The test profile's own: simulated durations at 5 %, one participant per page of a roster.
    assertThat(embedded.running().settings().timeScale()).isEqualTo(0.05);
    assertThat(embedded.running().settings().participantPageSize()).isEqualTo(1);
  }

  @Test
  void theControlsNeedTheApiCredential() {
    given()
        .contentType("application/json")
        .body("{\"target\":\"+14255550123\",\"outcome\":{\"kind\":\"busy\"}}")
        .post("/v1/emulator/outcomes")
        .then()
        .statusCode(401);
    given().get("/v1/emulator/faults").then().statusCode(401);
    assertThat(embedded.running().control().scripts()).isEmpty();
  }
}
