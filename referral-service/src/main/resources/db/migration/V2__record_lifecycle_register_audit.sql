-- The person's whole record, the referral lifecycle, the register, consent as consent-service reports it,
-- age milestones, keyworker suggestions, possible duplicates, bank holidays and the audit trail.

-- A self or family referral starts as a minimal first contact: the date of birth and locality come later.
ALTER TABLE person
    ALTER COLUMN date_of_birth DROP NOT NULL,
    ALTER COLUMN locality DROP NOT NULL,
    ADD COLUMN address_line1   TEXT,
    ADD COLUMN address_line2   TEXT,
    ADD COLUMN town            TEXT,
    ADD COLUMN ethnic_category TEXT,
    ADD COLUMN gender_identity TEXT,
    ADD COLUMN diagnosis       TEXT;

-- Possible duplicates are looked for among people with the same date of birth.
CREATE INDEX person_date_of_birth ON person (date_of_birth);

-- The person, their parents or carers (with parental responsibility or not) and paid carers.
CREATE TABLE person_contact (
    id                          UUID    PRIMARY KEY,
    person_id                   UUID    NOT NULL REFERENCES person (id),
    position                    INT     NOT NULL,
    relationship                TEXT    NOT NULL,
    name                        TEXT,
    phone                       TEXT,
    email                       TEXT,
    has_parental_responsibility BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX person_contact_person ON person_contact (person_id, position);

-- Professionals involved in the person's care. A professional whose DSR user id or email matches may see the record.
CREATE TABLE key_professional (
    id           UUID PRIMARY KEY,
    person_id    UUID NOT NULL REFERENCES person (id),
    position     INT  NOT NULL,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    organisation TEXT NOT NULL,
    phone        TEXT,
    email        TEXT,
    user_id      TEXT
);
CREATE INDEX key_professional_person ON key_professional (person_id, position);
CREATE INDEX key_professional_user_id ON key_professional (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX key_professional_email ON key_professional (lower(email)) WHERE email IS NOT NULL;

-- A self or family referral has no minimum data set until the DSR team completes it.
ALTER TABLE referral
    ALTER COLUMN reason_for_referral DROP NOT NULL,
    ALTER COLUMN current_issues DROP NOT NULL,
    ADD COLUMN complete             BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN first_contact_due_on DATE,
    ADD COLUMN contacted_at         TIMESTAMPTZ,
    ADD COLUMN contacted_by         TEXT,
    ADD COLUMN closed_at            TIMESTAMPTZ,
    ADD COLUMN closed_by            TEXT,
    ADD COLUMN decline_reason       TEXT,
    ADD COLUMN withdrawal_reason    TEXT,
    ADD COLUMN outcome_notes        TEXT,
    ADD COLUMN agency_reference     TEXT,
    ADD COLUMN referrer_name        TEXT,
    ADD COLUMN referrer_role        TEXT,
    ADD COLUMN referrer_email       TEXT,
    ADD COLUMN referrer_phone       TEXT;

-- Referrals received before this migration: a week after receipt is the nearest a migration can say to
-- 5 working days without the bank holiday calendar.
UPDATE referral SET first_contact_due_on = (received_at AT TIME ZONE 'Europe/London')::date + 7;
ALTER TABLE referral ALTER COLUMN first_contact_due_on SET NOT NULL;

-- The first-contact worklist: referrals waiting for contact, soonest due first.
CREATE INDEX referral_awaiting_contact ON referral (first_contact_due_on) WHERE status = 'RECEIVED';
-- An agency system's re-sent referral (same reference, new event id) is the same referral.
CREATE UNIQUE INDEX referral_agency_reference ON referral (referred_by, agency_reference)
    WHERE agency_reference IS NOT NULL;

-- The criteria checklist recorded with the decision (accepted or declined).
CREATE TABLE eligibility_assessment (
    referral_id                                UUID        PRIMARY KEY REFERENCES referral (id),
    learning_disability_or_autism              BOOLEAN     NOT NULL,
    at_risk_of_admission_or_placement_breakdown BOOLEAN    NOT NULL,
    lives_in_icb_area                          BOOLEAN     NOT NULL,
    assessed_by                                TEXT        NOT NULL,
    assessed_at                                TIMESTAMPTZ NOT NULL
);

-- On the register from acceptance until removal with a reason.
CREATE TABLE register_entry (
    id                       UUID        PRIMARY KEY,
    person_id                UUID        NOT NULL REFERENCES person (id),
    referral_id              UUID        NOT NULL REFERENCES referral (id),
    on_register_from         TIMESTAMPTZ NOT NULL,
    responsible_professional TEXT,
    unallocated_since        TIMESTAMPTZ,
    removed_at               TIMESTAMPTZ,
    removal_reason           TEXT,
    removed_by               TEXT,
    removal_notes            TEXT,
    CHECK ((responsible_professional IS NULL) = (unallocated_since IS NOT NULL)),
    CHECK ((removed_at IS NULL) = (removal_reason IS NULL))
);
-- A person has at most one open register entry.
CREATE UNIQUE INDEX register_entry_one_open_per_person ON register_entry (person_id) WHERE removed_at IS NULL;
CREATE INDEX register_entry_unallocated ON register_entry (unallocated_since)
    WHERE removed_at IS NULL AND responsible_professional IS NULL;
CREATE INDEX register_entry_responsible ON register_entry (responsible_professional) WHERE removed_at IS NULL;

-- Each person's consent as consent-service last reported it (referral-service holds no consent details).
CREATE TABLE consent_standing (
    person_id  UUID        PRIMARY KEY REFERENCES person (id),
    consent_id UUID        NOT NULL,
    status     TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- Milestones already announced; the key makes each announcement happen once, whatever replica runs the job.
CREATE TABLE age_milestone (
    person_id  UUID        NOT NULL REFERENCES person (id),
    milestone  TEXT        NOT NULL,
    reached_on DATE        NOT NULL,
    noticed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, milestone)
);

-- Keyworker referral suggestions: once per episode (a referral, or a register entry) and reason.
CREATE TABLE keyworker_suggestion (
    episode_id   UUID        NOT NULL,
    reason       TEXT        NOT NULL,
    person_id    UUID        NOT NULL REFERENCES person (id),
    suggested_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (episode_id, reason)
);

-- Same name and date of birth without a shared NHS number: for the DSR team to decide, never merged silently.
-- The pair is kept in one order (person_a < person_b) so it is flagged once.
CREATE TABLE possible_duplicate (
    id          UUID        PRIMARY KEY,
    person_a    UUID        NOT NULL REFERENCES person (id),
    person_b    UUID        NOT NULL REFERENCES person (id),
    flagged_at  TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ,
    resolved_by TEXT,
    resolution  TEXT,
    CHECK (person_a < person_b),
    UNIQUE (person_a, person_b)
);
CREATE INDEX possible_duplicate_open ON possible_duplicate (flagged_at) WHERE resolved_at IS NULL;

-- The last good copy of GOV.UK's bank holidays, shared by every replica.
CREATE TABLE bank_holiday_publication (
    division   TEXT        PRIMARY KEY,
    payload    JSONB       NOT NULL,
    fetched_at TIMESTAMPTZ NOT NULL
);

-- Every read and change of a person's record: who, when, what, and why. Kept without a foreign key so that the
-- trail outlives the record it describes.
CREATE TABLE person_audit (
    id             BIGSERIAL   PRIMARY KEY,
    person_id      UUID        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    actor_roles    TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    what           TEXT        NOT NULL,
    purpose        TEXT        NOT NULL,
    correlation_id TEXT
);
CREATE INDEX person_audit_person ON person_audit (person_id, occurred_at DESC, id DESC);
