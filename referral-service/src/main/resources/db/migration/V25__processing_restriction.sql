-- Issue 16: restriction of processing (UK GDPR Article 18). One row per person whose processing was ever restricted;
-- no row is "not restricted". Each change is on the audit trail with the values it replaced.
CREATE TABLE processing_restriction (
    person_id  UUID        PRIMARY KEY REFERENCES person (id),
    restricted BOOLEAN     NOT NULL,
    reason     TEXT,
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by TEXT        NOT NULL
);
-- The notifier and the listings ask "is this person restricted now?" for many people.
CREATE INDEX processing_restriction_restricted ON processing_restriction (person_id) WHERE restricted;
