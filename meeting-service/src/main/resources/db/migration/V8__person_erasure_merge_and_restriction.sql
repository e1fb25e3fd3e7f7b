-- Issue 16: a person erased in referral-service is erased here too (everything about them deleted, in the transaction
-- that confirms it; a tracking meeting shared with others stays, without their part); a duplicate merged into a
-- survivor has its meetings, agenda items, outcomes, actions, recommendations and bookings moved to the survivor.

-- A frozen agenda stays frozen for everything but a person's erasure or merge, which the service marks in its
-- transaction (org.opendsr.kit.lifecycle.PersonLifecycle.LIFECYCLE_SETTING): the erased person's item leaves it; a
-- duplicate's item becomes the survivor's.
CREATE OR REPLACE FUNCTION agenda_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('dsr.person_lifecycle', true) = 'on' AND TG_OP IN ('DELETE', 'UPDATE') THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF EXISTS (SELECT 1 FROM agenda WHERE meeting_id = COALESCE(NEW.meeting_id, OLD.meeting_id)
               AND status = 'FROZEN') THEN
        RAISE EXCEPTION 'the agenda of meeting % is frozen', COALESCE(NEW.meeting_id, OLD.meeting_id);
    END IF;
    RETURN COALESCE(NEW, OLD);
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
