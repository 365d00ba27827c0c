package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.ShortDeadlineProfile;
import dev.handoff.emulator.fault.CallbackFault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A transfer whose outcome never arrives becomes UNKNOWN at its deadline, not stuck. */
@QuarkusTest
@TestProfile(ShortDeadlineProfile.class)
class DeadlineTest {
  @Inject EmbeddedEmulator embedded;

  @Test
  void aSilentTransferBecomesUnknownAtItsDeadline() {
    String call =
        client().post("/v1/emulator/calls").then().statusCode(201).extract().path("callId");
    embedded
        .running()
        .control()
        .injectCallbackFault(
            new CallbackFault("CallTransferAccepted", call, CallbackFault.Kind.LOST, 1));
    // The leg's end would settle the transfer at once (UNKNOWN, as the end alone cannot tell);
    // lose it too, so that nothing at all comes back.
    embedded
        .running()
        .control()
        .injectCallbackFault(
            new CallbackFault("CallDisconnected", call, CallbackFault.Kind.LOST, 1));
    String id =
        client()
            .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    JsonPath unknown = awaitState(id, "UNKNOWN", "COMPLETED", "FAILED");
    assertThat(unknown.getString("state")).isEqualTo("UNKNOWN");
    assertThat(unknown.getString("failure.reason")).isEqualTo("timeout");
    assertThat(unknown.getList("timeline.what", String.class)).contains("deadline passed");
  }
}
