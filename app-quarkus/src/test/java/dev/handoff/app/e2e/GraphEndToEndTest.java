package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.handoff.app.testing.GraphEmulatorResource;
import dev.handoff.app.testing.GraphProviderProfile;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service with Microsoft Graph as its provider (an emulator in its place). */
@QuarkusTest
@TestProfile(GraphProviderProfile.class)
class GraphEndToEndTest {

  private static HandoffEmulator emulator() {
    return GraphEmulatorResource.emulator();
  }

  /** A call whose notifications come through the callback URI the service binds to it. */
  private static GraphCall call(String participant) {
    return GraphEmulatorResource.boundCall(GraphCallSpec.peerToPeer(null, participant));
  }

  @Test
  void aConsultativeTransferReplacesTheConsultationCall() {
    String agent = UUID.randomUUID().toString();
    String tenant = emulator().graph().tenantId();
    GraphCall caller = call("phone:+14255550100");
    GraphCall consultation = call("user:" + agent);
    String id =
        client()
            .body(
                "{\"target\":{\"kind\":\"teamsUser\",\"userId\":\""
                    + agent
                    + "\",\"tenantId\":\""
                    + tenant
                    + "\"},\"replacesCallId\":\""
                    + consultation.callId()
                    + "\"}")
            .post("/v1/calls/{call}/transfers", caller.callId())
            .then()
            .statusCode(202)
            .body("provider", equalTo("graph"))
            .extract()
            .path("id");
    JsonPath done = awaitState(id, "COMPLETED", "FAILED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    // The provider's 202 and its first notification race; either order is recorded faithfully.
    assertThat(done.getList("timeline.what", String.class)).contains("accepted by the provider");
    assertThat(done.getList("timeline.state", String.class))
        .containsSubsequence("IN_PROGRESS", "ACCEPTED", "COMPLETED");
    assertThat(emulator().control().graphCallState(caller.callId())).contains("terminated");
  }

  @Test
  void aDeclinedTransferFailsAndTheCallStays() {
    String agent = UUID.randomUUID().toString();
    emulator().control().script(agent, Outcome.decline());
    GraphCall caller = call("phone:+14255550101");
    String id =
        client()
            .body(
                "{\"target\":{\"kind\":\"teamsUser\",\"userId\":\""
                    + agent
                    + "\",\"tenantId\":\""
                    + emulator().graph().tenantId()
                    + "\"}}")
            .post("/v1/calls/{call}/transfers", caller.callId())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    JsonPath failed = awaitState(id, "FAILED", "COMPLETED", "UNKNOWN");
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("failure.evidence.code")).isEqualTo("500");
    assertThat(emulator().control().graphCallState(caller.callId())).contains("established");
  }

  @Test
  void whatGraphCannotCarryIsRefusedBeforeAnythingIsSent() {
    GraphCall caller = call("phone:+14255550102");
    client()
        .body(
            "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},"
                + "\"context\":{\"sipHeaders\":{\"X-MS-Custom-case\":\"1\"}}}")
        .post("/v1/calls/{call}/transfers", caller.callId())
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("context.sipHeaders"));
  }
}
