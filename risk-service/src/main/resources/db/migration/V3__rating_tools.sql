-- Rating tools are data, not code (issue 12): every published version of every tool, and the assessments made with
-- them. Tool definitions are not personal data; assessments are (they are about a person, known by personId only).

CREATE TABLE rating_tool_version (
    tool_id      text        NOT NULL CHECK (tool_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version      integer     NOT NULL CHECK (version >= 1),
    -- The definition document, as checked against dsr/rating-tools/rating-tool.schema.json and the domain.
    definition   jsonb       NOT NULL,
    published_at timestamptz NOT NULL,
    -- The lead's user id, or 'risk-service' for a definition shipped as a file and loaded at start-up.
    published_by text        NOT NULL,
    PRIMARY KEY (tool_id, version),
    CHECK (definition ->> 'toolId' = tool_id AND (definition ->> 'version')::integer = version)
);

COMMENT ON TABLE rating_tool_version IS
    'Published versions of rating tools; a version never changes (a change is a new version).';

-- A published version is immutable, so that every assessment can be read against the exact questions it answered.
CREATE FUNCTION rating_tool_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rating tool % version % is published and never changes', OLD.tool_id, OLD.version;
END;
$$;

CREATE TRIGGER rating_tool_version_immutable
    BEFORE UPDATE OR DELETE ON rating_tool_version
    FOR EACH ROW EXECUTE FUNCTION rating_tool_version_is_immutable();

CREATE TABLE rating_assessment (
    id                    uuid        PRIMARY KEY,
    person_id             uuid        NOT NULL,
    tool_id               text        NOT NULL,
    version               integer     NOT NULL,
    -- questionId -> optionId, for every question of that version.
    answers               jsonb       NOT NULL,
    score                 integer     NOT NULL CHECK (score >= 0),
    key_questions_all_yes boolean     NOT NULL,
    -- A tool never suggests BLUE: BLUE is being an inpatient, not a score.
    suggested_rating      text        NOT NULL CHECK (suggested_rating IN ('RED', 'AMBER', 'GREEN')),
    assessed_at           timestamptz NOT NULL,
    assessed_by           text        NOT NULL,
    FOREIGN KEY (tool_id, version) REFERENCES rating_tool_version (tool_id, version)
);

CREATE INDEX rating_assessment_of_person ON rating_assessment (person_id, assessed_at DESC, id);

COMMENT ON TABLE rating_assessment IS
    'Assessments with a rating tool: answers, score and suggestion. A tool suggests; the rating is decided elsewhere.';
