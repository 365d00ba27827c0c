package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.handoff.app.testing.GraphEmulatorResource;
import dev.handoff.app.testing.GraphProviderProfile;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.journal.SentCallback;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Graph sends a call's notifications to the call's callback URI, which the bot bound to the call: a
 * genuine notification replayed for another call, or through an unbound URI, is refused.
 */
@QuarkusTest
@TestProfile(GraphProviderProfile.class)
class GraphDeliveryBindingTest {

  private static HandoffEmulator emulator() {
    return GraphEmulatorResource.emulator();
  }

  private static String transfer(GraphCall call, String agent) {
    return client()
        .body(
            "{\"target\":{\"kind\":\"teamsUser\",\"userId\":\""
                + agent
                + "\",\"tenantId\":\""
                + emulator().graph().tenantId()
                + "\"}}")
        .post("/v1/calls/{call}/transfers", call.callId())
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private static void replay(String path, String token, String body, int status, String reason) {
    given()
        .urlEncodingEnabled(false)
        .contentType(ContentType.JSON)
        .header("Authorization", token)
        .body(body)
        .post(path)
        .then()
        .statusCode(status)
        .body("type", equalTo("urn:handoff:problem:callback-" + reason));
  }

  @Test
  void aGenuineNotificationSettlesOnlyItsOwnCall() {
    GraphCall first =
        GraphEmulatorResource.boundCall(GraphCallSpec.peerToPeer(null, "phone:+14255550110"));
    String firstOperation = transfer(first, UUID.randomUUID().toString());
    awaitState(firstOperation, "COMPLETED");
    SentCallback terminated =
        emulator()
            .journal()
            .awaitCallbacks(
                c -> first.callId().equals(c.callId()) && c.event().equals("call.terminated"),
                1,
                Duration.ofSeconds(10))
            .get(0);
    String token = terminated.headers().get("Authorization");
    URI boundToFirst = URI.create(terminated.url());
    assertThat(boundToFirst.getRawQuery()).contains("handoff-call=" + first.callId());

    // The second transfer's notifications are lost: only a forgery could change it now.
    String agent = UUID.randomUUID().toString();
    emulator().control().script(agent, Outcome.noAnswer());
    GraphCall second =
        GraphEmulatorResource.boundCall(GraphCallSpec.peerToPeer(null, "phone:+14255550111"));
    for (String event : new String[] {"call.transferring", "call.established"}) {
      emulator()
          .control()
          .injectCallbackFault(
              new CallbackFault(event, second.callId(), CallbackFault.Kind.LOST, 1));
    }
    String secondOperation = transfer(second, agent);
    JsonPath before = awaitState(secondOperation, "SUBMITTED");
    String forged = terminated.body().replace(first.callId(), second.callId());

    replay(
        boundToFirst.getRawPath() + "?" + boundToFirst.getRawQuery(),
        token,
        forged,
        403,
        "binding-mismatch");
    replay("/callbacks/graph", token, forged, 403, "binding-unbound");

    JsonPath after =
        client().get("/v1/operations/{id}", secondOperation).then().extract().jsonPath();
    assertThat(after.getString("state")).isNotEqualTo("COMPLETED");
    assertThat(after.getInt("version")).isEqualTo(before.getInt("version"));
  }
}
