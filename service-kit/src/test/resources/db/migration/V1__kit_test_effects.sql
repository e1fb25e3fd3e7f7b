-- The effect a test consumer applies, to count deliveries and check their order.
CREATE TABLE referral_seen (
    seq         BIGSERIAL PRIMARY KEY,
    event_id    TEXT NOT NULL,
    referral_id UUID NOT NULL,
    person_id   UUID NOT NULL,
    correlation_id TEXT
);

-- A state change made by the test API, with its event written in the same transaction.
CREATE TABLE test_referral (
    id        UUID PRIMARY KEY,
    person_id UUID NOT NULL,
    locality  TEXT NOT NULL
);
