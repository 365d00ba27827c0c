package dev.handoff.ports.testing;

import static dev.handoff.ports.testing.Operations.PROVIDER;
import static dev.handoff.ports.testing.Operations.accepted;
import static dev.handoff.ports.testing.Operations.add;
import static dev.handoff.ports.testing.Operations.completed;
import static dev.handoff.ports.testing.Operations.placedCall;
import static dev.handoff.ports.testing.Operations.requested;
import static dev.handoff.ports.testing.Operations.transfer;
import static dev.handoff.ports.testing.Operations.unknown;
import static dev.handoff.ports.testing.Operations.warmHandoff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.InvalidCursorException;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.OperationStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OperationStore} must have. A store's test extends this class and
 * supplies a fresh, empty store.
 */
public abstract class OperationStoreContract {
  /** A fixed instant the fixtures start from. */
  protected static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  /**
   * The clock every store under test runs on, standing at {@link #T0}: what the contract asserts
   * must never depend on the day the suite runs (retention, eviction and claims read this clock).
   */
  protected final MutableClock clock = new MutableClock(T0);

  /**
   * @param clock the clock the store must read whenever it needs the time
   * @return a new, empty store
   */
  protected abstract OperationStore newStore(Clock clock);

  private OperationStore newStore() {
    return newStore(clock);
  }

  @Test
  void storesAndFindsAnOperationExactly() {
    OperationStore store = newStore();
    Operation operation = requested("op-1", transfer("call-1"), T0);
    assertThat(store.insertIfAbsent(operation)).isEqualTo(operation);
    assertThat(store.find(OperationId.of("op-1"))).contains(operation);
    assertThat(store.find(OperationId.of("op-2"))).isEmpty();
  }

  @Test
  void anIdempotencyKeyNamesOneOperation() {
    OperationStore store = newStore();
    IdempotencyKey key = IdempotencyKey.of("key-1");
    Operation first = requested("op-1", transfer("call-1"), key, T0);
    Operation second = requested("op-2", transfer("call-1"), key, T0.plusSeconds(1));
    store.insertIfAbsent(first);
    assertThat(store.insertIfAbsent(second).id()).isEqualTo(first.id());
    assertThat(store.find(second.id())).isEmpty();
    assertThat(store.findByIdempotencyKey(key)).map(Operation::id).contains(first.id());
    assertThat(store.findByIdempotencyKey(IdempotencyKey.of("other"))).isEmpty();
  }

