package dev.handoff.ports.service;

import static dev.handoff.ports.testing.Events.update;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.out.ProviderStateQuery;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** An overdue operation is reconciled with the provider's state before it is declared UNKNOWN. */
class ReconciliationTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration PAST_DEADLINE = Duration.ofMinutes(2).plusSeconds(1);
  private static final ProviderEvidence GONE =
      ProviderEvidence.builder().httpStatus(404).code("8522").message("Call not found.").build();

  private final MutableClock clock = new MutableClock(T0);
  private final FakeCallControl provider = new FakeCallControl();
  private final InMemoryOperationStore store =
      new InMemoryOperationStore(1000, Duration.ofHours(1), clock);
  private final AtomicInteger ids = new AtomicInteger();
  private final List<Operation> asked = new ArrayList<>();
  private Function<Operation, Reconciliation> verdicts;

  private final ProviderStateQuery query =
      operation -> {
        asked.add(operation);
        return verdicts.apply(operation);
      };

  private HandoffService service(Optional<ProviderStateQuery> stateQuery) {
    return HandoffService.builder(provider, store, new InMemoryOperationChangeBus())
        .clock(clock)
        .operationIds(() -> OperationId.of("op-" + ids.incrementAndGet()))
        .stateQuery(stateQuery)
        .reconciliation(new ReconciliationPolicy(3, Duration.ofSeconds(30)))
        .build();
  }

  private final HandoffService service = service(Optional.of(query));

  private Operation stored(Operation operation) {
    return store.find(operation.id()).orElseThrow();
  }

  private static TimelineEntry last(Operation operation) {
    return operation.timeline().get(operation.timeline().size() - 1);
  }

  @Test
  void aVerdictOfCompletedSettlesTheOperationAndSaysWhy() {
    verdicts =
        operation ->
            new Reconciliation.Completed(
                "the call is gone after CallDisconnected 200/7015 'The call was transferred'",
                GONE);
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.expireOverdue()).isZero();
    assertThat(asked).as("nothing is asked before the deadline").isEmpty();

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(service.expireOverdue()).isEqualTo(1);
    assertThat(asked).singleElement().satisfies(o -> assertThat(o.id()).isEqualTo(operation.id()));
    Operation settled = stored(operation);
    assertThat(settled.state()).isEqualTo(OperationState.COMPLETED);
    TimelineEntry entry = last(settled);
    assertThat(entry.source()).isEqualTo(TimelineEntry.Source.RECONCILIATION);
    assertThat(entry.what()).contains("CallDisconnected 200/7015");
    assertThat(entry.evidence().httpStatus()).hasValue(404);
    assertThat(service.expireOverdue()).isZero();
    assertThat(asked).hasSize(1);
  }

  @Test
  void aVerdictOfFailedSettlesTheOperationWithItsFailure() {
    verdicts =
        operation ->
            new Reconciliation.Failed(
                Failure.of(FailureReason.UNKNOWN, "still connected to the transferee"),
                "the call is connected and nothing is transferring");
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    service.expireOverdue();
    Operation failed = stored(operation);
    assertThat(failed.state()).isEqualTo(OperationState.FAILED);
    assertThat(failed.failure().orElseThrow().message())
        .isEqualTo("still connected to the transferee");
  }

  @Test
  void whileTheProviderReportsItUnderWayItIsAskedAgainThenSettled() {
    AtomicInteger checks = new AtomicInteger();
    verdicts =
        operation ->
            checks.incrementAndGet() == 1
                ? new Reconciliation.UnderWay("the call is transferring", null)
                : new Reconciliation.Completed("the call is gone after the transfer", null);
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    assertThat(service.expireOverdue()).isZero();
    Operation waiting = stored(operation);
    assertThat(waiting.state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(waiting.deadline()).isEqualTo(clock.instant().plusSeconds(30));
    assertThat(last(waiting).what()).contains("the call is transferring");

    clock.advance(Duration.ofSeconds(29));
    assertThat(service.expireOverdue()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(service.expireOverdue()).isEqualTo(1);
    assertThat(stored(operation).state()).isEqualTo(OperationState.COMPLETED);
    assertThat(stored(operation).reconciliations()).isEqualTo(2);
  }

  @Test
  void anOperationStillUnderWayAfterEveryCheckIsLeftUnknownSayingWhy() {
    verdicts = operation -> new Reconciliation.UnderWay("the call is transferring", null);
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    for (int check = 0; check < 3; check++) {
      service.expireOverdue();
      clock.advance(Duration.ofSeconds(30));
    }
    Operation unknown = stored(operation);
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(unknown.reconciliations()).isEqualTo(3);
    assertThat(unknown.failure().orElseThrow().reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(unknown.failure().orElseThrow().message()).contains("the call is transferring");
    service.expireOverdue();
    assertThat(asked).hasSize(3);
  }

  @Test
  void whatCannotTellTheOutcomeLeavesItUnknownAtOnce() {
    verdicts =
        operation ->
            new Reconciliation.Undetermined(
                "the call is gone and no call event says why", GONE, false);
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    assertThat(service.expireOverdue()).isEqualTo(1);
    Operation unknown = stored(operation);
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(last(unknown).source()).isEqualTo(TimelineEntry.Source.RECONCILIATION);
    assertThat(last(unknown).what()).contains("no call event says why");
    assertThat(unknown.failure().orElseThrow().message()).contains("no call event says why");
  }

  @Test
  void aQueryThatThrowsCountsAsAProviderThatCouldNotBeAsked() {
    AtomicInteger checks = new AtomicInteger();
    verdicts =
        operation -> {
          if (checks.incrementAndGet() == 1) {
            throw new IllegalStateException("adapter bug");
          }
          return new Reconciliation.Completed("the call is gone after the transfer", null);
        };
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    service.expireOverdue();
    assertThat(stored(operation).state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(last(stored(operation)).what()).contains("adapter bug");
    clock.advance(Duration.ofSeconds(30));
    service.expireOverdue();
    assertThat(stored(operation).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void anAmbiguousSubmissionIsReconciledOnceItsDeadlinePassed() {
    provider.answering(
        command ->
            new SubmitResult.Indeterminate(
                Failure.of(FailureReason.TIMEOUT, "no answer within 10 s")));
    verdicts =
        operation ->
            new Reconciliation.Failed(
                Failure.of(FailureReason.UNKNOWN, "the transfer never took place"),
                "the call is connected and nothing is transferring");
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    assertThat(operation.state()).isEqualTo(OperationState.UNKNOWN);
    clock.advance(Duration.ofMinutes(1));
    service.expireOverdue();
    assertThat(asked).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.expireOverdue()).isEqualTo(1);
    assertThat(stored(operation).state()).isEqualTo(OperationState.FAILED);
  }

  @Test
  void anUnknownOperationTheProviderCannotSettleIsConsultedOnce() {
    provider.answering(
        command ->
            new SubmitResult.Indeterminate(
                Failure.of(FailureReason.TIMEOUT, "no answer within 10 s")));
    verdicts = operation -> new Reconciliation.Undetermined("the call is gone", GONE, false);
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    assertThat(service.expireOverdue()).isZero();
    clock.advance(Duration.ofMinutes(5));
    service.expireOverdue();
    assertThat(asked).hasSize(1);
    Operation unknown = stored(operation);
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(last(unknown).what()).isEqualTo("reconciliation: the call is gone");
  }

  @Test
  void aFinalEventThatArrivesWhileTheProviderIsAskedWins() {
    Operation[] operation = new Operation[1];
    verdicts =
        asking -> {
          service.record(
              List.of(update("late", "call-1", OperationKind.TRANSFER, Progress.FAILED)));
          return new Reconciliation.Completed("the call is gone", null);
        };
    operation[0] = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    service.expireOverdue();
    Operation settled = stored(operation[0]);
    assertThat(settled.state()).isEqualTo(OperationState.FAILED);
    assertThat(settled.reconciliations()).isZero();
  }

  @Test
  void anOperationStillBeingSubmittedIsNotAskedAbout() {
    verdicts = operation -> new Reconciliation.Completed("the call is gone", null);
    Operation sending =
        dev.handoff.ports.testing.Operations.requested(
            "sending", transfer("call-7"), clock.instant());
    store.insertIfAbsent(sending);
    clock.advance(PAST_DEADLINE);
    service.expireOverdue();
    assertThat(asked).isEmpty();
    Operation waiting = stored(sending);
    assertThat(waiting.state()).isEqualTo(OperationState.REQUESTED);
    assertThat(last(waiting).what()).contains("still being sent");
    assertThat(waiting.deadline()).isAfter(clock.instant());
  }

  @Test
  void withoutAStateQueryAnOverdueOperationBecomesUnknownAsBefore() {
    HandoffService unaided = service(Optional.empty());
    Operation operation = unaided.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    assertThat(unaided.expireOverdue()).isEqualTo(1);
    Operation unknown = stored(operation);
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(last(unknown).source()).isEqualTo(TimelineEntry.Source.HANDOFF);
    assertThat(last(unknown).what()).isEqualTo("deadline passed");
  }

  @Test
  void theProvidersOwnStateQueryIsUsedUnlessTheBuilderSaysOtherwise() {
    verdicts = operation -> new Reconciliation.Completed("the call is gone", null);
    FakeCallControl declaring =
        new FakeCallControl() {
          @Override
          public Optional<ProviderStateQuery> stateQuery() {
            return Optional.of(query);
          }
        };
    HandoffService byDefault =
        HandoffService.builder(declaring, store, new InMemoryOperationChangeBus())
            .clock(clock)
            .build();
    Operation operation = byDefault.transfer(transfer("call-9"), SubmitOptions.none());
    clock.advance(PAST_DEADLINE);
    byDefault.expireOverdue();
    assertThat(stored(operation).state()).isEqualTo(OperationState.COMPLETED);
  }
}
