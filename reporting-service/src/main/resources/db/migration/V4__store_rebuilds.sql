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
    -- A DSR topic name (dsr.referral.events): segments that start with a letter.
    topic      TEXT NOT NULL CHECK (topic ~ '^dsr(\.[a-z][a-z0-9-]{0,40}){1,4}$'),
    total      BIGINT NOT NULL,
    read       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (rebuild_id, topic)
);

-- The store's open code columns (a locality, a reason, a status, a service type) take capitals, digits, underscores
-- and hyphens only (V2), which already refuses names as people write them, dates with slashes and postcodes with their
-- space. Closed further here: no run of 4 digits (an NHS number, a date of birth as text, a year) and nothing shaped
-- like a postcode written without its space. StoreCodes refuses the same before anything reaches SQL.
ALTER TABLE reporting_person
    ADD CONSTRAINT reporting_person_locality_no_identifier
        CHECK (locality !~ '[0-9]{4}' AND locality !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$');
ALTER TABLE reporting_fact
    ADD CONSTRAINT reporting_fact_locality_no_identifier
        CHECK (locality !~ '[0-9]{4}' AND locality !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'),
    ADD CONSTRAINT reporting_fact_code_no_identifier
        CHECK (code !~ '[0-9]{4}' AND code !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'),
    ADD CONSTRAINT reporting_fact_detail_no_identifier
        CHECK (detail !~ '[0-9]{4}' AND detail !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$');
