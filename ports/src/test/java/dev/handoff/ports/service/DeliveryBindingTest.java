package dev.handoff.ports.service;

import static dev.handoff.ports.testing.Events.disconnected;
import static dev.handoff.ports.testing.Events.incoming;
import static dev.handoff.ports.testing.Events.update;
import static dev.handoff.ports.testing.Operations.add;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.ports.callback.BoundCallbacks;
import dev.handoff.ports.callback.CallbackBinding;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryRefusedException;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A delivery may change only what its URL is bound to: a genuine callback replayed with another
 * operation's body is refused, and nothing of it is recorded.
 */
class DeliveryBindingTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final URI ENDPOINT = URI.create("https://handoff.example.com/callbacks/fake");

  private final MutableClock clock = new MutableClock(T0);
  private final FakeCallControl provider = new FakeCallControl();
  private final InMemoryOperationStore store =
      new InMemoryOperationStore(1000, Duration.ofHours(1), clock);
  private final CallbackBinding binding = CallbackBinding.of("0123456789abcdef0123456789abcdef");
  private final AtomicInteger ids = new AtomicInteger();

  private HandoffService service(DeliveryPolicy policy) {
    return HandoffService.builder(
            BoundCallbacks.bound(provider, () -> ENDPOINT, binding),
            store,
            new InMemoryOperationChangeBus())
        .clock(clock)
        .operationIds(() -> OperationId.of("op-" + ids.incrementAndGet()))
        .deliveryPolicy(policy)
        .build();
  }

  private final HandoffService service = service(DeliveryPolicy.forBoundOperations());

  private Operation stored(Operation operation) {
    return store.find(operation.id()).orElseThrow();
  }

  private Delivery boundTo(Operation operation) {
    URI sent =
        provider.submissions().stream()
            .filter(s -> s.context().operationId().equals(operation.id()))
            .findFirst()
            .orElseThrow()
            .command()
            .callbackUri()
            .orElseThrow();
    return binding.delivery(sent);
  }

  private static ProviderEvent completes(String eventId, Operation operation) {
    return update(
        eventId,
        operation.callId(),
        operation.kind(),
        Progress.COMPLETED,
        operation.correlation(),
        null);
  }

  private void assertRefused(
      List<ProviderEvent> events, Delivery delivery, DeliveryRefusedException.Reason reason) {
    assertThatThrownBy(() -> service.record(events, delivery))
        .isInstanceOf(DeliveryRefusedException.class)
        .extracting(e -> ((DeliveryRefusedException) e).reason())
        .isEqualTo(reason);
  }

  @Test
  void anOperationsEventsThroughItsOwnUriAreApplied() {
    Operation transfer = service.transfer(transfer("call-1"), SubmitOptions.none());
    assertThat(
            service
                .record(
                    List.of(completes("e1", transfer), disconnected("d1", "call-1")),
                    boundTo(transfer))
                .outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.APPLIED, EventOutcome.Result.UNMATCHED);
    assertThat(stored(transfer).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aGenuineDeliveryReplayedWithAnotherOperationsBodyIsRefusedAndChangesNothing() {
    Operation first = service.transfer(transfer("call-1"), SubmitOptions.none());
    Operation second = service.transfer(transfer("call-2"), SubmitOptions.none());
    Delivery capturedFromFirst = boundTo(first);
    assertRefused(
        List.of(completes("forged", second)),
        capturedFromFirst,
        DeliveryRefusedException.Reason.MISMATCH);
    Operation sameCallOtherOperation = service.addParticipant(add("call-1"), SubmitOptions.none());
    assertRefused(
        List.of(completes("forged-2", sameCallOtherOperation)),
        capturedFromFirst,
        DeliveryRefusedException.Reason.MISMATCH);
    assertRefused(
        List.of(completes("own", first), completes("forged-3", second)),
        capturedFromFirst,
        DeliveryRefusedException.Reason.MISMATCH);
    assertRefused(
        List.of(incoming("i1", "call-1")),
        capturedFromFirst,
        DeliveryRefusedException.Reason.MISMATCH);
    assertThat(stored(first).state())
        .as("nothing of a refused delivery is recorded, not even its genuine part")
        .isEqualTo(OperationState.SUBMITTED);
    assertThat(stored(second).state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(stored(sameCallOtherOperation).state()).isEqualTo(OperationState.SUBMITTED);
    assertThatThrownBy(
            () ->
                service.record(
                    List.of(completes("x", first)),
                    Delivery.toOperation(OperationId.of("no-such-operation"))))
        .isInstanceOf(DeliveryRefusedException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void anUnboundDeliveryCannotSettleAnOperationSentWithABoundUri() {
    Operation bound = service.transfer(transfer("call-1"), SubmitOptions.none());
    assertRefused(
        List.of(completes("e1", bound)),
        Delivery.unbound(),
        DeliveryRefusedException.Reason.UNBOUND);
    assertThat(stored(bound).state()).isEqualTo(OperationState.SUBMITTED);

    Operation own =
        service.transfer(
            transfer("call-2").withCallbackUri(URI.create("https://client.example.com/e")),
            SubmitOptions.none());
    service.record(List.of(completes("e2", own)));
    assertThat(stored(own).state())
        .as("events of an operation the client directed elsewhere are forwarded unbound")
        .isEqualTo(OperationState.COMPLETED);

    service.record(List.of(disconnected("d1", "call-1"), incoming("i1", "new-call")));
    assertThat(stored(bound).timeline()).anyMatch(e -> e.what().equals("Fake.Disconnected"));
  }

  @Test
  void whereCallsAreBoundAnUnboundDeliveryAnnouncesIncomingCallsOnly() {
    provider.declaring(
        dev.handoff.domain.provider.ProviderCapabilities.builder(
                dev.handoff.ports.testing.Operations.PROVIDER)
            .supports(dev.handoff.domain.provider.Capability.TRANSFER)
            .addresses(dev.handoff.domain.participant.ParticipantKind.PHONE_NUMBER)
            .build());
    HandoffService calls = service(DeliveryPolicy.forBoundOperations().withCallsBound());
    Operation transfer = calls.transfer(transfer("call-1"), SubmitOptions.none());

    assertThatThrownBy(() -> calls.record(List.of(completes("e1", transfer)), Delivery.unbound()))
        .isInstanceOf(DeliveryRefusedException.class);
    assertThatThrownBy(
            () -> calls.record(List.of(disconnected("d1", "call-1")), Delivery.unbound()))
        .isInstanceOf(DeliveryRefusedException.class);
    assertThat(
            calls.record(List.of(incoming("i1", "new-call")), Delivery.unbound()).incomingCalls())
        .hasSize(1);

    Delivery callOne = binding.delivery(binding.callUri(ENDPOINT, "call-1"));
    assertThatThrownBy(
            () ->
                calls.record(
                    List.of(update("e2", "call-2", OperationKind.TRANSFER, Progress.COMPLETED)),
                    callOne))
        .isInstanceOf(DeliveryRefusedException.class)
        .hasMessageContaining("call call-2");
    calls.record(
        List.of(update("e3", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)), callOne);
    assertThat(stored(transfer).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aCallBoundDeliveryCannotSettleAnOperationSentWithItsOwnBoundUri() {
    Operation bound = service.transfer(transfer("call-1"), SubmitOptions.none());
    Delivery callOne = binding.delivery(binding.callUri(ENDPOINT, "call-1"));
    assertRefused(
        List.of(completes("e1", bound)), callOne, DeliveryRefusedException.Reason.UNBOUND);
    // The call's end comes to the call's URL as the provider sends it, and says of this operation
    // what the end of a call says of any transfer not yet accepted: not how it ended.
    service.record(List.of(disconnected("d1", "call-1")), callOne);
    assertThat(stored(bound).state()).isEqualTo(OperationState.UNKNOWN);
  }

  @Test
  void withoutABindingPolicyEveryAuthenticDeliveryIsAcceptedAsBefore() {
    HandoffService open = service(DeliveryPolicy.open());
    Operation transfer = open.transfer(transfer("call-1"), SubmitOptions.none());
    open.record(List.of(completes("e1", transfer)));
    assertThat(stored(transfer).state()).isEqualTo(OperationState.COMPLETED);
  }
}
