-- Issue 15, "each loop closed": two worklists for the DSR team.

-- 1. Keyworker referral suggestions get an id (the worklist's handle) and their outcome. The 0-25 keyworker service
-- takes referrals only through the DSR, and there is no keyworker-team role in the DSR's need-to-know model, so the
-- DSR team works the list on the keyworker service's behalf: it refers (REFERRED), records the family's answer when
-- they decline (DECLINED_BY_FAMILY), or says why none is needed (NOT_NEEDED, a reason code). The family's answer is
-- their own words: kept here only, never in the audit's words or on an event.
ALTER TABLE keyworker_suggestion ADD COLUMN id UUID;
-- Existing suggestions: a stable id from their key (no extension needed).
UPDATE keyworker_suggestion SET id = md5(episode_id::text || '/' || reason)::uuid;
ALTER TABLE keyworker_suggestion ALTER COLUMN id SET NOT NULL;
ALTER TABLE keyworker_suggestion ADD CONSTRAINT keyworker_suggestion_id UNIQUE (id);
ALTER TABLE keyworker_suggestion
    ADD COLUMN outcome           TEXT CHECK (outcome IN ('REFERRED', 'DECLINED_BY_FAMILY', 'NOT_NEEDED')),
    ADD COLUMN family_answer     TEXT,
    ADD COLUMN not_needed_reason TEXT,
    ADD COLUMN outcome_by        TEXT,
    ADD COLUMN outcome_at        TIMESTAMPTZ,
    ADD CONSTRAINT keyworker_outcome_complete CHECK ((outcome IS NULL) = (outcome_at IS NULL)
        AND (outcome IS NULL) = (outcome_by IS NULL)),
    ADD CONSTRAINT keyworker_declined_with_answer CHECK (outcome IS DISTINCT FROM 'DECLINED_BY_FAMILY'
        OR family_answer IS NOT NULL),
    ADD CONSTRAINT keyworker_not_needed_with_reason CHECK (outcome IS DISTINCT FROM 'NOT_NEEDED'
        OR not_needed_reason IS NOT NULL);
-- The open worklist, oldest suggestion first (keyset on suggested_at, id).
CREATE INDEX keyworker_suggestion_open ON keyworker_suggestion (suggested_at, id) WHERE outcome IS NULL;

-- 2. A person on the register who moves out of the ICB's area (PersonMoved with outOfArea) is put on the worklist of
-- the DSR team of the area they moved FROM, to transfer them (to which area or ICB, a code), to remove them from the
-- register (through the register's own removal, which is linked here), or to keep them (STAYING: e.g. placed out of
-- area but still this ICB's responsibility). One open item per person.
CREATE TABLE move_out_of_area (
    id                UUID        PRIMARY KEY,
    person_id         UUID        NOT NULL REFERENCES person (id),
    -- The open register entry when they moved: the one a REMOVED_FROM_REGISTER resolution says was closed.
    register_entry_id UUID        NOT NULL REFERENCES register_entry (id),
    -- The locality they lived in before the move: whose DSR team works the item.
    from_area         TEXT        NOT NULL,
    moved_at          TIMESTAMPTZ NOT NULL,
    noticed_at        TIMESTAMPTZ NOT NULL,
    resolution        TEXT CHECK (resolution IN ('TRANSFERRED', 'REMOVED_FROM_REGISTER', 'STAYING')),
    -- TRANSFERRED: the area or ICB now responsible (a code, e.g. an ICB's ODS code).
    transferred_to    TEXT,
    -- STAYING: why this ICB keeps them (a code).
    staying_reason    TEXT,
    resolved_by       TEXT,
    resolved_at       TIMESTAMPTZ,
    CHECK ((resolution IS NULL) = (resolved_at IS NULL) AND (resolution IS NULL) = (resolved_by IS NULL)),
    CHECK (resolution IS DISTINCT FROM 'TRANSFERRED' OR transferred_to IS NOT NULL),
    CHECK (resolution IS DISTINCT FROM 'STAYING' OR staying_reason IS NOT NULL)
);
CREATE UNIQUE INDEX move_out_of_area_one_open ON move_out_of_area (person_id) WHERE resolution IS NULL;
CREATE INDEX move_out_of_area_open ON move_out_of_area (from_area, moved_at, id) WHERE resolution IS NULL;
