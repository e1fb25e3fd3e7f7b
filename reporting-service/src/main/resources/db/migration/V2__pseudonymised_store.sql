-- The pseudonymised store (issue 14): what reporting keeps of every event it needs, and nothing more.
-- A person is known only by a keyed pseudonym: HMAC-SHA-256 of their personId under a key that lives in a Kubernetes
-- Secret (local configuration in local runs), never in this database, so the pseudonym cannot be turned back into a
-- personId without the key. Records that must be paired (a referral's receipt and decision, an obligation's due date
-- and completion) are paired by a keyed pseudonym of their own id, for the same reason. Every other column is a code
-- from a closed list or a day: no column can hold a name, an NHS number, a date of birth, a postcode, a personId or
-- free text (ReportingStoreColumnsTest proves it against information_schema and these constraints).

-- The counts counted live from one event type are replaced by the store; it is rebuilt from the topics by its
-- listeners (new consumer groups start from the earliest offset).
DROP TABLE referrals_received_monthly;

-- The attributes reporting breaks figures down by, as last heard from referral-service. Unknown until a referral
-- event arrives (an event from another topic may overtake it): reported as NOT_RECORDED meanwhile.
CREATE TABLE reporting_person (
    pseudonym       BYTEA PRIMARY KEY CHECK (octet_length(pseudonym) = 32),
    age_band        TEXT CHECK (age_band IN ('AGE_0_TO_9', 'AGE_10_TO_13', 'AGE_14_TO_17', 'AGE_18_TO_24', 'AGE_25_TO_34',
                                             'AGE_35_TO_49', 'AGE_50_TO_64', 'AGE_65_AND_OVER')),
    life_stage      TEXT CHECK (life_stage IN ('CHILD', 'ADULT')),
    locality        TEXT CHECK (locality ~ '^[A-Z0-9_-]{1,40}$'),
    diagnosis       TEXT CHECK (diagnosis IN ('LEARNING_DISABILITY', 'AUTISM', 'LEARNING_DISABILITY_AND_AUTISM',
                                              'ASSESSMENT_PATHWAY')),
    -- NHS Data Dictionary ethnic category, by its enum name (A..S, Z, NOT_KNOWN).
    ethnic_category TEXT CHECK (ethnic_category ~ '^([A-HJ-NPRSZ]|NOT_KNOWN)$'),
    referral_route  TEXT CHECK (referral_route IN ('PROFESSIONAL', 'SELF_OR_FAMILY', 'AGENCY_SYSTEM'))
);

-- One row per thing that happened that a measure counts, appended in the order events are applied (seq). Facts are
-- never updated: the measures are worked out from them when a month is cut (and live for a month still open).
CREATE TABLE reporting_fact (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Whose fact: null only for the anonymous "admitted, not on the register" signal.
    pseudonym     BYTEA CHECK (octet_length(pseudonym) = 32),
    kind          TEXT NOT NULL CHECK (kind IN (
                      'REFERRAL_RECEIVED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_WITHDRAWN',
                      'FIRST_CONTACT', 'LEFT_REGISTER', 'RATING', 'UPDATE_POSTED', 'OBLIGATION_DUE',
                      'OBLIGATION_COMPLETED', 'CONSENT', 'ADMISSION', 'ADMISSION_NOT_ON_REGISTER', 'DISCHARGE',
                      'KEYWORKER_SUGGESTED', 'RECOMMENDATION_MADE', 'RECOMMENDATION_MET', 'RECOMMENDATION_UNMET')),
    -- The day it happened (the event's own business date, in England): day precision at most.
    occurred_on   DATE NOT NULL,
    -- The month it reached the DSR: the later of occurred_on's month and the month its event was published
    -- (Europe/London). A flow counts in this month; if that is later than occurred_on's, it is a restatement.
    arrived_month DATE NOT NULL CHECK (extract(DAY FROM arrived_month) = 1),
    -- A code from a closed list: a rating, a reason, a consent status, an obligation kind, a service type.
    code          TEXT CHECK (code ~ '^[A-Z0-9_]{1,60}$'),
    -- A second code where the fact has one: an obligation's outcome, an unmet recommendation's reason.
    detail        TEXT CHECK (detail ~ '^[A-Z0-9_]{1,60}$'),
    -- A day the fact points to: an update's next due day, an obligation's due day.
    due_on        DATE,
    -- Whether it happened in time, where the event says so (first contact within 5 working days).
    on_time       BOOLEAN,
    -- The keyed pseudonym of the record it pairs with (referralId, obligationId, recommendationId), never the id.
    record_key    BYTEA CHECK (octet_length(record_key) = 32),
    -- Dimensions the fact carries itself: the area of a recommendation; all three for the anonymous admission signal.
    locality      TEXT CHECK (locality ~ '^[A-Z0-9_-]{1,40}$'),
    age_band      TEXT CHECK (age_band IN ('AGE_0_TO_9', 'AGE_10_TO_13', 'AGE_14_TO_17', 'AGE_18_TO_24', 'AGE_25_TO_34',
                                           'AGE_35_TO_49', 'AGE_50_TO_64', 'AGE_65_AND_OVER')),
    life_stage    TEXT CHECK (life_stage IN ('CHILD', 'ADULT')),
    CHECK (pseudonym IS NOT NULL OR kind = 'ADMISSION_NOT_ON_REGISTER')
);
CREATE INDEX reporting_fact_by_person ON reporting_fact (pseudonym, kind, occurred_on);
CREATE INDEX reporting_fact_by_arrival ON reporting_fact (arrived_month, kind);
CREATE INDEX reporting_fact_by_record ON reporting_fact (record_key) WHERE record_key IS NOT NULL;

-- One row: whether the store is being rebuilt from the topics (live listeners hold off meanwhile) and the fact seq up
-- to which the latest month-end cut took facts into its snapshot.
CREATE TABLE reporting_store_state (
    id            BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    rebuilding    BOOLEAN NOT NULL DEFAULT FALSE,
    last_cut_seq  BIGINT NOT NULL DEFAULT 0
);
INSERT INTO reporting_store_state DEFAULT VALUES;
