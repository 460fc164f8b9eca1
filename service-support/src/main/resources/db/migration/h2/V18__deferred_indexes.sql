-- The same table as on PostgreSQL, so both schemas agree; H2 builds its indexes as it goes
-- (a rebuild there defers none).
CREATE TABLE deferred_index (
    index_name VARCHAR(128) NOT NULL PRIMARY KEY,
    table_name VARCHAR(128) NOT NULL,
    definition TEXT         NOT NULL
);
