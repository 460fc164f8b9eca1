-- Live query-side instances (a heartbeat each), so they can share the projections' segments fairly.
CREATE TABLE query_instance (
    owner     VARCHAR(255) NOT NULL PRIMARY KEY,
    seen_at   BIGINT       NOT NULL
);
