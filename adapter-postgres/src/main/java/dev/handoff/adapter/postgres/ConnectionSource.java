package dev.handoff.adapter.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Where {@link PostgresOperationChangeBus} gets its one listening connection, which it keeps open
 * for as long as it runs and opens again when it is lost.
 */
@FunctionalInterface
public interface ConnectionSource {

  /**
   * @return a new connection to the store's database
   * @throws SQLException when none can be had now; the bus tries again with back-off
   */
  Connection open() throws SQLException;

  /**
   * @param dataSource a data source, e.g. the service's pool (the bus then holds one of its
   *     connections for good)
   * @return connections from it
   */
  static ConnectionSource of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return dataSource::getConnection;
  }

  /**
   * @param jdbcUrl a PostgreSQL JDBC URL, e.g. {@code jdbc:postgresql://db:5432/handoff}; it must
   *     reach the server directly, not through a transaction-pooling proxy, which cannot carry
   *     {@code LISTEN}
   * @param properties driver properties such as {@code user} and {@code password}; copied
   * @return connections opened through {@link DriverManager}, outside any pool
   */
  static ConnectionSource of(String jdbcUrl, Properties properties) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Properties copy = new Properties();
    copy.putAll(Objects.requireNonNull(properties, "properties"));
    return () -> DriverManager.getConnection(jdbcUrl, copy);
  }
}
