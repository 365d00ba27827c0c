package dev.handoff.adapter.postgres;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes finished operations (final or UNKNOWN) with their timelines in batches, each its own
 * transaction, so that a large backlog never holds locks for long. Rows another transaction holds
 * at that moment are left for the next run.
 */
final class Retention {
  private final Transactions db;
  private final StoreSql sql;

  Retention(Transactions db, StoreSql sql) {
    this.db = db;
    this.sql = sql;
  }

  /**
   * @param cutoff the time before which they were last changed
   * @param batchSize the most one transaction deletes, at least 1
   * @return how many were deleted
   */
  int purge(Instant cutoff, int batchSize) {
    Objects.requireNonNull(cutoff, "cutoff");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize: must be at least 1, was " + batchSize);
    }
    return db.autoCommit(
        "deleting finished operations",
        c -> {
          int total = 0;
          try (PreparedStatement ps = c.prepareStatement(sql.purgeFinished)) {
            while (true) {
              Transactions.setInstant(ps, 1, cutoff);
              ps.setInt(2, batchSize);
              int deleted = ps.executeUpdate();
              total += deleted;
              if (deleted < batchSize) {
                return total;
              }
            }
          }
        });
  }
}
