-- Month-end snapshots (issue 14): at each month end (Europe/London, plus dsr.reporting.snapshots.cut-after) the
-- month's figures are worked out from the store and frozen here. Published figures of a closed month are read from
-- here and never change; a fact that arrives late is counted in the month it arrives and listed there as a restatement
-- of the month it happened in. Snapshots are kept whatever the topics' retention, and a rebuild of the store never
-- touches them. Only figures before disclosure control: counts, no pseudonyms, no person.

-- One row per cut month, written last in the cut's transaction (its primary key: a month is cut once).
CREATE TABLE snapshot (
    month    DATE PRIMARY KEY CHECK (extract(DAY FROM month) = 1),
    cut_at   TIMESTAMPTZ NOT NULL,
    -- H': the highest reporting_fact seq the cut took (reporting_store_state.last_cut_seq was moved to it).
    last_seq BIGINT NOT NULL CHECK (last_seq >= 0)
);

-- The month's non-zero cells (a category with no row is 0). measure = the measure's published id; grp, dimension and
-- category as in org.opendsr.reporting.measures.domain.RawCell.
CREATE TABLE snapshot_cell (
    month       DATE NOT NULL REFERENCES snapshot (month) DEFERRABLE INITIALLY DEFERRED,
    measure     TEXT NOT NULL CHECK (measure ~ '^[a-z0-9-]{1,60}$'),
    grp         TEXT NOT NULL CHECK (grp ~ '^[A-Z0-9_]{1,60}$'),
    dimension   TEXT NOT NULL CHECK (dimension ~ '^[A-Z_]{1,40}$'),
    category    TEXT NOT NULL CHECK (category ~ '^[A-Z0-9_-]{1,60}$'),
    -- COUNT: the count; PERCENT: the numerator; DAYS: how many were measured.
    count       BIGINT NOT NULL CHECK (count >= 0),
    denominator BIGINT CHECK (denominator >= count),
    sum_days    BIGINT,
    max_days    BIGINT,
    PRIMARY KEY (month, measure, grp, dimension, category)
);

-- Counted in this month, happened in an earlier one (ICB totals).
CREATE TABLE snapshot_restatement (
    month          DATE NOT NULL REFERENCES snapshot (month) DEFERRABLE INITIALLY DEFERRED,
    measure        TEXT NOT NULL CHECK (measure ~ '^[a-z0-9-]{1,60}$'),
    grp            TEXT NOT NULL CHECK (grp ~ '^[A-Z0-9_]{1,60}$'),
    occurred_month DATE NOT NULL CHECK (extract(DAY FROM occurred_month) = 1 AND occurred_month < month),
    count          BIGINT NOT NULL CHECK (count > 0),
    PRIMARY KEY (month, measure, grp, occurred_month)
);

-- Frozen: no UPDATE, DELETE or TRUNCATE statement runs at all (even one that would touch no row), and a month already
-- cut takes no more rows.
CREATE FUNCTION snapshot_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'snapshots are frozen: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE FUNCTION snapshot_month_not_cut() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM added JOIN snapshot USING (month)) THEN
        RAISE EXCEPTION 'snapshots are frozen: % of a month already cut refused', TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER snapshot_frozen BEFORE UPDATE OR DELETE ON snapshot FOR EACH STATEMENT EXECUTE FUNCTION snapshot_is_frozen();
CREATE TRIGGER snapshot_not_truncated BEFORE TRUNCATE ON snapshot FOR EACH STATEMENT EXECUTE FUNCTION snapshot_is_frozen();

CREATE TRIGGER snapshot_cell_frozen BEFORE UPDATE OR DELETE ON snapshot_cell FOR EACH STATEMENT EXECUTE FUNCTION snapshot_is_frozen();
CREATE TRIGGER snapshot_cell_not_truncated BEFORE TRUNCATE ON snapshot_cell FOR EACH STATEMENT EXECUTE FUNCTION snapshot_is_frozen();
CREATE TRIGGER snapshot_cell_month_not_cut AFTER INSERT ON snapshot_cell REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION snapshot_month_not_cut();

CREATE TRIGGER snapshot_restatement_frozen BEFORE UPDATE OR DELETE ON snapshot_restatement FOR EACH STATEMENT EXECUTE FUNCTION snapshot_is_frozen();
CREATE TRIGGER snapshot_restatement_not_truncated BEFORE TRUNCATE ON snapshot_restatement FOR EACH STATEMENT EXECUTE FUNCTION snapshot_is_frozen();
CREATE TRIGGER snapshot_restatement_month_not_cut AFTER INSERT ON snapshot_restatement REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION snapshot_month_not_cut();

-- Updates and reviews falling due in a month are found by their due day.
CREATE INDEX reporting_fact_by_due ON reporting_fact (due_on, kind) WHERE due_on IS NOT NULL;
