-- The month in which a person turns 18, as referral-service announces it two months ahead (dsr.person.turning-18.v1):
-- they count as an adult from the first day of the month after it, whenever the announcement was read. And the day of
-- the referral the age band is from, so "under 25" (the keyworker service) ages with the person instead of holding
-- for ever. Both NULL for people known before this: the stored life stage and the band alone apply, as before.
ALTER TABLE person_rating
    ADD COLUMN turns_18_in text CHECK (turns_18_in ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    ADD COLUMN age_band_known_on date;
