-- Crypto-shredding of the audit trail's change values (issue 16). The audit trail (V7) is append-only and
-- hash-chained, so a person's erasure cannot delete or rewrite the old/new values of the changes it recorded; and in
-- referral-service those values are names, dates of birth and addresses. Instead the kit (org.opendsr.kit.audit)
-- encrypts each entry's old/new values with a key of the person the entry is about (AES-256-GCM, the person id as
-- associated data) and stores the ciphertext as JSONB ({"encrypted": "<base64 nonce||ciphertext>", "v": 1}). The
-- chain hashes what is stored, so it verifies the same with or without the key. Erasing a person deletes their key
-- here (AuditKeys.forget, in the erasure's transaction): their values become unreadable, and the entry keeps who did
-- what, when and why.
--
-- Not part of the chain, so deletable: a key row is nothing but a way to read values, and forgetting it is the point.
-- Entries about no one person, and entries written before this migration, are stored (and read) as plain JSON.
CREATE TABLE audit_person_key (
    person_id  UUID        PRIMARY KEY,
    -- 32 random bytes (AES-256), made by the kit on the first entry with values about the person.
    key        BYTEA       NOT NULL CHECK (octet_length(key) = 32),
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

REVOKE ALL ON audit_person_key FROM PUBLIC;
