-- The working-day calendar moved to the kit (org.opendsr.kit.calendar), one copy for every service; its stored
-- publication moved to dsr_kit.bank_holiday_publication (kit migration V8). The kit migrates its schema before
-- this service's migrations run (KitSchemaMigration is ordered first), so the kit's table is there to copy into.
-- A copy the kit already holds (a refresh after the kit's table appeared) is newer and stays.
INSERT INTO dsr_kit.bank_holiday_publication (division, payload, fetched_at)
SELECT division, payload, fetched_at
FROM public.bank_holiday_publication
ON CONFLICT (division) DO NOTHING;

DROP TABLE public.bank_holiday_publication;
