package dev.handoff.adapter.postgres;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL server for the whole test JVM (it takes seconds to start), with an Agroal
 * pool in front as the service will have. Each test class works in schemas of its own.
 */
final class TestDatabase {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres server;
  private static AgroalDataSource pool;

  private TestDatabase() {}

  static synchronized DataSource dataSource() {
    if (pool == null) {
      start();
    }
    return pool;
  }

  private static void start() {
    try {
      server = EmbeddedPostgres.builder().start();
    } catch (IOException failure) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", failure);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "stop-embedded-pg"));
    String url = server.getJdbcUrl("postgres", "postgres");
    try {
      pool =
          AgroalDataSource.from(
              new AgroalDataSourceConfigurationSupplier()
                  .connectionPoolConfiguration(
                      connections ->
                          connections
                              .maxSize(24)
                              // As Quarkus configures it for PostgreSQL: a connection that failed
                              // with an 08xxx (connection) error leaves the pool.
                              .exceptionSorter(new PostgreSQLExceptionSorter())
                              .acquisitionTimeout(Duration.ofSeconds(20))
                              .connectionFactoryConfiguration(
                                  factory ->
                                      factory
                                          .jdbcUrl(url)
                                          .principal(new NamePrincipal("postgres"))
                                          .credential(new SimplePassword("postgres")))));
    } catch (SQLException failure) {
      throw new IllegalStateException("could not create the pool", failure);
    }
  }

  static synchronized String jdbcUrl() {
    dataSource();
    return server.getJdbcUrl("postgres", "postgres");
  }

  /**
   * @param name what the schema is for
   * @return a schema name no other test uses, not yet created
   */
  static String newSchemaName(String name) {
    return name + "_" + SCHEMAS.incrementAndGet();
  }

  /**
   * @param name what the schema is for
   * @return a new schema, migrated
   */
  static String migratedSchema(String name) {
    String schema = newSchemaName(name);
    PostgresOperationStore.migrate(dataSource(), schema);
    return schema;
  }

  static void execute(String sql) {
    try (Connection c = dataSource().getConnection();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException failure) {
      throw new IllegalStateException(sql + " failed", failure);
    }
  }

  private static synchronized void stop() {
    if (pool != null) {
      pool.close();
    }
    try {
      server.close();
    } catch (IOException ignored) {
      // The JVM is ending; the server's directory is temporary.
    }
  }
}
