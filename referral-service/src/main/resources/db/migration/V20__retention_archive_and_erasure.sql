-- Issue 16: storage limitation (UK GDPR Art. 5(1)(e)) and the right to erasure (Art. 17). DOMAIN.md's retention:
-- a person's record is archived 6 months after they left the register or their last referral was declined or
-- withdrawn, and erased 6 years after that same moment (dsr.retention.*, retention/domain/RetentionRule).

-- Archived: out of every worklist and default listing, read only with a purpose stated (X-DSR-Purpose).
ALTER TABLE person ADD COLUMN archived_at TIMESTAMPTZ;
CREATE INDEX person_archived ON person (archived_at) WHERE archived_at IS NOT NULL;

-- A person who comes back (a new referral, by any route, or back on the register) is no longer archived, at once
-- and whichever code path brought them back: the daily run would notice too, but a DSR team must not have to state
-- a purpose for a day to read a referral that has just arrived.
CREATE FUNCTION person_back_from_archive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE person SET archived_at = NULL WHERE id = NEW.person_id AND archived_at IS NOT NULL;
    RETURN NEW;
END;
$$;
CREATE TRIGGER referral_brings_person_back AFTER INSERT ON referral
    FOR EACH ROW EXECUTE FUNCTION person_back_from_archive();
CREATE TRIGGER register_entry_brings_person_back AFTER INSERT ON register_entry
    FOR EACH ROW EXECUTE FUNCTION person_back_from_archive();

-- What is kept of an erased person: that they were erased, on what grounds, when and by whom, so that a lead can
-- answer "what happened to this record" and see each service confirm. No personal data: an id, codes, a staff
-- subject. No foreign key: the person row is gone.
CREATE TABLE person_erasure (
    person_id      UUID        PRIMARY KEY,
    grounds        TEXT        NOT NULL CHECK (grounds IN ('RETENTION_PERIOD_ENDED', 'ERASURE_REQUEST')),
    -- For an erasure request: which Article 17(1) ground the lead found applies (a code, never free text).
    request_ground TEXT        CHECK (request_ground IN ('NO_LONGER_NECESSARY', 'CONSENT_WITHDRAWN', 'OBJECTION',
                                                         'UNLAWFULLY_PROCESSED', 'LEGAL_OBLIGATION')),
    erased_at      TIMESTAMPTZ NOT NULL,
    erased_by      TEXT        NOT NULL,
    rows_erased    BIGINT      NOT NULL,
    CHECK ((grounds = 'ERASURE_REQUEST') = (request_ground IS NOT NULL))
);
CREATE INDEX person_erasure_newest ON person_erasure (erased_at DESC, person_id);

-- Each service's confirmation that it erased what it held under the personId (dsr.*.erasure-confirmed.v1): the
-- lead's "erasure complete" view. Kept even for a personId with no erasure here (never dead-lettered).
CREATE TABLE erasure_confirmation (
    person_id      UUID        NOT NULL,
    service        TEXT        NOT NULL,
    records_erased BIGINT      NOT NULL,
    erased_at      TIMESTAMPTZ NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, service)
);

-- Each run of the retention rules (daily, or a lead's), and what it did: counts only.
CREATE TABLE retention_run (
    id                   UUID        PRIMARY KEY,
    ran_at               TIMESTAMPTZ NOT NULL,
    triggered_by         TEXT        NOT NULL,
    archived             INTEGER     NOT NULL,
    brought_back         INTEGER     NOT NULL,
    erased               INTEGER     NOT NULL,
    audit_entries_purged BIGINT      NOT NULL
);
CREATE INDEX retention_run_newest ON retention_run (ran_at DESC, id DESC);
