-- consent-service owns this database; no other service reads it. Its tables arrive with its capability
-- (see the issue for consent-service); the outbox and processed-event tables are the service kit's (schema dsr_kit).
COMMENT ON SCHEMA public IS 'consent-service';
