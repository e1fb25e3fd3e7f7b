-- A rebuild writes every fact again into an emptied table (issue 14 item 6: 20,000 events per second on 2 cores).
-- Keeping reporting_fact's secondary indexes up to date row by row costs more than the rows themselves (300,000 facts:
-- 15.0 s with the four indexes, 6.4 s without plus 2.4 s to build the four at the end), so the rebuild drops them when
-- it empties the store and builds each once when it finishes. Their definitions are kept here meanwhile, as PostgreSQL
-- itself gives them (pg_get_indexdef), so that the migrations stay their only source and a rebuild that dies in
-- between leaves them for the next one to build. Only the rebuild writes this table; it is empty otherwise.
CREATE TABLE store_rebuild_index (
    -- An index of reporting_fact, by its name in the catalogue.
    index_relation TEXT PRIMARY KEY CHECK (index_relation ~ '^reporting_fact_[a-z_]{1,40}$'),
    -- Its CREATE INDEX statement, held to the shape of a plain btree index on reporting_fact's columns.
    definition     TEXT NOT NULL CHECK (definition ~ ('^CREATE INDEX reporting_fact_[a-z_]{1,40} ON ([a-z_]{1,40}\.)?'
        || 'reporting_fact USING btree \([a-z_, ]{1,200}\)( WHERE \([a-z_]{1,40} IS NOT NULL\))?$'))
);
