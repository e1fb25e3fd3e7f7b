-- A row the broker refuses and always will (too large, not serialisable, invalid topic) is parked instead of
-- heading every batch and blocking the whole outbox. Later rows of the same person wait behind it, so per-person
-- order is never broken; both are counted in dsr_outbox_parked_events and dsr_outbox_held_events.
-- How an operator releases a parked row: see the OutboxRelay Javadoc (retry it, or discard it).
ALTER TABLE outbox_event
    ADD COLUMN parked_at   TIMESTAMPTZ,
    ADD COLUMN park_reason TEXT;

-- The relay looks up, for each candidate row, whether an earlier row of the same person is parked.
CREATE INDEX outbox_event_parked ON outbox_event (aggregateid, position)
    WHERE parked_at IS NOT NULL AND published_at IS NULL;
