package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.ShortDeadlineProfile;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.CallbackFault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A transfer whose outcome callback never arrives does not hang on it: at its deadline the provider
 * is asked (the call connection, its participants) and the call's own events are read, and the
 * outcome is settled by what they say, recorded as a reconciliation; it is UNKNOWN only when they
 * cannot tell.
 */
@QuarkusTest
@TestProfile(ShortDeadlineProfile.class)
class DeadlineTest {
  @Inject EmbeddedEmulator embedded;

  private String callLosing(String... events) {
    String call =
        client().post("/v1/emulator/calls").then().statusCode(201).extract().path("callId");
    for (String event : events) {
      embedded
          .running()
          .control()
          .injectCallbackFault(new CallbackFault(event, call, CallbackFault.Kind.LOST, 1));
    }
    return call;
  }

  private static String transfer(String call, String target) {
    return client()
        .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"" + target + "\"}}")
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private static String last(JsonPath operation, String field) {
    List<String> values = operation.getList("timeline." + field, String.class);
    return values.get(values.size() - 1);
  }

  @Test
  void aTransferWhoseResultWasLostIsCompletedByTheCallsDisconnectAndTheProvidersState() {
    String id = transfer(callLosing("CallTransferAccepted"), "+14255550123");
    // The call's end makes the transfer UNKNOWN at once (the end alone cannot tell whether it was
    // accepted); reconciliation at its deadline settles it.
    JsonPath done = awaitState(id, "COMPLETED", "FAILED");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(last(done, "source")).isEqualTo("RECONCILIATION");
    assertThat(last(done, "what"))
        .contains("ACS no longer knows call connection")
        .contains("CallDisconnected 200/7015");
    assertThat(done.getList("timeline.what", String.class))
        .contains("Microsoft.Communication.CallDisconnected")
        .doesNotContain("Microsoft.Communication.CallTransferAccepted");
    assertThat(done.getInt("timeline[-1].evidence.httpStatus")).isEqualTo(404);
  }

  @Test
  void aFailedTransferWhoseResultWasLostIsFailedByTheCallStillConnected() {
    embedded.running().control().script("+14255550177", Outcome.busy());
    String id = transfer(callLosing("CallTransferFailed"), "+14255550177");
    JsonPath failed = awaitState(id, "FAILED", "COMPLETED", "UNKNOWN");
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(last(failed, "source")).isEqualTo("RECONCILIATION");
    assertThat(failed.getString("failure.message")).contains("did not take effect");
  }

  @Test
  void aTransferIsUnknownOnlyWhenNothingTellsHowTheCallEnded() {
    String id = transfer(callLosing("CallTransferAccepted", "CallDisconnected"), "+14255550123");
    JsonPath unknown = awaitState(id, "UNKNOWN", "COMPLETED", "FAILED");
    assertThat(unknown.getString("state")).isEqualTo("UNKNOWN");
    assertThat(unknown.getString("failure.reason")).isEqualTo("timeout");
    assertThat(last(unknown, "source")).isEqualTo("RECONCILIATION");
    assertThat(last(unknown, "what"))
        .startsWith("deadline passed; reconciliation: ")
        .contains("no recorded call event says why");
  }
}
