-- Handoff operation store, version 1.
-- The schema is Flyway's default schema (PostgresOperationStore.migrate(dataSource, schema)).
-- Text keys use the "C" collation: byte order, the same order as Java's String.compareTo for
-- the ASCII ids Handoff issues, and cheaper to compare.

CREATE TABLE ${flyway:defaultSchema}.operation (
    id              varchar(64)  COLLATE "C" PRIMARY KEY,
    provider        varchar(32)  COLLATE "C" NOT NULL,
    call_id         text         COLLATE "C" NOT NULL,
    kind            varchar(32)  COLLATE "C" NOT NULL,
    state           varchar(16)  COLLATE "C" NOT NULL
        CHECK (state IN ('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED',
                         'UNKNOWN', 'COMPLETED', 'FAILED', 'CANCELLED')),
    idempotency_key varchar(255) COLLATE "C" UNIQUE,
    correlation     text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    deadline        timestamptz  NOT NULL,
    version         bigint       NOT NULL CHECK (version >= 1),
    timeline_length integer      NOT NULL CHECK (timeline_length >= 1),
    document        jsonb        NOT NULL,
    changed_at      timestamptz  NOT NULL DEFAULT clock_timestamp(),
    claimed_by      varchar(128),
    claimed_until   timestamptz
);

COMMENT ON TABLE ${flyway:defaultSchema}.operation IS
    'One Handoff operation per row. document holds the whole operation but its timeline; the other columns repeat what is queried.';
COMMENT ON COLUMN ${flyway:defaultSchema}.operation.version IS
    'Compare-and-set: an update succeeds only when the stored version is the new one minus 1.';
COMMENT ON COLUMN ${flyway:defaultSchema}.operation.timeline_length IS
    'How many rows operation_timeline holds for this operation.';
COMMENT ON COLUMN ${flyway:defaultSchema}.operation.changed_at IS
    'Database time of the last insert or update; the change bus catches up from it after a lost connection.';
COMMENT ON COLUMN ${flyway:defaultSchema}.operation.claimed_by IS
    'The store instance whose sweep claimed the row last; see claimed_until.';
COMMENT ON COLUMN ${flyway:defaultSchema}.operation.claimed_until IS
    'Database time until which other instances'' sweeps skip the row.';

CREATE TABLE ${flyway:defaultSchema}.operation_timeline (
    operation_id varchar(64) COLLATE "C" NOT NULL
        REFERENCES ${flyway:defaultSchema}.operation (id) ON DELETE CASCADE,
    seq          integer     NOT NULL CHECK (seq >= 0),
    entry        jsonb       NOT NULL,
    PRIMARY KEY (operation_id, seq)
);

COMMENT ON TABLE ${flyway:defaultSchema}.operation_timeline IS
    'Timeline entries, appended: an update inserts the new entries and never rewrites old ones.';

-- Operations of a call, newest first (findByCall; list filtered by call).
CREATE INDEX operation_call_idx
    ON ${flyway:defaultSchema}.operation (call_id, provider, created_at DESC, id DESC);
-- Newest-first paging with the (created_at, id) cursor.
CREATE INDEX operation_newest_idx
    ON ${flyway:defaultSchema}.operation (created_at DESC, id DESC);
-- Paging filtered by state.
CREATE INDEX operation_state_idx
    ON ${flyway:defaultSchema}.operation (state, created_at DESC, id DESC);
-- Deadline sweep: active operations by deadline.
CREATE INDEX operation_overdue_idx
    ON ${flyway:defaultSchema}.operation (deadline, id)
    WHERE state IN ('REQUESTED', 'SUBMITTED', 'IN_PROGRESS', 'ACCEPTED');
-- Resume sweep: operations still REQUESTED, by last change.
CREATE INDEX operation_requested_idx
    ON ${flyway:defaultSchema}.operation (updated_at, id)
    WHERE state = 'REQUESTED';
-- Retention: finished operations by last change.
CREATE INDEX operation_finished_idx
    ON ${flyway:defaultSchema}.operation (updated_at)
    WHERE state IN ('UNKNOWN', 'COMPLETED', 'FAILED', 'CANCELLED');
-- Change bus catch-up after a lost connection.
CREATE INDEX operation_changed_idx
    ON ${flyway:defaultSchema}.operation (changed_at, id);
