-- Indexes the referral path and the register listing were missing (issue 10, "The referral's SQL").

-- A professional's access check asks, for each referral they made, whether it has an open register entry
-- (PostgresPersonLinks): without this, every access check scanned register_entry.
CREATE INDEX register_entry_referral ON register_entry (referral_id);

-- Everyone's entries, open or closed: whether someone was ever on the register (REMOVED) and their latest removal.
-- register_entry_one_open_per_person covers open entries only.
CREATE INDEX register_entry_person ON register_entry (person_id, removed_at);

-- The register listing's order: a page is read in this order and stops at its last line instead of sorting everyone.
CREATE INDEX person_listing_order ON person (lower(family_name), lower(given_name), id);
