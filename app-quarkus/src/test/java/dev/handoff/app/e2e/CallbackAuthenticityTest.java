package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.ControlledClockProfile;
import dev.handoff.app.testing.TestClock;
import dev.handoff.emulator.journal.SentCallback;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Callbacks are believed only when their token is genuine: a genuine callback is accepted (and a
 * replay of it changes nothing); one that is unsigned, signed with another key, without a token, or
 * genuine but expired is refused with a problem detail and counted.
 */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
class CallbackAuthenticityTest {
  @Inject EmbeddedEmulator embedded;
  @Inject TestClock clock;

  private static void post(String authorization, String body, int status, String reason) {
    post("/callbacks/acs", authorization, body, status, reason);
  }

  private static void post(
      String path, String authorization, String body, int status, String reason) {
    var request = given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    var response = request.post(path).then().statusCode(status);
    if (reason != null) {
      response
          .contentType("application/problem+json")
          .body("type", equalTo("urn:handoff:problem:callback-" + reason));
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void onlyGenuineUnexpiredCallbacksAreBelieved() throws Exception {
    String call =
        client().post("/v1/emulator/calls").then().statusCode(201).extract().path("callId");
    String operation =
        client()
            .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    awaitState(operation, "COMPLETED");
    SentCallback genuine =
        embedded
            .running()
            .journal()
            .awaitCallbacks(
                c -> call.equals(c.callId()) && c.event().equals("CallTransferAccepted"),
                1,
                Duration.ofSeconds(10))
            .get(0);
    String token = genuine.headers().get("Authorization");
    SignedJWT real = SignedJWT.parse(token.substring("Bearer ".length()));

    URI sentTo = URI.create(genuine.url());
    String boundPath = sentTo.getRawPath() + "?" + sentTo.getRawQuery();
    assertThat(sentTo.getRawQuery()).contains("handoff-operation=" + operation);
    post(boundPath, token, genuine.body(), 200, null);
    assertThat(awaitState(operation, "COMPLETED").getInt("version")).isEqualTo(3);
    // Its events may come only through the URL bound to it.
    post(token, genuine.body(), 403, "binding-unbound");
    assertThat(awaitState(operation, "COMPLETED").getInt("version")).isEqualTo(3);

    post(null, genuine.body(), 401, "missing-token");

    String unsigned =
        "Bearer "
            + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + b64(real.getJWTClaimsSet().toString())
            + ".";
    post(unsigned, genuine.body(), 401, null);

    RSAKey other = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(),
            new JWTClaimsSet.Builder(real.getJWTClaimsSet()).build());
    forged.sign(new RSASSASigner(other));
    post("Bearer " + forged.serialize(), genuine.body(), 401, "bad-signature");

    clock.advance(Duration.ofMinutes(10));
    post(token, genuine.body(), 401, "expired");

    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString("handoff_callbacks_rejected_total{provider=\"acs\",reason=\"expired\"}"))
        .body(
            containsString(
                "handoff_callbacks_rejected_total{provider=\"acs\",reason=\"bad-signature\"}"));
  }
}
