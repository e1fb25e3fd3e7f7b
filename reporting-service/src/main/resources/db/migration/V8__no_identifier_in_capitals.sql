-- A personId (or any other record's id) cannot be written into a code column in capitals either (issue 14, item 1).
--
-- V2 and V7 refuse a UUID as it is written (lower case), but an upper-cased one fits a locality
-- ('3D5E8A52-8F6B-4A57-B1F4-0C2B7E1F9D20': capitals, digits and hyphens, 36 characters, no run of 4 digits), and the
-- same without its hyphens fits a code. Any such id has a run of 12 hexadecimal characters (a UUID's last group; 32
-- without hyphens), and no code does: the codes are English words and numbers joined by underscores (no code of the
-- event contracts, the service catalogue or the store has even 8 such characters in a row). So a run of 12 is refused,
-- in the same CHECKs that keep other identifiers out (V4), which StoreCodes mirrors before anything reaches SQL.
ALTER TABLE reporting_person
    DROP CONSTRAINT reporting_person_locality_no_identifier,
    ADD CONSTRAINT reporting_person_locality_no_identifier
        CHECK (locality !~ '[0-9]{4}' AND locality !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'
            AND locality !~ '[0-9A-F]{12}');
ALTER TABLE reporting_fact
    DROP CONSTRAINT reporting_fact_locality_no_identifier,
    DROP CONSTRAINT reporting_fact_code_no_identifier,
    DROP CONSTRAINT reporting_fact_detail_no_identifier,
    ADD CONSTRAINT reporting_fact_locality_no_identifier
        CHECK (locality !~ '[0-9]{4}' AND locality !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'
            AND locality !~ '[0-9A-F]{12}'),
    ADD CONSTRAINT reporting_fact_code_no_identifier
        CHECK (code !~ '[0-9]{4}' AND code !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$' AND code !~ '[0-9A-F]{12}'),
    ADD CONSTRAINT reporting_fact_detail_no_identifier
        CHECK (detail !~ '[0-9]{4}' AND detail !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'
            AND detail !~ '[0-9A-F]{12}');
