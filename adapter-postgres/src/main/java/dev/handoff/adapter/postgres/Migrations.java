package dev.handoff.adapter.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Runs the store's Flyway migrations ({@code db/migration/handoff}) on one schema. */
final class Migrations {
  /** Where the migrations are on the class path. */
  static final String LOCATION = "classpath:db/migration/handoff";

  /** The store's own schema history table, so that it never mixes with an application's. */
  static final String HISTORY_TABLE = "handoff_schema_history";

  private Migrations() {}

  static int migrate(DataSource dataSource, String schema) {
    SqlNames.check("schema", schema);
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .table(HISTORY_TABLE)
            .locations(LOCATION)
            .load();
    return flyway.migrate().migrationsExecuted;
  }
}
