-- The audit trail of consents (issue 11 finding 5): every read and change of a consent, refused and not-found
-- attempts included, with who, why (X-DSR-Purpose), and for a change the values before and after.
-- Append-only: the trigger below refuses UPDATE, DELETE and TRUNCATE, whoever runs them, so the service's runtime
-- role cannot rewrite or erase it. (Until consent-service moves onto the kit's audit, org.opendsr.kit.audit.)
CREATE TABLE consent_audit (
    seq          BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    actor_roles  TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    person_id    UUID,
    what         TEXT        NOT NULL,
    purpose      TEXT        NOT NULL,
    outcome      TEXT        NOT NULL,
    old_values   JSONB,
    new_values   JSONB,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX consent_audit_person ON consent_audit (person_id, seq);
CREATE INDEX consent_audit_actor ON consent_audit (actor, seq);

CREATE FUNCTION consent_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_audit is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER consent_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON consent_audit
    FOR EACH ROW EXECUTE FUNCTION consent_audit_is_append_only();
CREATE TRIGGER consent_audit_no_truncate BEFORE TRUNCATE ON consent_audit
    FOR EACH STATEMENT EXECUTE FUNCTION consent_audit_is_append_only();
