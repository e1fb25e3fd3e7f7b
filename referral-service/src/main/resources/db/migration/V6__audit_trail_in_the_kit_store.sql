-- The audit trail moves to the kit's append-only, hash-chained store (dsr_kit.audit_entry, kit migration V7; issue
-- 11). The kit migrates its schema before this service's migrations run (KitSchemaMigration is ordered first).
--
-- The old rows are copied in their order, as ALLOWED entries with no old/new values (the old table never had
-- them), and sealed into the chain on the first sealing round. Then person_audit is dropped rather than kept:
-- its rows could be updated and deleted by the service's own role, so a second copy beside the protected one would
-- only be a place where the trail could be quietly changed and then "agree" with nothing. What the old rows said
-- before this migration cannot be proved (they were never protected); from here on, every row is.
INSERT INTO dsr_kit.audit_entry (occurred_at, actor, actor_roles, action, person_id, what, purpose, outcome,
                                 correlation_id)
SELECT occurred_at, actor, actor_roles, action, person_id, what, purpose, 'ALLOWED', correlation_id
FROM person_audit
ORDER BY id;

DROP TABLE person_audit;
