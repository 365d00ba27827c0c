package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.acs.FakeAcsServer.Answer;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuilderAndBearerTest {
  private static final CallTransfer TRANSFER =
      CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();

  private final FakeAcsServer server = FakeAcsServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sendsAFreshBearerTokenOnEveryAttempt() {
    AtomicInteger calls = new AtomicInteger();
    AcsCallControl acs =
        AcsCallControl.builder()
            .endpoint(server.endpoint())
            .tokenSupplier(() -> "token-" + calls.incrementAndGet())
            .options(
                AcsOptions.builder()
                    .retryPolicy(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 0))
                    .build())
            .build();
    server.answer(Answer.empty(503).withHeader("Retry-After", "0"), Answer.of(202, "{}"));

    SubmitResult result =
        acs.transfer(TRANSFER, SubmitContext.standalone(TRANSFER, Clock.systemUTC()));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(server.requests())
        .extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-2");
    assertThat(server.requests().get(0).header("x-ms-content-sha256")).isNull();
  }

  @Test
  void aFailingTokenSupplierSendsNothing() {
    AcsCallControl acs =
        AcsCallControl.builder()
            .endpoint(server.endpoint())
            .tokenSupplier(
                () -> {
                  throw new IllegalStateException("no managed identity here");
                })
            .build();

    SubmitResult result =
        acs.transfer(TRANSFER, SubmitContext.standalone(TRANSFER, Clock.systemUTC()));

    assertThat(((SubmitResult.Rejected) result).failure().reason())
        .isEqualTo(FailureReason.AUTHENTICATION);
    assertThat(((SubmitResult.Rejected) result).failure().message())
        .contains("no managed identity here");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void needsExactlyOneKindOfCredential() {
    assertThatThrownBy(() -> AcsCallControl.builder().build()).hasMessageContaining("not neither");
    assertThatThrownBy(
            () ->
                AcsCallControl.builder()
                    .connectionString(server.connectionString())
                    .endpoint(server.endpoint())
                    .build())
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> AcsCallControl.builder().endpoint(server.endpoint()).build())
        .hasMessageContaining("tokenSupplier: is required");
  }

  @Test
  void refusesPlainHttpToANonLoopbackHost() {
    assertThatThrownBy(
            () ->
                AcsCallControl.builder()
                    .endpoint(URI.create("http://contoso.communication.azure.com"))
                    .tokenSupplier(() -> "t")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint: must use https");
  }

  @Test
  void validatesOptions() {
    assertThatThrownBy(() -> AcsOptions.builder().apiVersion("latest").build())
        .hasMessageContaining("apiVersion");
    assertThatThrownBy(() -> AcsOptions.builder().overallTimeout(Duration.ZERO).build())
        .hasMessageContaining("overallTimeout: must be positive");
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0))
        .hasMessageContaining("maxAttempts");
    assertThat(AcsOptions.defaults().apiVersion()).isEqualTo("2026-03-12");
    assertThat(AcsOptions.defaults().toBuilder().build()).isEqualTo(AcsOptions.defaults());
  }
}
