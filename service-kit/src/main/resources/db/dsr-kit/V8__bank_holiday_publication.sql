-- The England and Wales working-day calendar (org.opendsr.kit.calendar), the same for every service with the kit:
-- the last good copy of GOV.UK's bank holidays, shared by every replica of the service. Each service keeps its own
-- copy in its own database (refreshed where the deployment sets DSR_BANK_HOLIDAYS_REFRESH_ENABLED=true).
-- referral-service's V11 moves its older copy (public.bank_holiday_publication) here.
CREATE TABLE bank_holiday_publication (
    division   TEXT        PRIMARY KEY,
    payload    JSONB       NOT NULL,
    fetched_at TIMESTAMPTZ NOT NULL
);
