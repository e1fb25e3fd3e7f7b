-- consent-service knows people only by personId, from referral-service's events: never a name, NHS number,
-- date of birth or address. Its free-text columns (a decision maker's role, where a form is kept, a format, a
-- withdrawal note) hold roles and places, never names. Nothing here is ever deleted: a closed consent is history.

-- People, as far as referral events tell: child or adult, age band when last referred, 18th birthday, register.
CREATE TABLE known_person (
    person_id            UUID        PRIMARY KEY,
    life_stage           TEXT        NOT NULL CHECK (life_stage IN ('CHILD', 'ADULT')),
    age_band             TEXT        NOT NULL,
    age_band_known_on    DATE        NOT NULL,
    turned_18_on         DATE,
    first_known_at       TIMESTAMPTZ NOT NULL,
    last_referred_at     TIMESTAMPTZ NOT NULL,
    -- Removed from the register and not referred again since: no reminders, no worklist entries.
    left_register_on     DATE,
    left_register_reason TEXT
);

CREATE TABLE consent (
    id                     UUID        PRIMARY KEY,
    person_id              UUID        NOT NULL REFERENCES known_person (person_id),
    basis                  TEXT        NOT NULL CHECK (basis IN ('INFORMED_CONSENT', 'BEST_INTERESTS_DECISION',
                                                                 'PARENTAL_RESPONSIBILITY', 'WELFARE_DEPUTY_OR_ATTORNEY')),
    given_by               TEXT        NOT NULL,
    given_on               DATE        NOT NULL,
    given_for_child        BOOLEAN     NOT NULL,
    capacity_assessed_on   DATE,
    decision_maker_role    TEXT,
    explained_with         TEXT        NOT NULL CHECK (explained_with IN ('STANDARD', 'EASY_READ', 'OTHER')),
    explained_with_detail  TEXT,
    form_kept_at           TEXT        NOT NULL,
    recorded_by            TEXT        NOT NULL,
    recorded_at            TIMESTAMPTZ NOT NULL,
    renewal_of             UUID        REFERENCES consent (id),
    renewal_due_on         DATE        NOT NULL,
    renewal_reason         TEXT        NOT NULL CHECK (renewal_reason IN ('ANNUAL_RENEWAL', 'TURNED_18')),
    state                  TEXT        NOT NULL CHECK (state IN ('ACTIVE', 'RENEWAL_DUE', 'OVERDUE', 'LAPSED',
                                                                 'WITHDRAWN', 'RENEWED')),
    renewal_due_since      DATE,
    overdue_since          DATE,
    grace_ends_on          DATE,
    lapsed_on              DATE,
    withdrawn_on           DATE,
    withdrawal_reason      TEXT,
    withdrawal_note        TEXT,
    withdrawal_recorded_by TEXT,
    renewed_by             UUID,
    renewed_on             DATE,
    reminders_sent         INTEGER     NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
    last_reminder_for      DATE,
    updated_at             TIMESTAMPTZ NOT NULL,
    CHECK ((basis = 'BEST_INTERESTS_DECISION') = (capacity_assessed_on IS NOT NULL AND decision_maker_role IS NOT NULL)),
    CHECK (state <> 'OVERDUE' OR grace_ends_on IS NOT NULL),
    CHECK (state <> 'LAPSED' OR lapsed_on IS NOT NULL),
    CHECK (state <> 'WITHDRAWN' OR (withdrawn_on IS NOT NULL AND withdrawal_reason IS NOT NULL)),
    CHECK (state <> 'RENEWED' OR renewed_by IS NOT NULL)
);

-- At most one open consent per person: a second one is a renewal, which closes the first in the same transaction.
CREATE UNIQUE INDEX consent_one_open_per_person ON consent (person_id)
    WHERE state IN ('ACTIVE', 'RENEWAL_DUE', 'OVERDUE');
CREATE INDEX consent_person ON consent (person_id, recorded_at);
CREATE INDEX consent_open_by_due_date ON consent (renewal_due_on) WHERE state IN ('ACTIVE', 'RENEWAL_DUE', 'OVERDUE');
CREATE INDEX consent_lapsed_on ON consent (lapsed_on) WHERE state = 'LAPSED';
CREATE INDEX consent_withdrawn_on ON consent (withdrawn_on) WHERE state = 'WITHDRAWN';

-- Every renewal reminder sent. One per scheduled day of a consent, whatever runs twice.
CREATE TABLE consent_reminder (
    id              UUID        PRIMARY KEY,
    consent_id      UUID        NOT NULL REFERENCES consent (id),
    reminder_number INTEGER     NOT NULL CHECK (reminder_number >= 1),
    subject         TEXT        NOT NULL CHECK (subject IN ('RENEWAL_DUE_SOON', 'RENEWAL_OVERDUE')),
    scheduled_for   DATE        NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (consent_id, scheduled_for),
    UNIQUE (consent_id, reminder_number)
);

-- Each run of the daily lifecycle job, scheduled or on demand: when, by whom, and what it moved.
CREATE TABLE consent_lifecycle_run (
    id           UUID        PRIMARY KEY,
    ran_on       DATE        NOT NULL,
    run_by       TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ NOT NULL,
    renewals_due INTEGER     NOT NULL,
    overdue      INTEGER     NOT NULL,
    lapsed       INTEGER     NOT NULL,
    reminders    INTEGER     NOT NULL
);
