package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.handoff.app.testing.GraphEmulatorResource;
import dev.handoff.app.testing.GraphForeignTenantProfile;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.journal.SentCallback;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Graph notification whose token names a tenant the bot does not serve is refused. */
@QuarkusTest
@TestProfile(GraphForeignTenantProfile.class)
class GraphForeignTenantTest {

  @Test
  void notificationsOfAnotherTenantAreRefusedAndChangeNothing() {
    GraphCall call =
        GraphEmulatorResource.emulator()
            .control()
            .createGraphCall(
                GraphCallSpec.peerToPeer(
                    GraphEmulatorResource.callbackUrl(), "phone:+14255550120"));
    String id =
        client()
            .body(
                "{\"target\":{\"kind\":\"teamsUser\",\"userId\":\"agent-1\",\"tenantId\":\""
                    + GraphEmulatorResource.emulator().graph().tenantId()
                    + "\"}}")
            .post("/v1/calls/{call}/transfers", call.callId())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    List<SentCallback> refused =
        GraphEmulatorResource.emulator()
            .journal()
            .awaitCallbacks(
                c -> call.callId().equals(c.callId()) && c.status() == SentCallback.Status.FAILED,
                1,
                Duration.ofSeconds(10));
    assertThat(refused.get(0).attempts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
    assertThat(
            client().get("/v1/operations/{id}", id).then().extract().jsonPath().getString("state"))
        .isEqualTo("SUBMITTED");
    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "handoff_callbacks_rejected_total{provider=\"graph\",reason=\"wrong-tenant\"}"));
  }
}
