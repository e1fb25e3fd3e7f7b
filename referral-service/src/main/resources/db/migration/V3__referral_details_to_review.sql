-- A referral for someone already known may give details that differ from their record (a new address, a changed
-- name). They are kept with the referral for the DSR team to review, never written over the record.
CREATE TABLE referral_detail_to_review (
    referral_id    UUID NOT NULL REFERENCES referral (id),
    field          TEXT NOT NULL,
    referred_value TEXT NOT NULL,
    PRIMARY KEY (referral_id, field)
);
