package dev.handoff.ports.service;

import static dev.handoff.ports.testing.Events.update;
import static dev.handoff.ports.testing.Operations.add;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.OperationFilter;
import dev.handoff.ports.in.OperationListener;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Following every operation's changes: {@code HandoffService.subscribeAll}. */
class ChangeFeedTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryOperationChangeBus bus = new InMemoryOperationChangeBus();
  private final AtomicInteger ids = new AtomicInteger();
  private final HandoffService service =
      HandoffService.builder(
              new FakeCallControl(),
              new InMemoryOperationStore(1000, Duration.ofHours(1), clock),
              bus)
          .clock(clock)
          .operationIds(() -> OperationId.of("op-" + ids.incrementAndGet()))
          .build();

  /** Records what it is given, as "id:version:state". */
  private static final class Recorder implements OperationListener {
    final List<String> seen = new ArrayList<>();
    int ends;

    @Override
    public void onChange(Operation operation) {
      seen.add(operation.id() + ":" + operation.version() + ":" + operation.state());
    }

    @Override
    public void onEnd() {
      ends++;
    }
  }

  @Test
  void deliversEveryStoredChangeOfEveryOperationFromTheSubscriptionOn() {
    Operation before = service.transfer(transfer("call-0"), SubmitOptions.none());
    Recorder all = new Recorder();
    service.subscribeAll(OperationFilter.everything(), all);

    Operation transfer = service.transfer(transfer("call-1"), SubmitOptions.none());
    Operation invite = service.addParticipant(add("call-2"), SubmitOptions.none());
    service.record(List.of(update("e1", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)));

    // No snapshot: the operation made before the subscription appears only when it changes.
    assertThat(all.seen)
        .containsExactly(
            transfer.id() + ":1:REQUESTED",
            transfer.id() + ":2:SUBMITTED",
            invite.id() + ":1:REQUESTED",
            invite.id() + ":2:SUBMITTED",
            transfer.id() + ":3:COMPLETED");
    service.record(List.of(update("e2", "call-0", OperationKind.TRANSFER, Progress.FAILED)));
    assertThat(all.seen).last().isEqualTo(before.id() + ":3:FAILED");
    assertThat(all.ends).isZero();
  }

  @Test
  void theFilterIsAppliedToTheOperationAsItStandsAfterEachChange() {
    Recorder onCall = new Recorder();
    Recorder invitations = new Recorder();
    Recorder completed = new Recorder();
    Recorder otherProvider = new Recorder();
    service.subscribeAll(OperationFilter.everything().onCall("call-1"), onCall);
    service.subscribeAll(
        OperationFilter.everything().ofKind(OperationKind.ADD_PARTICIPANT), invitations);
    service.subscribeAll(OperationFilter.everything().inState(OperationState.COMPLETED), completed);
    service.subscribeAll(
        OperationFilter.everything().carriedBy(ProviderId.of("other")), otherProvider);

    Operation transfer = service.transfer(transfer("call-1"), SubmitOptions.none());
    Operation invite = service.addParticipant(add("call-2"), SubmitOptions.none());
    service.record(List.of(update("e1", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)));

    assertThat(onCall.seen)
        .containsExactly(
            transfer.id() + ":1:REQUESTED",
            transfer.id() + ":2:SUBMITTED",
            transfer.id() + ":3:COMPLETED");
    assertThat(invitations.seen)
        .containsExactly(invite.id() + ":1:REQUESTED", invite.id() + ":2:SUBMITTED");
    assertThat(completed.seen).containsExactly(transfer.id() + ":3:COMPLETED");
    assertThat(otherProvider.seen).isEmpty();
    Recorder mine = new Recorder();
    service.subscribeAll(OperationFilter.everything().carriedBy(Operations.PROVIDER), mine);
    service.record(List.of(update("e2", "call-2", OperationKind.ADD_PARTICIPANT, Progress.FAILED)));
    assertThat(mine.seen).containsExactly(invite.id() + ":3:FAILED");
  }

  @Test
  void lateAndRepeatedDeliveriesOfTheBusArePassedOnOnce() {
    Recorder all = new Recorder();
    service.subscribeAll(OperationFilter.everything(), all);
    Operation transfer = service.transfer(transfer("call-1"), SubmitOptions.none());
    Operation submitted = service.find(transfer.id()).orElseThrow();
    service.record(List.of(update("e1", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)));
    Operation done = service.find(transfer.id()).orElseThrow();

    // The bus may repeat a change or deliver an older one after a newer one.
    bus.publish(done);
    bus.publish(submitted);

    assertThat(all.seen)
        .containsExactly(
            transfer.id() + ":1:REQUESTED",
            transfer.id() + ":2:SUBMITTED",
            transfer.id() + ":3:COMPLETED");
  }

  @Test
  void closingStopsDelivery() {
    Recorder all = new Recorder();
    Subscription subscription = service.subscribeAll(OperationFilter.everything(), all);
    service.transfer(transfer("call-1"), SubmitOptions.none());
    subscription.close();
    subscription.close();
    service.record(List.of(update("e1", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)));
    service.transfer(transfer("call-2"), SubmitOptions.none());
    assertThat(all.seen).hasSize(2);
  }
}
