-- Issue 16: a person erased in referral-service is erased here too (every row under their personId deleted, in the
-- transaction that confirms it); a duplicate merged into a survivor has its records moved to the survivor.

-- A merge closes the duplicate's open consent when the survivor has one given later (one open consent per person):
-- SUPERSEDED_BY_MERGE, with renewed_by/renewed_on naming the survivor's consent that carries the person's consent on
-- and the day of the merge, as a renewal does.
ALTER TABLE consent DROP CONSTRAINT consent_state_check;
ALTER TABLE consent ADD CONSTRAINT consent_state_check CHECK (state IN ('ACTIVE', 'RENEWAL_DUE', 'OVERDUE', 'LAPSED',
                                                                       'WITHDRAWN', 'RENEWED', 'SUPERSEDED_BY_MERGE'));
ALTER TABLE consent ADD CONSTRAINT consent_superseded_names_survivor
    CHECK (state <> 'SUPERSEDED_BY_MERGE' OR (renewed_by IS NOT NULL AND renewed_on IS NOT NULL));

-- The same DDL in consent-, risk- and meeting-service (read and written by the service kit's
-- org.opendsr.kit.lifecycle classes; the kit's own migrations belong to another part of issue 16).
-- A duplicate's personId and the survivor's: reads and late events by the old personId resolve to the survivor.
CREATE TABLE merged_person (
    from_person_id UUID        PRIMARY KEY,
    into_person_id UUID        NOT NULL,
    merged_at      TIMESTAMPTZ NOT NULL,
    CHECK (from_person_id <> into_person_id)
);
CREATE INDEX merged_person_into ON merged_person (into_person_id);

-- Whose processing is restricted (UK GDPR Article 18), from dsr.person.processing-restricted.v1: the latest change.
CREATE TABLE processing_restriction (
    person_id  UUID        PRIMARY KEY,
    restricted BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
