package dev.handoff.ports.service;

import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads submitting the same call's transfer at once, through the application service on the
 * in-memory store: the store's admission lets exactly one through, and only that one reaches the
 * provider.
 */
class AdmissionRaceTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final int RACERS = 16;

  private final MutableClock clock = new MutableClock(T0);
  private final FakeCallControl provider = new FakeCallControl();
  private final HandoffService service =
      HandoffService.builder(
              provider,
              new InMemoryOperationStore(10_000, Duration.ofHours(1), clock),
              new InMemoryOperationChangeBus())
          .clock(clock)
          .build();
  private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** What one racer got: the operation, or the conflict. */
  private record Outcome(Operation operation, OperationConflictException conflict) {}

  private List<Outcome> race(IntFunction<Operation> submit) throws Exception {
    CyclicBarrier start = new CyclicBarrier(RACERS);
    List<Callable<Outcome>> racers = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      int index = i;
      racers.add(
          () -> {
            start.await();
            try {
              return new Outcome(submit.apply(index), null);
            } catch (OperationConflictException conflict) {
              return new Outcome(null, conflict);
            }
          });
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> outcome : pool.invokeAll(racers)) {
      outcomes.add(outcome.get());
    }
    return outcomes;
  }

  private long submissionsOf(String callId) {
    return provider.submissions().stream().filter(s -> s.command().callId().equals(callId)).count();
  }

  @Test
  void ofSimultaneousTransfersOfOneCallOneIsSentAndTheOthersConflictWithIt() throws Exception {
    for (int round = 0; round < 20; round++) {
      String call = "call-" + round;
      List<Outcome> outcomes = race(i -> service.transfer(transfer(call), SubmitOptions.none()));
      List<Operation> accepted =
          outcomes.stream()
              .filter(o -> o.operation() != null)
              .map(Outcome::operation)
              .collect(Collectors.toList());
      assertThat(accepted).as("accepted on " + call).hasSize(1);
      assertThat(outcomes.stream().filter(o -> o.conflict() != null))
          .hasSize(RACERS - 1)
          .allSatisfy(
              o ->
                  assertThat(o.conflict().conflicting())
                      .as("the conflict names the operation under way")
                      .isEqualTo(accepted.get(0).id()));
      assertThat(submissionsOf(call)).as("provider requests for " + call).isEqualTo(1);
    }
  }

  @Test
  void ofSimultaneousRedirectsOfOneCallOneIsSent() throws Exception {
    CallCommand redirect =
        RedirectCall.builder("incoming-1", "incoming-1", List.of(PhoneNumber.of("+14255550123")))
            .build();
    List<Outcome> outcomes =
        race(i -> service.redirect((RedirectCall) redirect, SubmitOptions.none()));
    assertThat(outcomes.stream().filter(o -> o.operation() != null)).hasSize(1);
    assertThat(submissionsOf("incoming-1")).isEqualTo(1);
  }

  @Test
  void simultaneousRepliesOfOneIdempotencyKeyAllGetTheFirstOperationAndSendOnce() throws Exception {
    IdempotencyKey key = IdempotencyKey.of("retry-of-one-request");
    List<Outcome> outcomes =
        race(i -> service.transfer(transfer("call-key"), SubmitOptions.idempotent(key)));
    assertThat(outcomes)
        .as("an idempotent retry is never a conflict")
        .allSatisfy(o -> assertThat(o.conflict()).isNull());
    Map<Object, Long> ids =
        outcomes.stream()
            .collect(Collectors.groupingBy(o -> o.operation().id(), Collectors.counting()));
    assertThat(ids).hasSize(1);
    assertThat(submissionsOf("call-key")).isEqualTo(1);
  }

  @Test
  void aKeyReplayedWhileItsTransferIsUnderWayReturnsItButANewRequestConflicts() {
    IdempotencyKey key = IdempotencyKey.of("k");
    Operation first = service.transfer(transfer("call-1"), SubmitOptions.idempotent(key));
    assertThat(service.transfer(transfer("call-1"), SubmitOptions.idempotent(key)).id())
        .isEqualTo(first.id());
    assertThat(
            catchConflict(
                () ->
                    service.transfer(
                        transfer("call-1"), SubmitOptions.idempotent(IdempotencyKey.of("k2")))))
        .isNotNull()
        .satisfies(c -> assertThat(c.conflicting()).isEqualTo(first.id()));
    assertThat(submissionsOf("call-1")).isEqualTo(1);
  }

  private static OperationConflictException catchConflict(Runnable submit) {
    try {
      submit.run();
      return null;
    } catch (OperationConflictException conflict) {
      return conflict;
    }
  }
}
