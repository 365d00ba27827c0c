package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.acs.FakeAcsServer.Answer;
import dev.handoff.adapter.acs.FakeAcsServer.Recorded;
import dev.handoff.adapter.acs.http.HttpDates;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.SubmitContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryAndDeadlineTest {
  private static final Instant FIRST_SENT = Instant.parse("2026-03-20T09:59:58Z");
  private static final SubmissionToken TOKEN =
      new SubmissionToken(UUID.fromString("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), FIRST_SENT);
  private static final CallTransfer TRANSFER =
      CallTransfer.builder("call-1", PhoneNumber.of("+14255550123"))
          .operationContext("xfer-1")
          .build();
  private static final SubmitContext CONTEXT =
      new SubmitContext(OperationId.of("op-1"), "xfer-1", TOKEN);

  private final FakeAcsServer server = FakeAcsServer.start();
  private final VirtualTime time = new VirtualTime(Instant.parse("2026-03-20T10:00:00Z"));

  @AfterEach
  void stop() {
    server.close();
  }

  private AcsCallControl acs(RetryPolicy retry, Duration deadline) {
    return AcsCallControl.builder()
        .connectionString(server.connectionString())
        .options(
            AcsOptions.builder()
                .retryPolicy(retry)
                .overallTimeout(deadline)
                .clock(time)
                .sleeper(time)
                .build())
        .build();
  }

  private static RetryPolicy exponential(int attempts) {
    return new RetryPolicy(attempts, Duration.ofSeconds(2), Duration.ofSeconds(30), 0);
  }

  @Test
  void aRetriedRequestCarriesIdenticalRepeatabilityHeadersAndAFreshSignature() {
    server.answer(
        Answer.empty(503),
        Answer.of(500, "{}"),
        Answer.of(202, "{\"operationContext\":\"xfer-1\"}"));

    SubmitResult result = acs(exponential(4), Duration.ofSeconds(30)).transfer(TRANSFER, CONTEXT);

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    List<Recorded> attempts = server.requests();
    assertThat(attempts).hasSize(3);
    assertThat(attempts)
        .extracting(r -> r.header("Repeatability-Request-ID"))
        .containsOnly(TOKEN.requestId().toString());
    assertThat(attempts)
        .extracting(r -> r.header("Repeatability-First-Sent"))
        .containsOnly("Fri, 20 Mar 2026 09:59:58 GMT");
    assertThat(attempts.stream().map(r -> r.header("x-ms-client-request-id")).distinct())
        .hasSize(1);
    assertThat(attempts).extracting(Recorded::body).containsOnly(attempts.get(0).body());
    assertThat(attempts)
        .extracting(r -> r.header("x-ms-date"))
        .containsExactly(
            "Fri, 20 Mar 2026 10:00:00 GMT",
            "Fri, 20 Mar 2026 10:00:02 GMT",
            "Fri, 20 Mar 2026 10:00:06 GMT");
    assertThat(attempts.stream().map(r -> r.header("Authorization")).distinct()).hasSize(3);
    assertThat(server.signatureProblems()).isEmpty();
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(result.evidence().references())
        .containsEntry("Repeatability-Request-ID", TOKEN.requestId().toString())
        .containsEntry("x-ms-client-request-id", attempts.get(0).header("x-ms-client-request-id"));
  }

  @Test
  void honoursRetryAfterInEveryFormZeroMeaningNow() {
    server.answer(
        Answer.empty(429).withHeader("Retry-After", "3"),
        Answer.empty(503).withHeader("retry-after-ms", "250"),
        Answer.empty(503).withHeader("x-ms-retry-after-ms", "40").withHeader("Retry-After", "9"),
        Answer.empty(503).withHeader("Retry-After", "Fri, 20 Mar 2026 10:00:08 GMT"),
        Answer.empty(503).withHeader("retry-after", "0"),
        Answer.of(202, "{}"));

    SubmitResult result = acs(exponential(6), Duration.ofSeconds(30)).transfer(TRANSFER, CONTEXT);

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(server.requests()).hasSize(6);
    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofSeconds(3),
            Duration.ofMillis(250),
            Duration.ofMillis(40),
            Duration.ofSeconds(8).minus(Duration.ofMillis(3290)),
            Duration.ZERO);
  }

  @Test
  void keepsTheOverallDeadline() {
    server.answer(Answer.empty(503).withHeader("Retry-After", "4"));

    SubmitResult result = acs(exponential(10), Duration.ofSeconds(10)).transfer(TRANSFER, CONTEXT);

    assertThat(server.requests()).hasSize(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    Failure failure = ((SubmitResult.Rejected) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.message())
        .contains("ACS answered 503")
        .contains("would pass the deadline of PT10S")
        .contains("after 3 attempts");
  }

  @Test
  void givesUpAfterTheLastAttemptAsRetryable() {
    server.answer(Answer.empty(429));

    SubmitResult result = acs(exponential(3), Duration.ofMinutes(5)).transfer(TRANSFER, CONTEXT);

    assertThat(server.requests()).hasSize(3);
    Failure failure = ((SubmitResult.Rejected) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.message()).contains("all 3 attempts were used");
  }

  @Test
  void doesNotRepeatRequestsTheServiceRefused() {
    server.answer(
        Answer.empty(501), Answer.of(400, "{\"error\":{\"code\":\"8523\",\"message\":\"bad\"}}"));
    AcsCallControl acs = acs(exponential(4), Duration.ofSeconds(30));

    SubmitResult notImplemented = acs.transfer(TRANSFER, CONTEXT);
    SubmitResult invalid = acs.transfer(TRANSFER, CONTEXT);

    assertThat(server.requests()).hasSize(2);
    assertThat(((SubmitResult.Rejected) notImplemented).failure().reason())
        .isEqualTo(FailureReason.UNSUPPORTED);
    assertThat(((SubmitResult.Rejected) invalid).failure().reason())
        .isEqualTo(FailureReason.INVALID_REQUEST);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void anUnansweredAttemptMakesTheOutcomeIndeterminate() {
    server.answer(Answer.hang());
    AcsCallControl acs =
        AcsCallControl.builder()
            .connectionString(server.connectionString())
            .options(
                AcsOptions.builder()
                    .retryPolicy(
                        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), 0))
                    .attemptTimeout(Duration.ofMillis(200))
                    .overallTimeout(Duration.ofMillis(800))
                    .build())
            .build();

    SubmitResult result = acs.transfer(TRANSFER, CONTEXT);

    Failure failure = ((SubmitResult.Indeterminate) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.message()).contains("may have been executed");
    assertThat(server.requests()).isNotEmpty();
    assertThat(server.requests())
        .extracting(r -> r.header("Repeatability-Request-ID"))
        .containsOnly(TOKEN.requestId().toString());
  }

  @Test
  void aRetryableAnswerAfterAnUnansweredAttemptIsStillIndeterminate() {
    server.answer(Answer.hang(), Answer.empty(503));
    AcsCallControl acs =
        AcsCallControl.builder()
            .connectionString(server.connectionString())
            .options(
                AcsOptions.builder()
                    .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 0))
                    .attemptTimeout(Duration.ofMillis(200))
                    .build())
            .build();

    SubmitResult result = acs.transfer(TRANSFER, CONTEXT);

    assertThat(server.requests()).hasSize(2);
    assertThat(result).isInstanceOf(SubmitResult.Indeterminate.class);
    assertThat(result.evidence().httpStatus()).hasValue(503);
  }

  @Test
  void aNotFoundAfterAnUnansweredAttemptMayBeThatAttemptsEffect() {
    server.answer(
        Answer.hang(),
        Answer.of(404, "{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}"));

    SubmitResult result = twoQuickAttempts().transfer(TRANSFER, CONTEXT);

    assertThat(server.requests()).hasSize(2);
    Failure failure = ((SubmitResult.Indeterminate) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.NOT_FOUND);
    assertThat(failure.message()).contains("an earlier attempt got no answer");
  }

  @Test
  void anInvalidRequestAfterAnUnansweredAttemptIsStillRejected() {
    server.answer(
        Answer.hang(), Answer.of(400, "{\"error\":{\"code\":\"8523\",\"message\":\"Invalid.\"}}"));

    SubmitResult result = twoQuickAttempts().transfer(TRANSFER, CONTEXT);

    assertThat(((SubmitResult.Rejected) result).failure().reason())
        .isEqualTo(FailureReason.INVALID_REQUEST);
  }

  private AcsCallControl twoQuickAttempts() {
    return AcsCallControl.builder()
        .connectionString(server.connectionString())
        .options(
            AcsOptions.builder()
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 0))
                .attemptTimeout(Duration.ofMillis(200))
                .build())
        .build();
  }

  @Test
  void aRefusedConnectionIsRejectedAsNotExecuted() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    AcsCallControl acs =
        AcsCallControl.builder()
            .connectionString(
                "endpoint=http://127.0.0.1:"
                    + closedPort
                    + ";accesskey="
                    + FakeAcsServer.ACCESS_KEY)
            .options(
                AcsOptions.builder()
                    .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 0))
                    .build())
            .build();

    SubmitResult result = acs.transfer(TRANSFER, CONTEXT);

    Failure failure = ((SubmitResult.Rejected) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.message()).contains("after 2 attempts").contains("not executed");
  }

  @Test
  void eachOperationHasItsOwnClientRequestId() {
    AcsCallControl acs = acs(RetryPolicy.none(), Duration.ofSeconds(30));

    acs.transfer(TRANSFER, CONTEXT);
    acs.transfer(TRANSFER, CONTEXT);

    assertThat(
            server.requests().stream()
                .map(r -> r.header("x-ms-client-request-id"))
                .collect(Collectors.toSet()))
        .hasSize(2);
    assertThat(HttpDates.format(FIRST_SENT))
        .isEqualTo(server.requests().get(1).header("Repeatability-First-Sent"));
  }
}
