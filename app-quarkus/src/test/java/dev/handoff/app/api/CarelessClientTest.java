package dev.handoff.app.api;

import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The careless requests of issue 14, each answered with a 4xx problem in the client's terms: never
 * a 500, never an empty body, never a Java or Jackson name.
 */
@QuarkusTest
class CarelessClientTest {
  private static final String TRANSFER =
      "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI base;

  private static ValidatableResponse problem(ValidatableResponse response, int status) {
    return response
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("type", matchesPattern("urn:handoff:problem:[a-z0-9]+(-[a-z0-9]+)*"))
        .body("detail", notNullValue())
        .body("detail", not(matchesPattern("(?s).*(java\\.|com\\.fasterxml|dev\\.handoff|`).*")));
  }

  @Test
  void aJsonNullBodyIsABadRequestOnEveryEndpoint() {
    String call = "call-" + UUID.randomUUID();
    for (String path :
        List.of(
            "/v1/calls/" + call + "/transfers",
            "/v1/calls/" + call + "/participants",
            "/v1/incoming-calls/" + call + "/redirect")) {
      problem(client().body("null").post(path).then(), 400)
          .body("violations[0].rule", equalTo("a JSON object is required"));
    }
  }

  @Test
  void theFrameworksRefusalsAreProblemsToo() throws Exception {
    problem(
            client()
                .contentType(ContentType.TEXT)
                .body("{}")
                .post("/v1/calls/{call}/transfers", "c-415")
                .then(),
            415)
        .body("type", equalTo("urn:handoff:problem:unsupported-media-type"))
        .body(
            "detail", startsWith("Send the body as application/json; it was sent as 'text/plain"));
    problem(client().body("{}").put("/v1/calls/{call}/transfers", "c-405").then(), 405)
        .body("type", equalTo("urn:handoff:problem:method-not-allowed"));
    problem(client().accept("text/csv").get("/v1/capabilities").then(), 406)
        .body("type", equalTo("urn:handoff:problem:not-acceptable"));
    problem(client().get("/v1/no-such-thing").then(), 404);
    String large = "{\"operationContext\":\"" + "x".repeat(70_000) + "\"}";
    problem(client().body(large).post("/v1/calls/{call}/transfers", "c-413").then(), 413)
        .body("type", equalTo("urn:handoff:problem:body-too-large"));

    // The same body sent chunked, without a Content-Length, is measured as it is read.
    HttpResponse<String> chunked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("/v1/calls/c-413-chunked/transfers"))
                    .header("X-API-Key", "test-key-1")
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(chunked.body()).path("type").asText())
        .isEqualTo("urn:handoff:problem:body-too-large");
  }

  @Test
  void typeErrorsAreWordedInJsonTermsWithTheirPaths() {
    problem(
            client()
                .body("{\"target\":{\"kind\":\"pigeon\"}}")
                .post("/v1/calls/{call}/transfers", "c-types")
                .then(),
            400)
        .body("violations[0].field", equalTo("target.kind"))
        .body(
            "violations[0].rule",
            equalTo(
                "must be one of acsUser, phoneNumber, teamsUser, teamsApp, teamsExtensionUser,"
                    + " raw"));
    problem(
            client()
                .body(
                    "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},"
                        + "\"invitationTimeoutSeconds\":\"ten\"}")
                .post("/v1/calls/{call}/participants", "c-types")
                .then(),
            400)
        .body("violations[0].field", equalTo("invitationTimeoutSeconds"))
        .body("violations[0].rule", equalTo("must be a whole number"));
    problem(
            client()
                .body(
                    "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},"
                        + "\"context\":{\"sipHeaders\":5}}")
                .post("/v1/calls/{call}/transfers", "c-types")
                .then(),
            400)
        .body("violations[0].field", equalTo("context.sipHeaders"))
        .body("violations[0].rule", equalTo("must be an object whose values are strings"));
  }

  @Test
  void unknownFieldsAreListedOnceAndTheRedirectNamesTheRightPath() {
    problem(
            client()
                .body(
                    "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\",\"x\":1},"
                        + "\"y\":2,\"z\":{\"w\":3}}")
                .post("/v1/calls/{call}/transfers", "c-unknown")
                .then(),
            400)
        .body("violations.field", equalTo(List.of("target.x", "y", "z")))
        .body("detail", equalTo("3 rules are broken; see violations"));
    problem(
            client()
                .body(
                    "{\"incomingCallContext\":\"ctx\",\"target\":{\"kind\":\"phoneNumber\","
                        + "\"value\":\"+14255550123\"}}")
                .post("/v1/incoming-calls/{call}/redirect", "c-unknown")
                .then(),
            400)
        .body("violations.field", equalTo(List.of("target", "targets")));
  }

  @Test
  void aLimitThatIsNoNumberIsABadRequestNotANotFound() {
    problem(client().queryParam("limit", "abc").get("/v1/operations").then(), 400)
        .body("violations[0].field", equalTo("limit"))
        .body("violations[0].rule", equalTo("must be a whole number from 1 to 500"));
  }

  @Test
  void anEmptyIdempotencyKeyIsRefusedAndANonAsciiOneIsEchoedAsSent() throws Exception {
    problem(
            client()
                .header("Idempotency-Key", "")
                .body(TRANSFER)
                .post("/v1/calls/{call}/transfers", "c-key")
                .then(),
            400)
        .body("violations[0].field", equalTo("Idempotency-Key"));
    // "clé" sent as UTF-8 bytes, which HTTP clients that check header values would not send.
    String refused = rawPost("/v1/calls/c-key/transfers", "Idempotency-Key: clé", TRANSFER);
    assertThat(refused).startsWith("HTTP/1.1 400");
    JsonNode violation =
        JSON.readTree(refused.substring(refused.indexOf("\r\n\r\n") + 4))
            .path("violations")
            .path(0);
    assertThat(violation.path("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(violation.path("value").asText()).isEqualTo("\"clé\"");
  }

  /** One request written byte for byte, the answer read whole (the connection is closed). */
  private String rawPost(String path, String header, String body) throws Exception {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-API-Key: test-key-1\r\n"
            + "Content-Type: application/json\r\n"
            + header
            + "\r\nContent-Length: "
            + content.length
            + "\r\n\r\n";
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void emulatorCallsAreValidatedAndCreatedWith201() {
    given()
        .header("X-API-Key", "test-key-1")
        .post("/v1/emulator/calls")
        .then()
        .statusCode(201)
        .body("callId", notNullValue());
    problem(client().body("{\"callId\":\"a b\"}").post("/v1/emulator/calls").then(), 400)
        .body("violations[0].field", equalTo("callId"));
    problem(client().body("{\"calId\":\"x\"}").post("/v1/emulator/calls").then(), 400)
        .body("violations[0].field", equalTo("calId"))
        .body("violations[0].rule", equalTo("is not a known field"));
    problem(
        client().contentType(ContentType.TEXT).body("callId=x").post("/v1/emulator/calls").then(),
        415);
  }

  @Test
  void capabilitiesSpellKindsAsRequestsDoAndSayTheProviderIsEmulated() {
    client()
        .get("/v1/capabilities")
        .then()
        .statusCode(200)
        .body("emulated", equalTo(true))
        .body("addressable", hasItem("phoneNumber"))
        .body("addressable", hasItem("acsUser"))
        .body("addressable", not(hasItem("phone_number")));
  }

  @Test
  void aCallbackRefusalIsTypedInKebabCase() {
    problem(given().contentType(ContentType.JSON).body("[]").post("/callbacks/acs").then(), 401)
        .body("type", equalTo("urn:handoff:problem:callback-missing-token"))
        .body("detail", not(matchesPattern("^[A-Z_]+:.*")));
    problem(given().contentType(ContentType.JSON).get("/callbacks/acs").then(), 405);
  }
}
