-- Issue 15: the Mental Capacity Act 2005 applies from 16, and the age band 14-17 straddles it. A referral now says
-- whether the person was under 16 (NULL for people known before: a 14-17 band alone counts as possibly under 16), and
-- referral-service announces the month in which they turned 16, once it has ended: never the day.
ALTER TABLE known_person
    ADD COLUMN under_16     BOOLEAN,
    ADD COLUMN turned_16_in TEXT CHECK (turned_16_in ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
