package dev.handoff.app.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.handoff.emulator.HandoffEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service that cannot do its job does not say it is ready: here the provider refuses its
 * credentials (a wrong ACS access key) and the keys that verify callbacks cannot be loaded.
 */
@QuarkusTest
@TestProfile(ReadinessTest.Broken.class)
class ReadinessTest {

  /** ACS at an emulator, with a key the emulator does not know and no reachable signing keys. */
  public static class Broken implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(WrongKeyEmulator.class));
    }
  }

  /** Starts an emulator and points the service at it with a wrong access key. */
  public static class WrongKeyEmulator implements QuarkusTestResourceLifecycleManager {
    private HandoffEmulator emulator;

    @Override
    public Map<String, String> start() {
      emulator = HandoffEmulator.builder().bindAddress("127.0.0.1").build().start();
      String wrongKey =
          Base64.getEncoder().encodeToString("not the emulator's key, 32 bytes".getBytes());
      return Map.of(
          "handoff.provider", "acs",
          "handoff.acs.connection-string",
              "endpoint=" + emulator.acs().httpEndpoint() + "/;accesskey=" + wrongKey,
          "handoff.acs.resource-id", emulator.acs().resourceId(),
          "handoff.acs.openid-configuration-url", "http://127.0.0.1:9/no-keys-here",
          "handoff.callback-base-url", "http://127.0.0.1:8080/");
    }

    @Override
    public void stop() {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  @Test
  void readinessIsDownWhenTheCredentialsAreRefusedAndTheCallbackKeysCannotBeLoaded() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .body("checks.find { it.name == 'provider' }.status", equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'provider' }.data.error",
            equalTo("the provider refused the credentials"))
        .body("checks.find { it.name == 'callback-keys' }.status", equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'callback-keys' }.data.error", containsString("127.0.0.1:9"))
        .body("checks.find { it.name == 'operation-store' }.status", equalTo("UP"));
    given().get("/q/health/live").then().statusCode(200);
  }
}
