-- Tracking meetings' agendas (meeting-service README, "Agendas"). personIds only, never names; the reasons' words
-- name ratings, reviews and dates. One agenda per meeting (the primary key), assembled under the meeting's row lock.
CREATE TABLE agenda (
    meeting_id   uuid PRIMARY KEY REFERENCES meeting (meeting_id),
    status       text        NOT NULL CHECK (status IN ('NOT_YET_ASSEMBLED', 'DRAFT', 'FROZEN')),
    assembled_at timestamptz,
    frozen_at    timestamptz,
    CHECK ((status = 'NOT_YET_ASSEMBLED') = (assembled_at IS NULL)),
    CHECK ((status = 'FROZEN') = (frozen_at IS NOT NULL))
);

-- What the register gave at the last assembly, in the chair's order; replaced on each assembly until frozen.
CREATE TABLE agenda_item (
    meeting_id   uuid    NOT NULL REFERENCES agenda (meeting_id),
    position     integer NOT NULL,
    person_id    uuid    NOT NULL,
    reason_codes text[]  NOT NULL CHECK (cardinality(reason_codes) > 0),
    reason_whys  text[]  NOT NULL CHECK (cardinality(reason_whys) = cardinality(reason_codes)),
    PRIMARY KEY (meeting_id, position),
    UNIQUE (meeting_id, person_id)
);

-- People the DSR team added by hand, with their one-line reason: once per person, kept through regenerations.
CREATE TABLE agenda_hand_item (
    meeting_id uuid        NOT NULL REFERENCES agenda (meeting_id),
    person_id  uuid        NOT NULL,
    reason     text        NOT NULL,
    added_by   text        NOT NULL,
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- Frozen is for good: once its meeting is held, an agenda's items are never written again, whatever the code does.
CREATE FUNCTION agenda_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM agenda WHERE meeting_id = COALESCE(NEW.meeting_id, OLD.meeting_id)
               AND status = 'FROZEN') THEN
        RAISE EXCEPTION 'the agenda of meeting % is frozen', COALESCE(NEW.meeting_id, OLD.meeting_id);
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$;

CREATE TRIGGER agenda_item_frozen BEFORE INSERT OR UPDATE OR DELETE ON agenda_item
    FOR EACH ROW EXECUTE FUNCTION agenda_frozen_guard();
CREATE TRIGGER agenda_hand_item_frozen BEFORE INSERT OR UPDATE OR DELETE ON agenda_hand_item
    FOR EACH ROW EXECUTE FUNCTION agenda_frozen_guard();

CREATE FUNCTION agenda_stays_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'FROZEN' AND (NEW.status <> 'FROZEN' OR NEW.assembled_at IS DISTINCT FROM OLD.assembled_at
                                  OR NEW.frozen_at IS DISTINCT FROM OLD.frozen_at) THEN
        RAISE EXCEPTION 'the agenda of meeting % is frozen', OLD.meeting_id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER agenda_frozen BEFORE UPDATE ON agenda
    FOR EACH ROW EXECUTE FUNCTION agenda_stays_frozen();
