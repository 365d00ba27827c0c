package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads operations from result rows of {@code (id, document, timeline)}, naming the stored
 * operation whose document cannot be read.
 */
final class OperationRows {
  private OperationRows() {}

  static Optional<Operation> first(Connection c, String statement, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, key);
      List<Operation> found = read(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  static List<Operation> read(PreparedStatement ps) throws SQLException {
    List<Operation> operations = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        operations.add(decode(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return operations;
  }

  static Operation decode(String id, String document, String timeline) {
    try {
      return OperationCodec.read(document, timeline);
    } catch (UnreadableDocumentException unreadable) {
      throw new UnreadableDocumentException(
          "stored operation " + id + ": " + unreadable.getMessage(), unreadable);
    }
  }
}
