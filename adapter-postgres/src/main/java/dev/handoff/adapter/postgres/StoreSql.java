package dev.handoff.adapter.postgres;

import java.util.List;
import java.util.Optional;

/**
 * The store's SQL for one schema and notification channel, built once. The state lists are
 * literals, not parameters, so that the planner matches them to the partial indexes of the
 * migration.
 */
final class StoreSql {
  static final String ACTIVE_STATES = "('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED')";
  static final String FINISHED_STATES = "('UNKNOWN', 'COMPLETED', 'FAILED', 'CANCELLED')";

  /** The columns an operation is read from: id, document, and its timeline as one JSON array. */
  final String select;

  final String insert;
  final String appendEntry;
  final String update;
  final String byId;
  final String byIds;
  final String byIdempotencyKey;
  final String exists;
  final String byCall;
  final String relateCall;
  final String byRelatedCall;
  final String claimOverdue;
  final String loadOverdue;
  final String claimRequested;
  final String claimAwaiting;
  final String loadAwaiting;
  final String activeConflicts;
  final String sharedSecret;
  final String loadRequested;
  final String purgeFinished;
  final String changedSince;
  final String changedSinceAmong;

  StoreSql(String schema, Optional<String> channel) {
    String operation = schema + ".operation";
    String timeline = schema + ".operation_timeline";
    String notify =
        channel.map(name -> ", pg_notify('" + name + "', o.id || ':' || o.version)").orElse("");
    select =
        "SELECT o.id, o.document, (SELECT json_agg(t.entry ORDER BY t.seq) FROM "
            + timeline
            + " t WHERE t.operation_id = o.id) AS timeline FROM "
            + operation
            + " o ";
    insert =
        "INSERT INTO "
            + operation
            + " AS o (id, provider, call_id, kind, state, idempotency_key, correlation, created_at,"
            + " updated_at, deadline, version, timeline_length, document)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
            + " ON CONFLICT DO NOTHING RETURNING o.id"
            + notify;
    appendEntry = "INSERT INTO " + timeline + " (operation_id, seq, entry) VALUES (?, ?, ?::jsonb)";
    // The CTE locks the row at the expected version and reads how many timeline entries it has,
    // so that only the new entries are appended.
    update =
        "WITH prior AS (SELECT id, timeline_length FROM "
            + operation
            + " WHERE id = ? AND version = ? FOR UPDATE) UPDATE "
            + operation
            + " o SET provider = ?, call_id = ?, kind = ?, state = ?, idempotency_key = ?,"
            + " correlation = ?, created_at = ?, updated_at = ?, deadline = ?, version = ?,"
            + " timeline_length = ?, document = ?::jsonb, changed_at = clock_timestamp()"
            + " FROM prior WHERE o.id = prior.id RETURNING prior.timeline_length"
            + notify;
    byId = select + "WHERE o.id = ?";
    byIds = select + "WHERE o.id = ANY (?)";
    byIdempotencyKey = select + "WHERE o.idempotency_key = ?";
    exists = "SELECT 1 FROM " + operation + " WHERE id = ?";
    byCall =
        select + "WHERE o.call_id = ? AND o.provider = ? ORDER BY o.created_at DESC, o.id DESC";
    String related = schema + ".operation_related_call";
    relateCall =
        "INSERT INTO "
            + related
            + " (call_id, provider, operation_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    byRelatedCall =
        select
            + "WHERE o.id IN (SELECT r.operation_id FROM "
            + related
            + " r WHERE r.call_id = ? AND r.provider = ?) ORDER BY o.created_at DESC, o.id DESC";
    String claimable =
        " AND (claimed_until IS NULL OR claimed_until <= clock_timestamp() OR claimed_by = ?)";
    String claim =
        ") UPDATE "
            + operation
            + " o SET claimed_by = ?, claimed_until = clock_timestamp() + ? * interval '1"
            + " millisecond' FROM due WHERE o.id = due.id RETURNING o.id";
    claimOverdue =
        "WITH due AS (SELECT id FROM "
            + operation
            + " WHERE state IN "
            + ACTIVE_STATES
            + " AND deadline <= ?"
            + claimable
            + " ORDER BY deadline, id LIMIT ? FOR UPDATE SKIP LOCKED"
            + claim;
    loadOverdue =
        select
            + "WHERE o.id = ANY (?) AND o.state IN "
            + ACTIVE_STATES
            + " AND o.deadline <= ? ORDER BY o.deadline, o.id";
    claimAwaiting =
        "WITH due AS (SELECT id FROM "
            + operation
            + " WHERE state = 'UNKNOWN' AND updated_at < deadline AND deadline <= ?"
            + claimable
            + " ORDER BY deadline, id LIMIT ? FOR UPDATE SKIP LOCKED"
            + claim;
    loadAwaiting =
        select
            + "WHERE o.id = ANY (?) AND o.state = 'UNKNOWN' AND o.updated_at < o.deadline"
            + " AND o.deadline <= ? ORDER BY o.deadline, o.id";
    // What stands in the way of a new operation: the active operations of its call of the same
    // exclusive kind, or with the same correlation (the unique indexes of V2).
    activeConflicts =
        select
            + "WHERE o.call_id = ? AND o.provider = ? AND o.state IN "
            + ACTIVE_STATES
            + " AND ((o.kind IN ('TRANSFER', 'WARM_HANDOFF', 'REDIRECT')"
            + " AND (CASE WHEN o.kind = 'WARM_HANDOFF' THEN 'TRANSFER' ELSE o.kind END) = ?)"
            + " OR o.correlation = ?)"
            + " ORDER BY o.created_at, o.id";
    sharedSecret = "SELECT secret FROM " + schema + ".shared_secret WHERE name = ?";
    claimRequested =
        "WITH due AS (SELECT id FROM "
            + operation
            + " WHERE state = 'REQUESTED' AND updated_at < ?"
            + claimable
            + " ORDER BY updated_at, id LIMIT ? FOR UPDATE SKIP LOCKED"
            + claim;
    loadRequested =
        select
            + "WHERE o.id = ANY (?) AND o.state = 'REQUESTED' AND o.updated_at < ?"
            + " ORDER BY o.updated_at, o.id";
    purgeFinished =
        "DELETE FROM "
            + operation
            + " WHERE id IN (SELECT id FROM "
            + operation
            + " WHERE state IN "
            + FINISHED_STATES
            + " AND updated_at < ? ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED)";
    String changed =
        "SELECT o.id, o.document, (SELECT json_agg(t.entry ORDER BY t.seq) FROM "
            + timeline
            + " t WHERE t.operation_id = o.id) AS timeline, o.changed_at FROM "
            + operation
            + " o WHERE (o.changed_at, o.id) > (?, ?)";
    String changedOrder = " ORDER BY o.changed_at, o.id LIMIT ?";
    changedSince = changed + changedOrder;
    changedSinceAmong = changed + " AND o.id = ANY (?)" + changedOrder;
  }

  /**
   * @param conditions the filters, each a condition on {@code o}
   * @return the newest-first page query, its last parameter the limit
   */
  String page(List<String> conditions) {
    StringBuilder query = new StringBuilder(select);
    if (!conditions.isEmpty()) {
      query.append("WHERE ").append(String.join(" AND ", conditions));
    }
    return query.append(" ORDER BY o.created_at DESC, o.id DESC LIMIT ?").toString();
  }
}
