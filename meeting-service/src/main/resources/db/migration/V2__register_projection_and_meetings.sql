-- What meeting-service knows of the register, by personId only (no name, NHS number, date of birth or address):
-- projections of referral-, consent- and risk-service's events, kept by FollowingTheRegister. And every meeting.

CREATE TABLE register_person (
    person_id              uuid PRIMARY KEY,
    -- NULL until referral-service's event placing the person arrives (another topic's event may overtake it).
    area                   text,
    life_stage             text CHECK (life_stage IN ('CHILD', 'ADULT')),
    referred_at            timestamptz,
    accepted_at            timestamptz,
    on_register            boolean NOT NULL DEFAULT false,
    removed_at             timestamptz,
    rating                 text CHECK (rating IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    rating_indicative      boolean NOT NULL DEFAULT false,
    previous_rating        text CHECK (previous_rating IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    rated_on               date,
    rating_changed_at      timestamptz,
    update_overdue_since   date,
    consent_id             uuid,
    consent_renewal_due_on date,
    consent_status         text,
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX register_person_area ON register_person (area, person_id);

-- risk-service's obligations (what a rating obliges, by when), as its events announce them.
CREATE TABLE review_obligation (
    obligation_id uuid PRIMARY KEY,
    person_id     uuid NOT NULL,
    kind          text NOT NULL,
    due_on        date NOT NULL,
    status        text NOT NULL CHECK (status IN ('DUE', 'OVERDUE', 'DONE', 'NOT_NEEDED')),
    rating        text CHECK (rating IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX review_obligation_open ON review_obligation (person_id, due_on) WHERE status IN ('DUE', 'OVERDUE');

-- Tracking meetings (series_id set) and Meetings by Exception (person_id and chair set).
CREATE TABLE meeting (
    meeting_id          uuid PRIMARY KEY,
    kind                text NOT NULL CHECK (kind IN ('TRACKING', 'EXCEPTION')),
    area                text NOT NULL,
    series_id           uuid,
    person_id           uuid,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    online_link         text,
    chair_subject       text,
    status              text NOT NULL CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED')),
    sequence            integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    held_at             timestamptz,
    cancellation_reason text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK ((kind = 'TRACKING') = (series_id IS NOT NULL)),
    CHECK ((kind = 'EXCEPTION') = (person_id IS NOT NULL AND chair_subject IS NOT NULL)),
    CHECK ((status = 'HELD') = (held_at IS NOT NULL)),
    CHECK ((status = 'CANCELLED') = (cancellation_reason IS NOT NULL))
);

CREATE INDEX meeting_area_time ON meeting (area, starts_at, meeting_id);
CREATE INDEX meeting_series ON meeting (series_id, starts_at) WHERE series_id IS NOT NULL;
CREATE INDEX meeting_person ON meeting (person_id, starts_at) WHERE person_id IS NOT NULL;
