package dev.handoff.app.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  /**
   * @param id a warm handoff
   * @param action a step's action, e.g. {@code placeCall}
   * @param status a step status, e.g. {@code REQUESTED}
   * @return whether one of its steps with that action has that status now
   */
  public static boolean hasStep(String id, String action, String status) {
    JsonPath operation =
        client().get("/v1/operations/{id}", id).then().statusCode(200).extract().jsonPath();
    List<String> actions = operation.getList("handoff.steps.action", String.class);
    List<String> statuses = operation.getList("handoff.steps.status", String.class);
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).equals(action) && statuses.get(i).equals(status)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Polls a warm handoff until one of its steps with the action has the status.
   *
   * @param id the handoff
   * @param action the step's action
   * @param status the status to wait for
   * @param within how long to wait
   */
  public static void awaitStep(String id, String action, String status, Duration within) {
    Instant giveUp = Instant.now().plus(within);
    while (Instant.now().isBefore(giveUp)) {
      if (hasStep(id, action, status)) {
        return;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(
        "handoff "
            + id
            + " never had "
            + action
            + " "
            + status
            + ": "
            + client().get("/v1/operations/{id}", id).then().extract().asString());
  }
}
