package dev.handoff.adapter.postgres;

import dev.handoff.domain.event.IncomingCall;
import dev.handoff.ports.out.IncomingCallStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link IncomingCallStore} on PostgreSQL, in plain JDBC over the application's {@link
 * DataSource}, so that every instance sharing the database lists the calls any of them was told
 * about. One row per announcement in {@code <schema>.incoming_call} (created by the store's
 * migrations, version 3: run {@link PostgresOperationStore#migrate}), the call as a lossless JSON
 * document; a repeated announcement (same provider and event id) is ignored by a unique index.
 * Announcement order is the row's identity sequence; expiry is by the announcement time the store's
 * clock gave, to the microsecond. Thread-safe.
 */
public final class PostgresIncomingCallStore implements IncomingCallStore {
  private final DataSource dataSource;
  private final Duration retention;
  private final Clock clock;
  private final String insert;
  private final String recent;
  private final String byCall;
  private final String forget;

  private PostgresIncomingCallStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.retention = builder.retention;
    this.clock = builder.clock;
    String table = builder.schema + ".incoming_call";
    insert =
        "INSERT INTO "
            + table
            + " (provider, event_id, call_id, announced_at, document) VALUES (?, ?, ?, ?, ?::jsonb)"
            + " ON CONFLICT (provider, event_id) DO NOTHING";
    recent = "SELECT document FROM " + table + " WHERE announced_at > ? ORDER BY seq DESC LIMIT ?";
    byCall =
        "SELECT document FROM "
            + table
            + " WHERE call_id = ? AND announced_at > ? ORDER BY seq DESC LIMIT 1";
    forget = "DELETE FROM " + table + " WHERE announced_at <= ?";
  }

  /**
   * @param dataSource where connections come from, normally the service's pool
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  @Override
  public void announce(IncomingCall call) {
    Objects.requireNonNull(call, "call");
    String document = IncomingCallCodec.write(call);
    run(
        "announcing incoming call " + call.callId(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, call.meta().provider().value());
            ps.setString(2, call.meta().eventId());
            ps.setString(3, call.callId());
            ps.setObject(4, at(clock.instant()));
            ps.setString(5, document);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public List<IncomingCall> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
    }
    return run(
        "listing incoming calls",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(recent)) {
            ps.setObject(1, at(cutoff()));
            ps.setInt(2, limit);
            return read(ps);
          }
        });
  }

  @Override
  public Optional<IncomingCall> find(String callId) {
    Objects.requireNonNull(callId, "callId");
    return run(
        "finding incoming call " + callId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(byCall)) {
            ps.setString(1, callId);
            ps.setObject(2, at(cutoff()));
            return read(ps).stream().findFirst();
          }
        });
  }

  @Override
  public int forgetExpired() {
    return run(
        "forgetting expired incoming calls",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(forget)) {
            ps.setObject(1, at(cutoff()));
            return ps.executeUpdate();
          }
        });
  }

  private Instant cutoff() {
    return clock.instant().minus(retention);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static List<IncomingCall> read(PreparedStatement ps) throws SQLException {
    List<IncomingCall> calls = new ArrayList<>();
    try (ResultSet rows = ps.executeQuery()) {
      while (rows.next()) {
        calls.add(IncomingCallCodec.read(rows.getString(1)));
      }
    }
    return calls;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T run(String doing, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return work.run(c);
    } catch (SQLException failure) {
      throw new PostgresStoreException(doing, failure);
    }
  }

  /** Builds a {@link PostgresIncomingCallStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String schema = PostgresOperationStore.DEFAULT_SCHEMA;
    private Duration retention = DEFAULT_RETENTION;
    private Clock clock = Clock.systemUTC();

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
     * @param value how long a call is kept after its announcement, positive; default {@link
     *     IncomingCallStore#DEFAULT_RETENTION}
     * @return this builder
     */
    public Builder retention(Duration value) {
      Objects.requireNonNull(value, "retention");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("retention: must be positive, was " + value);
      }
      retention = value;
      return this;
    }

    /**
     * @param value the clock announcements and expiry are read from; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @return the store
     */
    public PostgresIncomingCallStore build() {
      return new PostgresIncomingCallStore(this);
    }
  }
}
