-- The updates box (issue 12, item 4): brief updates the responsible professional and care team post, and when the
-- next one is due for each person (DOMAIN.md "Risk rating": every 14 days for RED and AMBER, monthly for GREEN;
-- BLUE with the commissioner oversight visits). The text stays here: events say only that an update was posted
-- or is overdue.

CREATE TABLE posted_update (
    update_id UUID        PRIMARY KEY,
    person_id UUID        NOT NULL,
    -- Trimmed, 1 to 2000 characters (UpdateText). Never copied onto an event or into a log line.
    text      TEXT        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
    -- The subject (token sub) of whoever posted it.
    posted_by TEXT        NOT NULL,
    posted_at TIMESTAMPTZ NOT NULL
);

-- A person's updates, newest first, keyset paged.
CREATE INDEX posted_update_person ON posted_update (person_id, posted_at DESC, update_id DESC);

-- One schedule per person rated on the register (UpdateSchedule). Stopped, not deleted, when they leave it.
CREATE TABLE update_schedule (
    person_id         UUID        PRIMARY KEY,
    rating            TEXT        NOT NULL CHECK (rating IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    -- ISO-8601 period (P14D, P1M, P6W as P42D), for the person's rating, life stage and area when it was set.
    cadence           TEXT        NOT NULL,
    rating_since_on   DATE        NOT NULL,
    last_update_at    TIMESTAMPTZ,
    last_update_on    DATE,
    -- A date in England; null only once stopped.
    next_due_on       DATE,
    -- The first overdue day (the day after the missed due date), until an update is posted.
    overdue_since     DATE,
    -- dsr.risk.update-overdue.v1 was published for the missed date: never twice for the same one.
    overdue_announced BOOLEAN     NOT NULL DEFAULT FALSE,
    -- The day the person left the register: nothing is due and they are on no worklist.
    stopped_on        DATE,
    changed_at        TIMESTAMPTZ NOT NULL,
    CHECK (stopped_on IS NOT NULL OR next_due_on IS NOT NULL),
    CHECK ((last_update_at IS NULL) = (last_update_on IS NULL))
);

-- The sweep: running schedules not yet flagged, by due date.
CREATE INDEX update_schedule_due ON update_schedule (next_due_on, person_id)
    WHERE stopped_on IS NULL AND overdue_since IS NULL;
-- The overdue-updates worklist, oldest due first.
CREATE INDEX update_schedule_running ON update_schedule (next_due_on, person_id) WHERE stopped_on IS NULL;
