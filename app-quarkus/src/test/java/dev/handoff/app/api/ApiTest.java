package dev.handoff.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.handoff.app.testing.FakeProvider;
import dev.handoff.app.testing.FakeProviderProfile;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.service.HandoffService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FakeProviderProfile.class)
class ApiTest {
  private static final String TRANSFER =
      "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+1 425 555 0123\"},"
          + "\"context\":{\"userToUser\":\"a1b2\",\"sipHeaders\":{\"X-MS-Custom-caseId\":\"42\"}},"
          + "\"operationContext\":\"case-42\"}";

  @Inject FakeProvider provider;
  @Inject HandoffService service;

  private String call;

  @BeforeEach
  void freshCall() {
    provider.reset();
    call = "call-" + UUID.randomUUID();
  }

  private static RequestSpecification client() {
    return given().header("X-API-Key", "test-key-1").contentType(ContentType.JSON);
  }

  @Test
  void aTransferIsAcceptedWithItsLocationAndReadBack() {
    String location =
        client()
            .body(TRANSFER)
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .header("Location", containsString("/v1/operations/"))
            .body("kind", equalTo("TRANSFER"))
            .body("state", equalTo("SUBMITTED"))
            .body("callId", equalTo(call))
            .body("operationContext", equalTo("case-42"))
            .body("request.target.rawId", equalTo("4:+14255550123"))
            .body("request.context.sipHeaders.X-MS-Custom-caseId", equalTo("42"))
            .body("timeline.state", equalTo(List.of("REQUESTED", "SUBMITTED")))
            .extract()
            .header("Location");

    CallTransfer sent = (CallTransfer) provider.submissions().get(0).command();
    assertThat(sent.target()).isEqualTo(PhoneNumber.of("+14255550123"));
    assertThat(sent.callingContext().userToUser()).contains("a1b2");

    client().get(location).then().statusCode(200).body("state", equalTo("SUBMITTED"));
    client()
        .queryParam("callId", call)
        .get("/v1/operations")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].callId", equalTo(call));
  }

  @Test
  void everyViolationIsListedAsAProblem() {
    String body =
        "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"12\",\"colour\":\"red\"},"
            + "\"context\":{\"sipHeaders\":{\"Bad\":\"x y\"}},"
            + "\"sourceCallerId\":\"nope\",\"mood\":\"happy\"}";
    client()
        .body(body)
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:handoff:problem:invalid-request"))
        .body(
            "violations.field",
            equalTo(
                List.of(
                    "target.colour",
                    "mood",
                    "target.value",
                    "context.sipHeaders[Bad]",
                    "context.sipHeaders[Bad]",
                    "sourceCallerId")))
        .body("violations.rule", hasItem("is not a known field"));
    assertThat(provider.submissions()).isEmpty();
  }

  @Test
  void malformedJsonIsAProblemToo() {
    client()
        .body("{\"target\": {\"kind\": \"phoneNumber\", \"value\": 5")
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(400)
        .body("violations[0].rule", containsString("is not valid JSON"));
    client()
        .body(
            "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},\"invitationTimeoutSeconds\":2.5}")
        .post("/v1/calls/{call}/participants", call)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("invitationTimeoutSeconds"));
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnTheSameOperationOnce() {
    String key = UUID.randomUUID().toString();
    String first =
        client()
            .header("Idempotency-Key", key)
            .body(TRANSFER)
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    String again =
        client()
            .header("Idempotency-Key", key)
            .body(TRANSFER)
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertThat(again).isEqualTo(first);
    assertThat(provider.submissions()).hasSize(1);

    client()
        .header("Idempotency-Key", key)
        .body(TRANSFER.replace("case-42", "case-43"))
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:handoff:problem:idempotency-key-reused"))
        .body("operationId", equalTo(first));
    assertThat(provider.submissions()).hasSize(1);
  }

  @Test
  void requestsWithoutAValidKeyAreRefused() {
    given()
        .contentType(ContentType.JSON)
        .body(TRANSFER)
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:handoff:problem:unauthenticated"));
    given()
        .header("X-API-Key", "wrong")
        .contentType(ContentType.JSON)
        .body(TRANSFER)
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(401);
    given().header("X-API-Key", "test-key-2").get("/v1/capabilities").then().statusCode(200);
    assertThat(provider.submissions()).isEmpty();
  }

  @Test
  void whatTheProviderCannotCarryIsRefusedBeforeSending() {
    client()
        .body(
            "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},"
                + "\"replacesCallId\":\"consult-1\",\"context\":{\"voipHeaders\":{\"k\":\"v\"}}}")
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:handoff:problem:unsupported-by-provider"))
        .body("violations.field", equalTo(List.of("replacesCallId", "context.voipHeaders")));
    assertThat(provider.submissions()).isEmpty();
  }

  @Test
  void aSecondTransferOfTheSameCallIsAConflict() {
    client().body(TRANSFER).post("/v1/calls/{call}/transfers", call).then().statusCode(202);
    client()
        .body(TRANSFER.replace("case-42", "other"))
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(409)
        .body("operationId", notNullValue());
  }

  @Test
  void aRejectionByTheProviderIsAFailedOperationNotAnError() {
    provider.answering(
        command ->
            new SubmitResult.Rejected(Failure.of(FailureReason.NOT_FOUND, "Call not found.")));
    client()
        .body(TRANSFER)
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(202)
        .body("state", equalTo("FAILED"))
        .body("failure.reason", equalTo("not-found"))
        .body("failure.retryable", equalTo(false));
  }

  @Test
  void addThenCancelFollowsTheInvitation() {
    String add =
        client()
            .body(
                "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550199\"},\"invitationTimeoutSeconds\":30}")
            .post("/v1/calls/{call}/participants", call)
            .then()
            .statusCode(202)
            .body("invitationId", equalTo("inv-" + call))
            .extract()
            .path("id");
    String cancel =
        client()
            .delete("/v1/calls/{call}/participants/invitations/{inv}", call, "inv-" + call)
            .then()
            .statusCode(202)
            .body("kind", equalTo("CANCEL_ADD_PARTICIPANT"))
            .extract()
            .path("id");
    service.record(
        List.of(
            new OperationUpdate(
                new EventMeta(FakeProvider.ID, "c-" + call, "Fake.CancelSucceeded", Instant.now()),
                call,
                OperationKind.CANCEL_ADD_PARTICIPANT,
                Progress.COMPLETED,
                Optional.empty(),
                Optional.of("inv-" + call),
                Optional.empty(),
                Optional.empty(),
                null)));
    client().get("/v1/operations/{id}", cancel).then().body("state", equalTo("COMPLETED"));
    client()
        .get("/v1/operations/{id}", add)
        .then()
        .body("state", equalTo("CANCELLED"))
        .body("failure.reason", equalTo("cancelled"));
  }

  @Test
  void listingValidatesItsQuery() {
    client()
        .queryParam("state", "sideways")
        .queryParam("limit", 0)
        .get("/v1/operations")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("state", "limit")));
    client()
        .queryParam("cursor", "bogus")
        .get("/v1/operations")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:handoff:problem:invalid-cursor"))
        .body("violations[0].field", equalTo("cursor"));
    client()
        .get("/v1/operations/{id}", "no-such-op")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void capabilitiesOpenApiAndMetricsAreServed() {
    client()
        .get("/v1/capabilities")
        .then()
        .statusCode(200)
        .body("provider", equalTo("fake"))
        .body("features", hasItem("cancel-add-participant"));
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/v1/calls/{callId}/transfers"));
    client().body(TRANSFER).post("/v1/calls/{call}/transfers", call).then().statusCode(202);
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("handoff_operations_transitions_total"))
        .body(
            containsString(
                "handoff_provider_requests_seconds_count{kind=\"transfer\",outcome=\"accepted\",provider=\"fake\"}"));
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    client()
        .body(TRANSFER)
        .post("/v1/calls/{call}/transfers", "x y")
        .then()
        .statusCode(400)
        .body("violations[0].field", endsWith("callId"));
  }
}
