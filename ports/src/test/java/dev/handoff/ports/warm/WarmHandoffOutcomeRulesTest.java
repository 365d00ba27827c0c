package dev.handoff.ports.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.TargetOutcome;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryRefusedException;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.service.DeliveryPolicy;
import dev.handoff.ports.service.HandoffService;
import dev.handoff.ports.testing.MutableClock;
import dev.handoff.ports.testing.Operations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a warm handoff lives with the rules the other operations follow: one transfer per call
 * (admission by the store), deliveries checked against their binding, and the end of a call.
 */
class WarmHandoffOutcomeRulesTest {
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
  private HandoffService service = service(provider, DeliveryPolicy.open());
  private HandoffEventRouter router =
      new HandoffEventRouter(saga, service, DeliveryPolicy.open(), provider::capabilities);

  private WarmHandoffSaga saga(FakeHandoffProvider p) {
    return WarmHandoffSaga.builder(p, store, bus)
        .clock(clock)
        .policy(POLICY)
        .operationIds(() -> OperationId.of("h-" + ids.incrementAndGet()))
        .build();
  }

  private HandoffService service(FakeHandoffProvider p, DeliveryPolicy policy) {
    return HandoffService.builder(p, store, bus)
        .clock(clock)
        .deliveryPolicy(policy)
        .operationIds(() -> OperationId.of("t-" + ids.incrementAndGet()))
        .build();
  }

  /** A provider like ACS: a callback per action, its steps bound to the handoff. */
  private void bindSteps() {
    DeliveryPolicy policy = DeliveryPolicy.forBoundOperations();
    service = service(provider, policy);
    java.util.Set<Capability> features =
        java.util.EnumSet.copyOf(provider.capabilities().features());
    features.add(Capability.HANDOFF_CALLBACK_OVERRIDE);
    ProviderCapabilities perAction =
        ProviderCapabilities.builder(Operations.PROVIDER)
            .supports(features.toArray(new Capability[0]))
            .addresses(ParticipantKind.PHONE_NUMBER, ParticipantKind.TEAMS_USER)
            .build();
    router = new HandoffEventRouter(saga, service, policy, () -> perAction);
  }

  private void consultation() {
    provider = FakeHandoffProvider.consultation();
    saga = saga(provider);
    service = service(provider, DeliveryPolicy.open());
    router = new HandoffEventRouter(saga, service, DeliveryPolicy.open(), provider::capabilities);
  }

