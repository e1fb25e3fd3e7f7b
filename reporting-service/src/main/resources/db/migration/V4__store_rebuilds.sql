-- The rebuilds of the pseudonymised store from the topics (issue 14 item 7): one row per rebuild, and per topic how
-- many events it has read of how many there were when it started. Any replica answers "how far has it got" from
-- here. Counts, times and topic names only.
CREATE TABLE store_rebuild (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state        TEXT NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    started_at   TIMESTAMPTZ NOT NULL,
    -- Written with every batch: a RUNNING rebuild whose heartbeat has stopped died with its replica.
    heartbeat_at TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    -- Events that could not be read (not a CloudEvent, not valid against their schema) or were refused: left out.
    skipped      BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE store_rebuild_topic (
    rebuild_id BIGINT NOT NULL REFERENCES store_rebuild (id),
    topic      TEXT NOT NULL CHECK (topic ~ '^[a-z0-9.-]{1,100}$'),
    total      BIGINT NOT NULL,
    read       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (rebuild_id, topic)
);
