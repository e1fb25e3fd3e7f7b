-- What risk-service knows of people (by personId only: no name, NHS number, date of birth or address), their
-- current rating and admission status, and every rating ever recorded (the history, never edited).

CREATE TABLE person_rating (
    person_id            uuid PRIMARY KEY,
    life_stage           text NOT NULL CHECK (life_stage IN ('CHILD', 'ADULT')),
    age_band             text NOT NULL,
    on_register          boolean NOT NULL,
    register_entry_id    uuid,
    -- The referrer's indicative rating of the referral in hand: the rating the person starts with when accepted.
    indicative_at_referral text CHECK (indicative_at_referral IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    current_rating_id    uuid,
    current_rating       text CHECK (current_rating IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    current_since        timestamptz,
    current_since_on     date,
    current_indicative   boolean,
    inpatient            boolean NOT NULL DEFAULT false,
    admitted_on          date,
    inpatient_setting    text CHECK (inpatient_setting IN ('MENTAL_HEALTH_HOSPITAL', 'SECURE')),
    discharged_on        date,
    no_lowering_before   date,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (on_register OR current_rating IS NULL),
    CHECK ((current_rating IS NULL) = (current_rating_id IS NULL))
);

-- The RED and BLUE lists: by rating, longest-rated first.
CREATE INDEX person_rating_current ON person_rating (current_rating, current_since_on, person_id)
    WHERE current_rating IS NOT NULL;

CREATE TABLE rating (
    rating_id                        uuid PRIMARY KEY,
    person_id                        uuid NOT NULL REFERENCES person_rating (person_id),
    rating                           text NOT NULL CHECK (rating IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    previous_rating                  text CHECK (previous_rating IN ('RED', 'AMBER', 'GREEN', 'BLUE')),
    cause                            text NOT NULL,
    indicative                       boolean NOT NULL,
    decided_by                       text NOT NULL,
    decided_as                       text NOT NULL CHECK (decided_as IN ('LEAD', 'DSR_TEAM', 'CARE_TEAM', 'SYSTEM')),
    decided_at                       timestamptz NOT NULL,
    rated_on                         date NOT NULL,
    rationale                        text NOT NULL,
    discussed_with_person_and_family boolean,
    meeting_id                       uuid,
    assessment_id                    uuid,
    tool_id                          text,
    tool_version                     integer,
    suggested_rating                 text CHECK (suggested_rating IN ('RED', 'AMBER', 'GREEN')),
    reason_for_differing_from_tool   text,
    CHECK (decided_as = 'SYSTEM' OR discussed_with_person_and_family IS NOT NULL),
    CHECK (suggested_rating IS NULL OR suggested_rating = rating OR reason_for_differing_from_tool IS NOT NULL)
);

CREATE INDEX rating_history ON rating (person_id, decided_at DESC, rating_id);

-- The history is never edited: a later rating follows an earlier one, it does not replace it.
CREATE FUNCTION rating_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rating history is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER rating_append_only BEFORE UPDATE OR DELETE ON rating
    FOR EACH ROW EXECUTE FUNCTION rating_is_append_only();
