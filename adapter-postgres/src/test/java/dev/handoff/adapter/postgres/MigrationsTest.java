package dev.handoff.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {
  private final DataSource dataSource = TestDatabase.dataSource();

  private List<String> tables(String schema) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                    + " ORDER BY table_name")) {
      ps.setString(1, schema);
      List<String> names = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
  }

  @Test
  void migratesAnEmptyDatabaseIntoItsOwnSchemaAndARerunChangesNothing() throws Exception {
    String schema = TestDatabase.newSchemaName("fresh");
    assertThat(tables(schema)).isEmpty();

    assertThat(PostgresOperationStore.migrate(dataSource, schema)).isEqualTo(5);
    assertThat(tables(schema))
        .containsExactly(
            "handoff_schema_history",
            "incoming_call",
            "operation",
            "operation_related_call",
            "operation_timeline",
            "shared_secret");

    assertThat(PostgresOperationStore.migrate(dataSource, schema)).isZero();
    assertThat(tables(schema))
        .containsExactly(
            "handoff_schema_history",
            "incoming_call",
            "operation",
            "operation_related_call",
            "operation_timeline",
            "shared_secret");
    assertThat(tables("public")).doesNotContain("flyway_schema_history", "operation");
  }

  @Test
  void everyInstanceOnOneSchemaReadsTheSameRandomCallbackSecretAndAnotherSchemaAnother() {
    String schema = TestDatabase.migratedSchema("secret");
    String first =
        PostgresOperationStore.builder(dataSource).schema(schema).build().callbackBindingSecret();
    String second =
        PostgresOperationStore.builder(dataSource).schema(schema).build().callbackBindingSecret();
    assertThat(first).hasSize(64).matches("[0-9a-f]+").isEqualTo(second);
    String other = TestDatabase.migratedSchema("secret");
    assertThat(
            PostgresOperationStore.builder(dataSource)
                .schema(other)
                .build()
                .callbackBindingSecret())
        .isNotEqualTo(first);
  }

  @Test
  void theBuilderCanMigrateBeforeItBuilds() throws Exception {
    String schema = TestDatabase.newSchemaName("built");
    PostgresOperationStore store =
        PostgresOperationStore.builder(dataSource).schema(schema).migrateOnBuild(true).build();
    assertThat(store.schema()).isEqualTo(schema);
    assertThat(tables(schema)).contains("operation", "operation_timeline");
    assertThat(
            PostgresOperationStore.builder(dataSource).schema(schema).migrateOnBuild(true).build())
        .as("building again on a migrated schema")
        .isNotNull();
    assertThat(PostgresOperationStore.migrate(dataSource, schema)).isZero();
  }

  @Test
  void aSchemaNameThatIsNotALowerCaseIdentifierIsRefused() {
    assertThatThrownBy(() -> PostgresOperationStore.migrate(dataSource, "Handoff"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "schema must be a lower-case SQL identifier: a letter or '_', then up to 62 letters,"
                + " digits or '_'; was 'Handoff'");
  }

  @Test
  void upgradingAStoreWithTwoActiveTransfersOfOneCallSaysWhichAndWhatToDo() throws Exception {
    String schema = schemaMigratedTo("1", "upgrade");
    PostgresOperationStore v1 = PostgresOperationStore.builder(dataSource).schema(schema).build();
    // Written as version 1 could, before the database decided admission.
    for (String id : List.of("first", "second")) {
      dev.handoff.domain.operation.Operation transfer =
          dev.handoff.ports.testing.Operations.requested(
              id,
              dev.handoff.ports.testing.Operations.transfer("call-1"),
              java.time.Instant.parse("2026-11-23T10:00:00Z"));
      assertThat(v1.admit(transfer)).isInstanceOf(dev.handoff.ports.out.Admission.Admitted.class);
    }
    assertThatThrownBy(() -> PostgresOperationStore.migrate(dataSource, schema))
        .hasStackTraceContaining(
            "call call-1 (provider fake) has several active TRANSFER operations (first, second)")
        .hasStackTraceContaining("Wait until they are finished or UNKNOWN");

    TestDatabase.execute(
        "UPDATE " + schema + ".operation SET state = 'UNKNOWN' WHERE id = 'first'");
    assertThat(PostgresOperationStore.migrate(dataSource, schema))
        .as("version 2, then every later one")
        .isEqualTo(4);
  }

  @Test
  void upgradingAStoreWithAHandoffAndATransferOfOneCallUnderWaySaysWhichAndWhatToDo()
      throws Exception {
    String schema = schemaMigratedTo("3", "upgrade4");
    PostgresOperationStore v3 = PostgresOperationStore.builder(dataSource).schema(schema).build();
    java.time.Instant t0 = java.time.Instant.parse("2026-11-23T10:00:00Z");
    dev.handoff.domain.command.WarmHandoff handoff =
        dev.handoff.domain.command.WarmHandoff.builder(
                "call-1",
                List.of(
                    dev.handoff.domain.command.HandoffTarget.of(
                        dev.handoff.domain.participant.PhoneNumber.of("+14255550123"))))
            .build();
    // Written as versions 2 and 3 could, when a handoff did not take the call's transfer slot.
    assertThat(v3.admit(dev.handoff.ports.testing.Operations.requested("handoff", handoff, t0)))
        .isInstanceOf(dev.handoff.ports.out.Admission.Admitted.class);
    assertThat(
            v3.admit(
                dev.handoff.ports.testing.Operations.requested(
                    "transfer", dev.handoff.ports.testing.Operations.transfer("call-1"), t0)))
        .isInstanceOf(dev.handoff.ports.out.Admission.Admitted.class);
    assertThatThrownBy(() -> PostgresOperationStore.migrate(dataSource, schema))
        .hasStackTraceContaining(
            "call call-1 (provider fake) has several active transfers or warm handoffs"
                + " (handoff, transfer)")
        .hasStackTraceContaining("Wait until they are finished or UNKNOWN");

    TestDatabase.execute(
        "UPDATE " + schema + ".operation SET state = 'UNKNOWN' WHERE id = 'transfer'");
    assertThat(PostgresOperationStore.migrate(dataSource, schema)).isEqualTo(2);
    PostgresOperationStore v4 = PostgresOperationStore.builder(dataSource).schema(schema).build();
    assertThat(
            v4.admit(
                dev.handoff.ports.testing.Operations.requested(
                    "later", dev.handoff.ports.testing.Operations.transfer("call-1"), t0)))
        .isInstanceOf(dev.handoff.ports.out.Admission.Conflict.class);
  }

  @Test
  void upgradingIndexesTheCallsStoredHandoffsPlacedAlready() throws Exception {
    String schema = schemaMigratedTo("4", "upgrade5");
    java.time.Instant t0 = java.time.Instant.parse("2026-11-23T10:00:00Z");
    dev.handoff.domain.operation.Operation handoff =
        dev.handoff.ports.testing.Operations.requested(
            "handoff", dev.handoff.ports.testing.Operations.warmHandoff("call-1"), t0);
    dev.handoff.domain.operation.Operation placed =
        dev.handoff.ports.testing.Operations.placedCall(
            dev.handoff.ports.testing.Operations.placedCall(
                handoff, 1, "consult-1", t0.plusSeconds(1)),
            2,
            "consult-2",
            t0.plusSeconds(2));
    dev.handoff.domain.operation.Operation transfer =
        dev.handoff.ports.testing.Operations.requested(
            "transfer", dev.handoff.ports.testing.Operations.transfer("call-2"), t0);
    writeAsVersion4Did(schema, placed);
    writeAsVersion4Did(schema, transfer);

    assertThat(PostgresOperationStore.migrate(dataSource, schema)).isEqualTo(1);
    PostgresOperationStore v5 = PostgresOperationStore.builder(dataSource).schema(schema).build();
    assertThat(v5.findByRelatedCall(placed.provider(), "consult-1")).containsExactly(placed);
    assertThat(v5.findByRelatedCall(placed.provider(), "consult-2")).containsExactly(placed);
    assertThat(v5.findByRelatedCall(placed.provider(), "call-1")).isEmpty();
    assertThat(v5.findByRelatedCall(placed.provider(), "call-2")).isEmpty();
  }

  /** The row and timeline of an operation as a store of version 4 wrote them. */
  private void writeAsVersion4Did(String schema, dev.handoff.domain.operation.Operation operation)
      throws SQLException {
    StoreSql sql = new StoreSql(schema, java.util.Optional.empty());
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(sql.insert)) {
        ps.setString(1, operation.id().value());
        int i = OperationWrites.bindColumns(ps, 2, operation);
        ps.setString(i, OperationCodec.writeDocument(operation));
        ps.executeQuery().close();
      }
      for (int seq = 0; seq < operation.timeline().size(); seq++) {
        try (PreparedStatement ps = c.prepareStatement(sql.appendEntry)) {
          ps.setString(1, operation.id().value());
          ps.setInt(2, seq);
          ps.setString(3, OperationCodec.writeEntry(operation.timeline().get(seq)));
          ps.executeUpdate();
        }
      }
    }
  }

  /**
   * A new schema with the migrations up to {@code version} applied, as an older release left it.
   */
  private String schemaMigratedTo(String version, String namePrefix) {
    String schema = TestDatabase.newSchemaName(namePrefix);
    org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .table(Migrations.HISTORY_TABLE)
        .locations(Migrations.LOCATION)
        .target(version)
        .load()
        .migrate();
    return schema;
  }
}
