package dev.handoff.ports.service;

import static dev.handoff.ports.testing.Events.disconnected;
import static dev.handoff.ports.testing.Events.update;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.event.Progress;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.ports.callback.BoundCallbacks;
import dev.handoff.ports.callback.CallbackBinding;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.MutableClock;
import dev.handoff.ports.testing.Operations;
import dev.handoff.ports.warm.HandoffEventRouter;
import dev.handoff.ports.warm.WarmHandoffSaga;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A delivery asks the store each question once: the answers are the same as reading every time, and
 * any write makes the next read go to the store again.
 */
class DeliveryReadsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryOperationStore memory =
      new InMemoryOperationStore(1000, Duration.ofHours(1), clock);
  private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
  private final OperationStore counted = counting(memory, asked);

  /** The store's own methods called through it, by name. */
  private static OperationStore counting(OperationStore store, List<String> asked) {
    return (OperationStore)
        Proxy.newProxyInstance(
            DeliveryReadsTest.class.getClassLoader(),
            new Class<?>[] {OperationStore.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == OperationStore.class) {
                asked.add(method.getName());
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
              }
            });
  }

  private Operation stored() {
    Operation operation = Operations.requested("op-1", transfer("call-1"), T0);
    memory.admit(operation);
    return operation;
  }

  @Test
  void withinADeliveryARepeatedReadIsAnsweredOnceAndOutsideEveryReadGoesToTheStore() {
    Operation operation = stored();
    OperationStore reads = DeliveryReads.of(counted);
    DeliveryReads.during(
        () -> {
          for (int i = 0; i < 3; i++) {
            assertThat(reads.find(operation.id())).contains(operation);
            assertThat(reads.findByCall(Operations.PROVIDER, "call-1")).containsExactly(operation);
            assertThat(reads.findByRelatedCall(Operations.PROVIDER, "call-1")).isEmpty();
            assertThat(reads.find(OperationId.of("absent"))).isEmpty();
          }
          return null;
        });
    assertThat(asked).containsExactly("find", "findByCall", "findByRelatedCall", "find");

    asked.clear();
    reads.find(operation.id());
    reads.find(operation.id());
    assertThat(asked).containsExactly("find", "find");
  }

  @Test
  void aWriteOrAFailedCompareAndSetMakesTheNextReadGoToTheStore() {
    Operation operation = stored();
    OperationStore reads = DeliveryReads.of(counted);
    Operation accepted = Operations.accepted(operation, T0.plusSeconds(1));
    DeliveryReads.during(
        () -> {
          reads.find(operation.id());
          assertThat(reads.update(accepted)).isTrue();
          assertThat(reads.find(operation.id())).contains(accepted);
          assertThat(reads.update(accepted)).as("a stale version").isFalse();
          reads.find(operation.id());
          return null;
        });
    assertThat(asked).containsExactly("find", "update", "find", "update", "find");
  }

  @Test
  void wrappersOfOneStoreShareTheirAnswersAndNeverGiveThemForAnotherStore() {
    Operation operation = stored();
    List<String> otherAsked = new ArrayList<>();
    OperationStore other =
        counting(new InMemoryOperationStore(1000, Duration.ofHours(1), clock), otherAsked);
    DeliveryReads.during(
        () -> {
          DeliveryReads.of(counted).find(operation.id());
          assertThat(DeliveryReads.of(counted).find(operation.id())).contains(operation);
          assertThat(DeliveryReads.of(other).find(operation.id())).isEmpty();
          return null;
        });
    assertThat(asked).containsExactly("find");
    assertThat(otherAsked).containsExactly("find");
    OperationStore wrapped = DeliveryReads.of(counted);
    assertThat(DeliveryReads.of(wrapped)).as("not wrapped twice").isSameAs(wrapped);
  }

  @Test
  void aTransferAndItsCallbacksAskTheStoreEachQuestionOnce() {
    FakeCallControl fake = new FakeCallControl();
    CallbackBinding binding = CallbackBinding.of("0123456789abcdef0123456789abcdef");
    BoundCallbacks provider =
        BoundCallbacks.bound(fake, () -> URI.create("https://handoff.example/cb"), binding);
    AtomicInteger ids = new AtomicInteger();
    InMemoryOperationChangeBus bus = new InMemoryOperationChangeBus();
    HandoffService service =
        HandoffService.builder(provider, counted, bus)
            .clock(clock)
            .operationIds(() -> OperationId.of("op-" + ids.incrementAndGet()))
            .deliveryPolicy(DeliveryPolicy.forBoundOperations())
            .build();
    HandoffEventRouter router =
        new HandoffEventRouter(
            WarmHandoffSaga.builder(provider, counted, bus).clock(clock).build(),
            service,
            DeliveryPolicy.forBoundOperations(),
            provider::capabilities);
    asked.clear();
    Operation transfer = service.transfer(transfer("call-1"), SubmitOptions.none());
    assertThat(asked)
        .as("the provider's answer is recorded on the operation as admitted, not read again")
        .containsExactly("admit", "update");
    URI boundToTheTransfer = fake.submissions().get(0).command().callbackUri().orElseThrow();

    asked.clear();
    router.record(
        List.of(
            update(
                "e1", "call-1", transfer.kind(), Progress.COMPLETED, transfer.correlation(), null)),
        binding.delivery(boundToTheTransfer));
    assertThat(asked)
        .as("the router, the binding check and the recorder each asked these; 8 questions before")
        .containsExactly("find", "findByCall", "findByRelatedCall", "update");
    assertThat(memory.find(transfer.id()).orElseThrow().state())
        .isEqualTo(OperationState.COMPLETED);

    asked.clear();
    router.record(List.of(disconnected("d1", "call-1")), Delivery.toCall("call-1"));
    assertThat(asked).containsExactly("findByCall", "findByRelatedCall");
  }
}
