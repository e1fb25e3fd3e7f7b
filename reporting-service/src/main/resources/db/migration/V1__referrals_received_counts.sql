-- reporting-service holds no personal data: only counts, by month (England), locality, referral route and age band.
CREATE TABLE referrals_received_monthly (
    month     DATE    NOT NULL,
    locality  TEXT    NOT NULL,
    route     TEXT    NOT NULL,
    age_band  TEXT    NOT NULL,
    referrals INTEGER NOT NULL CHECK (referrals >= 0),
    PRIMARY KEY (month, locality, route, age_band)
);
