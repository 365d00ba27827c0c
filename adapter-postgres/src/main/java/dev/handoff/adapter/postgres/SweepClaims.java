package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.Operation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims the rows a sweep works on ({@code FOR UPDATE SKIP LOCKED}, then a short lease in {@code
 * claimed_by}/{@code claimed_until}), so that instances sweeping at the same moment are handed
 * different operations. The claim only avoids duplicate work; correctness still rests on the
 * version compare-and-set.
 */
final class SweepClaims {
  private final Transactions db;
  private final StoreSql sql;
  private final String instanceId;
  private final Duration lease;

  SweepClaims(Transactions db, StoreSql sql, String instanceId, Duration lease) {
    this.db = db;
    this.sql = sql;
    this.instanceId = instanceId;
    this.lease = lease;
  }

  /**
   * @param doing what is being done, for a failure's message
   * @param claim the statement claiming ids up to the bound
   * @param load the statement reading the claimed operations
   * @param bound the deadline or cutoff the claim is bounded by
   * @param limit the most to claim, at least 1
   * @return the claimed operations
   */
  List<Operation> claim(String doing, String claim, String load, Instant bound, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
    }
    return db.autoCommit(
        doing,
        c -> {
          // The claim commits on its own, so that its row locks are held for one statement only;
          // the operations are then read in a fresh snapshot, consistent with their timelines.
          List<String> claimed = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(claim)) {
            Transactions.setInstant(ps, 1, bound);
            ps.setString(2, instanceId);
            ps.setInt(3, limit);
            ps.setString(4, instanceId);
            ps.setLong(5, lease.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                claimed.add(rs.getString(1));
              }
            }
          }
          if (claimed.isEmpty()) {
            return List.of();
          }
          try (PreparedStatement ps = c.prepareStatement(load)) {
            ps.setArray(1, Transactions.ids(c, claimed));
            Transactions.setInstant(ps, 2, bound);
            return OperationRows.read(ps);
          }
        });
  }
}
