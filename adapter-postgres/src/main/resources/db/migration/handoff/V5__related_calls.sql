-- Handoff operation store, version 5: the calls an operation placed itself (a warm handoff's
-- consultation calls), indexed, so that the operation a callback about such a call concerns is
-- found with one indexed look-up (OperationStore.findByRelatedCall) rather than by reading every
-- unfinished warm handoff.

CREATE TABLE ${flyway:defaultSchema}.operation_related_call (
    call_id      text        COLLATE "C" NOT NULL,
    provider     varchar(32) COLLATE "C" NOT NULL,
    operation_id varchar(64) COLLATE "C" NOT NULL
        REFERENCES ${flyway:defaultSchema}.operation (id) ON DELETE CASCADE,
    PRIMARY KEY (call_id, provider, operation_id)
);

COMMENT ON TABLE ${flyway:defaultSchema}.operation_related_call IS
    'The calls an operation placed (the callId facts of its steps), written with the timeline entry that learned each; looked up by call.';

-- Retention deletes operations by id: the cascade finds their rows by this index.
CREATE INDEX operation_related_call_operation_idx
    ON ${flyway:defaultSchema}.operation_related_call (operation_id);

-- The upgrade: the calls already on stored timelines. A step's facts are stored as an array of
-- [name, value] pairs.
INSERT INTO ${flyway:defaultSchema}.operation_related_call (call_id, provider, operation_id)
SELECT DISTINCT fact ->> 1, o.provider, o.id
  FROM ${flyway:defaultSchema}.operation o
  JOIN ${flyway:defaultSchema}.operation_timeline t ON t.operation_id = o.id
 CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(t.entry -> 'step' -> 'facts') = 'array'
                THEN t.entry -> 'step' -> 'facts' ELSE '[]'::jsonb END) AS fact
 WHERE fact ->> 0 = 'callId'
ON CONFLICT DO NOTHING;
