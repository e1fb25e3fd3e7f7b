-- processed_event rows are purged after a retention period (dsr.inbox.retention, see ProcessedEventsPurge);
-- the purge finds the old ones by this index instead of reading the whole table.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
