package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.journal.SentCallback;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A genuine callback settles only its own operation: its token and URL replayed with another
 * operation's body are refused and counted, and nothing changes.
 */
@QuarkusTest
class DeliveryBindingTest {
  @Inject EmbeddedEmulator embedded;

  private static String newCall() {
    return client().post("/v1/emulator/calls").then().statusCode(201).extract().path("callId");
  }

  private static String transfer(String call) {
    return client()
        .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private static String pathOf(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static void replay(String path, String token, String body, String reason) {
    given()
        .urlEncodingEnabled(false)
        .contentType(ContentType.JSON)
        .header("Authorization", token)
        .body(body)
        .post(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:handoff:problem:callback-" + reason));
  }

  @Test
  void aGenuineDeliveryReplayedWithAnotherOperationsBodyIsRefusedAndCounted() {
    String first = newCall();
    String firstOperation = transfer(first);
    awaitState(firstOperation, "COMPLETED");
    SentCallback genuine =
        embedded
            .running()
            .journal()
            .awaitCallbacks(
                c -> first.equals(c.callId()) && c.event().equals("CallTransferAccepted"),
                1,
                Duration.ofSeconds(10))
            .get(0);
    String token = genuine.headers().get("Authorization");

    // The second transfer's own events are lost: only a forgery could change it now.
    String second = newCall();
    for (String event : new String[] {"CallTransferAccepted", "CallDisconnected"}) {
      embedded
          .running()
          .control()
          .injectCallbackFault(new CallbackFault(event, second, CallbackFault.Kind.LOST, 1));
    }
    String secondOperation = transfer(second);
    JsonPath before = awaitState(secondOperation, "SUBMITTED");
    String forged = genuine.body().replace(first, second).replace(firstOperation, secondOperation);
    assertThat(forged).contains(second).doesNotContain(first);

    replay(pathOf(genuine.url()), token, forged, "binding-mismatch");
    replay("/callbacks/acs", token, forged, "binding-unbound");
    String ownUrlWrongToken = pathOf(genuine.url()).replace(firstOperation, secondOperation);
    replay(ownUrlWrongToken, token, forged, "binding-token");

    JsonPath after = awaitState(secondOperation, "SUBMITTED");
    assertThat(after.getInt("version"))
        .as("nothing of a refused delivery was recorded")
        .isEqualTo(before.getInt("version"));
    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "handoff_callbacks_rejected_total{provider=\"acs\",reason=\"binding-mismatch\"}"))
        .body(
            containsString(
                "handoff_callbacks_rejected_total{provider=\"acs\",reason=\"binding-unbound\"}"))
        .body(
            containsString(
                "handoff_callbacks_rejected_total{provider=\"acs\",reason=\"binding-token\"}"));
  }

  @Test
  void aCallsCallbackUriIsBoundToIt() {
    String uri =
        client()
            .get("/v1/calls/{call}/callback-uri", "call-42")
            .then()
            .statusCode(200)
            .body("callId", equalTo("call-42"))
            .extract()
            .path("callbackUri");
    assertThat(uri).contains("/callbacks/acs?handoff-call=call-42&handoff-token=");
  }
}
