-- Issue 14: an agency's admission report about someone the DSR does not know with that NHS number and date of birth,
-- or about a person this agency is not linked to (did not refer, does not provide care for), is no longer
-- dead-lettered: it waits here for the DSR team ("admission reported, not on the register"), who turn it into a
-- referral (made through the professional referral API, linked here) or close it with a reason. Personal data (NHS
-- number, date of birth, hospital) stays in this database, like the person records; what leaves is the anonymous
-- dsr.register.admitted-not-on-register.v1 (age band, life stage, locality) when the person was not on the register.
CREATE TABLE admission_report (
    id                UUID        PRIMARY KEY,
    nhs_number        CHAR(10)    NOT NULL,
    date_of_birth     DATE        NOT NULL,
    admitted_on       DATE        NOT NULL,
    hospital          TEXT,
    -- The agency system's CloudEvents source (/agency/<agency-id>), as referrals and the audit name it.
    reported_by       TEXT        NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    -- The person the DSR holds with that NHS number and date of birth (an agency not linked to them), else null.
    person_id         UUID        REFERENCES person (id),
    -- Whether they had an open register entry when the report came (if not, the anonymous signal was published).
    on_register       BOOLEAN     NOT NULL,
    -- Whose DSR team sees a report about nobody the DSR knows: the reporting agency's area (dsr.referral.agency-areas)
    -- if it has one, else null (every area's team, as for a person who belongs to no area). A report about a known
    -- person is seen as that person is (their care team's area, the kit's PersonScope).
    area              TEXT,
    resolution        TEXT CHECK (resolution IN ('REFERRED', 'CLOSED')),
    referral_id       UUID        REFERENCES referral (id),
    -- Why it was closed: the DSR team's free text, kept here only (never in the audit's words or on an event).
    reason            TEXT,
    resolved_by       TEXT,
    resolved_at       TIMESTAMPTZ,
    CHECK ((resolution IS NULL) = (resolved_at IS NULL)),
    CHECK (resolution IS DISTINCT FROM 'REFERRED' OR referral_id IS NOT NULL),
    CHECK (resolution IS DISTINCT FROM 'CLOSED' OR reason IS NOT NULL)
);
-- The same admission reported again (a re-send under a new event id) is one report and one signal, not two.
CREATE UNIQUE INDEX admission_report_once ON admission_report (reported_by, nhs_number, date_of_birth, admitted_on);
-- The worklist: open reports, oldest first (keyset on received_at, id).
CREATE INDEX admission_report_open ON admission_report (received_at, id) WHERE resolution IS NULL;
CREATE INDEX admission_report_person ON admission_report (person_id) WHERE person_id IS NOT NULL;
