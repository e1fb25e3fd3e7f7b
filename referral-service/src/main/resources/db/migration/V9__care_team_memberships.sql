-- Issue 11: referral-service owns who is in each person's care team and why. Each membership is kept with its
-- history (started and ended, by whom, why, and the referral or register entry it comes from); the current ones
-- are copied to the kit's dsr_kit.care_team tables and published as dsr.person.care-team-changed.v1 in the same
-- transaction (careteam/application/KeepingCareTeams).
CREATE TABLE care_team_membership (
    id                UUID        PRIMARY KEY,
    person_id         UUID        NOT NULL REFERENCES person (id),
    subject           TEXT        NOT NULL,
    role              TEXT        NOT NULL,
    reason            TEXT        NOT NULL,
    referral_id       UUID        REFERENCES referral (id),
    register_entry_id UUID        REFERENCES register_entry (id),
    started_at        TIMESTAMPTZ NOT NULL,
    started_by        TEXT        NOT NULL,
    ends_at           TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ,
    ended_by          TEXT,
    end_reason        TEXT,
    reviewed_at       TIMESTAMPTZ,
    reviewed_by       TEXT,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX care_team_membership_person ON care_team_membership (person_id, started_at);
CREATE INDEX care_team_membership_break_glass ON care_team_membership (started_at DESC, id DESC)
    WHERE role = 'BREAK_GLASS';

-- A key professional named with a user id is a request to join, confirmed or refused by the DSR team.
CREATE TABLE care_team_request (
    id            UUID        PRIMARY KEY,
    person_id     UUID        NOT NULL REFERENCES person (id),
    subject       TEXT        NOT NULL,
    requested_by  TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    referral_id   UUID        REFERENCES referral (id),
    decision      TEXT,
    decided_at    TIMESTAMPTZ,
    decided_by    TEXT,
    membership_id UUID        REFERENCES care_team_membership (id)
);
CREATE INDEX care_team_request_person ON care_team_request (person_id);
CREATE INDEX care_team_request_pending ON care_team_request (requested_at, id) WHERE decision IS NULL;

-- Existing data: key professionals recorded with a user id before issue 11 may have added themselves (finding 1),
-- so none of them is carried over as a member: each becomes a pending request on the DSR team's worklist, to
-- confirm or refuse like any other. Referrer and responsible-professional memberships follow from the record
-- itself: the startup backfill (careteam/adapters/scheduling) derives them, and writes and publishes every person's
-- team, for each person the kit holds no team for yet.
INSERT INTO care_team_request (id, person_id, subject, requested_by, requested_at)
SELECT DISTINCT ON (person_id, user_id) md5(random()::text || clock_timestamp()::text || person_id::text || user_id)::uuid,
       person_id, user_id, '/dsr/referral-service', now()
FROM key_professional
WHERE user_id IS NOT NULL
ORDER BY person_id, user_id;
