package dev.handoff.adapter.postgres;

import java.sql.SQLException;

/**
 * A database error met by the PostgreSQL store or change bus, unchecked so that it can cross the
 * store port. The message says what was being done; the cause is the driver's {@link SQLException},
 * whose SQL state tells the kind of error.
 */
public final class PostgresStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param doing what was being done, e.g. {@code updating operation op-1}
   * @param cause the driver's error
   */
  public PostgresStoreException(String doing, SQLException cause) {
    super(
        doing + " failed: " + cause.getMessage() + " (SQL state " + cause.getSQLState() + ")",
        cause);
  }

  /**
   * @return the SQL state of the driver's error, e.g. {@code 08006} for a lost connection
   */
  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }
}
