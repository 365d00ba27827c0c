package dev.handoff.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * As in production: metrics, the OpenAPI document and Swagger UI take the API's credentials, and a
 * refusal is a problem; health stays open for probes.
 */
@QuarkusTest
@TestProfile(ManagementProtectionTest.Protected.class)
class ManagementProtectionTest {

  /** The production default for the management endpoints. */
  public static class Protected implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.api.protect-management", "true");
    }
  }

  @Test
  void metricsOpenApiAndSwaggerUiNeedTheApiKey() {
    for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
      given()
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .header("WWW-Authenticate", containsString("ApiKey"))
          .body("type", equalTo("urn:handoff:problem:unauthenticated"));
      given().header("X-API-Key", "wrong").get(path).then().statusCode(401);
    }
    given().header("X-API-Key", "test-key-1").get("/q/metrics").then().statusCode(200);
    given().header("X-API-Key", "test-key-2").get("/q/openapi").then().statusCode(200);
  }

  @Test
  void healthStaysOpenForProbes() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200);
  }
}
