-- Subject access requests (UK GDPR Art. 15, issue 16): recorded by a DSR lead, answered by an export the gateway
-- composes from every service's part. The due date is not stored: it follows from received_on and extension_months
-- (StatutoryDeadline), so a corrected rule never leaves stale dates behind.
CREATE TABLE subject_access_request (
    id               UUID        PRIMARY KEY,
    person_id        UUID        NOT NULL REFERENCES person (id),
    received_on      DATE        NOT NULL,
    requested_by     TEXT        NOT NULL CHECK (requested_by IN ('THE_PERSON', 'PARENT_FOR_A_CHILD',
                                     'DEPUTY_OR_ATTORNEY', 'SOLICITOR_OR_ADVOCATE', 'OTHER_AUTHORISED_PERSON')),
    -- The lead's note (free text: kept here only, never in the audit's words or on an event).
    note             TEXT        CHECK (char_length(note) <= 1000),
    extension_months INTEGER     NOT NULL DEFAULT 0 CHECK (extension_months BETWEEN 0 AND 2),
    extension_reason TEXT        CHECK (char_length(extension_reason) <= 1000),
    state            TEXT        NOT NULL CHECK (state IN ('OPEN', 'EXPORTED', 'SENT')),
    last_exported_at TIMESTAMPTZ,
    sent_on          DATE,
    recorded_by      TEXT        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    CHECK ((extension_months = 0) = (extension_reason IS NULL)),
    CHECK ((state = 'SENT') = (sent_on IS NOT NULL))
);
CREATE INDEX subject_access_request_newest ON subject_access_request (received_on DESC, id);
CREATE INDEX subject_access_request_person ON subject_access_request (person_id);

-- Which service's part the latest export had, and when (a service without a row is PENDING).
CREATE TABLE subject_access_contribution (
    request_id     UUID        NOT NULL REFERENCES subject_access_request (id),
    service        TEXT        NOT NULL,
    contributed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, service)
);
