-- Issue 16: a possible duplicate resolved as the same person is merged (rights/application/MergingPeople). The
-- merged-away record stays as a row (other tables' history and the append-only audit trail name its id), with its
-- NHS number cleared (one person per NHS number), and every read of it resolves to the survivor through this table.
-- Kept flat: when a survivor is itself merged later, the rows pointing at it are moved on to the new survivor.
CREATE TABLE person_merged (
    merged_person UUID        PRIMARY KEY REFERENCES person (id),
    survivor      UUID        NOT NULL REFERENCES person (id),
    flag_id       UUID        REFERENCES possible_duplicate (id),
    merged_at     TIMESTAMPTZ NOT NULL,
    merged_by     TEXT        NOT NULL,
    CHECK (merged_person <> survivor)
);
CREATE INDEX person_merged_survivor ON person_merged (survivor);

-- Identity and demographic details on which the two records disagreed, for the DSR team to settle: keep the
-- survivor's, or take the merged-away record's. The values are personal data and stay in this database only.
CREATE TABLE merge_conflict (
    id             UUID        PRIMARY KEY,
    survivor       UUID        NOT NULL REFERENCES person (id),
    merged_person  UUID        NOT NULL REFERENCES person (id),
    field          TEXT        NOT NULL,
    survivor_value TEXT,
    merged_value   TEXT,
    raised_at      TIMESTAMPTZ NOT NULL,
    settled_at     TIMESTAMPTZ,
    settled_by     TEXT,
    settlement     TEXT        CHECK (settlement IN ('KEEP_SURVIVOR', 'TAKE_MERGED')),
    CHECK ((settled_at IS NULL) = (settlement IS NULL)),
    UNIQUE (merged_person, field)
);
CREATE INDEX merge_conflict_open ON merge_conflict (raised_at, id) WHERE settled_at IS NULL;
CREATE INDEX merge_conflict_survivor ON merge_conflict (survivor);
