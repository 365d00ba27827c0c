package dev.handoff.app.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The service's API as tests drive it. */
public final class Api {
  private Api() {}

  /**
   * @return a request authenticated with the test key
   */
  public static RequestSpecification client() {
    return given().header("X-API-Key", "test-key-1").contentType(ContentType.JSON);
  }

  /**
   * Polls an operation until it reaches one of the states.
   *
   * @param id the operation id
   * @param states the states to wait for
   * @return the operation as JSON
   */
  public static JsonPath awaitState(String id, String... states) {
    Set<String> wanted = Set.of(states);
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(15));
    JsonPath operation;
    do {
      operation =
          client().get("/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
      if (wanted.contains(operation.getString("state"))) {
        return operation;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    } while (Instant.now().isBefore(giveUp));
    throw new AssertionError(
        "operation "
            + id
            + " stayed "
            + operation.getString("state")
            + ", expected "
            + wanted
            + "; its steps: "
            + operation.getList("handoff.steps")
            + "; its timeline: "
            + operation.getList("timeline.what"));
  }
}
