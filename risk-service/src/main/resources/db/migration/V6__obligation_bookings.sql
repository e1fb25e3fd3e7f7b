-- The review meeting-service booked against an obligation (issue 13 review, item 12): its booking id and the highest
-- sequence seen of it, so that a stale or replayed review event (a lower or equal sequence, or another booking's) never
-- re-books, moves or withdraws what a later event or risk-service's own API decided.
ALTER TABLE obligation
    ADD COLUMN booking_id       UUID,
    ADD COLUMN booking_sequence INTEGER CHECK (booking_sequence >= 0),
    ADD CONSTRAINT obligation_booking_with_sequence CHECK ((booking_id IS NULL) = (booking_sequence IS NULL));
