package dev.handoff.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.Briefing;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.testing.MutableClock;
import dev.handoff.ports.testing.Operations;
import dev.handoff.ports.warm.FakeHandoffProvider;
import dev.handoff.ports.warm.SagaPolicy;
import dev.handoff.ports.warm.WarmHandoffSaga;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A warm handoff's steps are durable in PostgreSQL: a saga on another instance (or after a restart)
 * resumes from the stored timeline, and two instances sweeping at once send an interrupted step
 * again once, with its own token.
 */
class WarmHandoffOnPostgresTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final SagaPolicy POLICY =
      new SagaPolicy(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(10));
  private static String schema;

  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger ids = new AtomicInteger();
  private FakeHandoffProvider provider;

  @BeforeAll
  static void migrate() {
    schema = TestDatabase.migratedSchema("handoffs");
  }

  @BeforeEach
  void clean() {
    TestDatabase.execute("TRUNCATE " + schema + ".operation CASCADE");
    provider = FakeHandoffProvider.inCall();
  }

  private PostgresOperationStore store(String name) {
    return PostgresOperationStore.builder(TestDatabase.dataSource())
        .schema(schema)
        .instanceId(name)
        .withoutNotifications()
        .build();
  }

  private WarmHandoffSaga instance(String name) {
    return WarmHandoffSaga.builder(provider, store(name), new InMemoryOperationChangeBus())
        .clock(clock)
        .policy(POLICY)
        .operationIds(() -> OperationId.of(name + "-" + ids.incrementAndGet()))
        .build();
  }

  private Operation read(OperationId id) {
    return store("reader").find(id).orElseThrow();
  }

  private static WarmHandoff handoff() {
    return WarmHandoff.builder("call-1", List.of(HandoffTarget.of(PhoneNumber.of("+14255550123"))))
        .briefing(Briefing.saying("Caller asks about an invoice"))
        .build();
  }

  private FakeHandoffProvider.Request last(CallAction action) {
    List<FakeHandoffProvider.Request> all =
        provider.requests().stream().filter(r -> r.action() == action).toList();
    return all.get(all.size() - 1);
  }

  private OperationUpdate answered(FakeHandoffProvider.Request add) {
    return new OperationUpdate(
        new EventMeta(
            Operations.PROVIDER, "e-" + ids.incrementAndGet(), "AddParticipantSucceeded", T0),
        "call-1",
        OperationKind.ADD_PARTICIPANT,
        Progress.COMPLETED,
        Optional.of(add.context().correlation()),
        Optional.empty(),
        Optional.of(((AddParticipant) add.command()).participant()),
        Optional.empty(),
        null);
  }

  @Test
  void anotherInstanceCarriesOnFromTheStoredSteps() {
    Operation started = instance("a").startWarmHandoff(handoff(), SubmitOptions.none());
    WarmHandoffSaga b = instance("b");
    assertThat(b.offer(answered(last(CallAction.ADD_PARTICIPANT)))).isPresent();
    b.offer(
        new dev.handoff.domain.event.CallActionUpdate(
            new EventMeta(Operations.PROVIDER, "e-play", "PlayCompleted", T0),
            "call-1",
            CallAction.PLAY,
            Progress.COMPLETED,
            Optional.of(last(CallAction.PLAY).context().correlation()),
            Optional.empty(),
            Optional.empty(),
            null));

    Operation done = read(started.id());
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(HandoffProgress.of(done).steps())
        .extracting(s -> s.action().wireName() + " " + s.status())
        .containsExactly(
            "findTransferee SUCCEEDED",
            "hold SUCCEEDED",
            "addParticipant SUCCEEDED",
            "play SUCCEEDED",
            "resume SUCCEEDED",
            "hangUp SUCCEEDED");
    assertThat(done.timeline()).allMatch(e -> e.at() != null);
  }

  @Test
  void twoInstancesSweepingAtOnceSendAnInterruptedStepOnceMoreWithItsOwnToken() throws Exception {
    provider.crashingOn(CallAction.ADD_PARTICIPANT);
    WarmHandoffSaga crashed = instance("a");
    assertThatThrownBy(() -> crashed.startWarmHandoff(handoff(), SubmitOptions.none()))
        .isInstanceOf(FakeHandoffProvider.Crash.class);
    provider.healed();
    clock.advance(Duration.ofSeconds(31));

    WarmHandoffSaga b = instance("b");
    WarmHandoffSaga c = instance("c");
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(b::advanceDueHandoffs);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(c::advanceDueHandoffs);
    assertThat(first.get() + second.get()).isBetween(1, 2);

    List<FakeHandoffProvider.Request> adds =
        provider.requests().stream().filter(r -> r.action() == CallAction.ADD_PARTICIPANT).toList();
    assertThat(adds).hasSize(2);
    assertThat(adds.get(1).context()).isEqualTo(adds.get(0).context());

    assertThat(
            read(OperationId.of("a-1")).timeline().stream()
                .filter(e -> e.what().startsWith("sent again after an interruption")))
        .hasSize(1);
    b.offer(answered(adds.get(1)));
    assertThat(
            HandoffProgress.of(read(OperationId.of("a-1")))
                .last(dev.handoff.domain.operation.StepKind.BRIEF))
        .isPresent();
  }
}
