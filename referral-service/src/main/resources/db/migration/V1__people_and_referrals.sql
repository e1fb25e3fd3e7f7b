-- referral-service is the only home of personal identifiers in the DSR.

CREATE TABLE person (
    id            UUID        PRIMARY KEY,
    given_name    TEXT        NOT NULL,
    family_name   TEXT        NOT NULL,
    date_of_birth DATE        NOT NULL,
    nhs_number    CHAR(10),
    postcode      TEXT        NOT NULL,
    locality      TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- One person per NHS number.
CREATE UNIQUE INDEX person_nhs_number ON person (nhs_number) WHERE nhs_number IS NOT NULL;

CREATE TABLE referral (
    id                     UUID        PRIMARY KEY,
    person_id              UUID        NOT NULL REFERENCES person (id),
    route                  TEXT        NOT NULL,
    status                 TEXT        NOT NULL,
    reason_for_referral    TEXT        NOT NULL,
    current_issues         TEXT        NOT NULL,
    what_has_been_tried    TEXT,
    what_could_reduce_risk TEXT,
    indicative_rag         TEXT,
    referred_by            TEXT        NOT NULL,
    referrer_organisation  TEXT,
    received_at            TIMESTAMPTZ NOT NULL
);

CREATE INDEX referral_person ON referral (person_id);
CREATE INDEX referral_referred_by ON referral (referred_by);
