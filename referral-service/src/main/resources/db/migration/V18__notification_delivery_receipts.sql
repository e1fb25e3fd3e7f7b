-- Issue 15, delivery receipts: the notifier asks the provider what became of each message it took (GOV.UK Notify's
-- status of the notification; the local mailbox "delivers" at once) and records DELIVERED, or FAILED_PERMANENT with
-- the provider's reason for the DSR team's worklist. Codes and times only: nothing personal.
ALTER TABLE notification
    ADD COLUMN delivered_at           TIMESTAMPTZ,
    ADD COLUMN next_delivery_check_at TIMESTAMPTZ,
    ADD COLUMN delivery_checks        INTEGER NOT NULL DEFAULT 0,
    -- The provider's last answer (e.g. sending, delivered, permanent-failure) or why it could not be asked.
    ADD COLUMN delivery_status        TEXT;

ALTER TABLE notification
    ADD CONSTRAINT notification_checked_only_while_sent
        CHECK (next_delivery_check_at IS NULL OR status = 'SENT'),
    ADD CONSTRAINT notification_delivered_has_a_time
        CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL));

-- Messages sent before receipts were recorded are asked about too, while the provider still keeps them (7 days).
UPDATE notification SET next_delivery_check_at = settled_at
 WHERE status = 'SENT' AND settled_at > now() - INTERVAL '7 days';

-- The checker's claim: SENT messages whose check is due, soonest first.
CREATE INDEX notification_delivery_check_due ON notification (next_delivery_check_at, id)
    WHERE next_delivery_check_at IS NOT NULL;
