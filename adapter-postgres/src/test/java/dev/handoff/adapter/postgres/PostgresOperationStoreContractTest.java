package dev.handoff.adapter.postgres;

import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.testing.OperationStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;

/** The store contract every {@link OperationStore} passes, on PostgreSQL. */
class PostgresOperationStoreContractTest extends OperationStoreContract {
  private static String schema;

  @BeforeAll
  static void migrate() {
    schema = TestDatabase.migratedSchema("contract");
  }

  @Override
  protected OperationStore newStore(Clock clock) {
    // PostgreSQL decides claim leases and retention on the database's own clock, which this
    // contract never reads: the store takes no Java clock.
    TestDatabase.execute("TRUNCATE " + schema + ".operation CASCADE");
    return PostgresOperationStore.builder(TestDatabase.dataSource()).schema(schema).build();
  }
}
