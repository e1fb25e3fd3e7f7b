-- Erasure and merge in the pseudonymised store (issue 16).
--
-- dsr.person.erased.v1: the person's facts and reporting_person row are re-keyed to a fresh random 32 bytes that is
-- recorded nowhere, so that nothing left can be linked to the erased personId (not even with the pseudonymisation
-- key); the counts and the frozen snapshots stay as they were. What is kept of the erasure is the person's keyed
-- pseudonym alone, as a tombstone: a late event about them (published by another service before it erased, delivered
-- after) is not written back under it, and a rebuild from the topics, which replays the person's events, anonymises
-- them again when it finishes. The tombstone says only "this pseudonym was erased": nothing is linked to it.
CREATE TABLE reporting_erased_person (
    pseudonym BYTEA PRIMARY KEY CHECK (octet_length(pseudonym) = 32)
);

-- dsr.person.merged.v1: two records were the same person. Facts of from_pseudonym are re-keyed to into_pseudonym when
-- the merge is applied, and facts arriving later under from_pseudonym are written under into_pseudonym, so the person
-- is counted once. into_pseudonym is always a person not merged further (a chain a->b, b->c becomes a->c, b->c).
CREATE TABLE reporting_person_link (
    from_pseudonym BYTEA PRIMARY KEY CHECK (octet_length(from_pseudonym) = 32),
    into_pseudonym BYTEA NOT NULL CHECK (octet_length(into_pseudonym) = 32),
    CHECK (from_pseudonym <> into_pseudonym)
);
CREATE INDEX reporting_person_link_into ON reporting_person_link (into_pseudonym);
