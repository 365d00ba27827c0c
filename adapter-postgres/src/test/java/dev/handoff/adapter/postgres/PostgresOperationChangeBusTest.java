package dev.handoff.adapter.postgres;

import static dev.handoff.ports.testing.Operations.accepted;
import static dev.handoff.ports.testing.Operations.completed;
import static dev.handoff.ports.testing.Operations.requested;
import static dev.handoff.ports.testing.Operations.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.ports.Subscription;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Two buses on one database, as two service instances have. */
class PostgresOperationChangeBusTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static String schema;
  private static String channel;

  private PostgresOperationStore storeA;
  private PostgresOperationStore storeB;
  private PostgresOperationChangeBus busA;
  private PostgresOperationChangeBus busB;

  @BeforeAll
  static void migrate() {
    schema = TestDatabase.migratedSchema("bus");
    channel = schema + "_changes";
  }

  private static PostgresOperationStore store(String instance) {
    return PostgresOperationStore.builder(TestDatabase.dataSource())
        .schema(schema)
        .notifyChannel(channel)
        .instanceId(instance)
        .build();
  }

  private static PostgresOperationChangeBus bus(PostgresOperationStore store, String name)
      throws InterruptedException {
    PostgresOperationChangeBus bus =
        PostgresOperationChangeBus.builder(store)
            .applicationName(name)
            .reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))
            .heartbeat(Duration.ofMillis(500))
            .start();
    assertThat(bus.awaitListening(PATIENCE)).as(name + " listens").isTrue();
    return bus;
  }

  @BeforeEach
  void twoInstances() throws InterruptedException {
    TestDatabase.execute("TRUNCATE " + schema + ".operation CASCADE");
    storeA = store("a");
    storeB = store("b");
    busA = bus(storeA, schema + "-a");
    busB = bus(storeB, schema + "-b");
  }

  @AfterEach
  void close() {
    busA.close();
    busB.close();
  }

  /** Waits for a delivery of the given state; fails after {@link #PATIENCE}. */
  private static Operation awaitState(BlockingQueue<Operation> seen, OperationState state)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Operation next = seen.poll(100, TimeUnit.MILLISECONDS);
      if (next != null && next.state() == state) {
        return next;
      }
    }
    throw new AssertionError("no delivery in state " + state + " within " + PATIENCE);
  }

  @Test
  void aChangeCommittedOnOneInstanceReachesTheOtherInstancesSubscribers() throws Exception {
    Operation requested = requested("op-1", transfer("call-1"), T0);
    BlockingQueue<Operation> followed = new LinkedBlockingQueue<>();
    BlockingQueue<Operation> everything = new LinkedBlockingQueue<>();
    busB.subscribe(requested.id(), followed::add);
    busB.subscribeAll(everything::add);

    storeA.insertIfAbsent(requested);
    busA.publish(requested);
    Operation done = completed(requested, T0.plusSeconds(1));
    assertThat(storeA.update(done)).isTrue();
    busA.publish(done);

    assertThat(awaitState(followed, OperationState.COMPLETED)).isEqualTo(done);
    assertThat(awaitState(everything, OperationState.COMPLETED)).isEqualTo(done);
  }

  @Test
  void aLocalPublishIsDeliveredOnThePublishingThreadAndItsEchoIsNotDeliveredAgain()
      throws Exception {
    Operation requested = requested("op-1", transfer("call-1"), T0);
    List<String> seen = new CopyOnWriteArrayList<>();
    Thread caller = Thread.currentThread();
    busA.subscribe(
        requested.id(),
        op -> seen.add(op.version() + (Thread.currentThread() == caller ? "" : "!")));
    storeA.insertIfAbsent(requested);
    busA.publish(requested);
    assertThat(seen).containsExactly("1");

    // A change of another operation, published by B, tells when A's bus has handled everything
    // notified before it (notifications arrive in commit order).
    Operation marker = requested("marker", transfer("call-2"), T0);
    BlockingQueue<Operation> markers = new LinkedBlockingQueue<>();
    busA.subscribe(marker.id(), markers::add);
    storeB.insertIfAbsent(marker);
    assertThat(awaitState(markers, OperationState.REQUESTED)).isEqualTo(marker);
    assertThat(seen)
        .as("the notification of A's own change was not delivered again")
        .containsExactly("1");
  }

  @Test
  void theLastStateIsNeverLostAmongManyQuickChanges() throws Exception {
    Operation current = requested("op-1", transfer("call-1"), T0);
    BlockingQueue<Operation> seen = new LinkedBlockingQueue<>();
    busB.subscribe(current.id(), seen::add);
    storeA.insertIfAbsent(current);
    for (int i = 0; i < 30; i++) {
      current = current.noteResubmission(T0.plusSeconds(i));
      assertThat(storeA.update(current)).isTrue();
    }
    current = accepted(current, T0.plusSeconds(60));
    storeA.update(current);
    assertThat(awaitState(seen, OperationState.SUBMITTED)).isEqualTo(current);
    assertThat(current.version()).isEqualTo(32);
  }

  @Test
  void aLostListeningConnectionIsReopenedAndChangesMadeMeanwhileAreDelivered() throws Exception {
    Operation requested = requested("op-1", transfer("call-1"), T0);
    storeA.insertIfAbsent(requested);
    BlockingQueue<Operation> seen = new LinkedBlockingQueue<>();
    busB.subscribe(requested.id(), seen::add);

    assertThat(terminate(schema + "-b")).isEqualTo(1);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (busB.isListening() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(busB.isListening()).as("B noticed the lost connection").isFalse();
    // Committed while B is waiting out its back-off: only the catch-up can deliver it.
    Operation done = completed(requested, T0.plusSeconds(1));
    storeA.update(done);

    assertThat(awaitState(seen, OperationState.COMPLETED)).isEqualTo(done);
    assertThat(busB.connectionsOpened()).isGreaterThanOrEqualTo(2);
    assertThat(busB.awaitListening(PATIENCE)).isTrue();

    Operation later = requested("op-2", transfer("call-2"), T0);
    BlockingQueue<Operation> afterwards = new LinkedBlockingQueue<>();
    busB.subscribe(later.id(), afterwards::add);
    storeA.insertIfAbsent(later);
    assertThat(awaitState(afterwards, OperationState.REQUESTED)).isEqualTo(later);
  }

  @Test
  void aBusCanListenOnAConnectionOfItsOwnOutsideThePool() throws Exception {
    try (PostgresOperationChangeBus direct =
        PostgresOperationChangeBus.builder(storeB)
            .listenerConnections(ConnectionSource.of(TestDatabase.jdbcUrl(), new Properties()))
            .applicationName(schema + "-direct")
            .start()) {
      assertThat(direct.awaitListening(PATIENCE)).isTrue();
      Operation requested = requested("op-1", transfer("call-1"), T0);
      BlockingQueue<Operation> seen = new LinkedBlockingQueue<>();
      direct.subscribeAll(seen::add);
      storeA.insertIfAbsent(requested);
      assertThat(awaitState(seen, OperationState.REQUESTED)).isEqualTo(requested);
    }
  }

  /** Ends the backends of the given application name, as a network cut or a restart would. */
  private static int terminate(String applicationName) throws SQLException {
    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement statement = c.createStatement();
        var rs =
            statement.executeQuery(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = '"
                    + applicationName
                    + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void closingStopsDeliveryAndReleasesTheListeningConnection() throws Exception {
    Operation requested = requested("op-1", transfer("call-1"), T0);
    List<Operation> seen = new CopyOnWriteArrayList<>();
    Subscription subscription = busB.subscribe(requested.id(), seen::add);
    busB.close();
    assertThat(busB.isListening()).isFalse();
    assertThat(terminate(schema + "-b")).as("no backend left listening").isZero();
    subscription.close();
    subscription.close();
    busB.close();
  }

  @Test
  void theStoreAnnouncesEachCommittedChangeAndNothingWhenToldNotTo() throws Exception {
    PostgresOperationStore silent =
        PostgresOperationStore.builder(TestDatabase.dataSource())
            .schema(schema)
            .notifyChannel(channel)
            .withoutNotifications()
            .build();
    assertThat(silent.notifyChannel()).isEmpty();
    assertThatThrownBy(() -> PostgresOperationChangeBus.builder(silent).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("announces no changes");

    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("LISTEN " + channel);
      silent.insertIfAbsent(requested("quiet", transfer("call-1"), T0));
      Operation loud = requested("loud", transfer("call-2"), T0);
      storeA.insertIfAbsent(loud);
      storeA.update(accepted(loud, T0.plusSeconds(1)));
      PGConnection pg = c.unwrap(PGConnection.class);
      List<String> payloads = new CopyOnWriteArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (payloads.size() < 2 && System.nanoTime() < deadline) {
        PGNotification[] notifications = pg.getNotifications(200);
        for (PGNotification notification :
            Optional.ofNullable(notifications).orElse(new PGNotification[0])) {
          payloads.add(notification.getParameter());
        }
      }
      statement.execute("UNLISTEN *");
      assertThat(payloads).containsExactly("loud:1", "loud:2");
    }
  }
}
