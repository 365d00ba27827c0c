package dev.handoff.ports.memory;

import static dev.handoff.ports.testing.Operations.PROVIDER;
import static dev.handoff.ports.testing.Operations.completed;
import static dev.handoff.ports.testing.Operations.placedCall;
import static dev.handoff.ports.testing.Operations.requested;
import static dev.handoff.ports.testing.Operations.transfer;
import static dev.handoff.ports.testing.Operations.warmHandoff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.ports.StoreFullException;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.testing.MutableClock;
import dev.handoff.ports.testing.OperationStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryOperationStoreTest extends OperationStoreContract {

  @Override
  protected OperationStore newStore(Clock clock) {
    return new InMemoryOperationStore(
        InMemoryOperationStore.DEFAULT_CAPACITY, InMemoryOperationStore.DEFAULT_RETENTION, clock);
  }

  @Test
  void whenFullTheOldestFinishedOperationsMakeRoom() {
    MutableClock clock = new MutableClock(T0);
    InMemoryOperationStore store = new InMemoryOperationStore(2, Duration.ofHours(1), clock);
    Operation first = requested("first", transfer("call-1"), IdempotencyKey.of("k1"), T0);
    store.insertIfAbsent(first);
    store.update(completed(first, T0.plusSeconds(1)));
    store.insertIfAbsent(requested("second", transfer("call-2"), T0));
    store.insertIfAbsent(requested("third", transfer("call-3"), T0));
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.find(first.id())).isEmpty();
    assertThat(store.findByIdempotencyKey(IdempotencyKey.of("k1"))).isEmpty();
    assertThat(store.findByCall(first.provider(), "call-1")).isEmpty();
  }

  @Test
  void unfinishedOperationsAreNeverEvictedSoAFullStoreRefusesNewOnes() {
    InMemoryOperationStore store =
        new InMemoryOperationStore(2, Duration.ofHours(1), new MutableClock(T0));
    store.insertIfAbsent(requested("a", transfer("call-1"), T0));
    store.insertIfAbsent(requested("b", transfer("call-2"), T0));
    assertThatThrownBy(() -> store.insertIfAbsent(requested("c", transfer("call-3"), T0)))
        .isInstanceOfSatisfying(
            StoreFullException.class, full -> assertThat(full.capacity()).isEqualTo(2))
        .hasMessageContaining("full");
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void finishedOperationsAreEvictedAfterTheRetention() {
    MutableClock clock = new MutableClock(T0);
    InMemoryOperationStore store = new InMemoryOperationStore(100, Duration.ofMinutes(10), clock);
    Operation old = requested("old", transfer("call-1"), T0);
    store.insertIfAbsent(old);
    store.update(completed(old, T0));
    Operation active = requested("active", transfer("call-2"), T0);
    store.insertIfAbsent(active);
    clock.advance(Duration.ofMinutes(9));
    store.insertIfAbsent(requested("n1", transfer("call-3"), clock.instant()));
    assertThat(store.find(old.id())).isPresent();
    clock.advance(Duration.ofMinutes(2));
    store.insertIfAbsent(requested("n2", transfer("call-4"), clock.instant()));
    assertThat(store.find(old.id())).isEmpty();
    assertThat(store.find(active.id())).isPresent();
  }

  @Test
  void anEvictedHandoffIsNoLongerFoundByTheCallsItPlaced() {
    MutableClock clock = new MutableClock(T0);
    InMemoryOperationStore store = new InMemoryOperationStore(2, Duration.ofHours(1), clock);
    Operation handoff = requested("h1", warmHandoff("call-1"), T0);
    store.insertIfAbsent(handoff);
    Operation placed = placedCall(handoff, 1, "consult-1", T0.plusSeconds(1));
    store.update(placed);
    store.update(completed(placed, T0.plusSeconds(2)));
    store.insertIfAbsent(requested("second", transfer("call-2"), T0));
    store.insertIfAbsent(requested("third", transfer("call-3"), T0));
    assertThat(store.find(handoff.id())).isEmpty();
    assertThat(store.findByRelatedCall(PROVIDER, "consult-1")).isEmpty();
  }
}
