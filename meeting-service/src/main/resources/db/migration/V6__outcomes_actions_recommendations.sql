-- Outcomes of DSR meetings about one person each, the actions they agreed and the services they recommended
-- (issue 13 item 5). The summary, decisions, rationale, action descriptions and notes are the meeting's words: kept
-- here for the people who may read them, never on a topic. Nothing is deleted: an outcome is the meeting's record.
-- meeting_id refers to the shared core's meetings; no foreign key, so that this feature's tables stand on their own
-- in migrations (every outcome is recorded through a meeting that was found and locked).

CREATE TABLE meeting_outcome (
    id                                UUID        PRIMARY KEY,
    meeting_id                        UUID        NOT NULL,
    meeting_kind                      TEXT        NOT NULL,
    person_id                         UUID        NOT NULL,
    -- The meeting's area (for a tracking meeting, also the person's when it was recorded).
    area                              TEXT        NOT NULL,
    meeting_day                       DATE        NOT NULL,
    summary                           TEXT        NOT NULL,
    decisions                         TEXT[]      NOT NULL,
    agreed_rating                     TEXT,
    rating_rationale                  TEXT,
    discussed_with_person_and_family  BOOLEAN,
    recorded_at                       TIMESTAMPTZ NOT NULL,
    recorded_by                       TEXT        NOT NULL,
    feedback_due_on                   DATE        NOT NULL,
    feedback_given_at                 TIMESTAMPTZ,
    feedback_given_by                 TEXT,
    -- One outcome per person per meeting.
    CONSTRAINT meeting_outcome_once UNIQUE (meeting_id, person_id),
    CONSTRAINT meeting_outcome_rating_explained CHECK (agreed_rating IS NULL
        OR (rating_rationale IS NOT NULL AND discussed_with_person_and_family IS NOT NULL))
);
CREATE INDEX meeting_outcome_person ON meeting_outcome (person_id, meeting_day DESC);
-- The feedback-due worklist: owed feedback, soonest due first.
CREATE INDEX meeting_outcome_feedback_owed ON meeting_outcome (feedback_due_on, id) WHERE feedback_given_at IS NULL;

CREATE TABLE meeting_action (
    id                 UUID        PRIMARY KEY,
    outcome_id         UUID        NOT NULL REFERENCES meeting_outcome (id),
    meeting_id         UUID        NOT NULL,
    person_id          UUID        NOT NULL,
    area               TEXT        NOT NULL,
    description        TEXT        NOT NULL,
    owner_agency       TEXT        NOT NULL,
    owner_subject      TEXT,
    due_on             DATE        NOT NULL,
    done_on            DATE,
    done_at            TIMESTAMPTZ,
    done_by            TEXT,
    -- Set, with action-overdue in the outbox, the one time the sweep announces it.
    overdue_announced  BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX meeting_action_outcome ON meeting_action (outcome_id);
-- The overdue-actions worklist and the agenda: actions not done, soonest due first.
CREATE INDEX meeting_action_not_done ON meeting_action (due_on, id) WHERE done_on IS NULL;
-- The sweep: not done and not yet announced.
CREATE INDEX meeting_action_to_announce ON meeting_action (due_on) WHERE done_on IS NULL AND NOT overdue_announced;

CREATE TABLE service_recommendation (
    id            UUID        PRIMARY KEY,
    outcome_id    UUID        NOT NULL REFERENCES meeting_outcome (id),
    meeting_id    UUID        NOT NULL,
    person_id     UUID        NOT NULL,
    area          TEXT        NOT NULL,
    -- A code from dsr.meeting.recommendations.catalogue (what reporting counts service gaps by).
    service_type  TEXT        NOT NULL,
    note          TEXT,
    made_on       DATE        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('MADE', 'MET', 'UNMET')),
    met_on        DATE,
    unmet_reason  TEXT,
    unmet_note    TEXT,
    marked_on     DATE,
    marked_by     TEXT
);
CREATE INDEX service_recommendation_outcome ON service_recommendation (outcome_id);
-- The unmet-recommendations worklist, in the order they were marked.
CREATE INDEX service_recommendation_unmet ON service_recommendation (marked_on, id) WHERE status = 'UNMET';
