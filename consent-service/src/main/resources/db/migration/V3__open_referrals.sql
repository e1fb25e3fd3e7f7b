-- Whose consent the DSR team follows up (reminders, worklists): people on the register, and people with a
-- referral awaiting an outcome. Someone whose last open referral was declined or withdrawn, and who is not on the
-- register, is no longer chased to renew a consent nobody needs.
ALTER TABLE known_person ADD COLUMN on_register BOOLEAN NOT NULL DEFAULT false;
-- Derived from on_register and the open referrals by KnownPerson.isFollowed(), kept here for the worklist queries.
ALTER TABLE known_person ADD COLUMN followed BOOLEAN NOT NULL DEFAULT true;

-- Before this migration only removals were known: whoever had not left the register is taken to be on it, so a
-- decline of a referral received earlier never silences them (the behaviour they had until now).
UPDATE known_person SET on_register = (left_register_on IS NULL), followed = (left_register_on IS NULL);

-- A person's referrals received and not yet accepted, declined or withdrawn.
CREATE TABLE known_person_open_referral (
    referral_id UUID PRIMARY KEY,
    person_id   UUID NOT NULL REFERENCES known_person (person_id)
);
CREATE INDEX known_person_open_referral_person ON known_person_open_referral (person_id);