  private static WarmHandoff handoff(String callId, PhoneNumber... targets) {
    return WarmHandoff.builder(
            callId, java.util.Arrays.stream(targets).map(HandoffTarget::of).toList())
        .build();
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

  private OperationUpdate accepted(FakeHandoffProvider.Request add) {
    return new OperationUpdate(
        meta("AddParticipantSucceeded"),
        add.callId(),
        OperationKind.ADD_PARTICIPANT,
        Progress.COMPLETED,
        Optional.of(add.context().correlation()),
        Optional.empty(),
        Optional.of(((AddParticipant) add.command()).participant()),
        Optional.empty(),
        null);
  }

  private CallLifecycleEvent ended(String callId) {
    return new CallLifecycleEvent(
        meta("CallDisconnected"), callId, CallLifecycleEvent.Change.DISCONNECTED, List.of(), null);
  }

  private EventOutcome send(ProviderEvent event, Delivery delivery) {
    return router.record(List.of(event), delivery).outcomes().get(0);
  }

  // ------------------------------------------------------------------ one transfer per call

  @Test
  void aHandoffUnderWayIsTheCallsTransferAndATransferUnderWayKeepsHandoffsOut() {
    Operation handoff = saga.startWarmHandoff(handoff("call-1", ALICE), SubmitOptions.none());
    assertThat(handoff.state().isActive()).isTrue();
    assertThatThrownBy(
            () ->
                service.transfer(CallTransfer.builder("call-1", BOB).build(), SubmitOptions.none()))
        .isInstanceOf(OperationConflictException.class)
        .hasMessage("Call call-1 already has WARM_HANDOFF h-1 under way");
    assertThat(store.findByCall(Operations.PROVIDER, "call-1")).containsExactly(stored(handoff));

    Operation transfer =
        service.transfer(CallTransfer.builder("call-2", BOB).build(), SubmitOptions.none());
    assertThat(transfer.state().isActive()).isTrue();
    int sent = provider.requests().size();
    assertThatThrownBy(() -> saga.startWarmHandoff(handoff("call-2", ALICE), SubmitOptions.none()))
        .isInstanceOf(OperationConflictException.class)
        .hasMessage("Call call-2 already has TRANSFER " + transfer.id() + " under way");
    assertThat(provider.requests()).as("nothing sent for the refused handoff").hasSize(sent);
  }

  // ------------------------------------------------------------------ delivery binding

  @Test
  void aStepsEventIsAcceptedThroughTheHandoffsBoundUriAndRefusedThroughAnotherOrNone() {
    bindSteps();
    Operation handoff = saga.startWarmHandoff(handoff("call-1", ALICE), SubmitOptions.none());
    Operation other = saga.startWarmHandoff(handoff("call-9", BOB), SubmitOptions.none());
    FakeHandoffProvider.Request add =
        provider.requests().stream()
            .filter(r -> r.action() == CallAction.ADD_PARTICIPANT)
            .filter(r -> r.callId().equals("call-1"))
            .findFirst()
            .orElseThrow();
    long versionBefore = stored(handoff).version();

    assertThatThrownBy(() -> send(accepted(add), Delivery.toOperation(other.id())))
        .isInstanceOf(DeliveryRefusedException.class)
        .hasMessageContaining("is about warm handoff " + handoff.id());
    assertThatThrownBy(() -> send(accepted(add), Delivery.unbound()))
        .isInstanceOf(DeliveryRefusedException.class)
        .hasMessageContaining("came through another callback URI than the one bound to it");
    assertThatThrownBy(() -> send(accepted(add), Delivery.toCall("call-1")))
        .isInstanceOf(DeliveryRefusedException.class);
    assertThat(stored(handoff).version()).as("nothing recorded").isEqualTo(versionBefore);

    assertThat(send(accepted(add), Delivery.toOperation(handoff.id())).result())
        .isEqualTo(EventOutcome.Result.APPLIED);
    assertThat(HandoffProgress.of(stored(handoff)).targets())
        .extracting(TargetOutcome::result)
        .containsExactly(TargetOutcome.Result.CONNECTED);
    assertThat(stored(handoff).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aDeliveryWithAnotherCallsEventIsRefusedWholeBeforeAnythingIsRecorded() {
    Operation handoff = saga.startWarmHandoff(handoff("call-1", ALICE), SubmitOptions.none());
    FakeHandoffProvider.Request add = last(CallAction.ADD_PARTICIPANT);
    long before = stored(handoff).version();
    assertThatThrownBy(
            () -> router.record(List.of(accepted(add), ended("call-7")), Delivery.toCall("call-1")))
        .isInstanceOf(DeliveryRefusedException.class)
        .hasMessageContaining("call call-7");
    assertThat(stored(handoff).version()).isEqualTo(before);
  }

  @Test
  void theConsultationCallsEventsComeThroughTheHandoffsUriAndAnUnknownCallIsLeftUnmatched() {
    consultation();
    Operation handoff = saga.startWarmHandoff(handoff("call-1", ALICE, BOB), SubmitOptions.none());
    send(
        new CallActionUpdate(
            meta("hold completed"),
            "call-1",
            CallAction.HOLD,
            Progress.COMPLETED,
            Optional.of(last(CallAction.HOLD).context().correlation()),
            Optional.empty(),
            Optional.empty(),
            null),
        Delivery.toCall("call-1"));
    assertThat(provider.actions()).endsWith(CallAction.PLACE_CALL);

    EventOutcome stranger = send(ended("someone-else"), Delivery.toOperation(handoff.id()));
    assertThat(stranger.result()).isEqualTo(EventOutcome.Result.UNMATCHED);

    // Graph ends a consultation call the agent declines as a call: terminated, with its reason.
    EventOutcome declined =
        send(
            new CallLifecycleEvent(
                meta("call.terminated"),
                "consult-1",
                CallLifecycleEvent.Change.DISCONNECTED,
                List.of(),
                null,
                Optional.of(Failure.of(FailureReason.DECLINED, "the callee declined"))),
            Delivery.toOperation(handoff.id()));
    assertThat(declined.result()).isEqualTo(EventOutcome.Result.APPLIED);
    assertThat(HandoffProgress.of(stored(handoff)).outcome(0).failure().orElseThrow().reason())
        .isEqualTo(FailureReason.DECLINED);
    assertThat(provider.actions().stream().filter(a -> a == CallAction.PLACE_CALL)).hasSize(2);
  }

  // ------------------------------------------------------------------ the end of a call

  @Test
  void theBotLeavingAfterPuttingTheCallerThroughLeavesTheHandoffCompleted() {
    Operation handoff = saga.startWarmHandoff(handoff("call-1", ALICE), SubmitOptions.none());
    send(accepted(last(CallAction.ADD_PARTICIPANT)), Delivery.unbound());
    assertThat(provider.actions()).endsWith(CallAction.RESUME, CallAction.HANG_UP);
    assertThat(stored(handoff).state()).isEqualTo(OperationState.COMPLETED);

    EventOutcome disconnected = send(ended("call-1"), Delivery.unbound());
    assertThat(disconnected.result()).isEqualTo(EventOutcome.Result.AFTER_TERMINAL);
    Operation done = stored(handoff);
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(done.failure()).isEmpty();
    service.expireOverdue();
    clock.advance(Duration.ofHours(1));
    service.expireOverdue();
    assertThat(stored(handoff).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void onAConsultationCallTheBotsLegEndingWithTheTransferCompletesTheHandoff() {
    consultation();
    Operation handoff = saga.startWarmHandoff(handoff("call-1", ALICE), SubmitOptions.none());
    send(
        new CallActionUpdate(
            meta("hold completed"),
            "call-1",
            CallAction.HOLD,
            Progress.COMPLETED,
            Optional.of(last(CallAction.HOLD).context().correlation()),
            Optional.empty(),
            Optional.empty(),
            null),
        Delivery.unbound());
    send(
        new CallLifecycleEvent(
            meta("call.established"),
            "consult-1",
            CallLifecycleEvent.Change.CONNECTED,
            List.of(),
            null),
        Delivery.toOperation(handoff.id()));
    assertThat(provider.actions()).endsWith(CallAction.TRANSFER);

    // Graph's terminated notification of the bot's leg, AppTransferred: the transfer, then the end.
    List<EventOutcome> outcomes =
        router
            .record(
                List.of(
                    new OperationUpdate(
                        meta("call.terminated"),
                        "call-1",
                        OperationKind.TRANSFER,
                        Progress.COMPLETED,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        null),
                    ended("call-1"),
                    ended("consult-1")),
                Delivery.unbound())
            .outcomes();
    assertThat(outcomes.get(0).result()).isEqualTo(EventOutcome.Result.APPLIED);
    Operation done = stored(handoff);
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(HandoffProgress.of(done).targets())
        .extracting(TargetOutcome::result)
        .containsExactly(TargetOutcome.Result.CONNECTED);
  }

  @Test
  void aCallerWhoHangsUpWhileTheAgentRingsEndsTheHandoffFailedNotUnknown() {
    Operation handoff = saga.startWarmHandoff(handoff("call-1", ALICE), SubmitOptions.none());
    // ACS keeps the call for the bot and the ringing agent: the roster no longer has the caller.
    EventOutcome left =
        send(
            new CallLifecycleEvent(
                meta("ParticipantsUpdated"),
                "call-1",
                CallLifecycleEvent.Change.PARTICIPANTS_UPDATED,
                List.of(ALICE),
                null),
            Delivery.unbound());
    assertThat(left.result()).isEqualTo(EventOutcome.Result.APPLIED);
    Operation done = stored(handoff);
    assertThat(done.state()).isEqualTo(OperationState.FAILED);
    assertThat(done.failure().orElseThrow().message())
        .isEqualTo("the caller's call ended before the handoff did");
    assertThat(provider.actions()).doesNotContain(CallAction.RESUME);
  }

  @Test
  void aRosterThatStillHasTheCallerChangesNothing() {
    Operation handoff = saga.startWarmHandoff(handoff("call-1", ALICE), SubmitOptions.none());
    send(
        new CallLifecycleEvent(
            meta("ParticipantsUpdated"),
            "call-1",
            CallLifecycleEvent.Change.PARTICIPANTS_UPDATED,
            List.of(FakeHandoffProvider.CALLER, ALICE),
            null),
        Delivery.unbound());
    assertThat(stored(handoff).state()).isEqualTo(OperationState.IN_PROGRESS);
  }
}
