package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.ConcurrentUpdateException;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.OperationStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An {@link OperationStore} on PostgreSQL, in plain JDBC over a {@link DataSource} the application
 * supplies (its connection pool; this class pools nothing). Several service instances may share one
 * database.
 *
 * <ul>
 *   <li>Each operation is one row of {@code <schema>.operation}: a lossless JSON document plus the
 *       columns that are queried. Its timeline is in {@code <schema>.operation_timeline}, one row
 *       per entry; an update inserts only the new entries.
 *   <li>{@link #admit} relies on unique indexes: two instances inserting the same idempotency key
 *       at once both get the one stored operation, and of two simultaneous transfers or warm
 *       handoffs (or redirects) of one call, or two active operations with one operation context,
 *       one is admitted and the other is told which operation is in its way.
 *   <li>{@link #update} compare-and-sets on the version, in one transaction with the timeline
 *       append and (unless disabled) the {@code NOTIFY} that {@link PostgresOperationChangeBus}
 *       listens to, so a change is announced if and only if it is committed.
 *   <li>{@link #findOverdue} and {@link #findRequestedBefore} claim the rows they return ({@code
 *       FOR UPDATE SKIP LOCKED}, then a short lease in {@code claimed_by}/{@code claimed_until}),
 *       so instances sweeping at the same moment are handed different operations. The claim only
 *       avoids duplicate work; correctness still rests on the version compare-and-set.
 *   <li>{@link #purgeFinishedBefore} deletes finished operations in batches (retention).
 * </ul>
 *
 * <p>Query columns hold times to the microsecond (PostgreSQL's precision, truncated); the document
 * keeps them to the nanosecond. Thread-safe.
 */
public final class PostgresOperationStore implements OperationStore {
  /** The schema used unless {@link Builder#schema(String)} says otherwise. */
  public static final String DEFAULT_SCHEMA = "handoff";

  /** The notification channel used unless {@link Builder#notifyChannel(String)} says otherwise. */
  public static final String DEFAULT_CHANNEL = "handoff_operation_changes";

  /** How long a sweep's claim keeps other instances off a row, unless configured. */
  public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(30);

  /** How many operations one retention batch deletes, unless the caller says. */
  public static final int DEFAULT_PURGE_BATCH = 1_000;

  private final DataSource dataSource;
  private final String schema;
  private final Optional<String> channel;
  private final Duration claimLease;
  private final String instanceId;
  private final StoreSql sql;

  private PostgresOperationStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.schema = builder.schema;
    this.channel = builder.channel;
    this.claimLease = builder.claimLease;
    this.instanceId = builder.instanceId;
    this.sql = new StoreSql(schema, channel);
  }

  /**
   * @param dataSource where connections come from, normally the service's pool
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Brings the schema up to date with the store's Flyway migrations ({@code
   * classpath:db/migration/handoff}, history in {@code <schema>.handoff_schema_history}), creating
   * the schema when it does not exist. Safe to run from several instances at once: Flyway takes a
   * lock in the database.
   *
   * @param dataSource the database
   * @param schema the schema, a lower-case SQL identifier
   * @return how many migrations ran (0 when the schema was up to date)
   */
  public static int migrate(DataSource dataSource, String schema) {
    return Migrations.migrate(Objects.requireNonNull(dataSource, "dataSource"), schema);
  }

  /**
   * @return the schema the store's tables are in
   */
  public String schema() {
    return schema;
  }

  /**
   * @return the channel every committed change is announced on, if notifications are on
   */
  public Optional<String> notifyChannel() {
    return channel;
  }

  /**
   * @return the name this store claims sweep rows under
   */
  public String instanceId() {
    return instanceId;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /**
   * Admits in one transaction: {@code INSERT ... ON CONFLICT DO NOTHING} against the unique
   * idempotency key and the partial unique indexes of active operations (one active transfer and
   * one active redirect per call; one active operation per correlation on a call). PostgreSQL makes
   * a concurrent insert that conflicts wait until the first commits, so two instances admitting at
   * once never both succeed. On a conflict the key's holder is looked for first, then the active
   * operation in the way; if that finished in the meantime, the insert is tried again.
   */
  @Override
  public Admission admit(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    String document = OperationCodec.writeDocument(operation);
    return transaction(
        "admitting operation " + operation.id(),
        c -> {
          // What conflicted can finish or vanish (retention) between the insert and the look-up,
          // so the insert is tried again; a conflict that persists is an error.
          for (int attempt = 0; attempt < 5; attempt++) {
            if (insertRow(c, operation, document)) {
              append(c, operation, 0);
              return new Admission.Admitted(operation);
            }
            if (operation.idempotencyKey().isPresent()) {
              Optional<Operation> holder =
                  first(c, sql.byIdempotencyKey, operation.idempotencyKey().get().value());
              if (holder.isPresent()) {
                return new Admission.KeyHeld(holder.get());
              }
            }
            if (exists(c, operation.id())) {
              throw new IllegalStateException("operation " + operation.id() + " already exists");
            }
            for (Operation active : activeConflicts(c, operation)) {
              Admission.Rule rule = Admission.conflictBetween(operation, active);
              if (rule != null) {
                return new Admission.Conflict(active, rule);
              }
            }
          }
          // What conflicted kept finishing or vanishing under this admission: contention.
          throw new ConcurrentUpdateException("the admission of operation " + operation.id(), 5);
        });
  }

  private List<Operation> activeConflicts(Connection c, Operation operation) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.activeConflicts)) {
      ps.setString(1, operation.callId());
      ps.setString(2, operation.provider().value());
      // The exclusive slot the operation takes; a kind without one matches no row by it.
      ps.setString(3, Admission.slot(operation.kind()).orElse(""));
      ps.setString(4, operation.correlation());
      return read(ps);
    }
  }

  private boolean insertRow(Connection c, Operation operation, String document)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.insert)) {
      ps.setString(1, operation.id().value());
      int i = bindColumns(ps, 2, operation);
      ps.setString(i, document);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Binds the queried columns, provider to timeline_length, from {@code first}; returns the next
   * index.
   */
  private static int bindColumns(PreparedStatement ps, int first, Operation operation)
      throws SQLException {
    int i = first;
    ps.setString(i++, operation.provider().value());
    ps.setString(i++, operation.callId());
    ps.setString(i++, operation.kind().name());
    ps.setString(i++, operation.state().name());
    ps.setString(i++, operation.idempotencyKey().map(IdempotencyKey::value).orElse(null));
    ps.setString(i++, operation.correlation());
    setInstant(ps, i++, operation.createdAt());
    setInstant(ps, i++, operation.updatedAt());
    setInstant(ps, i++, operation.deadline());
    ps.setLong(i++, operation.version());
    ps.setInt(i++, operation.timeline().size());
    return i;
  }

  private void append(Connection c, Operation operation, int from) throws SQLException {
    List<TimelineEntry> timeline = operation.timeline();
    if (from >= timeline.size()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql.appendEntry)) {
      for (int seq = from; seq < timeline.size(); seq++) {
        ps.setString(1, operation.id().value());
        ps.setInt(2, seq);
        ps.setString(3, OperationCodec.writeEntry(timeline.get(seq)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private boolean exists(Connection c, OperationId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.exists)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public Optional<Operation> find(OperationId id) {
    Objects.requireNonNull(id, "id");
    return autoCommit("reading operation " + id, c -> first(c, sql.byId, id.value()));
  }

  @Override
  public Optional<Operation> findByIdempotencyKey(IdempotencyKey key) {
    Objects.requireNonNull(key, "key");
    return autoCommit(
        "reading the operation of an idempotency key",
        c -> first(c, sql.byIdempotencyKey, key.value()));
  }

  /**
   * Compare-and-set: stores {@code next} if the stored version is {@code next.version() - 1}, and
   * appends the timeline entries past the stored ones, in one transaction.
   *
   * @throws IllegalArgumentException when {@code next} has fewer timeline entries than the stored
   *     operation: the timeline only grows
   */
  @Override
  public boolean update(Operation next) {
    Objects.requireNonNull(next, "next");
    String document = OperationCodec.writeDocument(next);
    return transaction(
        "updating operation " + next.id(),
        c -> {
          int stored;
          try (PreparedStatement ps = c.prepareStatement(sql.update)) {
            ps.setString(1, next.id().value());
            ps.setLong(2, next.version() - 1);
            int i = bindColumns(ps, 3, next);
            ps.setString(i, document);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return false;
              }
              stored = rs.getInt(1);
            }
          }
          if (next.timeline().size() < stored) {
            throw new IllegalArgumentException(
                "next.timeline: has "
                    + next.timeline().size()
                    + " entries but operation "
                    + next.id()
                    + " already has "
                    + stored
                    + "; the timeline is append-only");
          }
          append(c, next, stored);
          return true;
        });
  }

  @Override
  public List<Operation> findByCall(ProviderId provider, String callId) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(callId, "callId");
    return autoCommit(
        "reading the operations of call " + callId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.byCall)) {
            ps.setString(1, callId);
            ps.setString(2, provider.value());
            return read(ps);
          }
        });
  }

  @Override
  public OperationPage list(OperationQuery query) {
    Objects.requireNonNull(query, "query");
    Optional<Cursor> after = query.cursor().map(Cursor::decode);
    List<String> conditions = new ArrayList<>(5);
    query.callId().ifPresent(id -> conditions.add("o.call_id = ?"));
    query.state().ifPresent(state -> conditions.add("o.state = ?"));
    query.kind().ifPresent(kind -> conditions.add("o.kind = ?"));
    query.provider().ifPresent(provider -> conditions.add("o.provider = ?"));
    after.ifPresent(cursor -> conditions.add("(o.created_at, o.id) < (?, ?)"));
    String statement = sql.page(conditions);
    List<Operation> page =
        autoCommit(
            "listing operations",
            c -> {
              try (PreparedStatement ps = c.prepareStatement(statement)) {
                int i = 1;
                if (query.callId().isPresent()) {
                  ps.setString(i++, query.callId().get());
                }
                if (query.state().isPresent()) {
                  ps.setString(i++, query.state().get().name());
                }
                if (query.kind().isPresent()) {
                  ps.setString(i++, query.kind().get().name());
                }
                if (query.provider().isPresent()) {
                  ps.setString(i++, query.provider().get().value());
                }
                if (after.isPresent()) {
                  setInstant(ps, i++, after.get().createdAt());
                  ps.setString(i++, after.get().id());
                }
                ps.setInt(i, query.limit() + 1);
                return read(ps);
              }
            });
    if (page.size() <= query.limit()) {
      return new OperationPage(page, Optional.empty());
    }
    List<Operation> shown = page.subList(0, query.limit());
    Operation last = shown.get(shown.size() - 1);
    return new OperationPage(
        shown, Optional.of(Cursor.after(last.createdAt(), last.id()).encode()));
  }

  /**
   * Claims and returns active operations whose deadline is not after {@code now}, earliest deadline
   * first. Rows another instance claimed within its lease, or is claiming at this moment, are
   * skipped; this instance's own claims are returned again.
   */
  @Override
  public List<Operation> findOverdue(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    return claimAndLoad(
        "claiming overdue operations", sql.claimOverdue, sql.loadOverdue, now, limit);
  }

  /**
   * Claims and returns UNKNOWN operations awaiting reconciliation whose deadline is not after
   * {@code now}, earliest deadline first, skipping what other instances hold, as {@link
   * #findOverdue} does.
   */
  @Override
  public List<Operation> findAwaitingReconciliation(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    return claimAndLoad(
        "claiming operations awaiting reconciliation",
        sql.claimAwaiting,
        sql.loadAwaiting,
        now,
        limit);
  }

  /**
   * Claims and returns operations still REQUESTED that were last changed before {@code cutoff},
   * oldest first, skipping what other instances hold, as {@link #findOverdue} does.
   */
  @Override
  public List<Operation> findRequestedBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    return claimAndLoad(
        "claiming interrupted operations", sql.claimRequested, sql.loadRequested, cutoff, limit);
  }

  private List<Operation> claimAndLoad(
      String doing, String claim, String load, Instant bound, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
    }
    return autoCommit(
        doing,
        c -> {
          // The claim commits on its own, so that its row locks are held for one statement only;
          // the operations are then read in a fresh snapshot, consistent with their timelines.
          List<String> claimed = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(claim)) {
            setInstant(ps, 1, bound);
            ps.setString(2, instanceId);
            ps.setInt(3, limit);
            ps.setString(4, instanceId);
            ps.setLong(5, claimLease.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                claimed.add(rs.getString(1));
              }
            }
          }
          if (claimed.isEmpty()) {
            return List.of();
          }
          try (PreparedStatement ps = c.prepareStatement(load)) {
            ps.setArray(1, ids(c, claimed));
            setInstant(ps, 2, bound);
            return read(ps);
          }
        });
  }

  /**
   * The secret every instance sharing this database holds, created at random by the migration: the
   * key callback URLs are bound to their operation with (see {@code
   * dev.handoff.ports.callback.CallbackBinding}), so that any instance accepts a delivery another
   * issued the URL for. Whoever can read the store's tables can read it; so can they change the
   * operations themselves.
   *
   * @return the callback-binding secret
   * @throws PostgresStoreException when the database cannot be read
   * @throws IllegalStateException when the schema has no secret (not migrated to version 2)
   */
  public String callbackBindingSecret() {
    return autoCommit(
        "reading the callback-binding secret",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.sharedSecret)) {
            ps.setString(1, "callback-binding");
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalStateException(
                    "schema " + schema + " holds no callback-binding secret; migrate it");
              }
              return rs.getString(1);
            }
          }
        });
  }

  /**
   * Deletes finished operations (final or UNKNOWN) last changed before {@code cutoff}, with their
   * timelines, in batches of {@value #DEFAULT_PURGE_BATCH}, each its own transaction.
   *
   * @param cutoff the time before which they were last changed
   * @return how many were deleted
   */
  public int purgeFinishedBefore(Instant cutoff) {
    return purgeFinishedBefore(cutoff, DEFAULT_PURGE_BATCH);
  }

  /**
   * Deletes finished operations (final or UNKNOWN) last changed before {@code cutoff}, with their
   * timelines, in batches, each its own transaction, so that a large backlog never holds locks for
   * long. Rows another transaction holds at that moment are left for the next run.
   *
   * @param cutoff the time before which they were last changed
   * @param batchSize the most one transaction deletes, at least 1
   * @return how many were deleted
   */
  public int purgeFinishedBefore(Instant cutoff, int batchSize) {
    Objects.requireNonNull(cutoff, "cutoff");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize: must be at least 1, was " + batchSize);
    }
    return autoCommit(
        "deleting finished operations",
        c -> {
          int total = 0;
          try (PreparedStatement ps = c.prepareStatement(sql.purgeFinished)) {
            while (true) {
              setInstant(ps, 1, cutoff);
              ps.setInt(2, batchSize);
              int deleted = ps.executeUpdate();
              total += deleted;
              if (deleted < batchSize) {
                return total;
              }
            }
          }
        });
  }

  /** Reads the given operations on the given connection, in no particular order. */
  List<Operation> load(Connection c, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(sql.byIds)) {
      ps.setArray(1, ids(c, ids));
      return read(ps);
    }
  }

  /** One operation and the database time of its last change. */
  record Changed(Operation operation, Instant changedAt) {}

  /**
   * Reads operations changed after a position in {@code (changed_at, id)} order.
   *
   * @param since the database time after which to read
   * @param afterId the id after which to read, among operations changed exactly at {@code since}
   * @param among only these ids, or every operation when empty
   * @param limit the most to read
   */
  List<Changed> changedSince(
      Connection c, Instant since, String afterId, Optional<Collection<String>> among, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(among.isPresent() ? sql.changedSinceAmong : sql.changedSince)) {
      int i = 1;
      setInstant(ps, i++, since);
      ps.setString(i++, afterId);
      if (among.isPresent()) {
        ps.setArray(i++, ids(c, among.get()));
      }
      ps.setInt(i, limit);
      List<Changed> changed = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changed.add(
              new Changed(
                  decode(rs.getString(1), rs.getString(2), rs.getString(3)),
                  rs.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
      return changed;
    }
  }

  private Optional<Operation> first(Connection c, String statement, String key)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, key);
      List<Operation> found = read(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private static List<Operation> read(PreparedStatement ps) throws SQLException {
    List<Operation> operations = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        operations.add(decode(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return operations;
  }

  private static Operation decode(String id, String document, String timeline) {
    try {
      return OperationCodec.read(document, timeline);
    } catch (UnreadableDocumentException unreadable) {
      throw new UnreadableDocumentException(
          "stored operation " + id + ": " + unreadable.getMessage(), unreadable);
    }
  }

  private static Array ids(Connection c, Collection<String> ids) throws SQLException {
    return c.createArrayOf("varchar", ids.toArray(new String[0]));
  }

  /** Binds an instant as timestamptz, truncated to the column's microseconds. */
  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(
        index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T autoCommit(String doing, Work<T> work) {
    return withConnection(doing, true, work);
  }

  private <T> T transaction(String doing, Work<T> work) {
    return withConnection(
        doing,
        false,
        c -> {
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException failure) {
            try {
              c.rollback();
            } catch (SQLException rollbackFailure) {
              failure.addSuppressed(rollbackFailure);
            }
            throw failure;
          }
        });
  }

  private <T> T withConnection(String doing, boolean autoCommit, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean before = c.getAutoCommit();
      if (before != autoCommit) {
        c.setAutoCommit(autoCommit);
      }
      try {
        return work.run(c);
      } finally {
        if (before != autoCommit) {
          c.setAutoCommit(before);
        }
      }
    } catch (SQLException failure) {
      throw new PostgresStoreException(doing, failure);
    }
  }

  /** Builds a {@link PostgresOperationStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String schema = DEFAULT_SCHEMA;
    private Optional<String> channel = Optional.of(DEFAULT_CHANNEL);
    private Duration claimLease = DEFAULT_CLAIM_LEASE;
    private String instanceId = "handoff-" + UUID.randomUUID();
    private boolean migrate;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param value the schema of the store's tables, a lower-case SQL identifier; default {@value
     *     PostgresOperationStore#DEFAULT_SCHEMA}
     * @return this builder
     */
    public Builder schema(String value) {
      schema = SqlNames.check("schema", value);
      return this;
    }

    /**
     * @param value the channel every committed change is announced on with {@code pg_notify}, a
     *     lower-case SQL identifier; default {@value PostgresOperationStore#DEFAULT_CHANNEL}. Every
     *     instance's store and bus must use the same one.
     * @return this builder
     */
    public Builder notifyChannel(String value) {
      channel = Optional.of(SqlNames.check("notifyChannel", value));
      return this;
    }

    /**
     * Announces nothing. For a single instance without {@link PostgresOperationChangeBus}: it saves
     * the commit-time lock PostgreSQL takes for transactions that notify.
     *
     * @return this builder
     */
    public Builder withoutNotifications() {
      channel = Optional.empty();
      return this;
    }

    /**
     * @param value how long a sweep's claim keeps other instances off a row: longer than one sweep
     *     takes to handle its batch, short enough that a crashed instance's claims soon lapse;
     *     default 30 seconds, at least 1 millisecond
     * @return this builder
     */
    public Builder claimLease(Duration value) {
      Objects.requireNonNull(value, "claimLease");
      if (value.toMillis() < 1) {
        throw new IllegalArgumentException("claimLease: must be at least 1 ms, was " + value);
      }
      claimLease = value;
      return this;
    }

    /**
     * @param value the name this instance claims sweep rows under, at most 128 characters; default
     *     {@code handoff-<random UUID>}. Two stores with the same name share their claims.
     * @return this builder
     */
    public Builder instanceId(String value) {
      Objects.requireNonNull(value, "instanceId");
      if (value.isBlank() || value.length() > 128) {
        throw new IllegalArgumentException(
            "instanceId: must be 1 to 128 characters, not blank; was '" + value + "'");
      }
      instanceId = value;
      return this;
    }

    /**
     * @param value whether {@link #build()} first runs {@link PostgresOperationStore#migrate} on
     *     the schema; default false
     * @return this builder
     */
    public Builder migrateOnBuild(boolean value) {
      migrate = value;
      return this;
    }

    /**
     * @return the store, after migrating the schema when asked to
     */
    public PostgresOperationStore build() {
      if (migrate) {
        migrate(dataSource, schema);
      }
      return new PostgresOperationStore(this);
    }
  }
}
