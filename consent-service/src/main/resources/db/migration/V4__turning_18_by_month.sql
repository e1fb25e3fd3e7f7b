-- Issue 11: consent-service learns the month in which a person turns 18, never the day (the day gave their date of
-- birth away). The day stored from dsr.person.turned-18.v1 becomes its month; the day itself is dropped.
ALTER TABLE known_person ADD COLUMN turns_18_in TEXT
    CHECK (turns_18_in ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

UPDATE known_person SET turns_18_in = to_char(turned_18_on, 'YYYY-MM') WHERE turned_18_on IS NOT NULL;

ALTER TABLE known_person DROP COLUMN turned_18_on;
