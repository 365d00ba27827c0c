package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.http.AccessTokenSupplier;
import dev.handoff.adapter.graph.http.GraphOptions;
import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.adapter.graph.support.RawServer;
import dev.handoff.adapter.graph.support.RecordingSleeper;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.TeamsUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The no-ambiguous-retry policy: a request is sent again only when it certainly did not execute.
 */
class RetryPolicyTest {
  private static final CallTransfer TRANSFER =
      CallTransfer.builder("call-1", TeamsUser.of("u-1")).build();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final AtomicReference<AutoCloseable> lateServer = new AtomicReference<>();
  private LocalServer graph;
  private RawServer raw;

  @AfterEach
  void stop() throws Exception {
    if (graph != null) {
      graph.close();
    }
    if (raw != null) {
      raw.close();
    }
    if (lateServer.get() != null) {
      lateServer.get().close();
    }
  }

  private GraphCallControl control(URI base, GraphOptions.Builder options) {
    return Fixtures.control(base, GraphApiVersion.V1_0, options.sleeper(sleeper).build());
  }

  @Test
  void aServerThatReadsTheRequestAndNeverAnswersGivesIndeterminateAfterExactlyOneRequest() {
    raw = RawServer.start(RawServer.Behaviour.SILENT);

    SubmitResult result =
        control(
                raw.baseUrl(),
                Fixtures.fastOptions().attemptTimeout(Duration.ofMillis(300)).maxAttempts(5))
            .transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Indeterminate.class);
    Failure failure = ((SubmitResult.Indeterminate) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.message()).contains("not sent again").contains("notifications decide");
    assertThat(failure.evidence().references()).containsKey("client-request-id");
    assertThat(raw.requestCount()).isEqualTo(1);
    assertThat(raw.bodies()).hasSize(1);
    assertThat(raw.bodies().get(0)).contains("transferTarget");
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void anAnswerWhoseBodyStallsGivesIndeterminateAfterExactlyOneRequest() {
    // The request timeout bounds only the wait for the headers; the body is bounded too.
    raw = RawServer.start(RawServer.Behaviour.STALL_MID_BODY);

    SubmitResult result =
        control(
                raw.baseUrl(),
                Fixtures.fastOptions().attemptTimeout(Duration.ofMillis(300)).maxAttempts(5))
            .transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Indeterminate.class);
    assertThat(((SubmitResult.Indeterminate) result).failure().reason())
        .isEqualTo(FailureReason.TIMEOUT);
    assertThat(raw.requestCount()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aConnectionCutMidResponseGivesIndeterminateAfterExactlyOneRequest() {
    raw = RawServer.start(RawServer.Behaviour.CUT_MID_RESPONSE);

    SubmitResult result =
        control(raw.baseUrl(), Fixtures.fastOptions().maxAttempts(5))
            .addParticipant(
                AddParticipant.builder("call-1", TeamsUser.of("u-1")).build(),
                Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Indeterminate.class);
    Failure failure = ((SubmitResult.Indeterminate) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.UNKNOWN);
    assertThat(failure.message()).contains("connection broke");
    assertThat(raw.requestCount()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void a429WithRetryAfterIsSentAgainWithTheSameClientRequestIdAndSucceeds() {
    graph =
        LocalServer.start()
            .reply(
                Reply.json(
                        429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")
                    .with("Retry-After", "1"),
                Reply.status(202));

    SubmitResult result =
        control(graph.baseUrl(), Fixtures.fastOptions()).transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    List<LocalServer.Recorded> requests = graph.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
    assertThat(requests.get(1).header("client-request-id"))
        .isEqualTo(requests.get(0).header("client-request-id"));
    assertThat(requests.get(0).header("Retry-Attempt")).isNull();
    assertThat(requests.get(1).header("Retry-Attempt")).isEqualTo("1");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void a503WithRetryAfterAsAnHttpDateIsSentAgain() {
    String in2s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            Instant.now().plusSeconds(2).atZone(ZoneOffset.UTC));
    graph =
        LocalServer.start().reply(Reply.status(503).with("Retry-After", in2s), Reply.status(202));

    SubmitResult result =
        control(graph.baseUrl(), Fixtures.fastOptions()).transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(graph.requests()).hasSize(2);
    assertThat(sleeper.waits()).hasSize(1);
    assertThat(sleeper.waits().get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(3));
  }

  @Test
  void throttlingThatOutlastsTheAttemptsIsRejectedAsThrottled() {
    graph =
        LocalServer.start()
            .reply(
                Reply.json(
                        429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")
                    .with("Retry-After", "1"));

    SubmitResult result =
        control(graph.baseUrl(), Fixtures.fastOptions().maxAttempts(3))
            .transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    Failure failure = ((SubmitResult.Rejected) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.message()).contains("after 3 attempts");
    assertThat(graph.requests()).hasSize(3);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void aRetryAfterLongerThanAllowedIsNotWaitedFor() {
    graph =
        LocalServer.start().reply(Reply.status(429).with("Retry-After", "120"), Reply.status(202));

    SubmitResult result =
        control(graph.baseUrl(), Fixtures.fastOptions()).transfer(TRANSFER, Fixtures.context("c"));

    assertThat(((SubmitResult.Rejected) result).failure().reason())
        .isEqualTo(FailureReason.THROTTLED);
    assertThat(graph.requests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aRetryAfterBeyondTheOverallDeadlineIsNotWaitedFor() {
    graph =
        LocalServer.start().reply(Reply.status(429).with("Retry-After", "5"), Reply.status(202));

    SubmitResult result =
        control(
                graph.baseUrl(),
                Fixtures.fastOptions()
                    .attemptTimeout(Duration.ofSeconds(2))
                    .overallTimeout(Duration.ofSeconds(3)))
            .transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    assertThat(graph.requests()).hasSize(1);
  }

  @Test
  void throttlingWithoutRetryAfterAndServerErrorsAreNotSentAgain() {
    graph = LocalServer.start().reply(Reply.status(429), Reply.status(202));
    assertThat(
            control(graph.baseUrl(), Fixtures.fastOptions())
                .transfer(TRANSFER, Fixtures.context("c")))
        .isInstanceOf(SubmitResult.Rejected.class);
    assertThat(graph.requests()).hasSize(1);
    graph.close();

    graph = LocalServer.start().reply(Reply.status(503), Reply.status(202));
    SubmitResult unavailable =
        control(graph.baseUrl(), Fixtures.fastOptions()).transfer(TRANSFER, Fixtures.context("c"));
    assertThat(((SubmitResult.Rejected) unavailable).failure().reason())
        .isEqualTo(FailureReason.PROVIDER_ERROR);
    assertThat(graph.requests()).hasSize(1);
    graph.close();

    graph =
        LocalServer.start().reply(Reply.status(500).with("Retry-After", "1"), Reply.status(202));
    assertThat(
            control(graph.baseUrl(), Fixtures.fastOptions())
                .transfer(TRANSFER, Fixtures.context("c")))
        .isInstanceOf(SubmitResult.Rejected.class);
    assertThat(graph.requests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsRetriedAndTheRequestSucceedsOnceTheServerIsUp() throws IOException {
    int port = freePort();
    sleeper.onSleep(
        () -> {
          if (lateServer.get() == null) {
            LocalServer late = LocalServer.startOn(port).reply(Reply.status(202));
            lateServer.set(late);
          }
        });

    SubmitResult result =
        control(URI.create("http://127.0.0.1:" + port), Fixtures.fastOptions())
            .transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
    assertThat(((LocalServer) lateServer.get()).requests()).hasSize(1);
    assertThat(((LocalServer) lateServer.get()).requests().get(0).header("Retry-Attempt"))
        .isEqualTo("1");
  }

  @Test
  void aConnectionRefusedOnEveryAttemptIsRejectedAsNotSent() throws IOException {
    int port = freePort();

    SubmitResult result =
        control(URI.create("http://127.0.0.1:" + port), Fixtures.fastOptions().maxAttempts(4))
            .transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    Failure failure = ((SubmitResult.Rejected) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.message()).contains("was not sent").contains("after 4 attempts");
    assertThat(sleeper.waits())
        .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void a401IsSentOnceMoreWithARenewedToken() {
    graph =
        LocalServer.start()
            .handler(
                request ->
                    "Bearer second".equals(request.header("Authorization"))
                        ? Reply.status(202)
                        : Reply.json(
                            401,
                            "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"expired\"}}"));
    AtomicInteger issued = new AtomicInteger();
    AtomicReference<String> invalidated = new AtomicReference<>();
    AccessTokenSupplier tokens =
        new AccessTokenSupplier() {
          private volatile String current = "first";

          @Override
          public String accessToken() {
            issued.incrementAndGet();
            return current;
          }

          @Override
          public void invalidate(String token) {
            invalidated.set(token);
            current = "second";
          }
        };

    SubmitResult result =
        GraphCallControl.builder()
            .tokenSupplier(tokens)
            .baseUrl(graph.baseUrl())
            .options(Fixtures.fastOptions().sleeper(sleeper).build())
            .build()
            .transfer(TRANSFER, Fixtures.context("c"));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(invalidated.get()).isEqualTo("first");
    assertThat(graph.requests())
        .extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer first", "Bearer second");
  }

  @Test
  void a401WithTheSameTokenAgainIsRejectedAsAuthentication() {
    graph =
        LocalServer.start()
            .reply(
                Reply.json(
                    401,
                    "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"bad\"}}"));

    SubmitResult result =
        control(graph.baseUrl(), Fixtures.fastOptions()).transfer(TRANSFER, Fixtures.context("c"));

    assertThat(((SubmitResult.Rejected) result).failure().reason())
        .isEqualTo(FailureReason.AUTHENTICATION);
    assertThat(graph.requests()).hasSize(1);
  }

  @Test
  void aFailingTokenSupplierSendsNothing() {
    graph = LocalServer.start().reply(Reply.status(202));

    SubmitResult result =
        GraphCallControl.builder()
            .tokenSupplier(
                () -> {
                  throw new IllegalStateException("vault sealed");
                })
            .baseUrl(graph.baseUrl())
            .build()
            .transfer(TRANSFER, Fixtures.context("c"));

    Failure failure = ((SubmitResult.Rejected) result).failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.AUTHENTICATION);
    assertThat(failure.message()).contains("vault sealed");
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void optionsAreValidated() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                GraphOptions.builder()
                    .maxAttempts(0)
                    .attemptTimeout(Duration.ofSeconds(90))
                    .connectTimeout(Duration.ZERO)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts must be between 1 and 10, was 0")
        .hasMessageContaining("attemptTimeout (PT1M30S) must not exceed overallTimeout (PT1M)")
        .hasMessageContaining("connectTimeout must be positive");
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return probe.getLocalPort();
    }
  }
}
