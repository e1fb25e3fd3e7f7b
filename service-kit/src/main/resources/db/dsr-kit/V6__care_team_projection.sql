-- Need to know (issue 11): every service's view of each person's care team, replaced whole by each
-- dsr.person.care-team-changed.v1 (referral-service writes its own copy in the transaction that changes the team).
-- org.opendsr.kit.access.CareTeams reads and writes it; NeedToKnow decides from it.
CREATE TABLE care_team (
    person_id  UUID        PRIMARY KEY,
    area       TEXT,
    changed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE care_team_member (
    person_id     UUID        NOT NULL REFERENCES care_team (person_id) ON DELETE CASCADE,
    membership_id UUID        NOT NULL,
    subject       TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    from_at       TIMESTAMPTZ NOT NULL,
    to_at         TIMESTAMPTZ,
    PRIMARY KEY (person_id, membership_id)
);

-- "The people this professional may see" (lists): by subject first.
CREATE INDEX care_team_member_subject ON care_team_member (subject, person_id);
-- "The people of these areas" (DSR team lists).
CREATE INDEX care_team_area ON care_team (area, person_id);
