-- A professional's change of a person's name, date of birth or NHS number is held here for the DSR team to apply or
-- reject (issue 11: answering a colliding NHS number differently would tell the professional that someone else
-- holds it). Resolved changes stay, with who resolved them, when and why.
CREATE TABLE identity_change_to_review (
    id            UUID        PRIMARY KEY,
    person_id     UUID        NOT NULL REFERENCES person (id),
    given_name    TEXT        NOT NULL,
    family_name   TEXT        NOT NULL,
    date_of_birth DATE        NOT NULL,
    nhs_number    CHAR(10),
    requested_by  TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    resolution    TEXT CHECK (resolution IN ('APPLIED', 'REJECTED')),
    reason        TEXT,
    resolved_by   TEXT,
    resolved_at   TIMESTAMPTZ,
    CHECK ((resolution IS NULL) = (resolved_at IS NULL))
);
CREATE INDEX identity_change_to_review_open ON identity_change_to_review (requested_at, id) WHERE resolution IS NULL;
CREATE INDEX identity_change_to_review_person ON identity_change_to_review (person_id);
