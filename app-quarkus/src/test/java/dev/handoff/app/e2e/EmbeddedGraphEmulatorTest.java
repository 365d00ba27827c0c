package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.EmbeddedGraphEmulatorProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service with {@code handoff.emulator.provider=graph}: the embedded emulator plays Microsoft
 * Graph and the service speaks to it through the real Graph adapter, with nothing else configured.
 */
@QuarkusTest
@TestProfile(EmbeddedGraphEmulatorProfile.class)
class EmbeddedGraphEmulatorTest {

  @Inject EmbeddedEmulator emulator;

  private static JsonPath newCall(String body) {
    return client()
        .body(body)
        .post("/v1/emulator/calls")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  @Test
  void theServiceSpeaksGraphThroughTheEmbeddedEmulator() {
    client()
        .get("/v1/capabilities")
        .then()
        .statusCode(200)
        .body("provider", equalTo("graph"))
        .body("features", hasItem("consultative-transfer"));
    client()
        .get("/v1/emulator")
        .then()
        .statusCode(200)
        .body("provider", equalTo("graph"))
        .body("demoCallId", equalTo("demo-call"));
  }

  @Test
  void readinessChecksTheEmulatedGraphNotAcs() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'provider' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'provider' }.data.provider", equalTo("emulator"))
        .body("checks.find { it.name == 'provider' }.data.token", equalTo("granted"))
        // no authenticated ACS read was made: that probe reports the status it was answered
        .body("checks.find { it.name == 'provider' }.data.status", nullValue())
        .body("checks.find { it.name == 'callback-keys' }.status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'callback-keys' }.data.openidConfiguration",
            equalTo(emulator.graphEndpoints().httpOpenIdConfiguration().toString()));
  }

  @Test
  void aConsultativeTransferRunsEndToEnd() {
    String agent = UUID.randomUUID().toString();
    String caller = newCall("{}").getString("callId");
    JsonPath consultation = newCall("{\"participants\":[\"user:" + agent + "\"]}");
    assertThat(consultation.getString("participants[0].participant")).isEqualTo("user:" + agent);
    assertThat(consultation.getString("participants[0].callParticipantId")).isNotBlank();

    String id =
        client()
            .body(
                "{\"target\":{\"kind\":\"teamsUser\",\"userId\":\""
                    + agent
                    + "\"},\"replacesCallId\":\""
                    + consultation.getString("callId")
                    + "\",\"operationContext\":\"consult-1\"}")
            .post("/v1/calls/{call}/transfers", caller)
            .then()
            .statusCode(202)
            .body("provider", equalTo("graph"))
            .extract()
            .path("id");

    JsonPath done = awaitState(id, "COMPLETED", "FAILED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getList("timeline.state", String.class))
        .containsSubsequence("IN_PROGRESS", "ACCEPTED", "COMPLETED");
    assertThat(done.getList("timeline.what", String.class))
        .anySatisfy(what -> assertThat(what).contains("terminated"));
    assertThat(emulator.running().control().graphCallState(caller)).contains("terminated");
    assertThat(emulator.running().control().graphCallState(consultation.getString("callId")))
        .contains("terminated");
  }

  @Test
  void aGroupTransferEndsCompletedOnTheDocumentedShape() {
    JsonPath group =
        newCall("{\"participants\":[\"phone:+14255550100\",\"user:" + UUID.randomUUID() + "\"]}");
    String id =
        client()
            .body(
                "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},"
                    + "\"transferee\":{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550100\"},"
                    + "\"callParticipantId\":\""
                    + group.getString("participants[0].callParticipantId")
                    + "\"}}")
            .post("/v1/calls/{call}/transfers", group.getString("callId"))
            .then()
            .statusCode(202)
            .extract()
            .path("id");

    assertThat(awaitState(id, "COMPLETED", "FAILED", "UNKNOWN").getString("state"))
        .isEqualTo("COMPLETED");
  }

  @Test
  void theDemoCallIsAGraphCallReadyToTransfer() {
    String id =
        client()
            .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
            .post("/v1/calls/{call}/transfers", emulator.demoCallId())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(awaitState(id, "COMPLETED", "FAILED", "UNKNOWN").getString("state"))
        .isEqualTo("COMPLETED");
  }

  @Test
  void anIncomingGraphCallIsAnnouncedAndRedirectedThroughTheService() {
    String callId =
        client()
            .body("{\"from\":\"+14255550111\",\"to\":\"+18005550100\"}")
            .post("/v1/emulator/incoming-calls")
            .then()
            .statusCode(201)
            .extract()
            .path("callId");
    JsonPath incoming = null;
    for (int attempt = 0; attempt < 200 && incoming == null; attempt++) {
      JsonPath recent =
          client().get("/v1/incoming-calls").then().statusCode(200).extract().jsonPath();
      if (recent.getList("callId", String.class).contains(callId)) {
        incoming = recent;
      } else {
        pause();
      }
    }
    assertThat(incoming).as("the incoming call reached the service").isNotNull();
    assertThat(incoming.getString("find { it.callId == '" + callId + "' }.from.rawId"))
        .isEqualTo("4:+14255550111");
    assertThat(incoming.getString("find { it.callId == '" + callId + "' }.provider"))
        .isEqualTo("graph");

    String id =
        client()
            .body(
                "{\"incomingCallContext\":\""
                    + callId
                    + "\",\"targets\":[{\"kind\":\"phoneNumber\",\"value\":\"+14255550122\"}]}")
            .post("/v1/incoming-calls/{call}/redirect", callId)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(awaitState(id, "COMPLETED", "FAILED", "UNKNOWN").getString("state"))
        .isEqualTo("COMPLETED");
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
