package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.awaitStep;
import static dev.handoff.app.testing.Api.client;
import static dev.handoff.app.testing.Api.hasStep;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.handoff.app.testing.GraphEmulatorResource;
import dev.handoff.app.testing.GraphProviderProfile;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.ports.callback.CallbackBinding;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Graph sends a call's notifications to the call's callback URI, which the bot bound to the call: a
 * genuine notification replayed for another call, or through an unbound URI, is refused; one about
 * a call that a warm handoff is still placing is asked for again.
 */
@QuarkusTest
@TestProfile(GraphProviderProfile.class)
class GraphDeliveryBindingTest {
  @Inject CallbackBinding binding;

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

  @Test
  void aNotificationAboutACallAHandoffIsStillPlacingIsAskedForAgain() {
    GraphCall call =
        GraphEmulatorResource.boundCall(
            GraphCallSpec.peerToPeer(GraphEmulatorResource.callbackUrl(), "phone:+14255550112"));
    // The consultation call's placement is not answered until the test says so, as when Graph is
    // busy: the test acts while it is in flight, however slow the machine.
    emulator()
        .control()
        .injectFault(FaultRule.once("graph.createCall", new FaultAction.Held("placement")));
    String handoff =
        client()
            .body(
                "{\"targets\":[{\"participant\":"
                    + "{\"kind\":\"phoneNumber\",\"value\":\"+14255550133\"}}]}")
            .post("/v1/calls/{call}/handoffs", call.callId())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    // Getting there (the caller held, its callback recorded) can take seconds on a loaded machine.
    awaitStep(handoff, "placeCall", "REQUESTED", Duration.ofSeconds(30));
    // Holding the caller was reported with a genuine token; the service is still answering that
    // delivery, since recording it sent the placement.
    String token =
        emulator().journal().callbacks().stream()
            .filter(c -> c.url().contains("handoff-call=" + call.callId()))
            .findFirst()
            .orElseThrow()
            .headers()
            .get("Authorization");

    String consultationEnded =
        "{\"value\":[{\"@odata.type\":\"#microsoft.graph.commsNotification\","
            + "\"changeType\":\"deleted\",\"resourceUrl\":\"/communications/calls/"
            + UUID.randomUUID()
            + "\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.call\","
            + "\"state\":\"terminated\"}}]}";
    given()
        .urlEncodingEnabled(false)
        .contentType(ContentType.JSON)
        .header("Authorization", token)
        .body(consultationEnded)
        .post(
            "/callbacks/graph?"
                + CallbackBinding.OPERATION_PARAMETER
                + "="
                + handoff
                + "&"
                + CallbackBinding.TOKEN_PARAMETER
                + "="
                + binding.operationToken(OperationId.of(handoff)))
        .then()
        .statusCode(503)
        .header("Retry-After", "1")
        .body("type", equalTo("urn:handoff:problem:callback-too-early"));
    assertThat(hasStep(handoff, "placeCall", "REQUESTED"))
        .as("still placing: the deferral was not a late answer")
        .isTrue();
    emulator().control().openGate("placement");

    assertThat(
            awaitState(handoff, "COMPLETED", "FAILED", "CANCELLED", "UNKNOWN").getString("state"))
        .as("the deferred notification recorded nothing; the agent answered and took the caller")
        .isEqualTo("COMPLETED");
  }
}
