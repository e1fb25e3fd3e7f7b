-- Meetings by Exception (requests; the meeting itself is a row of `meeting`, kind EXCEPTION) and reviews booked
-- against risk-service's obligations (C(E)TRs, LAEPs, multi-agency meetings, oversight visits).

CREATE TABLE exception_request (
    id             uuid PRIMARY KEY,
    person_id      uuid        NOT NULL,
    area           text        NOT NULL,
    reason         text        NOT NULL CHECK (reason IN ('NO_KEY_LOCAL_SERVICE', 'SERVICES_DISAGREE', 'OTHER')),
    -- One line, at most 200 characters, required for OTHER; stays in meeting-service (never on a topic).
    reason_text    text        CHECK (reason_text IS NULL OR char_length(reason_text) <= 200),
    requested_by   text        NOT NULL,
    requested_at   timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('REQUESTED', 'SCHEDULED', 'DECLINED')),
    meeting_id     uuid,
    location       text,
    decline_reason text,
    decided_by     text,
    decided_at     timestamptz,
    CHECK (status <> 'SCHEDULED' OR meeting_id IS NOT NULL),
    CHECK (status <> 'DECLINED' OR decline_reason IS NOT NULL),
    CHECK (reason <> 'OTHER' OR reason_text IS NOT NULL)
);

-- The list (GET /meetings/exceptions?status=): newest first, keyset paged by (requested_at, id).
CREATE INDEX exception_request_by_status ON exception_request (status, requested_at DESC, id DESC);
CREATE INDEX exception_request_by_person ON exception_request (person_id);
CREATE UNIQUE INDEX exception_request_by_meeting ON exception_request (meeting_id) WHERE meeting_id IS NOT NULL;

CREATE TABLE review_booking (
    id                  uuid PRIMARY KEY,
    obligation_id       uuid        NOT NULL,
    person_id           uuid        NOT NULL,
    obligation_kind     text        NOT NULL,
    review_type         text        NOT NULL,
    urgent              boolean     NOT NULL,
    booked_at           timestamptz NOT NULL,
    booked_by           text        NOT NULL,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL CHECK (ends_at > starts_at),
    documents_due_at    timestamptz NOT NULL,
    online_link         text,
    location            text,
    status              text        NOT NULL CHECK (status IN ('BOOKED', 'HELD', 'CANCELLED')),
    sequence            integer     NOT NULL CHECK (sequence >= 0),
    held_at             timestamptz,
    cancelled_at        timestamptz,
    cancellation_reason text,
    CHECK (urgent = false OR review_type = 'LAEP')
);

-- One open booking per obligation, whoever books at the same moment.
CREATE UNIQUE INDEX review_booking_open_per_obligation ON review_booking (obligation_id) WHERE status = 'BOOKED';
CREATE INDEX review_booking_by_person ON review_booking (person_id, starts_at);
