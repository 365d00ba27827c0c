package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.TeamsUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Graph's error answers become rejections with the domain reason and all of Graph's evidence. */
class ErrorMappingTest {
  private final LocalServer graph = LocalServer.start();

  @AfterEach
  void stop() {
    graph.close();
  }

  @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
  @CsvSource({
    "404, 8522, NOT_FOUND",
    "404, 9997, NOT_FOUND",
    "403, 7505, TENANT_MISMATCH",
    "400, 8523, UNSUPPORTED",
    "403, 8523, UNSUPPORTED",
    "500, 8522, NOT_FOUND",
    "400, BadRequest, INVALID_REQUEST",
    "401, InvalidAuthenticationToken, AUTHENTICATION",
    "403, Forbidden, FORBIDDEN_BY_POLICY",
    "404, NotFound, NOT_FOUND",
    "405, MethodNotAllowed, INVALID_REQUEST",
    "409, Conflict, CONFLICT",
    "410, Gone, NOT_FOUND",
    "412, PreconditionFailed, CONFLICT",
    "415, UnsupportedMediaType, INVALID_REQUEST",
    "422, Unprocessable, INVALID_REQUEST",
    "423, Locked, CONFLICT",
    "429, TooManyRequests, THROTTLED",
    "500, InternalServerError, PROVIDER_ERROR",
    "501, NotImplemented, UNSUPPORTED",
    "502, BadGateway, PROVIDER_ERROR",
    "503, ServiceUnavailable, PROVIDER_ERROR",
    "507, InsufficientStorage, PROVIDER_ERROR",
    "418, Teapot, UNKNOWN",
  })
  void errorBodiesMapToReasons(int status, String code, FailureReason reason) {
    graph.reply(
        Reply.json(
                status,
                "{\"error\":{\"code\":\""
                    + code
                    + "\",\"message\":\"Something about "
                    + code
                    + "\",\"innerError\":{\"date\":\"2021-05-06T05:26:40\",\"request-id\":\"inner-req\","
                    + "\"client-request-id\":\"inner-client\"}}}")
            .with("request-id", "header-req"));

    Failure failure = rejected(transfer());

    assertThat(failure.reason()).isEqualTo(reason);
    assertThat(failure.retryable()).isEqualTo(reason.retryableByDefault());
    assertThat(failure.message())
        .contains("HTTP " + status)
        .contains("code " + code)
        .contains("Something about " + code);
    assertThat(failure.evidence().httpStatus()).hasValue(status);
    assertThat(failure.evidence().code()).hasValue(code);
    assertThat(failure.evidence().message()).hasValue("Something about " + code);
    assertThat(failure.evidence().references())
        .containsEntry("request-id", "header-req")
        .containsEntry("innerError.request-id", "inner-req")
        .containsEntry("innerError.client-request-id", "inner-client")
        .containsEntry("innerError.date", "2021-05-06T05:26:40")
        .containsEntry("client-request-id", graph.requests().get(0).header("client-request-id"));
    assertThat(graph.requests()).hasSize(1);
  }

  @Test
  void aNestedInnerErrorCodeIsKeptAsSubCode() {
    graph.reply(
        Reply.json(
            403,
            "{\"error\":{\"code\":\"Forbidden\",\"message\":\"no\",\"innererror\":{\"code\":\"throttledRequest\"}}}"));

    Failure failure = rejected(transfer());

    assertThat(failure.evidence().subCode()).hasValue("throttledRequest");
  }

  @Test
  void aNonJsonErrorBodyIsKeptVerbatimAndMappedByStatus() {
    graph.reply(
        new Reply(502, java.util.Map.of("Content-Type", "text/html"), "<html>bad gateway</html>"));

    Failure failure = rejected(transfer());

    assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
    assertThat(failure.evidence().code()).isEmpty();
    assertThat(failure.evidence().message()).hasValue("<html>bad gateway</html>");
  }

  @Test
  void aLongNonJsonBodyIsCutVisibly() {
    String body = "x".repeat(5000);
    graph.reply(new Reply(500, java.util.Map.of(), body));

    Failure failure = rejected(transfer());

    assertThat(failure.evidence().message())
        .hasValueSatisfying(m -> assertThat(m).endsWith("… (cut; the body had 5000 characters)"));
  }

  @Test
  void anEmptyErrorBodyMapsByStatus() {
    graph.reply(Reply.status(404));

    Failure failure = rejected(transfer());

    assertThat(failure.reason()).isEqualTo(FailureReason.NOT_FOUND);
    assertThat(failure.evidence().message()).isEmpty();
  }

  @Test
  void aGatewayTimeoutIsIndeterminateAndNotResent() {
    graph.reply(Reply.json(504, "{\"error\":{\"code\":\"GatewayTimeout\",\"message\":\"late\"}}"));

    SubmitResult result = transfer();

    assertThat(result).isInstanceOf(SubmitResult.Indeterminate.class);
    Failure failure = ((SubmitResult.Indeterminate) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.message()).contains("gateway timeout");
    assertThat(failure.evidence().code()).hasValue("GatewayTimeout");
    assertThat(graph.requests()).hasSize(1);
  }

  private SubmitResult transfer() {
    return Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0)
        .transfer(
            CallTransfer.builder("call-1", TeamsUser.of("u-1")).build(), Fixtures.context("c"));
  }

  private static Failure rejected(SubmitResult result) {
    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    return ((SubmitResult.Rejected) result).failure();
  }
}
