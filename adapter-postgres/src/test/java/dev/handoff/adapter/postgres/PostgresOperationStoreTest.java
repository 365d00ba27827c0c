package dev.handoff.adapter.postgres;

import static dev.handoff.ports.testing.Operations.accepted;
import static dev.handoff.ports.testing.Operations.completed;
import static dev.handoff.ports.testing.Operations.placedCall;
import static dev.handoff.ports.testing.Operations.requested;
import static dev.handoff.ports.testing.Operations.transfer;
import static dev.handoff.ports.testing.Operations.warmHandoff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL store does beyond the store contract. */
class PostgresOperationStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static String schema;
  private static ExecutorService pool;

  private PostgresOperationStore store;

  @BeforeAll
  static void migrate() {
    schema = TestDatabase.migratedSchema("store");
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stopThreads() {
    pool.shutdownNow();
  }

  @BeforeEach
  void emptyStore() {
    TestDatabase.execute("TRUNCATE " + schema + ".operation CASCADE");
    store = instance("a");
  }

  private static PostgresOperationStore instance(String name) {
    return PostgresOperationStore.builder(TestDatabase.dataSource())
        .schema(schema)
        .instanceId(name)
        .build();
  }

  /** Runs the tasks on separate threads released at the same moment. */
  private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    CyclicBarrier start = new CyclicBarrier(tasks.size());
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(
          pool.submit(
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
  }

  private static List<List<String>> rows(String sql, Object... parameters) throws SQLException {
    try (Connection c = TestDatabase.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            row.add(rs.getString(col));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  @Test
  void everyKindOfOperationFullyPopulatedComesBackFromJsonbExactly() {
    List<Operation> stored = new ArrayList<>();
    for (CallCommand command : Samples.commands().values()) {
      Operation operation = Samples.fullyPopulated("op-" + command.callId(), command);
      assertThat(store.insertIfAbsent(operation)).isSameAs(operation);
      stored.add(operation);
    }
    for (Operation operation : stored) {
      Operation read = store.find(operation.id()).orElseThrow();
      assertThat(read).isEqualTo(operation);
      assertThat(read.references().keySet())
          .containsExactlyElementsOf(operation.references().keySet());
      assertThat(read.createdAt().getNano()).isEqualTo(123456789);
      assertThat(store.findByIdempotencyKey(operation.idempotencyKey().orElseThrow()))
          .contains(operation);
    }
  }

  @Test
  void oneIdempotencyKeyFromManyConnectionsAtOnceYieldsOneOperation() throws Exception {
    for (int round = 0; round < 5; round++) {
      IdempotencyKey key = IdempotencyKey.of("race-" + round);
      List<Callable<OperationId>> inserts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        PostgresOperationStore instance = instance("instance-" + i);
        Operation candidate = requested("r" + round + "-" + i, transfer("call-" + round), key, T0);
        inserts.add(() -> instance.insertIfAbsent(candidate).id());
      }
      Set<OperationId> winners = new HashSet<>(atOnce(inserts));
      assertThat(winners).hasSize(1);
      assertThat(store.findByIdempotencyKey(key).map(Operation::id))
          .contains(winners.iterator().next());
      assertThat(
              rows(
                  "SELECT id FROM " + schema + ".operation WHERE idempotency_key = ?", key.value()))
          .hasSize(1);
      assertThat(
              rows(
                  "SELECT seq FROM " + schema + ".operation_timeline WHERE operation_id = ?",
                  winners.iterator().next().value()))
          .hasSize(1);
    }
  }

  @Test
  void anUpdateAppendsOnlyTheNewTimelineEntriesAndLeavesOldRowsUntouched() throws Exception {
    Operation first = requested("op-1", transfer("call-1"), T0);
    store.insertIfAbsent(first);
    String timelineRows =
        "SELECT seq, xmin::text, ctid::text, entry::text FROM "
            + schema
            + ".operation_timeline WHERE operation_id = 'op-1' ORDER BY seq";
    List<List<String>> before = rows(timelineRows);

    Operation second = accepted(first, T0.plusSeconds(1));
    Operation third = second.noteResubmission(T0.plusSeconds(2));
    assertThat(store.update(second)).isTrue();
    assertThat(store.update(third)).isTrue();

    List<List<String>> after = rows(timelineRows);
    assertThat(after).hasSize(3);
    assertThat(after.get(0))
        .as("the first entry's row version, place and content")
        .isEqualTo(before.get(0));
    assertThat(after.get(1).get(1))
        .as("entries 1 and 2 came in different transactions")
        .isNotEqualTo(after.get(2).get(1));
    assertThat(after).extracting(row -> row.get(0)).containsExactly("0", "1", "2");
    assertThat(rows("SELECT timeline_length, version FROM " + schema + ".operation"))
        .containsExactly(List.of("3", "3"));
    assertThat(store.find(first.id())).contains(third);
  }

  @Test
  void anUpdateThatWouldShortenTheTimelineIsRefusedAndChangesNothing() {
    Operation first = requested("op-1", transfer("call-1"), T0);
    store.insertIfAbsent(first);
    Operation second = accepted(first, T0.plusSeconds(1));
    store.update(second);
    Operation shorter =
        new Operation(
            second.id(),
            second.kind(),
            second.provider(),
            second.command(),
            second.idempotencyKey(),
            second.correlation(),
            second.submission(),
            OperationState.IN_PROGRESS,
            second.failure(),
            second.invitationId(),
            second.references(),
            first.timeline(),
            second.createdAt(),
            T0.plusSeconds(2),
            second.deadline(),
            3);
    assertThatThrownBy(() -> store.update(shorter))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("next.timeline")
        .hasMessageContaining("append-only");
    assertThat(store.find(first.id())).contains(second);
  }

  @Test
  void pagesKeepTheirPlaceAmongOperationsCreatedAtTheSameMicrosecond() {
    for (String id : List.of("b", "d", "a", "c", "e")) {
      store.insertIfAbsent(requested(id, transfer("call-" + id), T0.plusNanos(700)));
    }
    store.insertIfAbsent(requested("later", transfer("call-x"), T0.plusNanos(1_500)));
    List<String> seen = new ArrayList<>();
    OperationQuery query = OperationQuery.all().limit(2);
    while (true) {
      OperationPage page = store.list(query);
      page.operations().forEach(o -> seen.add(o.id().value()));
      if (page.nextCursor().isEmpty()) {
        break;
      }
      query = query.after(page.nextCursor().get());
    }
    assertThat(seen).containsExactly("later", "e", "d", "c", "b", "a");
  }

  @Test
  void twoInstancesSweepingAtOnceAreHandedDifferentOverdueOperations() throws Exception {
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      store.insertIfAbsent(requested("late-" + i, transfer("call-" + i), T0));
      all.add("late-" + i);
    }
    Instant now = T0.plus(Duration.ofMinutes(5));
    PostgresOperationStore a = instance("sweeper-a");
    PostgresOperationStore b = instance("sweeper-b");
    List<List<Operation>> claimed =
        atOnce(List.of(() -> a.findOverdue(now, 25), () -> b.findOverdue(now, 25)));
    assertDisjointAndComplete(claimed, all);
  }

  @Test
  void twoInstancesResumingAtOnceAreHandedDifferentInterruptedOperations() throws Exception {
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      store.insertIfAbsent(requested("stuck-" + i, transfer("call-" + i), T0));
      all.add("stuck-" + i);
    }
    PostgresOperationStore a = instance("resumer-a");
    PostgresOperationStore b = instance("resumer-b");
    Instant cutoff = T0.plusSeconds(30);
    List<List<Operation>> claimed =
        atOnce(
            List.of(
                () -> a.findRequestedBefore(cutoff, 25), () -> b.findRequestedBefore(cutoff, 25)));
    assertDisjointAndComplete(claimed, all);
  }

  private static void assertDisjointAndComplete(List<List<Operation>> claimed, Set<String> all) {
    Set<String> first = ids(claimed.get(0));
    Set<String> second = ids(claimed.get(1));
    assertThat(claimed.get(0)).hasSize(first.size()).hasSizeLessThanOrEqualTo(25);
    assertThat(claimed.get(1)).hasSize(second.size()).hasSizeLessThanOrEqualTo(25);
    assertThat(first).doesNotContainAnyElementsOf(second);
    Set<String> union = new HashSet<>(first);
    union.addAll(second);
    assertThat(union).isEqualTo(all);
  }

  private static Set<String> ids(List<Operation> operations) {
    return operations.stream().map(o -> o.id().value()).collect(Collectors.toSet());
  }

  @Test
  void anInstanceGetsItsOwnClaimsAgainAndAnotherOnlyOnceTheLeaseLapses() throws Exception {
    store.insertIfAbsent(requested("late", transfer("call-1"), T0));
    Instant now = T0.plus(Duration.ofMinutes(5));
    PostgresOperationStore other = instance("b");
    assertThat(ids(store.findOverdue(now, 10))).containsExactly("late");
    assertThat(ids(store.findOverdue(now, 10))).as("its own claim").containsExactly("late");
    assertThat(other.findOverdue(now, 10)).as("claimed by a, lease running").isEmpty();
    assertThat(
            rows(
                "SELECT claimed_by, claimed_until > clock_timestamp() FROM "
                    + schema
                    + ".operation"))
        .containsExactly(List.of("a", "t"));

    TestDatabase.execute(
        "UPDATE " + schema + ".operation SET claimed_until = clock_timestamp() - interval '1 s'");
    assertThat(ids(other.findOverdue(now, 10))).as("after the lease").containsExactly("late");
    assertThat(store.findOverdue(now, 10)).as("now b holds it").isEmpty();
  }

  @Test
  void aClaimKeepsNoOneFromUpdatingByVersion() {
    Operation late = requested("late", transfer("call-1"), T0);
    store.insertIfAbsent(late);
    Instant now = T0.plus(Duration.ofMinutes(5));
    assertThat(store.findOverdue(now, 10)).hasSize(1);
    PostgresOperationStore other = instance("b");
    assertThat(other.update(late.expireIfOverdue(now))).isTrue();
    assertThat(store.findOverdue(now, 10)).as("no longer active").isEmpty();
    assertThat(store.find(late.id()).orElseThrow().state()).isEqualTo(OperationState.UNKNOWN);
  }

  @Test
  void retentionDeletesFinishedOperationsLastChangedBeforeTheCutoffInBatches() throws Exception {
    IdempotencyKey reused = IdempotencyKey.of("reused");
    for (int i = 0; i < 7; i++) {
      Operation old =
          requested(
              "done-" + i, transfer("call-" + i), i == 0 ? reused : IdempotencyKey.of("k" + i), T0);
      store.insertIfAbsent(old);
      store.update(completed(old, T0.plusSeconds(1)));
    }
    Operation unknown = requested("unknown", transfer("call-u"), T0);
    store.insertIfAbsent(unknown);
    store.update(unknown.expireIfOverdue(T0.plus(Duration.ofMinutes(3))));
    Operation recent = requested("recent", transfer("call-r"), T0);
    store.insertIfAbsent(recent);
    store.update(completed(recent, T0.plus(Duration.ofHours(2))));
    Operation active = requested("active", transfer("call-a"), T0);
    store.insertIfAbsent(active);

    assertThat(store.purgeFinishedBefore(T0.plus(Duration.ofHours(1)), 3)).isEqualTo(8);

    assertThat(rows("SELECT id FROM " + schema + ".operation ORDER BY id"))
        .extracting(row -> row.get(0))
        .containsExactly("active", "recent");
    assertThat(
            rows("SELECT DISTINCT operation_id FROM " + schema + ".operation_timeline ORDER BY 1"))
        .extracting(row -> row.get(0))
        .containsExactly("active", "recent");
    Operation again = requested("again", transfer("call-0"), reused, T0.plus(Duration.ofHours(3)));
    assertThat(store.insertIfAbsent(again)).as("the key is free again").isSameAs(again);
    assertThat(store.purgeFinishedBefore(T0.plus(Duration.ofHours(1)))).isZero();
    assertThatThrownBy(() -> store.purgeFinishedBefore(T0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize: must be at least 1, was 0");
  }

  @Test
  void anUnreadableStoredDocumentIsReportedWithTheOperationAndThePath() {
    store.insertIfAbsent(requested("op-1", transfer("call-1"), T0));
    TestDatabase.execute("UPDATE " + schema + ".operation SET document = document - 'correlation'");
    assertThatThrownBy(() -> store.find(OperationId.of("op-1")))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("stored operation op-1: document.correlation: is required");
  }

  @Test
  void settingsAreCheckedWhenTheyAreGiven() {
    var builder = PostgresOperationStore.builder(TestDatabase.dataSource());
    assertThatThrownBy(() -> builder.schema("Handoff; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schema must be a lower-case SQL identifier");
    assertThatThrownBy(() -> builder.notifyChannel("bad-channel"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("notifyChannel must be a lower-case SQL identifier");
    assertThatThrownBy(() -> builder.claimLease(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("claimLease: must be at least 1 ms, was PT0S");
    assertThatThrownBy(() -> builder.instanceId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("instanceId: must be 1 to 128 characters");
    assertThatThrownBy(() -> store.findOverdue(T0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit: must be at least 1, was 0");
  }

  @Test
  void aDatabaseErrorSaysWhatWasBeingDone() {
    PostgresOperationStore missing =
        PostgresOperationStore.builder(TestDatabase.dataSource()).schema("no_such_schema").build();
    assertThatThrownBy(() -> missing.find(OperationId.of("op-1")))
        .isInstanceOf(PostgresStoreException.class)
        .hasMessageStartingWith("reading operation op-1 failed: ")
        .hasMessageContaining("no_such_schema.operation")
        .extracting(e -> ((PostgresStoreException) e).sqlState())
        .isEqualTo("42P01");
  }

  @Test
  void theCallsAHandoffPlacedAreFoundAfterARestartAndForgottenWithTheHandoff() {
    Operation handoff = requested("h1", warmHandoff("call-1"), T0);
    store.admit(handoff);
    Operation placed = placedCall(handoff, 1, "consult-1", T0.plusSeconds(1));
    assertThat(store.update(placed)).isTrue();

    PostgresOperationStore restarted = instance("after-restart");
    assertThat(restarted.findByRelatedCall(placed.provider(), "consult-1")).containsExactly(placed);
    assertThat(relatedCallRows()).isEqualTo(1);
    assertThat(restarted.update(placedCall(placed, 2, "consult-1", T0.plusSeconds(2))))
        .as("the same call learned again")
        .isTrue();
    assertThat(relatedCallRows()).as("one row per call and operation").isEqualTo(1);

    Operation latest = restarted.find(handoff.id()).orElseThrow();
    assertThat(restarted.update(completed(latest, T0.plusSeconds(3)))).isTrue();
    assertThat(restarted.purgeFinishedBefore(T0.plus(Duration.ofHours(1)))).isEqualTo(1);
    assertThat(restarted.findByRelatedCall(placed.provider(), "consult-1")).isEmpty();
    assertThat(relatedCallRows()).as("deleted with the operation").isZero();
  }

  private static long relatedCallRows() {
    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement statement = c.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT count(*) FROM " + schema + ".operation_related_call")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  /** Each query runs on the index made for it, with no sort for the newest-first order. */
  @Test
  void theQueriesUseTheIndexesMadeForThem() throws Exception {
    StoreSql sql = new StoreSql(schema, java.util.Optional.of("c"));
    Instant t = T0;
    Map<String, String> plans = new LinkedHashMap<>();
    try (Connection c = TestDatabase.dataSource().getConnection()) {
      try (Statement statement = c.createStatement()) {
        // The tables are nearly empty; without this the planner rightly prefers to read them whole.
        statement.execute("SET enable_seqscan = off");
        statement.execute("SET enable_bitmapscan = off");
      }
      try {
        plans.put("byCall", explain(c, sql.byCall, "call-1", "fake"));
        plans.put("byRelatedCall", explain(c, sql.byRelatedCall, "call-1", "fake"));
        plans.put("byIdempotencyKey", explain(c, sql.byIdempotencyKey, "k"));
        plans.put("page", explain(c, sql.page(List.of()), 10));
        plans.put("page by state", explain(c, sql.page(List.of("o.state = ?")), "COMPLETED", 10));
        plans.put(
            "page after cursor",
            explain(c, sql.page(List.of("(o.created_at, o.id) < (?, ?)")), t, "op-1", 10));
        plans.put("claimOverdue", explain(c, sql.claimOverdue, t, "a", 10, "a", 1000L));
        plans.put("claimRequested", explain(c, sql.claimRequested, t, "a", 10, "a", 1000L));
        plans.put("claimAwaiting", explain(c, sql.claimAwaiting, t, "a", 10, "a", 1000L));
        plans.put(
            "activeConflicts", explain(c, sql.activeConflicts, "call-1", "fake", "TRANSFER", "c"));
        plans.put("purgeFinished", explain(c, sql.purgeFinished, t, 10));
        plans.put("changedSince", explain(c, sql.changedSince, t, "", 10));
      } finally {
        try (Statement statement = c.createStatement()) {
          statement.execute("RESET enable_seqscan");
          statement.execute("RESET enable_bitmapscan");
        }
      }
    }
    assertThat(outer(plans.get("byCall"))).contains("operation_call_idx").doesNotContain("Sort");
    assertThat(plans.get("byCall")).contains("operation_timeline_pkey");
    assertThat(outer(plans.get("byRelatedCall")))
        .contains("operation_related_call_pkey")
        .contains("operation_pkey")
        .doesNotContain("Seq Scan");
    assertThat(plans.get("byIdempotencyKey")).contains("operation_idempotency_key_key");
    assertThat(outer(plans.get("page"))).contains("operation_newest_idx").doesNotContain("Sort");
    assertThat(outer(plans.get("page by state")))
        .contains("operation_state_idx")
        .doesNotContain("Sort");
    assertThat(outer(plans.get("page after cursor")))
        .contains("operation_newest_idx")
        .doesNotContain("Sort");
    assertThat(plans.get("claimOverdue")).contains("operation_overdue_idx");
    assertThat(plans.get("claimRequested")).contains("operation_requested_idx");
    assertThat(plans.get("claimAwaiting")).contains("operation_awaiting_reconciliation_idx");
    assertThat(outer(plans.get("activeConflicts"))).contains("Index").doesNotContain("Seq Scan");
    assertThat(plans.get("purgeFinished")).contains("operation_finished_idx");
    assertThat(plans.get("changedSince")).contains("operation_changed_idx");
  }

  /** The plan without its sub-plans (the timeline of each operation). */
  private static String outer(String plan) {
    int subPlan = plan.indexOf("SubPlan");
    return subPlan < 0 ? plan : plan.substring(0, subPlan);
  }

  private static String explain(Connection c, String query, Object... parameters)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + query)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof Instant) {
          Transactions.setInstant(ps, i + 1, (Instant) parameters[i]);
        } else {
          ps.setObject(i + 1, parameters[i]);
        }
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }
}
