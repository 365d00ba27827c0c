package dev.handoff.ports.service;

import static dev.handoff.ports.testing.Events.update;
import static dev.handoff.ports.testing.Operations.add;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.event.UnrecognizedEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.in.IdempotencyConflictException;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.OperationListener;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.MutableClock;
import dev.handoff.ports.testing.Operations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandoffServiceTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final FakeCallControl provider = new FakeCallControl();
  private final InMemoryOperationStore store =
      new InMemoryOperationStore(1000, Duration.ofHours(1), clock);
  private final InMemoryOperationChangeBus bus = new InMemoryOperationChangeBus();
  private final AtomicInteger ids = new AtomicInteger();
  private final HandoffService service =
      HandoffService.builder(provider, store, bus)
          .clock(clock)
          .operationIds(() -> OperationId.of("op-" + ids.incrementAndGet()))
          .build();

  private Operation stored(Operation operation) {
    return service.find(operation.id()).orElseThrow();
  }

  @Test
  void aTransferIsRecordedSubmittedAndDrivenToCompletionByEvents() {
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    assertThat(operation.state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(provider.submissions())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.context().operationId()).isEqualTo(operation.id());
              assertThat(s.context().correlation()).isEqualTo("op-1");
              assertThat(s.context().submission()).isEqualTo(operation.submission());
            });

    EventReport report =
        service.record(
            List.of(
                update("e1", "call-1", OperationKind.TRANSFER, Progress.IN_PROGRESS),
                update("e2", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)));
    assertThat(report.outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.APPLIED, EventOutcome.Result.APPLIED);
    assertThat(stored(operation).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aCommandTheProviderCannotCarryIsRefusedBeforeAnythingIsSentOrStored() {
    provider.declaring(
        ProviderCapabilities.builder(Operations.PROVIDER)
            .supports(Capability.TRANSFER)
            .addresses(ParticipantKind.PHONE_NUMBER)
            .build());
    CallTransfer withHeaders =
        CallTransfer.builder("call-1", PhoneNumber.of("+14255550123"))
            .callingContext(CallingContext.builder().sipHeader("X-Case", "7").build())
            .build();
    assertThatThrownBy(() -> service.transfer(withHeaders, SubmitOptions.none()))
        .isInstanceOf(UnsupportedByProviderException.class)
        .hasMessageContaining("callingContext.sipHeaders");
    assertThat(provider.submissions()).isEmpty();
    assertThat(service.list(OperationQuery.all()).operations()).isEmpty();
  }

  @Test
  void anAdaptersOwnWireLimitsAreCheckedBeforeAnythingIsStored() {
    HandoffService strict =
        HandoffService.builder(
                new FakeCallControl() {
                  @Override
                  public List<dev.handoff.domain.provider.CapabilityViolation> check(
                      dev.handoff.domain.command.CallCommand command) {
                    return List.of(
                        new dev.handoff.domain.provider.CapabilityViolation(
                            "target", "has no wire form here"));
                  }
                },
                store,
                bus)
            .clock(clock)
            .build();
    assertThatThrownBy(() -> strict.transfer(transfer("call-1"), SubmitOptions.none()))
        .isInstanceOf(UnsupportedByProviderException.class)
        .hasMessageContaining("target: has no wire form here");
    assertThat(store.size()).isZero();
  }

  @Test
  void theProvidersAnswerDecidesTheStateAfterSubmission() {
    provider.answering(
        command ->
            command.callId().equals("busy")
                ? new SubmitResult.Rejected(Failure.of(FailureReason.NOT_FOUND, "Call not found."))
                : command.callId().equals("vague")
                    ? new SubmitResult.Indeterminate(Failure.of(FailureReason.TIMEOUT, "timed out"))
                    : new SubmitResult.Completed(null));
    assertThat(service.transfer(transfer("busy"), SubmitOptions.none()).state())
        .isEqualTo(OperationState.FAILED);
    assertThat(service.transfer(transfer("vague"), SubmitOptions.none()).state())
        .isEqualTo(OperationState.UNKNOWN);
    RedirectCall redirect =
        RedirectCall.builder("incoming", "ctx", List.of(PhoneNumber.of("+14255550123"))).build();
    assertThat(service.redirect(redirect, SubmitOptions.none()).state())
        .isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void anAdapterThatThrowsLeavesTheOperationUnknownNotLost() {
    provider.answering(
        command -> {
          throw new IllegalStateException("socket closed");
        });
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    assertThat(operation.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(operation.failure().orElseThrow().message()).contains("socket closed");
  }

  @Test
  void theSameIdempotencyKeyAndCommandReturnsTheSameOperationAndSendsOnce() {
    SubmitOptions key = SubmitOptions.idempotent(IdempotencyKey.of("client-key-1"));
    Operation first = service.transfer(transfer("call-1"), key);
    service.record(List.of(update("e1", "call-1", OperationKind.TRANSFER, Progress.IN_PROGRESS)));
    Operation again = service.transfer(transfer("call-1"), key);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.state()).isEqualTo(OperationState.IN_PROGRESS);
    assertThat(provider.submissions()).hasSize(1);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherCommandIsRefused() {
    SubmitOptions key = SubmitOptions.idempotent(IdempotencyKey.of("client-key-1"));
    Operation first = service.transfer(transfer("call-1"), key);
    assertThatThrownBy(() -> service.transfer(transfer("call-2"), key))
        .isInstanceOfSatisfying(
            IdempotencyConflictException.class,
            e -> assertThat(e.existing()).isEqualTo(first.id()));
    assertThat(provider.submissions()).hasSize(1);
  }

  @Test
  void aSecondTransferOfACallUnderWayIsAConflict() {
    Operation first = service.transfer(transfer("call-1"), SubmitOptions.none());
    assertThatThrownBy(() -> service.transfer(transfer("call-1"), SubmitOptions.none()))
        .isInstanceOfSatisfying(
            OperationConflictException.class,
            e -> assertThat(e.conflicting()).isEqualTo(first.id()));
    service.record(List.of(update("e1", "call-1", OperationKind.TRANSFER, Progress.FAILED)));
    assertThat(service.transfer(transfer("call-1"), SubmitOptions.none()).state())
        .isEqualTo(OperationState.SUBMITTED);
  }

  @Test
  void anOperationContextInUseOnTheCallIsAConflict() {
    service.addParticipant(
        dev.handoff.domain.command.AddParticipant.builder("call-1", PhoneNumber.of("+14255550123"))
            .operationContext("ctx-1")
            .build(),
        SubmitOptions.none());
    CallTransfer sameContext =
        CallTransfer.builder("call-1", PhoneNumber.of("+14255550124"))
            .operationContext("ctx-1")
            .build();
    assertThatThrownBy(() -> service.transfer(sameContext, SubmitOptions.none()))
        .isInstanceOf(OperationConflictException.class)
        .hasMessageContaining("'ctx-1' is already in use");
  }

  @Test
  void eventsAreMatchedByCorrelationThenInvitationThenTheOneUnfinishedOperation() {
    Operation a =
        service.addParticipant(
            dev.handoff.domain.command.AddParticipant.builder(
                    "call-1", PhoneNumber.of("+14255550101"))
                .operationContext("first")
                .build(),
            SubmitOptions.none());
    provider.answering(command -> new SubmitResult.Accepted(Optional.of("inv-b"), null));
    Operation b = service.addParticipant(add("call-1"), SubmitOptions.none());

    EventReport ambiguous =
        service.record(
            List.of(update("e0", "call-1", OperationKind.ADD_PARTICIPANT, Progress.COMPLETED)));
    assertThat(ambiguous.outcomes().get(0).result()).isEqualTo(EventOutcome.Result.UNMATCHED);
    assertThat(ambiguous.outcomes().get(0).detail().orElseThrow()).contains("2 unfinished");

    service.record(
        List.of(
            update(
                "e1", "call-1", OperationKind.ADD_PARTICIPANT, Progress.COMPLETED, "first", null),
            update("e2", "call-1", OperationKind.ADD_PARTICIPANT, Progress.FAILED, null, "inv-b")));
    assertThat(stored(a).state()).isEqualTo(OperationState.COMPLETED);
    assertThat(stored(b).state()).isEqualTo(OperationState.FAILED);
    assertThat(stored(b).failure()).map(Failure::reason).contains(FailureReason.BUSY);

    EventReport unmatched =
        service.record(
            List.of(
                update(
                    "e3",
                    "call-1",
                    OperationKind.ADD_PARTICIPANT,
                    Progress.COMPLETED,
                    "nobody",
                    null),
                update("e4", "call-9", OperationKind.TRANSFER, Progress.COMPLETED)));
    assertThat(unmatched.outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.UNMATCHED, EventOutcome.Result.UNMATCHED);
  }

  @Test
  void duplicatedLateAndAfterTheEndDeliveriesChangeNothingTwice() {
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    List<Operation> published = new ArrayList<>();
    bus.subscribeAll(published::add);
    ProviderEvent accepted = update("e2", "call-1", OperationKind.TRANSFER, Progress.ACCEPTED);
    ProviderEvent progress = update("e1", "call-1", OperationKind.TRANSFER, Progress.IN_PROGRESS);
    ProviderEvent completed = update("e3", "call-1", OperationKind.TRANSFER, Progress.COMPLETED);
    EventReport report =
        service.record(List.of(accepted, accepted, progress, completed, completed, progress));
    assertThat(report.outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(
            EventOutcome.Result.APPLIED,
            EventOutcome.Result.DUPLICATE,
            EventOutcome.Result.LATE,
            EventOutcome.Result.APPLIED,
            EventOutcome.Result.DUPLICATE,
            EventOutcome.Result.DUPLICATE);
    assertThat(published).hasSize(3);
    Operation end = stored(operation);
    assertThat(end.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(end.version()).isEqualTo(operation.version() + 3);

    EventReport afterEnd =
        service.record(List.of(update("e4", "call-1", OperationKind.TRANSFER, Progress.FAILED)));
    assertThat(afterEnd.outcomes().get(0).result()).isEqualTo(EventOutcome.Result.AFTER_TERMINAL);
    assertThat(stored(operation).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void silentOperationsBecomeUnknownAndALateFinalEventStillResolvesThem() {
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.expireOverdue()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.expireOverdue()).isEqualTo(1);
    assertThat(stored(operation).state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(service.expireOverdue()).isZero();

    EventReport late =
        service.record(List.of(update("e1", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)));
    assertThat(late.outcomes().get(0).result()).isEqualTo(EventOutcome.Result.APPLIED);
    assertThat(stored(operation).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aConfirmedCancellationEndsTheAddItWithdrew() {
    provider.answering(command -> new SubmitResult.Accepted(Optional.of("inv-1"), null));
    Operation add = service.addParticipant(add("call-1"), SubmitOptions.none());
    assertThat(add.invitationId()).contains("inv-1");
    Operation cancel =
        service.cancelAddParticipant(
            CancelAddParticipant.of("call-1", "inv-1"), SubmitOptions.none());
    EventReport report =
        service.record(
            List.of(
                update(
                    "c1",
                    "call-1",
                    OperationKind.CANCEL_ADD_PARTICIPANT,
                    Progress.COMPLETED,
                    null,
                    "inv-1")));
    assertThat(report.outcomes().get(0).operations()).containsExactly(cancel.id(), add.id());
    assertThat(stored(cancel).state()).isEqualTo(OperationState.COMPLETED);
    assertThat(stored(add).state()).isEqualTo(OperationState.CANCELLED);
    assertThat(stored(add).failure().orElseThrow().message()).contains(cancel.id().value());
  }

  @Test
  void theEndOfTheCallSettlesTheUnfinishedOperationsOnItOnly() {
    Operation open = service.addParticipant(add("call-1"), SubmitOptions.none());
    Operation done = service.transfer(transfer("call-1"), SubmitOptions.none());
    Operation elsewhere = service.addParticipant(add("call-2"), SubmitOptions.none());
    service.record(List.of(update("t", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)));
    CallLifecycleEvent disconnected =
        new CallLifecycleEvent(
            new EventMeta(Operations.PROVIDER, "d1", "Fake.Disconnected", T0),
            "call-1",
            CallLifecycleEvent.Change.DISCONNECTED,
            List.of(),
            null);
    EventReport report = service.record(List.of(disconnected, disconnected));
    assertThat(report.outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.APPLIED, EventOutcome.Result.DUPLICATE);
    assertThat(report.outcomes().get(0).operations()).containsExactly(open.id());
    Operation ended = stored(open);
    assertThat(ended.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(ended.failure().orElseThrow().reason()).isEqualTo(FailureReason.UNKNOWN);
    assertThat(ended.timeline().get(ended.timeline().size() - 1).disposition())
        .isEqualTo(Disposition.APPLIED);
    assertThat(stored(done).version()).isEqualTo(3);
    assertThat(stored(elsewhere).state()).isEqualTo(OperationState.SUBMITTED);
  }

  @Test
  void callEventsThatSettleNothingAreNoted() {
    Operation open = service.addParticipant(add("call-1"), SubmitOptions.none());
    CallLifecycleEvent connected =
        new CallLifecycleEvent(
            new EventMeta(Operations.PROVIDER, "c1", "Fake.Connected", T0),
            "call-1",
            CallLifecycleEvent.Change.CONNECTED,
            List.of(),
            null);
    EventReport report = service.record(List.of(connected, connected));
    assertThat(report.outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.RECORDED, EventOutcome.Result.DUPLICATE);
    Operation noted = stored(open);
    assertThat(noted.state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(noted.timeline().get(noted.timeline().size() - 1).disposition())
        .isEqualTo(Disposition.RECORDED);
  }

  @Test
  void incomingCallsAndUnrecognisedEventsAreReportedNotDropped() {
    EventMeta meta = new EventMeta(Operations.PROVIDER, "i1", "Fake.IncomingCall", T0);
    IncomingCall incoming =
        new IncomingCall(
            meta,
            "server-call-1",
            "opaque",
            PhoneNumber.of("+14255550123"),
            PhoneNumber.of("+18005550100"),
            Optional.empty(),
            Map.of("User-To-User", "abc"),
            null,
            null,
            null,
            null);
    UnrecognizedEvent odd =
        new UnrecognizedEvent(
            new EventMeta(Operations.PROVIDER, "u1", "Fake.Other", T0), Optional.empty(), "{}");
    EventReport report = service.record(List.of(incoming, odd));
    assertThat(report.outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.INCOMING_CALL, EventOutcome.Result.UNRECOGNIZED);
    assertThat(report.incomingCalls()).containsExactly(incoming);
  }

  @Test
  void aSubscriberSeesTheCurrentStateThenEveryChangeThenTheEnd() {
    Operation operation = service.transfer(transfer("call-1"), SubmitOptions.none());
    List<OperationState> states = new ArrayList<>();
    AtomicInteger ends = new AtomicInteger();
    Subscription subscription =
        service.subscribe(
            operation.id(),
            new OperationListener() {
              @Override
              public void onChange(Operation changed) {
                states.add(changed.state());
              }

              @Override
              public void onEnd() {
                ends.incrementAndGet();
              }
            });
    service.record(
        List.of(
            update("e1", "call-1", OperationKind.TRANSFER, Progress.IN_PROGRESS),
            update("e2", "call-1", OperationKind.TRANSFER, Progress.COMPLETED),
            update("e3", "call-1", OperationKind.TRANSFER, Progress.FAILED)));
    assertThat(states)
        .containsExactly(
            OperationState.SUBMITTED, OperationState.IN_PROGRESS, OperationState.COMPLETED);
    assertThat(ends).hasValue(1);
    subscription.close();
    assertThatThrownBy(() -> service.subscribe(OperationId.of("nope"), op -> {}))
        .isInstanceOf(OperationNotFoundException.class);
  }

  @Test
  void anInterruptedSubmissionIsResentWithTheSameTokenWhenRepeatable() {
    Operation interrupted = requestedButNeverSent(transfer("call-1"));
    clock.advance(Duration.ofMinutes(5));
    assertThat(service.resumeInterrupted(Duration.ofMinutes(1))).isEqualTo(1);
    assertThat(provider.submissions())
        .singleElement()
        .satisfies(s -> assertThat(s.context().submission()).isEqualTo(interrupted.submission()));
    Operation resumed = stored(interrupted);
    assertThat(resumed.state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(resumed.timeline()).anyMatch(e -> e.what().contains("same submission token"));
  }

  @Test
  void anInterruptedSubmissionIsNotResentWithoutRepeatableRequests() {
    provider.declaring(FakeCallControl.capabilities(false));
    Operation interrupted = requestedButNeverSent(transfer("call-1"));
    clock.advance(Duration.ofMinutes(5));
    assertThat(service.resumeInterrupted(Duration.ofMinutes(1))).isEqualTo(1);
    assertThat(provider.submissions()).isEmpty();
    Operation unknown = stored(interrupted);
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(unknown.failure().orElseThrow().message()).contains("no repeatable requests");
  }

  @Test
  void anInterruptedSubmissionSeenTwiceIsResentOnce() {
    Operation interrupted = requestedButNeverSent(transfer("call-1"));
    clock.advance(Duration.ofMinutes(5));
    // Two instances read the same stale operation before either changed it.
    HandoffService racing =
        HandoffService.builder(
                provider,
                new dev.handoff.ports.out.OperationStore() {
                  @Override
                  public dev.handoff.ports.out.Admission admit(Operation operation) {
                    return store.admit(operation);
                  }

                  @Override
                  public Optional<Operation> find(OperationId id) {
                    return store.find(id);
                  }

                  @Override
                  public Optional<Operation> findByIdempotencyKey(IdempotencyKey key) {
                    return store.findByIdempotencyKey(key);
                  }

                  @Override
                  public boolean update(Operation next) {
                    return store.update(next);
                  }

                  @Override
                  public List<Operation> findByCall(
                      dev.handoff.domain.provider.ProviderId p, String callId) {
                    return store.findByCall(p, callId);
                  }

                  @Override
                  public List<Operation> findByRelatedCall(
                      dev.handoff.domain.provider.ProviderId p, String callId) {
                    return store.findByRelatedCall(p, callId);
                  }

                  @Override
                  public dev.handoff.ports.OperationPage list(OperationQuery query) {
                    return store.list(query);
                  }

                  @Override
                  public List<Operation> findOverdue(Instant now, int limit) {
                    return store.findOverdue(now, limit);
                  }

                  @Override
                  public List<Operation> findAwaitingReconciliation(Instant now, int limit) {
                    return store.findAwaitingReconciliation(now, limit);
                  }

                  @Override
                  public List<Operation> findRequestedBefore(Instant cutoff, int limit) {
                    return List.of(interrupted, interrupted);
                  }
                },
                bus)
            .clock(clock)
            .build();
    assertThat(racing.resumeInterrupted(Duration.ofMinutes(1))).isEqualTo(1);
    assertThat(provider.submissions()).hasSize(1);
    assertThat(racing.resumeInterrupted(Duration.ofMinutes(1))).isZero();
    assertThat(provider.submissions()).hasSize(1);
  }

  @Test
  void recentRequestedOperationsAreLeftAlone() {
    requestedButNeverSent(transfer("call-1"));
    clock.advance(Duration.ofSeconds(10));
    assertThat(service.resumeInterrupted(Duration.ofMinutes(1))).isZero();
  }

  private Operation requestedButNeverSent(CallTransfer command) {
    Operation operation = Operations.requested("crashed", command, clock.instant());
    store.insertIfAbsent(operation);
    return operation;
  }
}
