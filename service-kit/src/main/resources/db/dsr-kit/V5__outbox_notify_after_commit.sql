-- The AFTER INSERT trigger's pg_notify ran inside the writer's transaction, and PostgreSQL serialises every
-- NOTIFYing commit on one server-wide lock held across the commit's fsync: under load every writer on the server
-- waited for the others (issue 10). The kit now wakes the relay after commit instead, in-process when the writer's
-- replica leads and otherwise by a coalesced NOTIFY from a separate connection (OutboxWakeUp); the relay's short
-- poll covers anything a wake-up misses.
DROP TRIGGER IF EXISTS outbox_event_inserted ON outbox_event;
DROP FUNCTION IF EXISTS notify_outbox_event();
