-- Issue 15, the referral outcome to the referrer within 2 working days, with a worklist when it is late.

-- 1. The notifier's messages about a referral go to its professional or agency referrer (REFERRER), told at work by
-- e-mail; a self or family referrer is the person's side (PERSON or REPRESENTATIVE) as before.
ALTER TABLE notification DROP CONSTRAINT IF EXISTS notification_recipient_check;
ALTER TABLE notification ADD CONSTRAINT notification_recipient_check
    CHECK (recipient IN ('PERSON', 'REPRESENTATIVE', 'RESPONSIBLE_PROFESSIONAL', 'REFERRER'));

-- 2. Each decided referral's outcome, owed to the referrer by due_on (the decision's working day + 2 working days),
-- written in the decision's transaction. Off the DSR team's worklist once the referrer's message (notification
-- source 'referral-outcome:<referral id>') is SENT or DELIVERED, or once the team records here that the referrer was
-- told another way (how, by whom, when). area is the person's locality at the decision: whose team works it.
CREATE TABLE referral_outcome_to_tell (
    referral_id UUID        PRIMARY KEY REFERENCES referral (id),
    person_id   UUID        NOT NULL REFERENCES person (id),
    area        TEXT,
    decided_at  TIMESTAMPTZ NOT NULL,
    due_on      DATE        NOT NULL,
    told_how    TEXT        CHECK (told_how IN ('PHONE', 'LETTER_BY_HAND', 'IN_PERSON', 'EMAIL_OUTSIDE_DSR')),
    told_by     TEXT,
    told_at     TIMESTAMPTZ,
    recorded_by TEXT,
    recorded_at TIMESTAMPTZ,
    CHECK ((told_how IS NULL) = (told_at IS NULL) AND (told_how IS NULL) = (told_by IS NULL)
        AND (told_how IS NULL) = (recorded_at IS NULL) AND (told_how IS NULL) = (recorded_by IS NULL))
);
-- The worklist: outcomes nobody recorded telling another way, oldest decision first.
CREATE INDEX referral_outcome_to_tell_open ON referral_outcome_to_tell (decided_at, referral_id) WHERE told_how IS NULL;
-- The referrer's message of each outcome is found by its source through notification_once_per_event_and_recipient.
