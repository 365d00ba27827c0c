-- Handoff operation store, version 4: a warm handoff under way is its call's transfer. A call has at
-- most one active operation that hands it on (a transfer or a warm handoff) and one active
-- redirect, so the unique index of version 2 now groups the two kinds under one slot.

-- Operations admitted before this version were not checked against each other across the two
-- kinds: say which call breaks the rule, rather than fail with an index error.
DO $$
DECLARE
    clash record;
BEGIN
    SELECT provider, call_id, string_agg(id, ', ' ORDER BY id) AS ids INTO clash
      FROM ${flyway:defaultSchema}.operation
     WHERE kind IN ('TRANSFER', 'WARM_HANDOFF')
       AND state IN ('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED')
     GROUP BY provider, call_id
    HAVING count(*) > 1
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Handoff store upgrade: call % (provider %) has several active transfers or warm handoffs (%). Wait until they are finished or UNKNOWN, then start again.',
            clash.call_id, clash.provider, clash.ids;
    END IF;
END
$$;

DROP INDEX ${flyway:defaultSchema}.operation_one_active_per_call_idx;
-- At most one active transfer or warm handoff, and one active redirect, per call.
CREATE UNIQUE INDEX operation_one_active_per_call_idx
    ON ${flyway:defaultSchema}.operation
       (provider, call_id, (CASE WHEN kind = 'WARM_HANDOFF' THEN 'TRANSFER' ELSE kind END))
    WHERE kind IN ('TRANSFER', 'WARM_HANDOFF', 'REDIRECT')
      AND state IN ('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED');
