-- Issue 16: objections to processing (UK GDPR Article 21): when received, what is objected to (a code and, if
-- given, the words), and the DSR's decision with who made it and when (empty while it is being considered).
CREATE TABLE objection (
    id          UUID        PRIMARY KEY,
    person_id   UUID        NOT NULL REFERENCES person (id),
    received_on DATE        NOT NULL,
    objects_to  TEXT        NOT NULL,
    details     TEXT,
    decision    TEXT        CHECK (decision IN ('UPHELD', 'NOT_UPHELD')),
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ,
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    CHECK ((decision IS NULL) = (decided_by IS NULL))
);
CREATE INDEX objection_person ON objection (person_id, received_on);
