-- Issue 15, the notifier: a durable queue of messages, one per message per recipient (the recipient as a role, resolved
-- from the person's record at send time), at most one per source event and recipient. It holds ids, the message's
-- facts (dates, numbers) and where each message is: never contact details or names, and no personal data in the
-- failure reason (codes such as NO_CONTACT_DETAILS or NOTIFY_HTTP_400).
CREATE TABLE notification (
    id                 UUID        PRIMARY KEY,
    source_event_id    TEXT        NOT NULL,
    message            TEXT        NOT NULL,
    person_id          UUID        NOT NULL REFERENCES person (id),
    recipient          TEXT        NOT NULL CHECK (recipient IN ('PERSON', 'REPRESENTATIVE', 'RESPONSIBLE_PROFESSIONAL')),
    facts              JSONB       NOT NULL,
    status             TEXT        NOT NULL
                                   CHECK (status IN ('PENDING', 'SENT', 'DELIVERED', 'WITHHELD', 'FAILED_PERMANENT')),
    channel            TEXT        CHECK (channel IN ('EMAIL', 'SMS', 'LETTER')),
    template           TEXT,
    attempts           INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ,
    provider_reference TEXT,
    failure_reason     TEXT,
    queued_at          TIMESTAMPTZ NOT NULL,
    settled_at         TIMESTAMPTZ,
    CONSTRAINT notification_once_per_event_and_recipient UNIQUE (source_event_id, recipient),
    CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
);
-- The sender's claim: PENDING messages due, soonest first.
CREATE INDEX notification_due ON notification (next_attempt_at, id) WHERE status = 'PENDING';
-- The DSR team's worklist of messages that failed for good, oldest failure first.
CREATE INDEX notification_failed ON notification (settled_at, id) WHERE status = 'FAILED_PERMANENT';
CREATE INDEX notification_person ON notification (person_id);

-- What the local mailbox sender "sent" (local runs and tests only: production sends through GOV.UK Notify and writes
-- nothing here). It holds the contact details used, as a provider would: in this database only, never elsewhere.
CREATE TABLE local_mailbox (
    id              UUID        PRIMARY KEY,
    notification_id UUID        NOT NULL UNIQUE REFERENCES notification (id),
    person_id       UUID        NOT NULL REFERENCES person (id),
    recipient       TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    template        TEXT        NOT NULL,
    sent_to         TEXT        NOT NULL,
    personalisation JSONB       NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX local_mailbox_newest ON local_mailbox (sent_at DESC, id DESC);
