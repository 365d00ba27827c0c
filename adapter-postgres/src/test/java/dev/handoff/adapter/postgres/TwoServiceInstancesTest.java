package dev.handoff.adapter.postgres;

import static dev.handoff.ports.testing.Events.update;
import static dev.handoff.ports.testing.Operations.requested;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.OperationListener;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.service.HandoffService;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two plain-Java service instances, each with its own store, bus and provider, sharing one
 * database: what the Quarkus service will do with two processes.
 */
class TwoServiceInstancesTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static String schema;

  private final MutableClock clock = new MutableClock(T0);
  private Instance a;
  private Instance b;

  /** One service instance. */
  private static final class Instance implements AutoCloseable {
    final FakeCallControl provider = new FakeCallControl();
    final PostgresOperationStore store;
    final PostgresOperationChangeBus bus;
    final HandoffService service;

    Instance(String name, MutableClock clock) throws InterruptedException {
      this(name, clock, TestDatabase.dataSource());
    }

    Instance(String name, MutableClock clock, javax.sql.DataSource dataSource)
        throws InterruptedException {
      store =
          PostgresOperationStore.builder(dataSource)
              .schema(schema)
              .notifyChannel(schema + "_changes")
              .instanceId(name)
              .build();
      bus = PostgresOperationChangeBus.builder(store).applicationName(schema + "-" + name).start();
      assertThat(bus.awaitListening(Duration.ofSeconds(15))).isTrue();
      AtomicInteger ids = new AtomicInteger();
      service =
          HandoffService.builder(provider, store, bus)
              .clock(clock)
              .operationIds(() -> OperationId.of(name + "-" + ids.incrementAndGet()))
              .build();
    }

    @Override
    public void close() {
      bus.close();
    }
  }

  @BeforeAll
  static void migrate() {
    schema = TestDatabase.migratedSchema("services");
  }

  @BeforeEach
  void start() throws InterruptedException {
    TestDatabase.execute("TRUNCATE " + schema + ".operation CASCADE");
    a = new Instance("a", clock);
    // B connects on its own, outside A's pool, as another process would.
    org.postgresql.ds.PGSimpleDataSource own = new org.postgresql.ds.PGSimpleDataSource();
    own.setUrl(TestDatabase.jdbcUrl());
    own.setUser("postgres");
    own.setPassword("postgres");
    b = new Instance("b", clock, own);
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  @Test
  void aCallbackToBCompletesAnOperationSubmittedOnAAndAsSubscriberSeesIt() throws Exception {
    SubmitOptions keyed = SubmitOptions.idempotent(IdempotencyKey.of("client-key-1"));
    Operation submitted = a.service.transfer(transfer("call-1"), keyed);
    assertThat(submitted.state()).isEqualTo(OperationState.SUBMITTED);
    BlockingQueue<Operation> seen = new LinkedBlockingQueue<>();
    CountDownLatch ended = new CountDownLatch(1);
    a.service.subscribe(
        submitted.id(),
        new OperationListener() {
          @Override
          public void onChange(Operation operation) {
            seen.add(operation);
          }

          @Override
          public void onEnd() {
            ended.countDown();
          }
        });

    List<EventOutcome> outcomes =
        b.service
            .record(List.of(update("e1", "call-1", OperationKind.TRANSFER, Progress.COMPLETED)))
            .outcomes();
    assertThat(outcomes)
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.APPLIED);

    assertThat(ended.await(15, TimeUnit.SECONDS)).as("A's subscriber saw the end").isTrue();
    List<Operation> delivered = new ArrayList<>(seen);
    assertThat(delivered.get(delivered.size() - 1).state()).isEqualTo(OperationState.COMPLETED);

    Operation again = b.service.transfer(transfer("call-1"), keyed);
    assertThat(again.id()).isEqualTo(submitted.id());
    assertThat(again.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(a.provider.submissions()).hasSize(1);
    assertThat(b.provider.submissions()).as("the key held across instances").isEmpty();
  }

  @Test
  void sweepsOnBothInstancesAtOnceExpireEachOperationOnce() throws Exception {
    for (int i = 0; i < 20; i++) {
      a.service.transfer(transfer("call-" + i), SubmitOptions.none());
    }
    clock.advance(Duration.ofMinutes(10));
    List<Integer> expired =
        atOnce(List.of(() -> a.service.expireOverdue(), () -> b.service.expireOverdue()));
    assertThat(expired.get(0) + expired.get(1)).isEqualTo(20);
    for (int i = 1; i <= 20; i++) {
      Operation operation = a.store.find(OperationId.of("a-" + i)).orElseThrow();
      assertThat(operation.state()).isEqualTo(OperationState.UNKNOWN);
      assertThat(operation.timeline())
          .extracting(TimelineEntry::what)
          .filteredOn("deadline passed"::equals)
          .hasSize(1);
    }
  }

  @Test
  void interruptedSubmissionsResumedOnBothInstancesAtOnceAreSentOnceEach() throws Exception {
    for (int i = 0; i < 20; i++) {
      a.store.insertIfAbsent(requested("crashed-" + i, transfer("call-" + i), clock.instant()));
    }
    clock.advance(Duration.ofMinutes(5));
    List<Integer> resumed =
        atOnce(
            List.of(
                () -> a.service.resumeInterrupted(Duration.ofMinutes(1)),
                () -> b.service.resumeInterrupted(Duration.ofMinutes(1))));
    assertThat(resumed.get(0) + resumed.get(1)).isEqualTo(20);
    assertThat(a.provider.submissions().size() + b.provider.submissions().size())
        .as("no provider request sent twice")
        .isEqualTo(20);
    for (int i = 0; i < 20; i++) {
      assertThat(a.store.find(OperationId.of("crashed-" + i)).orElseThrow().state())
          .isEqualTo(OperationState.SUBMITTED);
    }
  }

  @Test
  void simultaneousTransfersOfOneCallOnBothInstancesAdmitExactlyOne() throws Exception {
    for (int pair = 0; pair < 25; pair++) {
      String call = "pair-" + pair;
      List<Object> outcomes =
          atOnce(
              List.of(
                  () -> submitOrConflict(a.service, call),
                  () -> submitOrConflict(b.service, call)));
      List<Operation> accepted = new ArrayList<>();
      List<dev.handoff.ports.in.OperationConflictException> conflicts = new ArrayList<>();
      for (Object outcome : outcomes) {
        if (outcome instanceof Operation) {
          accepted.add((Operation) outcome);
        } else {
          conflicts.add((dev.handoff.ports.in.OperationConflictException) outcome);
        }
      }
      assertThat(accepted).as("accepted on " + call).hasSize(1);
      assertThat(conflicts).hasSize(1);
      assertThat(conflicts.get(0).conflicting()).isEqualTo(accepted.get(0).id());
      long sent =
          java.util.stream.Stream.concat(
                  a.provider.submissions().stream(), b.provider.submissions().stream())
              .filter(s -> s.command().callId().equals(call))
              .count();
      assertThat(sent).as("provider requests for " + call).isEqualTo(1);
    }
  }

  @Test
  void simultaneousRepliesOfOneKeyOnBothInstancesYieldOneOperationAndNoConflict() throws Exception {
    for (int pair = 0; pair < 10; pair++) {
      String call = "keyed-" + pair;
      SubmitOptions keyed = SubmitOptions.idempotent(IdempotencyKey.of("key-" + pair));
      List<Operation> outcomes =
          atOnce(
              List.<Callable<Operation>>of(
                  () -> a.service.transfer(transfer(call), keyed),
                  () -> b.service.transfer(transfer(call), keyed)));
      assertThat(outcomes.get(0).id()).isEqualTo(outcomes.get(1).id());
    }
  }

  private static Object submitOrConflict(HandoffService service, String call) {
    try {
      return service.transfer(transfer(call), SubmitOptions.none());
    } catch (dev.handoff.ports.in.OperationConflictException conflict) {
      return conflict;
    }
  }

  private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
    try {
      CyclicBarrier start = new CyclicBarrier(tasks.size());
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
