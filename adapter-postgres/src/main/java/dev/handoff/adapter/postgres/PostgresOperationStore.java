package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.ConcurrentUpdateException;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.OperationStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>Long because it implements the whole {@link OperationStore} port and its builder; the sweep
 * claims ({@code SweepClaims}), retention ({@code Retention}), the change feed's queries ({@code
 * ChangeFeedQueries}), the row writes ({@code OperationWrites}) and the transaction helper ({@code
 * Transactions}) are classes of their own.
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
  private final Transactions db;
  private final OperationWrites rows;
  private final SweepClaims claims;
  private final Retention retention;
  private final ChangeFeedQueries changeFeed;

  private PostgresOperationStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.schema = builder.schema;
    this.channel = builder.channel;
    this.claimLease = builder.claimLease;
    this.instanceId = builder.instanceId;
    this.sql = new StoreSql(schema, channel);
    this.db = new Transactions(dataSource);
    this.rows = new OperationWrites(sql);
    this.claims = new SweepClaims(db, sql, instanceId, claimLease);
    this.retention = new Retention(db, sql);
    this.changeFeed = new ChangeFeedQueries(sql);
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
   * @return the queries the change bus reads committed changes with
   */
  ChangeFeedQueries changeFeed() {
    return changeFeed;
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
    return db.transaction(
        "admitting operation " + operation.id(),
        c -> {
          // What conflicted can finish or vanish (retention) between the insert and the look-up,
          // so the insert is tried again; a conflict that persists is an error.
          for (int attempt = 0; attempt < 5; attempt++) {
            if (rows.insert(c, operation, document)) {
              rows.append(c, operation, 0);
              return new Admission.Admitted(operation);
            }
            if (operation.idempotencyKey().isPresent()) {
              Optional<Operation> holder =
                  OperationRows.first(
                      c, sql.byIdempotencyKey, operation.idempotencyKey().get().value());
              if (holder.isPresent()) {
                return new Admission.KeyHeld(holder.get());
              }
            }
            if (rows.exists(c, operation.id())) {
              throw new IllegalStateException("operation " + operation.id() + " already exists");
            }
            for (Operation active : rows.activeConflicts(c, operation)) {
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

  @Override
  public Optional<Operation> find(OperationId id) {
    Objects.requireNonNull(id, "id");
    return db.autoCommit(
        "reading operation " + id, c -> OperationRows.first(c, sql.byId, id.value()));
  }

  @Override
  public Optional<Operation> findByIdempotencyKey(IdempotencyKey key) {
    Objects.requireNonNull(key, "key");
    return db.autoCommit(
        "reading the operation of an idempotency key",
        c -> OperationRows.first(c, sql.byIdempotencyKey, key.value()));
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
    return db.transaction(
        "updating operation " + next.id(),
        c -> {
          int stored;
          try (PreparedStatement ps = c.prepareStatement(sql.update)) {
            ps.setString(1, next.id().value());
            ps.setLong(2, next.version() - 1);
            int i = OperationWrites.bindColumns(ps, 3, next);
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
          rows.append(c, next, stored);
          return true;
        });
  }

  @Override
  public List<Operation> findByCall(ProviderId provider, String callId) {
    return readByCall(sql.byCall, "reading the operations of call ", provider, callId);
  }

  /**
   * One indexed query: the primary key of {@code operation_related_call}, which the timeline append
   * fills in the same transaction. A call no operation placed costs an index probe that finds
   * nothing.
   */
  @Override
  public List<Operation> findByRelatedCall(ProviderId provider, String callId) {
    return readByCall(
        sql.byRelatedCall, "reading the operations that placed call ", provider, callId);
  }

  /** Runs a query whose parameters are a call id and a provider, in that order. */
  private List<Operation> readByCall(
      String query, String whatFor, ProviderId provider, String callId) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(callId, "callId");
    return db.autoCommit(
        whatFor + callId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, callId);
            ps.setString(2, provider.value());
            return OperationRows.read(ps);
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
        db.autoCommit(
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
                  Transactions.setInstant(ps, i++, after.get().createdAt());
                  ps.setString(i++, after.get().id());
                }
                ps.setInt(i, query.limit() + 1);
                return OperationRows.read(ps);
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
    return claims.claim(
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
    return claims.claim(
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
    return claims.claim(
        "claiming interrupted operations", sql.claimRequested, sql.loadRequested, cutoff, limit);
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
    return db.autoCommit(
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
    return retention.purge(cutoff, batchSize);
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
