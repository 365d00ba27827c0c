-- Handoff store, version 3: the incoming calls the provider announced, shared by every instance
-- so that any of them can list the calls and their incoming-call context. Rows are short-lived:
-- a provider accepts the context for seconds, and the store forgets a call after its retention.

CREATE TABLE ${flyway:defaultSchema}.incoming_call (
    seq          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider     varchar(32)  COLLATE "C" NOT NULL,
    event_id     varchar(512) COLLATE "C" NOT NULL,
    call_id      text         COLLATE "C" NOT NULL,
    announced_at timestamptz  NOT NULL,
    document     jsonb        NOT NULL,
    UNIQUE (provider, event_id)
);

COMMENT ON TABLE ${flyway:defaultSchema}.incoming_call IS
    'One announced incoming call per row, document holding all of it; seq orders the announcements.';
COMMENT ON COLUMN ${flyway:defaultSchema}.incoming_call.announced_at IS
    'When the store was told, by the service''s clock; the call expires a retention later.';

CREATE INDEX incoming_call_announced_at ON ${flyway:defaultSchema}.incoming_call (announced_at);
CREATE INDEX incoming_call_by_call ON ${flyway:defaultSchema}.incoming_call (call_id, seq DESC);
