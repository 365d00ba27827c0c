package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The queries {@link PostgresOperationChangeBus} reads committed changes with, on its own
 * connection: the operations a notification names, and the catch-up after a gap in {@code
 * (changed_at, id)} order.
 */
final class ChangeFeedQueries {
  /** One operation and the database time of its last change. */
  record Changed(Operation operation, Instant changedAt) {}

  private final StoreSql sql;

  ChangeFeedQueries(StoreSql sql) {
    this.sql = sql;
  }

  /** Reads the given operations on the given connection, in no particular order. */
  List<Operation> load(Connection c, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(sql.byIds)) {
      ps.setArray(1, Transactions.ids(c, ids));
      return OperationRows.read(ps);
    }
  }

  /**
   * Reads operations changed after a position in {@code (changed_at, id)} order.
   *
   * @param since the database time after which to read
   * @param afterId the id after which to read, among operations changed exactly at {@code since}
   * @param among only these ids, or every operation when empty
   * @param limit the most to read
   */
  List<Changed> changedSince(
      Connection c, Instant since, String afterId, Optional<Collection<String>> among, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(among.isPresent() ? sql.changedSinceAmong : sql.changedSince)) {
      int i = 1;
      Transactions.setInstant(ps, i++, since);
      ps.setString(i++, afterId);
      if (among.isPresent()) {
        ps.setArray(i++, Transactions.ids(c, among.get()));
      }
      ps.setInt(i, limit);
      List<Changed> changed = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changed.add(
              new Changed(
                  OperationRows.decode(rs.getString(1), rs.getString(2), rs.getString(3)),
                  rs.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
      return changed;
    }
  }
}
