package dev.handoff.ports.memory;

import static dev.handoff.ports.testing.Operations.requested;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.operation.Operation;
import dev.handoff.ports.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryOperationChangeBusTest {
  private final InMemoryOperationChangeBus bus = new InMemoryOperationChangeBus();
  private final Operation one = requested("one", transfer("call-1"), Instant.EPOCH);
  private final Operation two = requested("two", transfer("call-2"), Instant.EPOCH);

  @Test
  void deliversToTheOperationsListenersAndToEverythingListeners() {
    List<String> seen = new ArrayList<>();
    bus.subscribe(one.id(), op -> seen.add("one:" + op.id()));
    bus.subscribeAll(op -> seen.add("all:" + op.id()));
    bus.publish(one);
    bus.publish(two);
    assertThat(seen).containsExactly("one:one", "all:one", "all:two");
  }

  @Test
  void closingStopsDeliveryAndTheSameListenerTwiceIsTwoRegistrations() {
    List<String> seen = new ArrayList<>();
    java.util.function.Consumer<Operation> listener = op -> seen.add(op.id().value());
    Subscription first = bus.subscribe(one.id(), listener);
    bus.subscribe(one.id(), listener);
    bus.publish(one);
    first.close();
    first.close();
    bus.publish(one);
    assertThat(seen).containsExactly("one", "one", "one");
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    List<String> seen = new ArrayList<>();
    bus.subscribeAll(
        op -> {
          throw new IllegalStateException("boom");
        });
    bus.subscribeAll(op -> seen.add(op.id().value()));
    bus.publish(one);
    assertThat(seen).containsExactly("one");
  }
}
