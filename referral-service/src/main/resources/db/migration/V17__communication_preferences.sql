-- Issue 15: how a person wants to be contacted, recorded on their record (PUT /people/{id}/communication-preferences)
-- and read by the notifier at queue and send time. One row per person who has any recorded; no row is "not recorded"
-- (channel chosen from the details held, standard format, not asked to be left alone). A table of its own rather than
-- columns on person: the notifier's read stays narrow, and the person row keeps its shape.
CREATE TABLE communication_preferences (
    person_id                     UUID        PRIMARY KEY REFERENCES person (id),
    -- NULL: no preference, the DSR chooses from the details held.
    preferred_channel             TEXT        CHECK (preferred_channel IN ('EMAIL', 'SMS', 'LETTER')),
    accessible_format             TEXT        NOT NULL
        CHECK (accessible_format IN ('STANDARD', 'EASY_READ', 'LARGE_PRINT', 'OTHER_LANGUAGE')),
    -- ISO 639-1, lower case; present exactly when the format is OTHER_LANGUAGE.
    language                      TEXT        CHECK (language ~ '^[a-z]{2}$'),
    -- The day the person (or someone for them) asked not to be contacted; NULL: they did not.
    asked_not_to_be_contacted_on  DATE,
    changed_at                    TIMESTAMPTZ NOT NULL,
    CONSTRAINT language_only_for_other_language
        CHECK ((accessible_format = 'OTHER_LANGUAGE') = (language IS NOT NULL))
);
