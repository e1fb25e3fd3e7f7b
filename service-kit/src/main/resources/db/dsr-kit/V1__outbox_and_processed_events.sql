-- Tables of the shared service kit, in their own schema with their own Flyway history, so that a
-- service's migrations and the kit's never interleave (both evolve independently).

-- Transactional outbox (Debezium-compatible columns: id, aggregatetype, aggregateid, type, payload).
-- A row is written in the same transaction as the state change it describes; the relay publishes
-- unpublished rows in position order, marks them published and later purges them.
CREATE TABLE outbox_event (
    position       BIGSERIAL   PRIMARY KEY,
    id             UUID        NOT NULL UNIQUE,
    aggregatetype  TEXT        NOT NULL,
    aggregateid    TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    payload        JSONB       NOT NULL,
    correlation_id TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    published_at   TIMESTAMPTZ
);

CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay at commit (NOTIFY is delivered only when the inserting transaction commits), so an
-- event is published within milliseconds instead of waiting for the next poll.
CREATE FUNCTION notify_outbox_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dsr_outbox_event', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_event_inserted
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_event();

-- Idempotent consumer: the event id is inserted first, in the same transaction as the handler's effects.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);