  @Test
  void theSameIdTwiceIsRefused() {
    OperationStore store = newStore();
    store.insertIfAbsent(requested("op-1", transfer("call-1"), T0));
    assertThatThrownBy(() -> store.insertIfAbsent(requested("op-1", transfer("call-2"), T0)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void updatesCompareAndSetOnTheVersion() {
    OperationStore store = newStore();
    Operation requested = requested("op-1", transfer("call-1"), T0);
    store.insertIfAbsent(requested);
    Operation accepted = accepted(requested, T0.plusSeconds(1));
    Operation completed = completed(requested, T0.plusSeconds(1));
    assertThat(store.update(accepted)).isTrue();
    assertThat(store.update(completed)).isFalse();
    assertThat(store.find(requested.id())).contains(accepted);
    assertThat(store.update(accepted)).isFalse();
    assertThat(store.update(accepted(requested("op-9", transfer("call-9"), T0), T0))).isFalse();
  }

  @Test
  void concurrentChangesAreNeverLost() throws Exception {
    OperationStore store = newStore();
    Operation start = requested("op-1", transfer("call-1"), T0);
    store.insertIfAbsent(start);
    int writers = 8;
    int notesEach = 25;
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        tasks.add(
            () -> {
              for (int n = 0; n < notesEach; n++) {
                while (true) {
                  Operation current = store.find(start.id()).orElseThrow();
                  if (store.update(current.noteResubmission(T0.plusSeconds(1)))) {
                    break;
                  }
                  conflicts.incrementAndGet();
                }
              }
              return null;
            });
      }
      for (Future<Void> done : pool.invokeAll(tasks)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Operation end = store.find(start.id()).orElseThrow();
    assertThat(end.version()).isEqualTo(1 + writers * notesEach);
    assertThat(end.timeline()).hasSize(1 + writers * notesEach);
  }

  @Test
  void findsTheOperationsOfACallNewestFirst() {
    OperationStore store = newStore();
    store.insertIfAbsent(requested("a", transfer("call-1"), T0));
    store.insertIfAbsent(requested("b", add("call-1"), T0.plusSeconds(2)));
    store.insertIfAbsent(requested("c", transfer("call-2"), T0.plusSeconds(1)));
    assertThat(store.findByCall(PROVIDER, "call-1"))
        .extracting(o -> o.id().value())
        .containsExactly("b", "a");
    assertThat(store.findByCall(ProviderId.of("other"), "call-1")).isEmpty();
  }

  @Test
  void listsPagesNewestFirstWithFiltersAndAStableCursor() {
    OperationStore store = newStore();
    for (int i = 0; i < 7; i++) {
      String call = i % 2 == 0 ? "even" : "odd";
      Operation operation =
          requested("op-" + i, i < 5 ? transfer(call) : add(call), T0.plusSeconds(i));
      store.insertIfAbsent(operation);
      if (i == 3) {
        store.update(completed(operation, T0.plusSeconds(10)));
      } else if (i < 5) {
        // One active transfer per call: each leaves the way free for the next.
        store.update(unknown(operation, T0.plusSeconds(10)));
      }
    }
    OperationPage first = store.list(OperationQuery.all().limit(3));
    assertThat(first.operations())
        .extracting(o -> o.id().value())
        .containsExactly("op-6", "op-5", "op-4");
    store.insertIfAbsent(requested("op-new", transfer("odd"), T0.plusSeconds(60)));
    OperationPage second =
        store.list(OperationQuery.all().limit(3).after(first.nextCursor().orElseThrow()));
    assertThat(second.operations())
        .extracting(o -> o.id().value())
        .containsExactly("op-3", "op-2", "op-1");
    OperationPage third =
        store.list(OperationQuery.all().limit(3).after(second.nextCursor().orElseThrow()));
    assertThat(third.operations()).extracting(o -> o.id().value()).containsExactly("op-0");
    assertThat(third.nextCursor()).isEmpty();

    assertThat(
            store
                .list(OperationQuery.all().onCall("odd").ofKind(OperationKind.TRANSFER))
                .operations())
        .extracting(o -> o.id().value())
        .containsExactly("op-new", "op-3", "op-1");
    assertThat(store.list(OperationQuery.all().inState(OperationState.COMPLETED)).operations())
        .extracting(o -> o.id().value())
        .containsExactly("op-3");
  }

  @Test
  void listsTheOperationsOfOneProvider() {
    OperationStore store = newStore();
    store.insertIfAbsent(requested("mine", transfer("call-1"), T0));
    store.insertIfAbsent(
        Operation.request(
            OperationId.of("theirs"),
            ProviderId.of("other"),
            transfer("call-1"),
            Optional.empty(),
            SubmissionToken.create(T0),
            T0.plusSeconds(1),
            Duration.ofMinutes(2)));
    assertThat(store.list(OperationQuery.all().carriedBy(PROVIDER)).operations())
        .extracting(o -> o.id().value())
        .containsExactly("mine");
    assertThat(store.list(OperationQuery.all().carriedBy(ProviderId.of("other"))).operations())
        .extracting(o -> o.id().value())
        .containsExactly("theirs");
    assertThat(store.list(OperationQuery.all()).operations()).hasSize(2);
  }

  @Test
  void aCursorItDidNotIssueIsRefusedAsAnInvalidCursor() {
    OperationStore store = newStore();
    for (String foreign :
        List.of("not-a-cursor!", base64url("elsewhere:42"), base64url("p1:soon:op-1"))) {
      assertThatThrownBy(() -> store.list(OperationQuery.all().after(foreign)))
          .as("cursor '%s'", foreign)
          .isInstanceOf(InvalidCursorException.class)
          .hasMessageContaining("cursor");
    }
  }

  private static String base64url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void findsActiveOperationsPastTheirDeadline() {
    OperationStore store = newStore();
    Operation overdue = requested("late", transfer("call-1"), T0);
    Operation fresh = requested("fresh", transfer("call-2"), T0.plusSeconds(100));
    Operation done = requested("done", transfer("call-3"), T0);
    store.insertIfAbsent(overdue);
    store.insertIfAbsent(fresh);
    store.insertIfAbsent(done);
    store.update(completed(done, T0.plusSeconds(1)));
    Instant now = T0.plus(Duration.ofMinutes(2));
    assertThat(store.findOverdue(now, 10)).extracting(o -> o.id().value()).containsExactly("late");
    assertThat(store.findOverdue(now.minusSeconds(1), 10)).isEmpty();
  }

  @Test
  void findsOperationsStuckInRequested() {
    OperationStore store = newStore();
    Operation stuck = requested("stuck", transfer("call-1"), T0);
    Operation moved = requested("moved", transfer("call-2"), T0);
    Operation recent = requested("recent", transfer("call-3"), T0.plusSeconds(50));
    store.insertIfAbsent(stuck);
    store.insertIfAbsent(moved);
    store.insertIfAbsent(recent);
    store.update(accepted(moved, T0.plusSeconds(1)));
    assertThat(store.findRequestedBefore(T0.plusSeconds(30), 10))
        .extracting(o -> o.id().value())
        .containsExactly("stuck");
    assertThat(
            store.findRequestedBefore(T0.plusSeconds(60), 10).stream()
                .map(o -> o.id().value())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("stuck", "recent");
    assertThat(store.findRequestedBefore(T0.plusSeconds(60), 1)).hasSize(1);
  }

  @Test
  void aCallHasOneActiveTransferAndOneActiveRedirectAtATime() {
    OperationStore store = newStore();
    Operation first = requested("t1", transfer("call-1"), T0);
    assertThat(store.admit(first)).isEqualTo(new Admission.Admitted(first));
    Operation second = requested("t2", transfer("call-1"), T0.plusSeconds(1));
    assertThat(store.admit(second))
        .isEqualTo(new Admission.Conflict(first, Admission.Rule.ONE_AT_A_TIME));
    assertThat(store.find(second.id())).isEmpty();
    assertThatThrownBy(() -> store.insertIfAbsent(second))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("t1");

    Operation add = requested("a1", add("call-1"), T0.plusSeconds(2));
    assertThat(store.admit(add)).isInstanceOf(Admission.Admitted.class);
    Operation elsewhere = requested("t3", transfer("call-2"), T0.plusSeconds(2));
    assertThat(store.admit(elsewhere)).isInstanceOf(Admission.Admitted.class);

    Operation redirect = requested("r1", redirect("call-1"), T0.plusSeconds(3));
    assertThat(store.admit(redirect)).isInstanceOf(Admission.Admitted.class);
    assertThat(store.admit(requested("r2", redirect("call-1"), T0.plusSeconds(4))))
        .isEqualTo(new Admission.Conflict(redirect, Admission.Rule.ONE_AT_A_TIME));

    assertThat(store.update(completed(first, T0.plusSeconds(5)))).isTrue();
    Operation after = requested("t4", transfer("call-1"), T0.plusSeconds(6));
    assertThat(store.admit(after)).isEqualTo(new Admission.Admitted(after));
    assertThat(store.update(unknown(after, T0.plusSeconds(7)))).isTrue();
    assertThat(store.admit(requested("t5", transfer("call-1"), T0.plusSeconds(8))))
        .as("an UNKNOWN transfer no longer holds the call")
        .isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void aWarmHandoffUnderWayIsTheCallsTransfer() {
    OperationStore store = newStore();
    Operation handoff = requested("h1", handoff("call-1"), T0);
    assertThat(store.admit(handoff)).isEqualTo(new Admission.Admitted(handoff));
    assertThat(store.admit(requested("t1", transfer("call-1"), T0.plusSeconds(1))))
        .as("a transfer while a handoff is under way")
        .isEqualTo(new Admission.Conflict(handoff, Admission.Rule.ONE_AT_A_TIME));
    assertThat(store.admit(requested("h2", handoff("call-1"), T0.plusSeconds(2))))
        .as("a second handoff")
        .isEqualTo(new Admission.Conflict(handoff, Admission.Rule.ONE_AT_A_TIME));
    assertThat(store.findByCall(PROVIDER, "call-1")).containsExactly(handoff);

    Operation add = requested("a1", add("call-1"), T0.plusSeconds(3));
    assertThat(store.admit(add)).isInstanceOf(Admission.Admitted.class);
    Operation redirect = requested("r1", redirect("call-1"), T0.plusSeconds(3));
    assertThat(store.admit(redirect)).isInstanceOf(Admission.Admitted.class);
    Operation elsewhere = requested("h3", handoff("call-2"), T0.plusSeconds(3));
    assertThat(store.admit(elsewhere)).isInstanceOf(Admission.Admitted.class);

    assertThat(store.update(completed(handoff, T0.plusSeconds(4)))).isTrue();
    Operation transfer = requested("t2", transfer("call-1"), T0.plusSeconds(5));
    assertThat(store.admit(transfer)).isEqualTo(new Admission.Admitted(transfer));
    assertThat(store.admit(requested("h4", handoff("call-1"), T0.plusSeconds(6))))
        .as("a handoff while a transfer is under way")
        .isEqualTo(new Admission.Conflict(transfer, Admission.Rule.ONE_AT_A_TIME));
  }

  @Test
  void findsTheHandoffThatPlacedACallOnceTheStepThatPlacedItIsStored() {
    OperationStore store = newStore();
    Operation handoff = requested("h1", warmHandoff("call-1"), T0);
    store.admit(handoff);
    assertThat(store.findByRelatedCall(PROVIDER, "consult-1"))
        .as("before the step learned the call")
        .isEmpty();

    Operation placed = placedCall(handoff, 1, "consult-1", T0.plusSeconds(1));
    assertThat(store.update(placed)).isTrue();
    assertThat(store.findByRelatedCall(PROVIDER, "consult-1")).containsExactly(placed);
    assertThat(store.findByRelatedCall(PROVIDER, "call-1"))
        .as("the call it is about is no call it placed")
        .isEmpty();
    assertThat(store.findByRelatedCall(ProviderId.of("other"), "consult-1"))
        .as("the same call id at another provider")
        .isEmpty();

    Operation second = placedCall(placed, 2, "consult-2", T0.plusSeconds(2));
    assertThat(store.update(second)).isTrue();
    Operation done = completed(second, T0.plusSeconds(3));
    assertThat(store.update(done)).isTrue();
    assertThat(store.findByRelatedCall(PROVIDER, "consult-1"))
        .as("every call it placed, in its latest version, finished or not")
        .containsExactly(done);
    assertThat(store.findByRelatedCall(PROVIDER, "consult-2")).containsExactly(done);
  }

  @Test
  void findsNothingForACallNoOperationPlaced() {
    OperationStore store = newStore();
    store.admit(requested("t1", transfer("call-1"), T0));
    Operation handoff = requested("h1", warmHandoff("call-2"), T0);
    store.admit(handoff);
    store.update(placedCall(handoff, 1, "consult-1", T0.plusSeconds(1)));
    assertThat(store.findByRelatedCall(PROVIDER, "call-1")).isEmpty();
    assertThat(store.findByRelatedCall(PROVIDER, "call-2")).isEmpty();
    assertThat(store.findByRelatedCall(PROVIDER, "consult-9")).isEmpty();
  }

  @Test
  void findsEachOfMoreUnfinishedHandoffsThanAListingPageHolds() {
    OperationStore store = newStore();
    int handoffs = OperationQuery.MAX_LIMIT + 20;
    for (int i = 0; i < handoffs; i++) {
      Operation handoff = requested("h" + i, warmHandoff("call-" + i), T0.plusMillis(i));
      store.admit(handoff);
      assertThat(store.update(placedCall(handoff, 1, "consult-" + i, T0.plusSeconds(1)))).isTrue();
    }
    for (int i : new int[] {0, 1, handoffs / 2, handoffs - 1}) {
      assertThat(store.findByRelatedCall(PROVIDER, "consult-" + i))
          .extracting(Operation::id)
          .as("the handoff that placed consult-" + i)
          .containsExactly(OperationId.of("h" + i));
    }
  }

  @Test
  void ofSimultaneousHandoffsAndTransfersOfOneCallExactlyOneIsAdmitted() throws Exception {
    OperationStore store = newStore();
    int racers = 12;
    for (int round = 0; round < 5; round++) {
      String call = "handoff-race-" + round;
      List<Admission> admissions =
          race(
              racers,
              i ->
                  store.admit(
                      requested(
                          call + "-op-" + i,
                          i % 2 == 0 ? handoff(call) : transfer(call),
                          T0.plusSeconds(i))));
      assertThat(admissions.stream().filter(a -> a instanceof Admission.Admitted))
          .as("admitted on " + call)
          .hasSize(1);
      assertThat(admissions.stream().filter(a -> a instanceof Admission.Conflict))
          .hasSize(racers - 1);
      assertThat(store.findByCall(PROVIDER, call)).hasSize(1);
    }
  }

  @Test
  void anOperationContextIsUsedByOneActiveOperationOfTheCall() {
    OperationStore store = newStore();
    Operation first = requested("a1", addWithContext("call-1", "case-42"), T0);
    store.insertIfAbsent(first);
    assertThat(store.admit(requested("a2", addWithContext("call-1", "case-42"), T0)))
        .isEqualTo(new Admission.Conflict(first, Admission.Rule.CORRELATION_IN_USE));
    assertThat(store.admit(requested("a3", addWithContext("call-2", "case-42"), T0)))
        .isInstanceOf(Admission.Admitted.class);
    assertThat(store.admit(requested("a4", addWithContext("call-1", "case-43"), T0)))
        .isInstanceOf(Admission.Admitted.class);
    store.update(completed(first, T0.plusSeconds(1)));
    assertThat(store.admit(requested("a5", addWithContext("call-1", "case-42"), T0)))
        .isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void theIdempotencyKeyIsDecidedBeforeTheCallsOtherOperations() {
    OperationStore store = newStore();
    IdempotencyKey key = IdempotencyKey.of("key-1");
    Operation first = requested("t1", transfer("call-1"), key, T0);
    store.insertIfAbsent(first);
    assertThat(store.admit(requested("t2", transfer("call-1"), key, T0.plusSeconds(1))))
        .isEqualTo(new Admission.KeyHeld(first));
  }

  @Test
  void ofSimultaneousTransfersOfOneCallExactlyOneIsAdmitted() throws Exception {
    OperationStore store = newStore();
    int racers = 12;
    for (int round = 0; round < 10; round++) {
      String call = "race-" + round;
      List<Admission> admissions =
          race(
              racers,
              i -> store.admit(requested(call + "-op-" + i, transfer(call), T0.plusSeconds(i))));
      assertThat(admissions.stream().filter(a -> a instanceof Admission.Admitted))
          .as("admitted on " + call)
          .hasSize(1);
      Operation winner =
          admissions.stream()
              .filter(a -> a instanceof Admission.Admitted)
              .map(a -> ((Admission.Admitted) a).operation())
              .findFirst()
              .orElseThrow();
      assertThat(admissions.stream().filter(a -> a instanceof Admission.Conflict))
          .hasSize(racers - 1)
          .allSatisfy(
              a -> assertThat(((Admission.Conflict) a).active().id()).isEqualTo(winner.id()));
      assertThat(store.findByCall(PROVIDER, call)).containsExactly(winner);
    }
  }

  @Test
  void ofSimultaneousRequestsWithOneKeyExactlyOneIsStored() throws Exception {
    OperationStore store = newStore();
    IdempotencyKey key = IdempotencyKey.of("shared-key");
    List<Admission> admissions =
        race(12, i -> store.admit(requested("k-op-" + i, transfer("call-k"), key, T0)));
    assertThat(admissions.stream().filter(a -> a instanceof Admission.Admitted)).hasSize(1);
    Operation holder = store.findByIdempotencyKey(key).orElseThrow();
    assertThat(admissions.stream().filter(a -> a instanceof Admission.KeyHeld))
        .hasSize(11)
        .allSatisfy(a -> assertThat(((Admission.KeyHeld) a).holder().id()).isEqualTo(holder.id()));
  }

  @Test
  void findsUnknownOperationsAwaitingReconciliationOnceTheirDeadlinePassed() {
    OperationStore store = newStore();
    Operation ambiguous = requested("ambiguous", transfer("call-1"), T0);
    store.insertIfAbsent(ambiguous);
    Operation unknown = unknown(ambiguous, T0.plusSeconds(1));
    store.update(unknown);
    Operation expired = requested("expired", transfer("call-2"), T0);
    store.insertIfAbsent(expired);
    store.update(expired.expireIfOverdue(T0.plus(Duration.ofMinutes(2))));
    Operation active = requested("active", transfer("call-3"), T0);
    store.insertIfAbsent(active);

    Instant deadline = T0.plus(Duration.ofMinutes(2));
    assertThat(store.findAwaitingReconciliation(deadline.minusSeconds(1), 10)).isEmpty();
    assertThat(store.findAwaitingReconciliation(deadline, 10))
        .extracting(o -> o.id().value())
        .containsExactly("ambiguous");

    Operation consulted =
        unknown.unresolved(
            new Reconciliation.Undetermined("the call is gone", null, false), deadline);
    assertThat(store.update(consulted)).isTrue();
    assertThat(store.findAwaitingReconciliation(deadline.plusSeconds(60), 10)).isEmpty();

    Operation later =
        consulted.reconciledLater(
            new Reconciliation.Undetermined("unreachable", null, true),
            deadline.plusSeconds(60),
            deadline.plusSeconds(90));
    assertThat(store.update(later)).isTrue();
    assertThat(store.findAwaitingReconciliation(deadline.plusSeconds(89), 10)).isEmpty();
    assertThat(store.findAwaitingReconciliation(deadline.plusSeconds(90), 10))
        .extracting(o -> o.id().value())
        .containsExactly("ambiguous");
  }

  private static <T> List<T> race(int racers, java.util.function.IntFunction<T> work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
    try {
      List<Callable<T>> tasks = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        int index = i;
        tasks.add(
            () -> {
              start.await();
              return work.apply(index);
            });
      }
      List<T> results = new ArrayList<>();
      for (Future<T> done : pool.invokeAll(tasks)) {
        results.add(done.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static dev.handoff.domain.command.AddParticipant addWithContext(
      String call, String context) {
    return dev.handoff.domain.command.AddParticipant.builder(
            call, dev.handoff.domain.participant.PhoneNumber.of("+14255550199"))
        .operationContext(context)
        .build();
  }

  private static dev.handoff.domain.command.WarmHandoff handoff(String call) {
    return dev.handoff.domain.command.WarmHandoff.builder(
            call,
            List.of(
                dev.handoff.domain.command.HandoffTarget.of(
                    dev.handoff.domain.participant.PhoneNumber.of("+14255550123"))))
        .build();
  }

  private static dev.handoff.domain.command.RedirectCall redirect(String call) {
    return dev.handoff.domain.command.RedirectCall.builder(
            call, call, List.of(dev.handoff.domain.participant.PhoneNumber.of("+14255550177")))
        .build();
  }
}
