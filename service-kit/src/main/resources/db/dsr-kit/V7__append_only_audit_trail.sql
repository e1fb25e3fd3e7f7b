-- The audit trail every service keeps (issue 11, DESIGN.md section 7): who read or changed whose record, or tried
-- to, when, what, why and with what outcome, with old and new values for changes. Written by org.opendsr.kit.audit.
--
-- Append-only, three ways:
-- 1. Triggers refuse UPDATE, DELETE and TRUNCATE. Privileges alone cannot do it here: each service runs as the
--    owner of its database (it migrates its own schema), and an owner may always update and delete its own tables
--    (a REVOKE from the owner is undone by the owner). A trigger binds every role, the owner and superusers
--    included, unless someone deliberately disables it (ALTER TABLE ... DISABLE TRIGGER, or
--    session_replication_role = replica), which an application bug or an injected statement does not do by
--    accident.
-- 2. Privileges where they help: nothing is granted to PUBLIC. A deployment that separates the migrating owner from
--    the runtime role grants that role only SELECT and INSERT on these tables (and USAGE on the sequence); then
--    even disabling the triggers is out of the runtime role's reach.
-- 3. A hash chain (audit_seal) so that what gets past both (an owner or superuser editing or deleting rows with
--    the triggers off) is detected by the daily check (AuditChain), which names the first broken chain position.
--
-- Deleting is allowed only from the oldest end, for retention, and only rows an anchor (audit_anchor) already
-- covers: the anchor keeps the hash of the last purged position, so the rest of the chain stays verifiable.

CREATE TABLE audit_entry (
    seq            BIGSERIAL   PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    -- Set by the insert trigger, never by the writer: the sealer looks for new entries by it.
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor          TEXT        NOT NULL,
    actor_roles    TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    -- Null when the entry is about no one person (e.g. a lead reading a user's audit).
    person_id      UUID,
    what           TEXT        NOT NULL,
    purpose        TEXT        NOT NULL,
    -- ALLOWED, REFUSED, NOT_FOUND or FAILED (org.opendsr.kit.audit.AuditOutcome).
    outcome        TEXT        NOT NULL,
    old_values     JSONB,
    new_values     JSONB,
    correlation_id TEXT,
    -- The id of the record an entry was copied from (a gateway access record), so a redelivery is written once.
    source_id      TEXT        UNIQUE
);
-- A person's audit and a user's audit, newest first, keyset-paged by seq.
CREATE INDEX audit_entry_person ON audit_entry (person_id, seq DESC) WHERE person_id IS NOT NULL;
CREATE INDEX audit_entry_actor ON audit_entry (actor, seq DESC);
-- The sealer finds new entries by the time they were recorded.
CREATE INDEX audit_entry_recorded_at ON audit_entry (recorded_at);

-- The hash chain: position n seals one entry with sha256(hash of position n-1 || the entry's canonical form)
-- (AuditChain). Positions are given by one sealer at a time (an advisory lock), in entry order, after the entries
-- commit, so writers never wait for each other or for the chain.
CREATE TABLE audit_seal (
    chain_no  BIGINT      PRIMARY KEY,
    entry_seq BIGINT      NOT NULL UNIQUE,
    hash      BYTEA       NOT NULL,
    sealed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Where the chain starts again after a retention purge: the position and hash of the last purged seal.
CREATE TABLE audit_anchor (
    chain_no         BIGINT      PRIMARY KEY,
    hash             BYTEA       NOT NULL,
    purged_entries   BIGINT      NOT NULL,
    last_occurred_at TIMESTAMPTZ NOT NULL,
    anchored_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

REVOKE ALL ON audit_entry, audit_seal, audit_anchor FROM PUBLIC;

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Only rows an anchor covers may go (retention purges from the oldest end); anything else is refused.
CREATE FUNCTION audit_guard_entry_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM dsr_kit.audit_seal s WHERE s.entry_seq = OLD.seq
               AND s.chain_no <= (SELECT max(chain_no) FROM dsr_kit.audit_anchor)) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: DELETE on audit_entry refused (only anchored entries may be purged)'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE FUNCTION audit_guard_seal_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.chain_no <= (SELECT max(chain_no) FROM dsr_kit.audit_anchor) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: DELETE on audit_seal refused (only anchored positions may be purged)'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- The time an entry was recorded is the database's, whatever the writer says.
CREATE FUNCTION audit_stamp_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.recorded_at := clock_timestamp();
    RETURN NEW;
END;
$$;

-- An anchor must copy a real seal, further along than the last anchor.
CREATE FUNCTION audit_check_anchor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM dsr_kit.audit_seal s WHERE s.chain_no = NEW.chain_no AND s.hash = NEW.hash)
       OR NEW.chain_no <= coalesce((SELECT max(chain_no) FROM dsr_kit.audit_anchor), 0) THEN
        RAISE EXCEPTION 'an audit anchor must copy a sealed position beyond the last anchor'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_entry_stamped BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_stamp_entry();
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_guarded_delete BEFORE DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_guard_entry_delete();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_seal_guarded_delete BEFORE DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_guard_seal_delete();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_anchor_checked BEFORE INSERT ON audit_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_check_anchor();
CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE OR DELETE ON audit_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
