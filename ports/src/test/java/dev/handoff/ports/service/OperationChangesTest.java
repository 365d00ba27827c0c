package dev.handoff.ports.service;

import static dev.handoff.ports.testing.Operations.accepted;
import static dev.handoff.ports.testing.Operations.requested;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.operation.Operation;
import dev.handoff.ports.ConcurrentUpdateException;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OperationChangesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final InMemoryOperationStore stored =
      new InMemoryOperationStore(10, Duration.ofHours(1), new MutableClock(T0));
  private final InMemoryOperationChangeBus bus = new InMemoryOperationChangeBus();

  @Test
  void aChangeThatKeepsLosingTheCompareAndSetGivesUpAsAConcurrentUpdate() {
    AtomicInteger tries = new AtomicInteger();
    OperationChanges changes = new OperationChanges(alwaysLosing(stored, tries), bus);
    Operation operation = requested("op-1", transfer("call-1"), T0);
    stored.insertIfAbsent(operation);
    List<Operation> published = new ArrayList<>();
    bus.subscribe(operation.id(), published::add);

    assertThatThrownBy(
            () -> changes.change(operation.id(), current -> accepted(current, T0.plusSeconds(1))))
        .isInstanceOfSatisfying(
            ConcurrentUpdateException.class,
            gaveUp -> {
              assertThat(gaveUp.attempts()).isEqualTo(tries.get()).isGreaterThan(1);
              assertThat(gaveUp.entry()).isEqualTo("operation op-1");
            });
    assertThat(stored.find(operation.id())).contains(operation);
    assertThat(published).as("nothing stored, nothing published").isEmpty();
  }

  @Test
  void aChangeThatWinsIsStoredAndPublished() {
    OperationChanges changes = new OperationChanges(stored, bus);
    Operation operation = requested("op-1", transfer("call-1"), T0);
    stored.insertIfAbsent(operation);

    OperationChanges.Changed changed =
        changes.change(operation.id(), current -> accepted(current, T0.plusSeconds(1)));

    assertThat(changed.changed()).isTrue();
    assertThat(stored.find(operation.id())).contains(changed.operation());
  }

  /** A store on which another writer always changes the operation first. */
  private static OperationStore alwaysLosing(OperationStore delegate, AtomicInteger tries) {
    return (OperationStore)
        Proxy.newProxyInstance(
            OperationStore.class.getClassLoader(),
            new Class<?>[] {OperationStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("update")) {
                tries.incrementAndGet();
                return false;
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
