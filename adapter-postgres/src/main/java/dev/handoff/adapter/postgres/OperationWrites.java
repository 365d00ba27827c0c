package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.RelatedCalls;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The row work of admitting and updating an operation, on the caller's transaction: the insert
 * against the unique indexes, the queried columns, the append-only timeline, and the active
 * operations an admission may conflict with.
 */
final class OperationWrites {
  private final StoreSql sql;

  OperationWrites(StoreSql sql) {
    this.sql = sql;
  }

  List<Operation> activeConflicts(Connection c, Operation operation) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.activeConflicts)) {
      ps.setString(1, operation.callId());
      ps.setString(2, operation.provider().value());
      // The exclusive slot the operation takes; a kind without one matches no row by it.
      ps.setString(3, Admission.slot(operation.kind()).orElse(""));
      ps.setString(4, operation.correlation());
      return OperationRows.read(ps);
    }
  }

  boolean insert(Connection c, Operation operation, String document) throws SQLException {
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
  static int bindColumns(PreparedStatement ps, int first, Operation operation) throws SQLException {
    int i = first;
    ps.setString(i++, operation.provider().value());
    ps.setString(i++, operation.callId());
    ps.setString(i++, operation.kind().name());
    ps.setString(i++, operation.state().name());
    ps.setString(i++, operation.idempotencyKey().map(IdempotencyKey::value).orElse(null));
    ps.setString(i++, operation.correlation());
    Transactions.setInstant(ps, i++, operation.createdAt());
    Transactions.setInstant(ps, i++, operation.updatedAt());
    Transactions.setInstant(ps, i++, operation.deadline());
    ps.setLong(i++, operation.version());
    ps.setInt(i++, operation.timeline().size());
    return i;
  }

  void append(Connection c, Operation operation, int from) throws SQLException {
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
    relate(c, operation, RelatedCalls.in(timeline.subList(from, timeline.size())));
  }

  /**
   * Indexes the calls the appended entries say the operation placed, in the same transaction, so
   * that {@code findByRelatedCall} finds it from the moment the entry is committed.
   */
  private void relate(Connection c, Operation operation, Set<String> calls) throws SQLException {
    if (calls.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql.relateCall)) {
      for (String call : calls) {
        ps.setString(1, call);
        ps.setString(2, operation.provider().value());
        ps.setString(3, operation.id().value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  boolean exists(Connection c, OperationId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.exists)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
