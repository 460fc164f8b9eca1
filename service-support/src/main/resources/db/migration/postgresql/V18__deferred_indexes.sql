-- A rebuild fills a copy of the read model without its secondary indexes and builds them once at
-- the end (issue: rebuild and speed). Their definitions wait here meanwhile, so a builder that dies
-- leaves them for the one that takes over; the copy is not live while any is missing.
CREATE TABLE deferred_index (
    index_name VARCHAR(128) NOT NULL PRIMARY KEY,
    table_name VARCHAR(128) NOT NULL,
    definition TEXT         NOT NULL
);
