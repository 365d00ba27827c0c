package dev.handoff.ports.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.testing.Events;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandoffClientTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  /** Accepts deliveries whose {@code X-Proof} header says {@code ok}; the body names a progress. */
  private static final CallbackReader READER =
      delivery -> {
        if (!delivery.header("x-proof").orElse("").equals("ok")) {
          throw new CallbackRejectedException(
              CallbackRejectedException.Reason.UNAUTHENTICATED, "no proof", null);
        }
        if (delivery.body().equals("validate")) {
          return CallbackContent.handshake("{\"validationResponse\":\"v\"}");
        }
        if (delivery.body().isBlank()) {
          throw new CallbackRejectedException(
              CallbackRejectedException.Reason.MALFORMED, "empty body", null);
        }
        return CallbackContent.events(
            List.of(
                Events.update(
                    "e-" + delivery.body(),
                    "call-1",
                    OperationKind.TRANSFER,
                    Progress.valueOf(delivery.body()))));
      };

  private final FakeCallControl provider = new FakeCallControl();
  private final HandoffClient client =
      HandoffClient.builder(provider).clock(CLOCK).callbacks(READER).build();

  @AfterEach
  void close() {
    client.close();
  }

  private static CallTransfer transfer() {
    return CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anAuthenticDeliveryDrivesTheOperationToItsOutcome() {
    Operation submitted = client.transfer(transfer());
    CompletableFuture<Operation> outcome = client.outcome(submitted.id());

    CallbackAnswer answer = client.answer(Map.of("X-PROOF", List.of("ok")), bytes("COMPLETED"));

    assertThat(submitted.state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(answer).isEqualTo(new CallbackAnswer(200, ""));
    assertThat(outcome).isCompleted();
    assertThat(client.awaitOutcome(submitted.id(), Duration.ofSeconds(5)).state())
        .isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void subscribersSeeEveryChangeAndTheEnd() {
    Operation submitted = client.transfer(transfer());
    List<OperationState> seen = new ArrayList<>();
    List<String> ended = new ArrayList<>();
    client.subscribe(
        submitted.id(),
        new dev.handoff.ports.in.OperationListener() {
          @Override
          public void onChange(Operation operation) {
            seen.add(operation.state());
          }

          @Override
          public void onEnd() {
            ended.add("end");
          }
        });

    client.receive(CallbackDelivery.of(Map.of("X-Proof", List.of("ok")), "ACCEPTED"));
    client.receive(CallbackDelivery.of(Map.of("X-Proof", List.of("ok")), "FAILED"));

    assertThat(seen)
        .containsExactly(OperationState.SUBMITTED, OperationState.ACCEPTED, OperationState.FAILED);
    assertThat(ended).containsExactly("end");
  }

  @Test
  void aForgedDeliveryIsRejectedAs401AndChangesNothing() {
    Operation submitted = client.transfer(transfer());

    CallbackAnswer answer = client.answer(Map.of("X-Proof", List.of("forged")), bytes("COMPLETED"));

    assertThat(answer).isEqualTo(new CallbackAnswer(401, "no proof"));
    assertThatThrownBy(() -> client.receive(CallbackDelivery.of(Map.of(), "COMPLETED")))
        .isInstanceOfSatisfying(
            CallbackRejectedException.class,
            rejected -> {
              assertThat(rejected.reason())
                  .isEqualTo(CallbackRejectedException.Reason.UNAUTHENTICATED);
              assertThat(rejected.httpStatus()).isEqualTo(401);
            });
    assertThat(client.find(submitted.id()).orElseThrow().state())
        .isEqualTo(OperationState.SUBMITTED);
  }

  @Test
  void aMalformedDeliveryIsAnsweredWith400AndAHandshakeWithItsReply() {
    assertThat(client.answer(Map.of("x-proof", List.of("ok")), bytes(" ")))
        .isEqualTo(new CallbackAnswer(400, "empty body"));
    CallbackAnswer handshake = client.answer(Map.of("x-proof", List.of("ok")), bytes("validate"));
    assertThat(handshake.status()).isEqualTo(200);
    assertThat(new String(handshake.bodyBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"validationResponse\":\"v\"}");
  }

  @Test
  void waitingEndsWithTheOperationAsItStoodWhenNoOutcomeCame() {
    Operation submitted = client.transfer(transfer());

    assertThatThrownBy(() -> client.awaitOutcome(submitted.id(), Duration.ofMillis(1)))
        .isInstanceOfSatisfying(
            OutcomeTimeoutException.class,
            late -> assertThat(late.last().state()).isEqualTo(OperationState.SUBMITTED))
        .hasMessageContaining("is still SUBMITTED");
  }

  @Test
  void aWaiterSettlesAnOperationPastItsDeadlineWithoutABackgroundThread() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    try (HandoffClient waiting =
        HandoffClient.builder(provider)
            .clock(clock)
            .callbacks(READER)
            .sweepInterval(Duration.ofMillis(1))
            .build()) {
      Operation submitted = waiting.transfer(transfer());
      clock.advance(Duration.ofDays(1));

      assertThatThrownBy(() -> waiting.awaitOutcome(submitted, Duration.ofMillis(200)))
          .isInstanceOfSatisfying(
              OutcomeTimeoutException.class,
              late -> assertThat(late.last().state()).isEqualTo(OperationState.UNKNOWN));
    }
  }

  @Test
  void aBackgroundSweepSettlesOverdueOperationsForSubscribers() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    try (HandoffClient background =
        HandoffClient.builder(provider)
            .clock(clock)
            .sweepInterval(Duration.ofMillis(1))
            .sweepInBackground()
            .build()) {
      Operation submitted = background.transfer(transfer());
      CompletableFuture<OperationState> unknown = new CompletableFuture<>();
      background.subscribe(
          submitted.id(),
          operation -> {
            if (operation.state() == OperationState.UNKNOWN) {
              unknown.complete(operation.state());
            }
          });
      clock.advance(Duration.ofDays(1));

      assertThat(unknown.get(10, java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo(OperationState.UNKNOWN);
    }
  }

  @Test
  void anIdempotencyKeyAsksTheProviderOnce() {
    IdempotencyKey key = IdempotencyKey.of("transfer-42");

    Operation first = client.transfer(transfer(), key);
    Operation again = client.transfer(transfer(), key);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(provider.submissions()).hasSize(1);
  }

  @Test
  void withoutAReaderDeliveriesAreRefusedWithTheWayToConfigureOne() {
    try (HandoffClient bare = HandoffClient.builder(provider).build()) {
      assertThatThrownBy(() -> bare.answer(Map.of(), bytes("COMPLETED")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(".callbacks(");
    }
  }

  @Test
  void headerNamesMatchInAnyCase() {
    CallbackDelivery delivery =
        CallbackDelivery.of(Map.of("Authorization", List.of("Bearer a", "Bearer b")), "");
    assertThat(delivery.header("authorization")).contains("Bearer a");
    assertThat(delivery.header("AUTHORIZATION")).contains("Bearer a");
    assertThat(delivery.header("aeg-event-type")).isEmpty();
  }
}
