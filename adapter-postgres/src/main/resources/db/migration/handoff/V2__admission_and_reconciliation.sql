-- Handoff operation store, version 2: the database decides admission, so that two instances
-- submitting the same call's transfer at the same moment cannot both be admitted, and finds the
-- UNKNOWN operations whose outcome the provider may still tell.

-- A unique index cannot be built over rows that break it. Operations admitted before this version
-- were checked without a lock, so two active transfers of one call may exist: say which, rather
-- than fail with an index error. They end by themselves (final, or UNKNOWN at their deadline).
DO $$
DECLARE
    clash record;
BEGIN
    SELECT provider, call_id, kind, string_agg(id, ', ' ORDER BY id) AS ids INTO clash
      FROM ${flyway:defaultSchema}.operation
     WHERE kind IN ('TRANSFER', 'REDIRECT')
       AND state IN ('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED')
     GROUP BY provider, call_id, kind
    HAVING count(*) > 1
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Handoff store upgrade: call % (provider %) has several active % operations (%). Wait until they are finished or UNKNOWN (at most their deadline), then start again.',
            clash.call_id, clash.provider, clash.kind, clash.ids;
    END IF;
    SELECT provider, call_id, string_agg(id, ', ' ORDER BY id) AS ids INTO clash
      FROM ${flyway:defaultSchema}.operation
     WHERE state IN ('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED')
     GROUP BY provider, call_id, correlation
    HAVING count(*) > 1
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Handoff store upgrade: call % (provider %) has several active operations with one operation context (%). Wait until they are finished or UNKNOWN (at most their deadline), then start again.',
            clash.call_id, clash.provider, clash.ids;
    END IF;
END
$$;

-- At most one active transfer and one active redirect per call.
CREATE UNIQUE INDEX operation_one_active_per_call_idx
    ON ${flyway:defaultSchema}.operation (provider, call_id, kind)
    WHERE kind IN ('TRANSFER', 'REDIRECT')
      AND state IN ('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED');
-- An operation context (the correlation) is used by one active operation of a call.
CREATE UNIQUE INDEX operation_active_correlation_idx
    ON ${flyway:defaultSchema}.operation (provider, call_id, correlation)
    WHERE state IN ('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED');
-- Reconciliation sweep: UNKNOWN operations not consulted since their deadline, by deadline.
CREATE INDEX operation_awaiting_reconciliation_idx
    ON ${flyway:defaultSchema}.operation (deadline, id)
    WHERE state = 'UNKNOWN' AND updated_at < deadline;

-- A secret every instance sharing the database holds, created once: the key the callback URLs
-- Handoff hands providers are bound to their operation with (HMAC), so that a delivery accepted
-- by one instance is accepted by any. 244 random bits (two version-4 UUIDs, PostgreSQL 13+).
CREATE TABLE ${flyway:defaultSchema}.shared_secret (
    name   varchar(64) COLLATE "C" PRIMARY KEY,
    secret text        NOT NULL
);
COMMENT ON TABLE ${flyway:defaultSchema}.shared_secret IS
    'Secrets shared by the instances using this store, created at migration; callback-binding is the HMAC key of callback URLs.';
INSERT INTO ${flyway:defaultSchema}.shared_secret (name, secret)
VALUES ('callback-binding', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
