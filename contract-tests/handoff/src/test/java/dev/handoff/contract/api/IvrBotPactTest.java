package dev.handoff.contract.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.handoff.contract.pact.CommittedPacts;
import dev.handoff.contract.pact.HandoffPacts;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Handoff API's contract with a representative client, an IVR bot ({@link IvrBotClient}): it
 * transfers a call, invites an agent, withdraws an invitation, polls an operation and follows it as
 * Server-Sent Events, and reads the problems the API answers with.
 *
 * <p>Server-Sent Events: Pact has no streaming model, so the stream interaction follows an
 * operation that has already ended. The service then sends the operation as it stands, one event,
 * and closes the stream, which Pact can compare: status 200, {@code Content-Type:
 * text/event-stream}, and a body matched by a regular expression that requires an event named
 * {@code operation}, a numeric {@code id} (the version) and a {@code data} line holding the
 * operation's JSON in a final state. The events of an operation still under way (one per change,
 * until it ends) are not in the pact; the service's own tests cover them.
 */
@ExtendWith(CommittedPacts.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = HandoffPacts.API_PROVIDER, pactVersion = PactSpecVersion.V4)
class IvrBotPactTest {
  static final String API_KEY = "ivr-bot-example-key";
  private static final String CONSUMER = HandoffPacts.API_CONSUMER;
  private static final String CALL = "ivr-call-0001";
  private static final String OPERATION = "c5d4b097-d7df-460e-8111-057f1283c0c9";
  private static final String INVITATION = "3304f911-cae3-40d7-9708-9a42d461d255";
  private static final String UUID_REGEX =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String LIVE_STATES = "REQUESTED|SUBMITTED|IN_PROGRESS|ACCEPTED|COMPLETED";
  private static final String ANY_STATE = LIVE_STATES + "|FAILED|CANCELLED|UNKNOWN";
  static final String EVENT_REGEX =
      "(?sm)(?=.*^event: ?operation$)(?=.*^id: ?\\d+$)"
          + "(?=.*^data: ?\\{.*\"state\" ?: ?\"(COMPLETED|FAILED|CANCELLED)\".*\\}$).*";

  // ------------------------------------------------------------------ submissions

