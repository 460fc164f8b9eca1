-- Rebuild requests for streaming projections, shared by every query-side instance: a rebuild is
-- asked by raising requested_generation; it is done when done_generation catches up.
CREATE TABLE projection_rebuild (
    processor_name       VARCHAR(255) NOT NULL PRIMARY KEY,
    requested_generation BIGINT       NOT NULL,
    done_generation      BIGINT       NOT NULL
);
