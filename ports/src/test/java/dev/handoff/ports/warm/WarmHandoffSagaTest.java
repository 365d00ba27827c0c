package dev.handoff.ports.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.Briefing;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.operation.TargetOutcome;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryDeferredException;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.IdempotencyConflictException;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.service.HandoffService;
import dev.handoff.ports.testing.MutableClock;
import dev.handoff.ports.testing.Operations;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmHandoffSagaTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final PhoneNumber ALICE = PhoneNumber.of("+14255550123");
  private static final PhoneNumber BOB = PhoneNumber.of("+14255550124");
  private static final SagaPolicy POLICY =
      new SagaPolicy(Duration.ofSeconds(45), Duration.ofSeconds(20), Duration.ofSeconds(10));

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryOperationStore store =
      new InMemoryOperationStore(1000, Duration.ofHours(1), clock);
  private final InMemoryOperationChangeBus bus = new InMemoryOperationChangeBus();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger eventIds = new AtomicInteger();
  private FakeHandoffProvider provider = FakeHandoffProvider.inCall();
  private WarmHandoffSaga saga = saga(provider);
  private HandoffEventRouter router = router(saga, provider);

  private WarmHandoffSaga saga(FakeHandoffProvider p) {
    return WarmHandoffSaga.builder(p, store, bus)
        .clock(clock)
        .policy(POLICY)
        .operationIds(() -> OperationId.of("h-" + ids.incrementAndGet()))
        .build();
  }

  private HandoffEventRouter router(WarmHandoffSaga s, FakeHandoffProvider p) {
    return new HandoffEventRouter(s, HandoffService.builder(p, store, bus).clock(clock).build());
  }

  private void use(FakeHandoffProvider p) {
    provider = p;
    saga = saga(p);
    router = router(saga, p);
  }

  private static WarmHandoff.Builder handoff(PhoneNumber... targets) {
    return WarmHandoff.builder(
        "call-1", java.util.Arrays.stream(targets).map(HandoffTarget::of).toList());
  }

  private Operation stored(Operation operation) {
    return store.find(operation.id()).orElseThrow();
  }

  private FakeHandoffProvider.Request last(CallAction action) {
    List<FakeHandoffProvider.Request> all =
        provider.requests().stream().filter(r -> r.action() == action).toList();
    assertThat(all).as("requests for " + action).isNotEmpty();
    return all.get(all.size() - 1);
  }

  private EventMeta meta(String type) {
    return new EventMeta(Operations.PROVIDER, "e-" + eventIds.incrementAndGet(), type, T0);
  }

  private EventOutcome send(ProviderEvent event) {
    return router.record(List.of(event)).outcomes().get(0);
  }

  private EventOutcome settle(
      FakeHandoffProvider.Request request, OperationKind scope, Progress progress, Failure f) {
    return send(
        new OperationUpdate(
            meta("Fake." + scope + "." + progress),
            request.callId(),
            scope,
            progress,
            Optional.of(request.context().correlation()),
            Optional.empty(),
            scope == OperationKind.ADD_PARTICIPANT && progress == Progress.COMPLETED
                ? Optional.of(((AddParticipant) request.command()).participant())
                : Optional.empty(),
            Optional.ofNullable(f),
            null));
  }

  private EventOutcome action(FakeHandoffProvider.Request request, CallAction action, Progress p) {
    return send(
        new CallActionUpdate(
            meta("Fake." + action + "." + p),
            request.callId(),
            action,
            p,
            Optional.of(request.context().correlation()),
            Optional.empty(),
            p == Progress.FAILED
                ? Optional.of(Failure.of(FailureReason.PROVIDER_ERROR, "prompt failed"))
                : Optional.empty(),
            null));
  }

  private static Failure busy() {
    return Failure.of(FailureReason.BUSY, "the callee is busy");
  }

  // ------------------------------------------------------------------ in-call (ACS-like)

  @Test
  void theFirstTargetAnswersIsBriefedAndTheCallerIsPutThrough() {
    Operation started =
        saga.startWarmHandoff(
            handoff(ALICE, BOB)
                .holdAudio(Prompt.speech("Please hold"))
                .briefing(
                    Briefing.of(
                        Prompt.speech("Caller asks about an invoice"),
                        CallingContext.builder().sipHeader("X-MS-Custom-case", "42").build()))
                .build(),
            SubmitOptions.none());

    assertThat(started.state()).isEqualTo(OperationState.IN_PROGRESS);
    assertThat(provider.actions())
        .containsExactly(CallAction.FIND_TRANSFEREE, CallAction.HOLD, CallAction.ADD_PARTICIPANT);
    HoldParticipant hold = (HoldParticipant) last(CallAction.HOLD).command();
    assertThat(hold.participant()).isEqualTo(Transferee.of(FakeHandoffProvider.CALLER, "p-caller"));
    assertThat(hold.audio()).contains(Prompt.speech("Please hold"));
    FakeHandoffProvider.Request add = last(CallAction.ADD_PARTICIPANT);
    AddParticipant invite = (AddParticipant) add.command();
    assertThat(invite.participant()).isEqualTo(ALICE);
    assertThat(invite.invitationTimeout()).contains(HandoffTarget.DEFAULT_RING_TIMEOUT);
    assertThat(invite.callingContext().sipHeaders()).containsEntry("X-MS-Custom-case", "42");
    assertThat(add.context().correlation()).isEqualTo("h-1#3");
    assertThat(started.deadline()).isEqualTo(T0.plusSeconds(30 + 10));

    assertThat(settle(add, OperationKind.ADD_PARTICIPANT, Progress.COMPLETED, null).result())
        .isEqualTo(EventOutcome.Result.APPLIED);
    FakeHandoffProvider.Request play = last(CallAction.PLAY);
    assertThat(((PlayPrompt) play.command()).playTo()).contains(ALICE);
    assertThat(((PlayPrompt) play.command()).prompt())
        .isEqualTo(Prompt.speech("Caller asks about an invoice"));

    action(play, CallAction.PLAY, Progress.IN_PROGRESS);
    action(play, CallAction.PLAY, Progress.COMPLETED);

    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(provider.actions())
        .containsExactly(
            CallAction.FIND_TRANSFEREE,
            CallAction.HOLD,
            CallAction.ADD_PARTICIPANT,
            CallAction.PLAY,
            CallAction.RESUME,
            CallAction.HANG_UP);
    HandoffProgress progress = HandoffProgress.of(done);
    assertThat(progress.steps())
        .extracting(HandoffStep::kind)
        .containsExactly(
            StepKind.HOLD,
            StepKind.HOLD,
            StepKind.REACH,
            StepKind.BRIEF,
            StepKind.CONNECT,
            StepKind.CONNECT);
    assertThat(progress.steps()).allMatch(s -> s.status() == StepStatus.SUCCEEDED);
    assertThat(progress.targets())
        .extracting(TargetOutcome::result)
        .containsExactly(TargetOutcome.Result.CONNECTED, TargetOutcome.Result.NOT_TRIED);
    assertThat(done.timeline().get(done.timeline().size() - 1).what())
        .isEqualTo("the caller is with 4:+14255550123; the bot left");
  }

  @Test
  void everyStepHasItsOwnTokenAndCorrelationDerivedFromTheOperation() {
    Operation started = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none());
    settle(
        last(CallAction.ADD_PARTICIPANT), OperationKind.ADD_PARTICIPANT, Progress.COMPLETED, null);
    List<FakeHandoffProvider.Request> sent =
        provider.requests().stream().filter(r -> r.context() != null).toList();
    assertThat(sent)
        .extracting(r -> r.context().correlation())
        .containsExactly("h-1#2", "h-1#3", "h-1#4", "h-1#5");
    assertThat(sent).extracting(r -> r.context().submission().requestId()).doesNotHaveDuplicates();
    Operation done = stored(started);
    for (FakeHandoffProvider.Request request : sent) {
      int number = Integer.parseInt(request.context().correlation().split("#")[1]);
      HandoffStep step = HandoffProgress.of(done).step(number).orElseThrow();
      assertThat(request.context().submission()).isEqualTo(StepTokens.token(done, step));
      assertThat(request.context().submission().requestId().version()).isEqualTo(4);
    }
  }

  @Test
  void aBusyTargetIsPassedOverAndTheNextOneIsPutThrough() {
    Operation started = saga.startWarmHandoff(handoff(ALICE, BOB).build(), SubmitOptions.none());
    settle(
        last(CallAction.ADD_PARTICIPANT), OperationKind.ADD_PARTICIPANT, Progress.FAILED, busy());
    FakeHandoffProvider.Request second = last(CallAction.ADD_PARTICIPANT);
    assertThat(((AddParticipant) second.command()).participant()).isEqualTo(BOB);
    settle(second, OperationKind.ADD_PARTICIPANT, Progress.COMPLETED, null);

    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    List<TargetOutcome> targets = HandoffProgress.of(done).targets();
    assertThat(targets.get(0).result()).isEqualTo(TargetOutcome.Result.FAILED);
    assertThat(targets.get(0).failure().orElseThrow().reason()).isEqualTo(FailureReason.BUSY);
    assertThat(targets.get(1).result()).isEqualTo(TargetOutcome.Result.CONNECTED);
    assertThat(provider.actions())
        .containsExactly(
            CallAction.FIND_TRANSFEREE,
            CallAction.HOLD,
            CallAction.ADD_PARTICIPANT,
            CallAction.ADD_PARTICIPANT,
            CallAction.RESUME,
            CallAction.HANG_UP);
  }

  @Test
  void whenNoTargetAnswersTheCallerIsBackWithTheBotAndEachReasonIsKept() {
    Operation started = saga.startWarmHandoff(handoff(ALICE, BOB).build(), SubmitOptions.none());
    settle(
        last(CallAction.ADD_PARTICIPANT), OperationKind.ADD_PARTICIPANT, Progress.FAILED, busy());
    settle(
        last(CallAction.ADD_PARTICIPANT),
        OperationKind.ADD_PARTICIPANT,
        Progress.FAILED,
        Failure.of(FailureReason.DECLINED, "declined"));

    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.FAILED);
    assertThat(done.failure().orElseThrow().reason()).isEqualTo(FailureReason.DECLINED);
    assertThat(done.failure().orElseThrow().message())
        .isEqualTo(
            "no target was put through: target 1 (4:+14255550123): busy — the callee is busy;"
                + " target 2 (4:+14255550124): declined — declined");
    assertThat(provider.actions().subList(4, provider.actions().size()))
        .containsExactly(CallAction.RESUME);
    assertThat(HandoffProgress.of(done).last(StepKind.FALLBACK).orElseThrow().status())
        .isEqualTo(StepStatus.SUCCEEDED);
  }

  @Test
  void aLastTargetTakesTheCallerWhenNoAgentAnswers() {
    Operation started =
        saga.startWarmHandoff(
            handoff(ALICE).fallback(Fallback.transferTo(PhoneNumber.of("+14255550199"))).build(),
            SubmitOptions.none());
    settle(
        last(CallAction.ADD_PARTICIPANT), OperationKind.ADD_PARTICIPANT, Progress.FAILED, busy());
    FakeHandoffProvider.Request transfer = last(CallAction.TRANSFER);
    CallTransfer blind = (CallTransfer) transfer.command();
    assertThat(blind.target()).isEqualTo(PhoneNumber.of("+14255550199"));
    assertThat(blind.mode()).isEqualTo(TransferMode.blind());
    settle(transfer, OperationKind.TRANSFER, Progress.COMPLETED, null);

    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.FAILED);
    assertThat(done.timeline().get(done.timeline().size() - 1).what())
        .isEqualTo("no target answered; the caller went on to 4:+14255550199");
  }

  @Test
  void aTargetThatRingsTooLongIsWithdrawnAndTheNextIsTried() {
    Operation started = saga.startWarmHandoff(handoff(ALICE, BOB).build(), SubmitOptions.none());
    clock.advance(Duration.ofSeconds(39));
    assertThat(saga.advanceDueHandoffs()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(saga.advanceDueHandoffs()).isEqualTo(1);

    FakeHandoffProvider.Request cancel = last(CallAction.CANCEL_ADD_PARTICIPANT);
    assertThat(((CancelAddParticipant) cancel.command()).invitationId()).isEqualTo("inv-3");
    settle(cancel, OperationKind.CANCEL_ADD_PARTICIPANT, Progress.COMPLETED, null);

    FakeHandoffProvider.Request second = last(CallAction.ADD_PARTICIPANT);
    assertThat(((AddParticipant) second.command()).participant()).isEqualTo(BOB);
    TargetOutcome first = HandoffProgress.of(stored(started)).outcome(0);
    assertThat(first.failure().orElseThrow().reason()).isEqualTo(FailureReason.NO_ANSWER);
    assertThat(first.failure().orElseThrow().message())
        .isEqualTo("no answer within 30 s; the invitation was withdrawn");
  }

  @Test
  void anAgentWhoAnswersWhileBeingWithdrawnIsPutThroughAfterAll() {
    Operation started = saga.startWarmHandoff(handoff(ALICE, BOB).build(), SubmitOptions.none());
    FakeHandoffProvider.Request add = last(CallAction.ADD_PARTICIPANT);
    clock.advance(Duration.ofSeconds(40));
    saga.advanceDueHandoffs();
    FakeHandoffProvider.Request cancel = last(CallAction.CANCEL_ADD_PARTICIPANT);
    settle(add, OperationKind.ADD_PARTICIPANT, Progress.COMPLETED, null);
    settle(
        cancel,
        OperationKind.CANCEL_ADD_PARTICIPANT,
        Progress.FAILED,
        Failure.of(FailureReason.INVALID_REQUEST, "already settled"));

    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(HandoffProgress.of(done).outcome(0).result())
        .isEqualTo(TargetOutcome.Result.CONNECTED);
    assertThat(provider.actions())
        .endsWith(CallAction.CANCEL_ADD_PARTICIPANT, CallAction.RESUME, CallAction.HANG_UP);
  }

  @Test
  void anAgentOnTheLineIsRemovedWhenTheHandoffIsCancelled() {
    Operation started =
        saga.startWarmHandoff(
            handoff(ALICE).briefing(Briefing.saying("Invoice question")).build(),
            SubmitOptions.none());
    settle(
        last(CallAction.ADD_PARTICIPANT), OperationKind.ADD_PARTICIPANT, Progress.COMPLETED, null);
    saga.cancelWarmHandoff(started.id());
    assertThat(provider.actions()).endsWith(CallAction.PLAY);
    action(last(CallAction.PLAY), CallAction.PLAY, Progress.COMPLETED);

    FakeHandoffProvider.Request remove = last(CallAction.REMOVE_PARTICIPANT);
    assertThat(((dev.handoff.domain.action.RemoveParticipant) remove.command()).participant())
        .isEqualTo(ALICE);
    action(remove, CallAction.REMOVE_PARTICIPANT, Progress.COMPLETED);
    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.CANCELLED);
    assertThat(provider.actions()).endsWith(CallAction.REMOVE_PARTICIPANT, CallAction.RESUME);
    assertThat(HandoffProgress.of(done).outcome(0).failure().orElseThrow().reason())
        .isEqualTo(FailureReason.CANCELLED);
  }

  @Test
  void aCancelledHandoffLetsTheAgentGoAndReturnsTheCallerToTheBot() {
    Operation started = saga.startWarmHandoff(handoff(ALICE, BOB).build(), SubmitOptions.none());
    Operation cancelling = saga.cancelWarmHandoff(started.id());
    assertThat(cancelling.state()).isEqualTo(OperationState.IN_PROGRESS);
    FakeHandoffProvider.Request cancel = last(CallAction.CANCEL_ADD_PARTICIPANT);
    settle(cancel, OperationKind.CANCEL_ADD_PARTICIPANT, Progress.COMPLETED, null);

    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.CANCELLED);
    assertThat(done.failure().orElseThrow().reason()).isEqualTo(FailureReason.CANCELLED);
    assertThat(provider.actions())
        .containsExactly(
            CallAction.FIND_TRANSFEREE,
            CallAction.HOLD,
            CallAction.ADD_PARTICIPANT,
            CallAction.CANCEL_ADD_PARTICIPANT,
            CallAction.RESUME);
    assertThat(saga.cancelWarmHandoff(started.id())).isEqualTo(done);
  }

  @Test
  void aHandoffThatIsPuttingTheCallerThroughCannotBeCancelled() {
    provider.answering(CallAction.RESUME, r -> new SubmitResult.Accepted(Optional.empty(), null));
    Operation started = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none());
    settle(
        last(CallAction.ADD_PARTICIPANT), OperationKind.ADD_PARTICIPANT, Progress.COMPLETED, null);
    assertThatThrownBy(() -> saga.cancelWarmHandoff(started.id()))
        .isInstanceOf(OperationConflictException.class)
        .hasMessageContaining("already putting the caller through");
  }

  @Test
  void whenTheCallerHangsUpTheHandoffEnds() {
    Operation started = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none());
    EventOutcome ended =
        send(
            new CallLifecycleEvent(
                meta("CallDisconnected"),
                "call-1",
                CallLifecycleEvent.Change.DISCONNECTED,
                List.of(),
                null));
    assertThat(ended.result()).isEqualTo(EventOutcome.Result.APPLIED);
    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.FAILED);
    assertThat(done.failure().orElseThrow().message())
        .isEqualTo("the caller's call ended before the handoff did");
    assertThat(provider.actions()).doesNotContain(CallAction.RESUME);
  }

  @Test
  void aBriefingThatFailsStillPutsTheCallerThrough() {
    Operation started =
        saga.startWarmHandoff(
            handoff(ALICE).briefing(Briefing.saying("Invoice question")).build(),
            SubmitOptions.none());
    settle(
        last(CallAction.ADD_PARTICIPANT), OperationKind.ADD_PARTICIPANT, Progress.COMPLETED, null);
    action(last(CallAction.PLAY), CallAction.PLAY, Progress.FAILED);
    assertThat(stored(started).state()).isEqualTo(OperationState.COMPLETED);
    assertThat(HandoffProgress.of(stored(started)).last(StepKind.BRIEF).orElseThrow().status())
        .isEqualTo(StepStatus.FAILED);
  }

  @Test
  void aRepeatedEventChangesNothing() {
    saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none());
    FakeHandoffProvider.Request add = last(CallAction.ADD_PARTICIPANT);
    OperationUpdate failed =
        new OperationUpdate(
            meta("AddParticipantFailed"),
            "call-1",
            OperationKind.ADD_PARTICIPANT,
            Progress.FAILED,
            Optional.of(add.context().correlation()),
            Optional.empty(),
            Optional.empty(),
            Optional.of(busy()),
            null);
    assertThat(send(failed).result()).isEqualTo(EventOutcome.Result.APPLIED);
    int requests = provider.requests().size();
    assertThat(send(failed).result()).isEqualTo(EventOutcome.Result.DUPLICATE);
    assertThat(provider.requests()).hasSize(requests);
  }

  // ------------------------------------------------------------------ durability

  @Test
  void aStepACrashInterruptedIsSentAgainWithTheSameTokenWhereTheProviderRepeatsOnce() {
    provider.crashingOn(CallAction.ADD_PARTICIPANT);
    assertThatThrownBy(() -> saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none()))
        .isInstanceOf(FakeHandoffProvider.Crash.class);
    Operation interrupted = store.find(OperationId.of("h-1")).orElseThrow();
    assertThat(HandoffProgress.of(interrupted).active())
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.REQUESTED));

    provider.healed();
    WarmHandoffSaga restarted = saga(provider);
    clock.advance(Duration.ofSeconds(44));
    assertThat(restarted.advanceDueHandoffs()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(restarted.advanceDueHandoffs()).isEqualTo(1);

    List<FakeHandoffProvider.Request> adds =
        provider.requests().stream().filter(r -> r.action() == CallAction.ADD_PARTICIPANT).toList();
    assertThat(adds).hasSize(2);
    assertThat(adds.get(1).context()).isEqualTo(adds.get(0).context());
    assertThat(HandoffProgress.of(stored(interrupted)).last(StepKind.REACH).orElseThrow().status())
        .isEqualTo(StepStatus.ACCEPTED);
  }

  @Test
  void aStepACrashInterruptedIsNotSentAgainWhereItCouldExecuteTwice() {
    provider.crashingOn(CallAction.PLAY);
    Operation started =
        saga.startWarmHandoff(
            handoff(ALICE).briefing(Briefing.saying("Invoice question")).build(),
            SubmitOptions.none());
    assertThatThrownBy(
            () ->
                settle(
                    last(CallAction.ADD_PARTICIPANT),
                    OperationKind.ADD_PARTICIPANT,
                    Progress.COMPLETED,
                    null))
        .isInstanceOf(FakeHandoffProvider.Crash.class);

    provider.healed();
    clock.advance(Duration.ofSeconds(45));
    saga(provider).advanceDueHandoffs();

    assertThat(provider.actions().stream().filter(a -> a == CallAction.PLAY)).hasSize(1);
    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    HandoffStep brief = HandoffProgress.of(done).last(StepKind.BRIEF).orElseThrow();
    assertThat(brief.status()).isEqualTo(StepStatus.UNKNOWN);
    assertThat(brief.failure().orElseThrow().message()).contains("could execute play twice");
  }

  @Test
  void theCallerIsNeverLeftOnHoldWhenTakingThemOffHoldWasInterrupted() {
    provider.crashingOn(CallAction.RESUME);
    Operation started = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none());
    assertThatThrownBy(
            () ->
                settle(
                    last(CallAction.ADD_PARTICIPANT),
                    OperationKind.ADD_PARTICIPANT,
                    Progress.COMPLETED,
                    null))
        .isInstanceOf(FakeHandoffProvider.Crash.class);
    provider.healed();
    clock.advance(Duration.ofSeconds(45));
    saga(provider).advanceDueHandoffs();

    assertThat(provider.actions().stream().filter(a -> a == CallAction.RESUME)).hasSize(2);
    assertThat(stored(started).state()).isEqualTo(OperationState.COMPLETED);
  }

  // ------------------------------------------------------------------ consultation (Graph-like)

  @Test
  void onAConsultationCallTheAgentIsBriefedAndTheCallerIsTransferredToReplaceIt() {
    use(FakeHandoffProvider.consultation());
    Operation started =
        saga.startWarmHandoff(
            handoff(ALICE, BOB)
                .holdAudio(Prompt.audio(URI.create("https://cdn.example/hold.wav")))
                .briefing(
                    Briefing.of(
                        Prompt.audio(URI.create("https://cdn.example/brief.wav")),
                        CallingContext.EMPTY))
                .build(),
            SubmitOptions.none());
    assertThat(provider.actions()).containsExactly(CallAction.FIND_TRANSFEREE, CallAction.HOLD);
    action(last(CallAction.HOLD), CallAction.HOLD, Progress.COMPLETED);
    assertThat(provider.actions()).endsWith(CallAction.PLACE_CALL);
    assertThat(stored(started).deadline()).isEqualTo(T0.plusSeconds(30));

    send(
        new CallLifecycleEvent(
            meta("call.established"),
            "consult-1",
            CallLifecycleEvent.Change.CONNECTED,
            List.of(),
            null));
    FakeHandoffProvider.Request play = last(CallAction.PLAY);
    assertThat(play.callId()).isEqualTo("consult-1");
    assertThat(((PlayPrompt) play.command()).playTo()).isEmpty();
    action(play, CallAction.PLAY, Progress.COMPLETED);

    FakeHandoffProvider.Request transfer = last(CallAction.TRANSFER);
    CallTransfer replacing = (CallTransfer) transfer.command();
    assertThat(replacing.callId()).isEqualTo("call-1");
    assertThat(replacing.target()).isEqualTo(ALICE);
    assertThat(replacing.mode()).isEqualTo(TransferMode.consultative("consult-1"));
    send(
        new OperationUpdate(
            meta("call.terminated"),
            "call-1",
            OperationKind.TRANSFER,
            Progress.COMPLETED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            null));
    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(provider.actions())
        .containsExactly(
            CallAction.FIND_TRANSFEREE,
            CallAction.HOLD,
            CallAction.PLACE_CALL,
            CallAction.PLAY,
            CallAction.TRANSFER);
  }

  @Test
  void aConsultationCallIsFoundAmongMoreHandoffsUnderWayThanAListingPageHolds() {
    use(FakeHandoffProvider.consultation());
    Operation started = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none());
    action(last(CallAction.HOLD), CallAction.HOLD, Progress.COMPLETED);
    assertThat(provider.actions()).endsWith(CallAction.PLACE_CALL);
    // Newer handoffs in the same state, each on its own consultation call.
    for (int i = 0; i <= OperationQuery.MAX_LIMIT; i++) {
      Operation other =
          Operations.requested(
              "other-" + i, Operations.warmHandoff("other-call-" + i), T0.plusSeconds(1));
      store.admit(other);
      store.update(Operations.placedCall(other, 1, "other-consult-" + i, T0.plusSeconds(1)));
    }
    assertThat(stored(started).state()).isEqualTo(OperationState.IN_PROGRESS);

    EventOutcome answered =
        send(
            new CallLifecycleEvent(
                meta("call.established"),
                "consult-1",
                CallLifecycleEvent.Change.CONNECTED,
                List.of(),
                null));
    assertThat(answered.operations()).containsExactly(started.id());
    assertThat(((CallTransfer) last(CallAction.TRANSFER).command()).mode())
        .as("the agent answered, so the caller is put through to replace the consultation call")
        .isEqualTo(TransferMode.consultative("consult-1"));
  }

  @Test
  void onAConsultationCallADeclineAndANoAnswerMoveOnAndHangUp() {
    use(FakeHandoffProvider.consultation());
    Operation started = saga.startWarmHandoff(handoff(ALICE, BOB).build(), SubmitOptions.none());
    action(last(CallAction.HOLD), CallAction.HOLD, Progress.COMPLETED);
    send(
        new CallActionUpdate(
            meta("call.terminated"),
            "consult-1",
            CallAction.PLACE_CALL,
            Progress.FAILED,
            Optional.empty(),
            Optional.empty(),
            Optional.of(Failure.of(FailureReason.DECLINED, "declined")),
            null));
    assertThat(provider.actions()).endsWith(CallAction.PLACE_CALL, CallAction.PLACE_CALL);
    clock.advance(Duration.ofSeconds(30));
    saga.advanceDueHandoffs();
    FakeHandoffProvider.Request hangUp = last(CallAction.HANG_UP);
    assertThat(hangUp.callId()).isEqualTo("consult-2");
    FakeHandoffProvider.Request resume = last(CallAction.RESUME);
    action(resume, CallAction.RESUME, Progress.COMPLETED);

    Operation done = stored(started);
    assertThat(done.state()).isEqualTo(OperationState.FAILED);
    assertThat(HandoffProgress.of(done).targets())
        .extracting(t -> t.failure().orElseThrow().reason())
        .containsExactly(FailureReason.DECLINED, FailureReason.NO_ANSWER);
  }

  @Test
  void aConsultationCallThatEndsBeforeItsPlacementIsAnsweredIsDeliveredAgainOnceItIsKnown() {
    use(FakeHandoffProvider.consultation());
    Operation started = saga.startWarmHandoff(handoff(ALICE, BOB).build(), SubmitOptions.none());
    ProviderEvent busyAtOnce =
        new CallActionUpdate(
            meta("call.terminated"),
            "consult-1",
            CallAction.PLACE_CALL,
            Progress.FAILED,
            Optional.empty(),
            Optional.empty(),
            Optional.of(busy()),
            null);
    Delivery throughTheHandoffsUri = Delivery.toOperation(started.id());
    List<Throwable> whilePlacing = new ArrayList<>();
    List<Operation> storedWhilePlacing = new ArrayList<>();
    provider.answering(
        CallAction.PLACE_CALL,
        request -> {
          if (whilePlacing.isEmpty()) {
            // The busy target ends the call before the provider's answer to the placement is back.
            Operation before = stored(started);
            whilePlacing.add(
                catchThrowable(() -> router.record(List.of(busyAtOnce), throughTheHandoffsUri)));
            storedWhilePlacing.add(before);
            storedWhilePlacing.add(stored(started));
          }
          return new SubmitResult.Accepted(Optional.empty(), null);
        });
    action(last(CallAction.HOLD), CallAction.HOLD, Progress.COMPLETED);

    assertThat(whilePlacing.get(0))
        .as("too early to tell which call it is about: the provider must deliver it again")
        .isInstanceOf(DeliveryDeferredException.class)
        .hasMessageContaining("call consult-1");
    assertThat(storedWhilePlacing.get(1))
        .as("nothing of the deferred delivery was recorded")
        .isEqualTo(storedWhilePlacing.get(0));
    assertThat(provider.actions()).containsOnlyOnce(CallAction.PLACE_CALL);

    EventOutcome again =
        router.record(List.of(busyAtOnce), throughTheHandoffsUri).outcomes().get(0);
    assertThat(again.result()).isEqualTo(EventOutcome.Result.APPLIED);
    assertThat(provider.actions())
        .as("the next target is called at once, not at the deadline")
        .endsWith(CallAction.PLACE_CALL, CallAction.PLACE_CALL);
    assertThat(HandoffProgress.of(stored(started)).outcome(0).failure().orElseThrow().reason())
        .isEqualTo(FailureReason.BUSY);
  }

  @Test
  void anEventAboutAnUnknownCallIsLeftUnmatchedWhenNoPlacementAwaitsItsAnswer() {
    use(FakeHandoffProvider.consultation());
    Operation started = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none());
    action(last(CallAction.HOLD), CallAction.HOLD, Progress.COMPLETED);

    EventOutcome stray =
        router
            .record(
                List.of(
                    new CallLifecycleEvent(
                        meta("call.terminated"),
                        "some-other-call",
                        CallLifecycleEvent.Change.DISCONNECTED,
                        List.of(),
                        null)),
                Delivery.toOperation(started.id()))
            .outcomes()
            .get(0);
    assertThat(stray.result()).isEqualTo(EventOutcome.Result.UNMATCHED);
  }

  @Test
  void onAConsultationCallAFailedTransferSendsTheAgentAwayAndTriesTheNext() {
    use(FakeHandoffProvider.consultation());
    Operation started = saga.startWarmHandoff(handoff(ALICE, BOB).build(), SubmitOptions.none());
    action(last(CallAction.HOLD), CallAction.HOLD, Progress.COMPLETED);
    send(
        new CallLifecycleEvent(
            meta("call.established"),
            "consult-1",
            CallLifecycleEvent.Change.CONNECTED,
            List.of(),
            null));
    send(
        new OperationUpdate(
            meta("call.established"),
            "call-1",
            OperationKind.TRANSFER,
            Progress.FAILED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Failure.of(FailureReason.PROVIDER_ERROR, "transfer failed")),
            null));
    assertThat(last(CallAction.HANG_UP).callId()).isEqualTo("consult-1");
    assertThat(provider.actions()).endsWith(CallAction.HANG_UP, CallAction.PLACE_CALL);
    assertThat(HandoffProgress.of(stored(started)).outcome(0).failure().orElseThrow().message())
        .isEqualTo("transfer failed");
  }

  // ------------------------------------------------------------------ admission

  @Test
  void aHandoffIsRefusedWhenTheProviderCannotCarryIt() {
    assertThatThrownBy(
            () ->
                saga.startWarmHandoff(
                    handoff(ALICE)
                        .fallback(
                            Fallback.transferTo(
                                dev.handoff.domain.participant.AcsUser.of("8:acs:vm")))
                        .build(),
                    SubmitOptions.none()))
        .isInstanceOf(UnsupportedByProviderException.class)
        .hasMessageContaining("fallback.participant: cannot address ACS_USER participants");
    assertThat(provider.requests()).isEmpty();
    assertThat(store.findByCall(Operations.PROVIDER, "call-1")).isEmpty();
  }

  @Test
  void anIdempotencyKeyYieldsOneHandoffAndASecondHandoffOfTheCallConflicts() {
    IdempotencyKey key = IdempotencyKey.of("k-1");
    Operation first = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.idempotent(key));
    Operation again = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.idempotent(key));
    assertThat(again.id()).isEqualTo(first.id());
    assertThatThrownBy(
            () -> saga.startWarmHandoff(handoff(BOB).build(), SubmitOptions.idempotent(key)))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThatThrownBy(() -> saga.startWarmHandoff(handoff(BOB).build(), SubmitOptions.none()))
        .isInstanceOf(OperationConflictException.class)
        .hasMessageContaining("already has WARM_HANDOFF h-1 under way");
    assertThat(provider.actions().stream().filter(a -> a == CallAction.ADD_PARTICIPANT)).hasSize(1);
  }

  @Test
  void aCallWithSeveralOthersNeedsTheTransfereeNamed() {
    provider.withRoster(
        List.of(
            Transferee.of(FakeHandoffProvider.CALLER),
            Transferee.of(PhoneNumber.of("+14255550177"))));
    Operation started = saga.startWarmHandoff(handoff(ALICE).build(), SubmitOptions.none());
    assertThat(started.state()).isEqualTo(OperationState.FAILED);
    assertThat(started.failure().orElseThrow().message())
        .isEqualTo(
            "the call has 2 participant(s) besides the application: 4:+14255550100,"
                + " 4:+14255550177; name the transferee");
    assertThat(provider.actions()).containsExactly(CallAction.FIND_TRANSFEREE);
  }
}