  @Pact(consumer = CONSUMER)
  V4Pact transfer(PactDslWithProvider builder) {
    return accepted(
            request(
                    builder
                        .given("a call exists")
                        .uponReceiving("a transfer of the call to a phone number"),
                    "POST",
                    "/v1/calls/${callId}/transfers",
                    "/v1/calls/" + CALL + "/transfers")
                .headers("Content-Type", "application/json")
                .body(
                    "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},"
                        + "\"context\":{\"userToUser\":\"a1b2\","
                        + "\"sipHeaders\":{\"X-MS-Custom-caseId\":\"42\"}},"
                        + "\"operationContext\":\"ivr-case-42\"}"))
        .body(operation("TRANSFER", LIVE_STATES).stringValue("operationContext", "ivr-case-42"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "transfer")
  void transfersTheCall(MockServer server) {
    IvrBotClient.Operation operation =
        bot(server).transferToPhone(CALL, "+14255550123", "a1b2", "42");
    assertThat(operation.kind()).isEqualTo("TRANSFER");
    assertThat(operation.id()).matches(UUID_REGEX);
    assertThat(operation.operationContext()).contains("ivr-case-42");
    assertThat(operation.location())
        .hasValueSatisfying(l -> assertThat(l).endsWith(operation.id()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact invite(PactDslWithProvider builder) {
    return accepted(
            request(
                    builder
                        .given("a call exists")
                        .uponReceiving("an invitation of an agent's phone"),
                    "POST",
                    "/v1/calls/${callId}/participants",
                    "/v1/calls/" + CALL + "/participants")
                .headers("Content-Type", "application/json")
                .body(
                    "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550124\"},"
                        + "\"invitationTimeoutSeconds\":30,\"operationContext\":\"ivr-agent-7\"}"))
        .body(
            operation("ADD_PARTICIPANT", LIVE_STATES)
                .stringValue("operationContext", "ivr-agent-7")
                .stringType("invitationId", INVITATION))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "invite")
  void invitesAnAgent(MockServer server) {
    IvrBotClient.Operation operation =
        bot(server).inviteAgent(CALL, "+14255550124", 30, "ivr-agent-7");
    assertThat(operation.kind()).isEqualTo("ADD_PARTICIPANT");
    assertThat(operation.invitationId()).contains(INVITATION);
  }

  @Pact(consumer = CONSUMER)
  V4Pact cancel(PactDslWithProvider builder) {
    return accepted(
            request(
                builder
                    .given("a call with a ringing invitation exists")
                    .uponReceiving("a withdrawal of the invitation"),
                "DELETE",
                "/v1/calls/${callId}/participants/invitations/${invitationId}",
                "/v1/calls/" + CALL + "/participants/invitations/" + INVITATION))
        .body(operation("CANCEL_ADD_PARTICIPANT", LIVE_STATES))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cancel")
  void withdrawsAnInvitation(MockServer server) {
    assertThat(bot(server).cancelInvitation(CALL, INVITATION).kind())
        .isEqualTo("CANCEL_ADD_PARTICIPANT");
  }

  // ------------------------------------------------------------------ following an operation

  @Pact(consumer = CONSUMER)
  V4Pact poll(PactDslWithProvider builder) {
    return request(
            builder.given("a transfer was submitted").uponReceiving("a read of the operation"),
            "GET",
            "/v1/operations/${operationId}",
            "/v1/operations/" + OPERATION)
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", "application/json.*", "application/json;charset=UTF-8")
        .body(operation("TRANSFER", ANY_STATE))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "poll")
  void pollsTheOperation(MockServer server) {
    IvrBotClient.Operation operation = bot(server).operation(OPERATION);
    assertThat(operation.id()).isEqualTo(OPERATION);
    assertThat(operation.state()).matches(ANY_STATE);
  }

  @Pact(consumer = CONSUMER)
  V4Pact stream(PactDslWithProvider builder) {
    return request(
            builder
                .given("a transfer has completed")
                .uponReceiving("a subscription to the events of an ended operation"),
            "GET",
            "/v1/operations/${operationId}/events",
            "/v1/operations/" + OPERATION + "/events")
        .headers("Accept", "text/event-stream")
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", "text/event-stream.*", "text/event-stream")
        .body(
            PactDslRootValue.stringMatcher(
                EVENT_REGEX,
                "id:3\nevent:operation\ndata:{\"id\":\""
                    + OPERATION
                    + "\",\"kind\":\"TRANSFER\",\"callId\":\""
                    + CALL
                    + "\",\"state\":\"COMPLETED\",\"version\":3}\n\n"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "stream")
  void followsTheOperation(MockServer server) {
    IvrBotClient.Event event = bot(server).firstEvent(OPERATION);
    assertThat(event.name()).isEqualTo("operation");
    assertThat(event.id()).isEqualTo("3");
    assertThat(event.operation().id()).isEqualTo(OPERATION);
    assertThat(event.operation().state()).isEqualTo("COMPLETED");
  }

  // ------------------------------------------------------------------ problems

  @Pact(consumer = CONSUMER)
  V4Pact invalidTransfer(PactDslWithProvider builder) {
    return problem(
        request(
                builder
                    .given("a call exists")
                    .uponReceiving("a transfer to a number that is not E.164"),
                "POST",
                "/v1/calls/${callId}/transfers",
                "/v1/calls/" + CALL + "/transfers")
            .headers("Content-Type", "application/json")
            .body(
                "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"4255\"},"
                    + "\"context\":{\"userToUser\":\"a1b2\","
                    + "\"sipHeaders\":{\"X-MS-Custom-caseId\":\"42\"}},"
                    + "\"operationContext\":\"ivr-case-42\"}"),
        400,
        "invalid-request",
        body ->
            (PactDslJsonBody)
                body.minArrayLike("violations", 1)
                    .stringValue("field", "target.value")
                    .stringType("rule", "must be an E.164 number")
                    .closeObject()
                    .closeArray());
  }

  @Test
  @PactTestFor(pactMethod = "invalidTransfer")
  void readsTheViolations(MockServer server) {
    assertThatThrownBy(() -> bot(server).transferToPhone(CALL, "4255", "a1b2", "42"))
        .isInstanceOfSatisfying(
            IvrBotClient.ProblemException.class,
            problem -> {
              assertThat(problem.status).isEqualTo(400);
              assertThat(problem.type).isEqualTo("urn:handoff:problem:invalid-request");
              assertThat(problem.violatedFields).contains("target.value");
            });
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownOperation(PactDslWithProvider builder) {
    return problem(
        builder
            .given("no operation exists")
            .uponReceiving("a read of an operation that does not exist")
            .method("GET")
            .path("/v1/operations/" + OPERATION)
            .matchHeader("X-API-Key", ".+", API_KEY)
            .headers("Accept", "application/json"),
        404,
        "not-found",
        body -> body);
  }

  @Test
  @PactTestFor(pactMethod = "unknownOperation")
  void readsNotFound(MockServer server) {
    assertThatThrownBy(() -> bot(server).operation(OPERATION))
        .isInstanceOfSatisfying(
            IvrBotClient.ProblemException.class,
            problem -> {
              assertThat(problem.status).isEqualTo(404);
              assertThat(problem.type).isEqualTo("urn:handoff:problem:not-found");
            });
  }

  @Pact(consumer = CONSUMER)
  V4Pact withoutKey(PactDslWithProvider builder) {
    return problem(
        builder
            .given("no operation exists")
            .uponReceiving("a read without an API key")
            .method("GET")
            .path("/v1/operations/" + OPERATION)
            .headers("Accept", "application/json"),
        401,
        "unauthenticated",
        body -> body);
  }

  @Test
  @PactTestFor(pactMethod = "withoutKey")
  void readsUnauthenticated(MockServer server) {
    IvrBotClient anonymous = new IvrBotClient(URI.create(server.getUrl()), null);
    assertThatThrownBy(() -> anonymous.operation(OPERATION))
        .isInstanceOfSatisfying(
            IvrBotClient.ProblemException.class,
            problem -> assertThat(problem.type).isEqualTo("urn:handoff:problem:unauthenticated"));
  }

  // ------------------------------------------------------------------ helpers

  private static IvrBotClient bot(MockServer server) {
    return new IvrBotClient(URI.create(server.getUrl()), API_KEY);
  }

  private static PactDslRequestWithPath request(
      au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath request,
      String method,
      String pathExpression,
      String examplePath) {
    return request
        .method(method)
        .pathFromProviderState(pathExpression, examplePath)
        .matchHeader("X-API-Key", ".+", API_KEY)
        .headers(Map.of("Accept", "application/json"));
  }

  private static PactDslResponse accepted(PactDslRequestWithPath request) {
    return request
        .willRespondWith()
        .status(202)
        .matchHeader("Content-Type", "application/json.*", "application/json;charset=UTF-8")
        .matchHeader(
            "Location",
            "https?://.+/v1/operations/" + UUID_REGEX,
            "http://127.0.0.1:8080/v1/operations/" + OPERATION);
  }

  private static PactDslJsonBody operation(String kind, String states) {
    return new PactDslJsonBody()
        .stringMatcher("id", UUID_REGEX, OPERATION)
        .stringValue("kind", kind)
        .stringType("callId", CALL)
        .stringMatcher("state", states, "SUBMITTED")
        .integerType("version", 2L);
  }

  private static V4Pact problem(
      PactDslRequestWithPath request,
      int status,
      String type,
      java.util.function.UnaryOperator<PactDslJsonBody> extra) {
    PactDslJsonBody body =
        new PactDslJsonBody()
            .stringValue("type", "urn:handoff:problem:" + type)
            .stringType("title", "as the service words it")
            .integerType("status", (long) status);
    return request
        .willRespondWith()
        .status(status)
        .matchHeader("Content-Type", "application/problem\\+json.*", "application/problem+json")
        .body(extra.apply(body))
        .toPact(V4Pact.class);
  }
}
