package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.out.LocalListeners;
import dev.handoff.ports.out.OperationChangeBus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * An {@link OperationChangeBus} across service instances that share one PostgreSQL database, on
 * {@code LISTEN/NOTIFY}.
 *
 * <p>{@link PostgresOperationStore} announces every change it commits with {@code
 * pg_notify(channel, '<id>:<version>')} inside the changing transaction, so a change is announced
 * if and only if it is committed. Each bus keeps one connection that {@code LISTEN}s on that
 * channel. On a notification for an operation some local listener follows, it loads the operation
 * (many at once, one query) and delivers it to the local listeners. {@link #publish} delivers to
 * the local listeners only, on the calling thread: other instances learn of the change from the
 * store's notification.
 *
 * <p>Guarantees: delivery is at least once and may be out of order (receivers keep the highest
 * version); what is delivered is always a committed state, loaded after the notification, so the
 * last state of an operation is never missed while the bus listens. When the listening connection
 * is lost, the bus opens a new one with exponential back-off and then catches up: it delivers every
 * followed operation changed since shortly before it last knew the connection alive (a heartbeat
 * query runs when the connection is quiet). Operations deleted by retention meanwhile are not
 * delivered.
 *
 * <p>Listeners run on the bus's thread for remote changes and must not block. Close the bus to stop
 * its thread and release its connection.
 *
 * <p>Long because it owns the listening connection's life (listen, reconnect, catch up after a gap)
 * and its builder; the queries it reads with are {@code ChangeFeedQueries}.
 */
public final class PostgresOperationChangeBus implements OperationChangeBus, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PostgresOperationChangeBus.class.getName());
  private static final Pattern APPLICATION_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,63}");
  private static final int POLL_MILLIS = 250;
  private static final int CATCH_UP_BATCH = 200;
  private static final int RECENT_VERSIONS = 10_000;

  private final PostgresOperationStore store;
  private final ConnectionSource connections;
  private final String channel;
  private final String applicationName;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final Duration heartbeat;
  private final Duration catchUpMargin;
  private final LocalListeners listeners = new LocalListeners();
  private final RecentVersions recent = new RecentVersions(RECENT_VERSIONS);
  private final AtomicLong connectionsOpened = new AtomicLong();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Object listeningMonitor = new Object();
  private final Thread thread;
  private volatile boolean closed;
  private boolean listening;

  /**
   * The database time up to which every change was either notified to a live connection or caught
   * up: the last heartbeat, or the last LISTEN once its catch-up finished. The bus thread's own.
   */
  private Instant lastAlive;

  private PostgresOperationChangeBus(Builder builder, String channel) {
    this.store = builder.store;
    this.connections = builder.connections;
    this.channel = channel;
    this.applicationName = builder.applicationName;
    this.minBackoff = builder.minBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.heartbeat = builder.heartbeat;
    this.catchUpMargin = builder.catchUpMargin;
    this.thread = new Thread(this::run, "handoff-change-bus-" + channel);
    thread.setDaemon(true);
  }

  /**
   * @param store the store whose changes the bus carries; the bus uses its channel and, unless told
   *     otherwise, its data source
   * @return a builder
   */
  public static Builder builder(PostgresOperationStore store) {
    return new Builder(store);
  }

  @Override
  public void publish(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    recent.record(operation.id(), operation.version());
    listeners.deliver(operation);
  }

  @Override
  public Subscription subscribe(OperationId id, Consumer<Operation> listener) {
    return listeners.add(Objects.requireNonNull(id, "id"), Objects.requireNonNull(listener));
  }

  @Override
  public Subscription subscribeAll(Consumer<Operation> listener) {
    return listeners.addForEverything(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * @return whether the bus is listening now
   */
  public boolean isListening() {
    synchronized (listeningMonitor) {
      return listening;
    }
  }

  /**
   * Waits until the bus listens, e.g. at a service's start before it reports ready.
   *
   * @param timeout how long to wait at most
   * @return whether it listens
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitListening(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (listeningMonitor) {
      while (!listening && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(listeningMonitor, left);
      }
      return listening;
    }
  }

  /**
   * @return how many listening connections the bus has opened; more than one means it lost its
   *     connection and opened another
   */
  public long connectionsOpened() {
    return connectionsOpened.get();
  }

  /** Stops listening, releases the connection and waits briefly for the bus's thread to end. */
  @Override
  public void close() {
    closed = true;
    closing.countDown();
    synchronized (listeningMonitor) {
      listeningMonitor.notifyAll();
    }
    try {
      thread.join(POLL_MILLIS * 8L);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Duration backoff = minBackoff;
    while (!closed) {
      Connection connection = null;
      try {
        connection = connections.open();
        Instant listeningFrom = startListening(connection);
        connectionsOpened.incrementAndGet();
        setListening(true);
        if (lastAlive == null) {
          // Nothing before the first LISTEN is owed, but listeners that subscribed just before it
          // get the margin's worth of changes.
          lastAlive = listeningFrom;
        }
        // lastAlive moves on only once the catch-up is done, so a connection lost during the
        // catch-up leaves the same window to the next one.
        catchUp(connection, lastAlive.minus(catchUpMargin));
        lastAlive = listeningFrom;
        backoff = minBackoff;
        listenUntilClosed(connection);
      } catch (SQLException | RuntimeException lost) {
        setListening(false);
        if (closed) {
          break;
        }
        LOG.log(
            Level.WARNING,
            "The change bus lost (or could not open) its listening connection; trying again in "
                + backoff.toMillis()
                + " ms",
            lost);
        pause(backoff);
        backoff = backoff.multipliedBy(2);
        if (backoff.compareTo(maxBackoff) > 0) {
          backoff = maxBackoff;
        }
      } finally {
        setListening(false);
        release(connection);
      }
    }
  }

  private Instant startListening(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      // LISTEN takes effect at commit; the listening connection runs in auto-commit.
      connection.setAutoCommit(true);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET application_name = '" + applicationName + "'");
      statement.execute("LISTEN " + channel);
    }
    return databaseTime(connection);
  }

  /** Returns when the bus is closed; throws when the connection is lost. */
  private void listenUntilClosed(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    long nextBeat = System.nanoTime() + heartbeat.toNanos();
    while (!closed) {
      PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
      if (notifications != null && notifications.length > 0) {
        handle(connection, notifications);
      }
      if (System.nanoTime() - nextBeat >= 0) {
        lastAlive = databaseTime(connection);
        nextBeat = System.nanoTime() + heartbeat.toNanos();
      }
    }
  }

  private void handle(Connection connection, PGNotification[] notifications) throws SQLException {
    Map<String, Long> wanted = new LinkedHashMap<>();
    for (PGNotification notification : notifications) {
      Optional<ChangeNotice> notice = ChangeNotice.parse(notification.getParameter());
      if (notice.isEmpty()) {
        LOG.warning(
            "Ignored a notification on "
                + channel
                + " that is not <operation id>:<version>: "
                + notification.getParameter());
        continue;
      }
      ChangeNotice change = notice.get();
      if (listeners.want(change.id()) && !recent.delivered(change.id(), change.version())) {
        wanted.merge(change.id().value(), change.version(), Math::max);
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    try {
      store.changeFeed().load(connection, wanted.keySet()).forEach(this::deliver);
    } catch (UnreadableDocumentException unreadable) {
      LOG.log(Level.SEVERE, "The change bus could not read a changed operation", unreadable);
    }
  }

  private void catchUp(Connection connection, Instant from) throws SQLException {
    if (listeners.isEmpty()) {
      return;
    }
    Optional<Collection<String>> among =
        listeners.wantEverything()
            ? Optional.empty()
            : Optional.of(
                listeners.followed().stream().map(OperationId::value).collect(Collectors.toList()));
    Instant since = from;
    String afterId = "";
    while (true) {
      List<ChangeFeedQueries.Changed> page;
      try {
        page = store.changeFeed().changedSince(connection, since, afterId, among, CATCH_UP_BATCH);
      } catch (UnreadableDocumentException unreadable) {
        LOG.log(Level.SEVERE, "The change bus could not read a changed operation", unreadable);
        return;
      }
      for (ChangeFeedQueries.Changed changed : page) {
        deliver(changed.operation());
      }
      if (page.size() < CATCH_UP_BATCH) {
        return;
      }
      ChangeFeedQueries.Changed last = page.get(page.size() - 1);
      since = last.changedAt();
      afterId = last.operation().id().value();
    }
  }

  private void deliver(Operation operation) {
    if (recent.record(operation.id(), operation.version())) {
      listeners.deliver(operation);
    }
  }

  private static Instant databaseTime(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT clock_timestamp()")) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  private void setListening(boolean value) {
    synchronized (listeningMonitor) {
      listening = value;
      listeningMonitor.notifyAll();
    }
  }

  private void pause(Duration backoff) {
    long jitter = ThreadLocalRandom.current().nextLong(backoff.toMillis() / 5 + 1);
    try {
      closing.await(backoff.toMillis() + jitter, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Leaves a pooled connection as it was found: not listening, default application name. */
  private static void release(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      if (!connection.isClosed()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("UNLISTEN *");
          statement.execute("RESET application_name");
        }
      }
    } catch (SQLException broken) {
      // The connection is gone already; closing it below is all that is left to do.
    }
    try {
      connection.close();
    } catch (SQLException alreadyGone) {
      LOG.log(Level.FINE, "Closing a lost listening connection failed", alreadyGone);
    }
  }

  /** Builds and starts a {@link PostgresOperationChangeBus}. */
  public static final class Builder {
    private final PostgresOperationStore store;
    private ConnectionSource connections;
    private String applicationName = "handoff-change-bus";
    private Duration minBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration heartbeat = Duration.ofSeconds(5);
    private Duration catchUpMargin = Duration.ofSeconds(10);

    private Builder(PostgresOperationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      this.connections = ConnectionSource.of(store.dataSource());
    }

    /**
     * @param value where the listening connection comes from; default the store's data source
     * @return this builder
     */
    public Builder listenerConnections(ConnectionSource value) {
      connections = Objects.requireNonNull(value, "listenerConnections");
      return this;
    }

    /**
     * @param value the {@code application_name} of the listening connection, as {@code
     *     pg_stat_activity} shows it: 1 to 63 letters, digits or {@code _ . -}; default {@code
     *     handoff-change-bus}
     * @return this builder
     */
    public Builder applicationName(String value) {
      if (value == null || !APPLICATION_NAME.matcher(value).matches()) {
        throw new IllegalArgumentException(
            "applicationName: must be 1 to 63 letters, digits or _ . -; was " + value);
      }
      applicationName = value;
      return this;
    }

    /**
     * @param min the first wait before opening a lost connection again, at least 1 ms; default 100
     *     ms
     * @param max the longest wait, as the wait doubles; default 10 s
     * @return this builder
     */
    public Builder reconnectBackoff(Duration min, Duration max) {
      positive("reconnectBackoff.min", min);
      positive("reconnectBackoff.max", max);
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "reconnectBackoff: max " + max + " must not be shorter than min " + min);
      }
      minBackoff = min;
      maxBackoff = max;
      return this;
    }

    /**
     * @param value how often a quiet listening connection is checked with a query; default 5 s
     * @return this builder
     */
    public Builder heartbeat(Duration value) {
      heartbeat = positive("heartbeat", value);
      return this;
    }

    /**
     * @param value how far before the last sign of life a catch-up after a lost connection starts:
     *     longer than the store's longest transaction; default 10 s
     * @return this builder
     */
    public Builder catchUpMargin(Duration value) {
      Objects.requireNonNull(value, "catchUpMargin");
      if (value.isNegative()) {
        throw new IllegalArgumentException("catchUpMargin: must not be negative, was " + value);
      }
      catchUpMargin = value;
      return this;
    }

    private static Duration positive(String what, Duration value) {
      Objects.requireNonNull(value, what);
      if (value.toMillis() < 1) {
        throw new IllegalArgumentException(what + ": must be at least 1 ms, was " + value);
      }
      return value;
    }

    /**
     * @return the bus, its listening thread started (see {@link
     *     PostgresOperationChangeBus#awaitListening})
     * @throws IllegalStateException when the store announces no changes
     */
    public PostgresOperationChangeBus start() {
      String channel =
          store
              .notifyChannel()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the store announces no changes (built withoutNotifications()), so a"
                              + " bus would never hear of other instances' changes"));
      PostgresOperationChangeBus bus = new PostgresOperationChangeBus(this, channel);
      bus.thread.start();
      return bus;
    }
  }
}
