-- The dead-letter office of a service (issue 16): a copy of each record one of this service's consumer groups sent to
-- a dead-letter topic (<topic>.dlt, org.opendsr.kit.messaging.DeadLetters), so that a lead can list them by reason,
-- replay one after its cause is fixed or discard it with a reason (org.opendsr.kit.deadletters).
--
-- Personal data: only the agency inbound topics carry it (DESIGN.md section 2), so only a dead letter from one of them
-- (carries_personal_data) holds it, in record_key/record_value/headers; those are removed (the envelope's id, type and
-- source kept) after dsr.dead-letters.redact-after, and redacted_at says when. Every dead letter's key, value and
-- headers are cleared once it is replayed or discarded, and the row itself is deleted after dsr.dead-letters.keep-for.
CREATE TABLE dead_letter (
    id                    UUID        PRIMARY KEY,
    -- For keyset paging of the list, in the order the office received them.
    seq                   BIGSERIAL   NOT NULL UNIQUE,
    consumer_group        TEXT        NOT NULL,
    original_topic        TEXT        NOT NULL,
    original_partition    INTEGER     NOT NULL,
    original_offset       BIGINT      NOT NULL,
    dead_letter_topic     TEXT        NOT NULL,
    -- org.opendsr.kit.messaging.UnprocessableEvent.Reason, and the kit's text for it (no values from the record).
    reason_code           TEXT        NOT NULL,
    reason                TEXT        NOT NULL,
    event_id              TEXT,
    event_type            TEXT,
    failed_at             TIMESTAMPTZ NOT NULL,
    received_at           TIMESTAMPTZ NOT NULL,
    carries_personal_data BOOLEAN     NOT NULL,
    record_key            TEXT,
    record_value          BYTEA,
    -- The record's own headers (not the dsr.dlt.* ones, which are the columns above), base64 values, for the replay.
    headers               JSONB,
    state                 TEXT        NOT NULL DEFAULT 'WAITING'
                              CHECK (state IN ('WAITING', 'REPLAYED', 'DISCARDED')),
    state_changed_at      TIMESTAMPTZ,
    state_changed_by      TEXT,
    discard_reason        TEXT,
    replay_attempts       INTEGER     NOT NULL DEFAULT 0,
    redacted_at           TIMESTAMPTZ,
    -- A record dead-lettered twice (its consumer crashed before committing) is one dead letter.
    UNIQUE (consumer_group, original_topic, original_partition, original_offset)
);

CREATE INDEX dead_letter_by_reason ON dead_letter (reason_code, state, seq);
CREATE INDEX dead_letter_to_redact ON dead_letter (failed_at) WHERE carries_personal_data AND redacted_at IS NULL;
CREATE INDEX dead_letter_by_age ON dead_letter (failed_at);

REVOKE ALL ON dead_letter FROM PUBLIC;
