-- Issue 16: a person erased in referral-service is erased here too (every row under their personId deleted, in the
-- transaction that confirms it); a duplicate merged into a survivor has its ratings, assessments, updates and
-- obligations moved to the survivor.

-- The rating history stays append-only for everything but a person's erasure or merge, which the service marks in
-- its transaction (org.opendsr.kit.lifecycle.PersonLifecycle.LIFECYCLE_SETTING): the history of an erased person is
-- deleted; a duplicate's history is re-keyed to the survivor, unchanged otherwise.
CREATE OR REPLACE FUNCTION rating_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('dsr.person_lifecycle', true) = 'on'
       AND (TG_OP = 'DELETE' OR (NEW.rating_id = OLD.rating_id AND NEW.rating IS NOT DISTINCT FROM OLD.rating
                                 AND NEW.decided_at = OLD.decided_at AND NEW.rationale = OLD.rationale)) THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    RAISE EXCEPTION 'rating history is append-only (% refused)', TG_OP;
END;
$$;

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
