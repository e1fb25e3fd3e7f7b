-- The month in which a person turns 18, as referral-service announces it two months ahead (dsr.person.turning-18.v1):
-- they count as an adult from the first day of the month after it (TurningEighteen), whenever it was read. NULL before
-- an announcement, and for everyone known before this: the life stage their referral gave applies.
ALTER TABLE register_person
    ADD COLUMN turns_18_in text CHECK (turns_18_in ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
