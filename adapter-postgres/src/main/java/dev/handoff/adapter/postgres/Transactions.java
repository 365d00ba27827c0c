package dev.handoff.adapter.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Runs work on one connection of the application's pool, in auto-commit or in one transaction
 * (committed when the work returns, rolled back when it throws), leaving the connection's
 * auto-commit as it found it; a failure of the database becomes a {@link PostgresStoreException}
 * saying what was being done.
 */
final class Transactions {
  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> T autoCommit(String doing, Work<T> work) {
    return withConnection(doing, true, work);
  }

  <T> T transaction(String doing, Work<T> work) {
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

  /** Binds an instant as timestamptz, truncated to the column's microseconds. */
  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(
        index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
  }

  /** Binds ids as a {@code varchar[]}, for {@code = ANY (?)}. */
  static Array ids(Connection c, Collection<String> ids) throws SQLException {
    return c.createArrayOf("varchar", ids.toArray(new String[0]));
  }
}
