-- What each rating obliges (issue 12 item 5; org.opendsr.risk.obligations): a C(E)TR, a multi-agency review,
-- the partners who would join a C(E)TR, the post-admission and inpatient C(E)TRs, commissioner oversight visits,
-- a keyworker referral. Known by personId only. Nothing is deleted: a closed obligation is the person's history.
-- The free text here (why one was not needed, the partners' agency or service names) never leaves risk-service.
CREATE TABLE obligation (
    id                 UUID        PRIMARY KEY,
    person_id          UUID        NOT NULL,
    kind               TEXT        NOT NULL CHECK (kind IN ('COMMUNITY_CTR', 'MULTI_AGENCY_REVIEW', 'CTR_PARTNERS',
                                                            'POST_ADMISSION_CTR', 'INPATIENT_CTR',
                                                            'COMMISSIONER_OVERSIGHT_VISIT', 'KEYWORKER_REFERRAL')),
    status             TEXT        NOT NULL CHECK (status IN ('DUE', 'BOOKED', 'OVERDUE', 'DONE', 'NOT_NEEDED')),
    -- The day its period counts from (the rating change, the admission, the previous review) and the due date.
    scheduled_from     DATE        NOT NULL,
    due_on             DATE        NOT NULL,
    opened_at          TIMESTAMPTZ NOT NULL,
    opened_on          DATE        NOT NULL,
    -- The rating change that opened it (its cause), or RECURRENCE for the next inpatient C(E)TR or visit.
    opened_by          TEXT        NOT NULL CHECK (opened_by IN ('INDICATIVE_AT_ACCEPTANCE', 'DECIDED',
                                                                 'AGREED_AT_MEETING', 'ADMISSION', 'DISCHARGE',
                                                                 'INPATIENT_SETTING_RECORDED', 'RECURRENCE')),
    rating_at_opening  TEXT        NOT NULL CHECK (rating_at_opening IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    booked_for         DATE,
    -- The day it was done, or the day it was found not needed.
    completed_on       DATE,
    review_type        TEXT        CHECK (review_type IN ('COMMUNITY_CTR', 'LAEP', 'MULTI_AGENCY_MEETING',
                                                          'POST_ADMISSION_CTR', 'INPATIENT_CTR', 'OVERSIGHT_VISIT')),
    meeting_id         UUID,
    -- CTR_PARTNERS only: agency and service names (at most 20, each at most 100 characters), never people.
    partners           TEXT[]      NOT NULL DEFAULT '{}',
    not_needed_reason  TEXT        CHECK (char_length(not_needed_reason) <= 500),
    closed_at          TIMESTAMPTZ,
    -- The subject who closed it; null when the system did (discharge, leaving the register).
    closed_by          TEXT,
    -- True once obligation-overdue was published for it: never twice.
    overdue_announced  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at         TIMESTAMPTZ NOT NULL,
    CHECK (cardinality(partners) <= 20),
    CHECK (status <> 'BOOKED' OR booked_for IS NOT NULL),
    CHECK (status <> 'OVERDUE' OR overdue_announced),
    CHECK ((status IN ('DONE', 'NOT_NEEDED')) = (closed_at IS NOT NULL AND completed_on IS NOT NULL)),
    CHECK (status <> 'NOT_NEEDED' OR not_needed_reason IS NOT NULL),
    CHECK (status <> 'DONE' OR not_needed_reason IS NULL),
    CHECK (kind <> 'CTR_PARTNERS' OR status <> 'DONE' OR cardinality(partners) > 0)
);

-- Never two open obligations of one kind for a person (ObligationPolicy); the database holds the line too.
CREATE UNIQUE INDEX obligation_one_open_per_kind ON obligation (person_id, kind)
    WHERE status IN ('DUE', 'BOOKED', 'OVERDUE');

-- A person's obligations (their page, the rating follower).
CREATE INDEX obligation_by_person ON obligation (person_id, opened_at);

-- The worklist (open ones, soonest due first, keyset paged by due date and id) and the due-date sweep.
CREATE INDEX obligation_open_by_due ON obligation (due_on, id) WHERE status IN ('DUE', 'BOOKED', 'OVERDUE');
CREATE INDEX obligation_to_sweep ON obligation (due_on) WHERE status IN ('DUE', 'BOOKED');
