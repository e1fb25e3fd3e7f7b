-- Tracking-meeting series per area, which meeting holds which of a series' planned days, who attended a meeting
-- (by agency and role, never by name) and the one-line note a cancellation may carry. Written by the series feature.

CREATE TABLE tracking_series (
    series_id         uuid PRIMARY KEY,
    area              text NOT NULL,
    day_of_week       text NOT NULL CHECK (day_of_week IN ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY')),
    interval_weeks    integer NOT NULL CHECK (interval_weeks BETWEEN 1 AND 8),
    start_time        time NOT NULL,
    duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
    first_meeting_on  date NOT NULL,
    online_link       text NOT NULL CHECK (online_link LIKE 'https://%'),
    bank_holiday_rule text NOT NULL CHECK (bank_holiday_rule IN ('MOVE_TO_NEXT_WORKING_DAY', 'SKIP')),
    active            boolean NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- One running series per area: its meetings are "the" tracking meetings of the area.
CREATE UNIQUE INDEX tracking_series_one_active_per_area ON tracking_series (area) WHERE active;

-- One meeting per (series, planned day), whichever replica schedules first: the guard that makes scheduling safe to
-- run twice. planned_on is the series' own day (before a move off a bank holiday). The meeting row is written after
-- its day is claimed, in the same transaction, hence the deferred reference.
CREATE TABLE series_meeting_day (
    series_id     uuid NOT NULL REFERENCES tracking_series (series_id),
    planned_on    date NOT NULL,
    meeting_id    uuid NOT NULL UNIQUE REFERENCES meeting (meeting_id) DEFERRABLE INITIALLY DEFERRED,
    moved_by_hand boolean NOT NULL DEFAULT false,
    PRIMARY KEY (series_id, planned_on)
);

CREATE TABLE meeting_attendee (
    attendee_id uuid PRIMARY KEY,
    meeting_id  uuid NOT NULL REFERENCES meeting (meeting_id),
    -- NULL for the person and their family at a Meeting by Exception (role PERSON or FAMILY_MEMBER): never named.
    agency      text CHECK (length(agency) <= 100),
    role        text NOT NULL CHECK (length(role) <= 100),
    subject     text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL,
    CHECK (agency IS NOT NULL OR (role IN ('PERSON', 'FAMILY_MEMBER') AND subject IS NULL))
);

CREATE INDEX meeting_attendee_meeting ON meeting_attendee (meeting_id, recorded_at, attendee_id);

CREATE TABLE meeting_cancellation_note (
    meeting_id  uuid PRIMARY KEY REFERENCES meeting (meeting_id),
    note        text NOT NULL CHECK (length(note) <= 200),
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
