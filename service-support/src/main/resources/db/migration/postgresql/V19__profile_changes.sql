-- What the live streams poll moves out of the profile row (docs/decisions.md, "Live updates").
-- An index on contact_profile.projected_at, a column every write changes, made every profile
-- update a non-heap-only one: each note or tag wrote new entries into all eight indexes, the
-- trigram index's dozens per row among them, and left a dead row version behind in each.
-- Now a write that changes no indexed column stays on its page and touches no index.
-- Dropping the column drops its index on both copies; a rebuild under way keeps no definition of it.
DELETE FROM deferred_index WHERE definition LIKE '%projected_at%';
ALTER TABLE contact_profile DROP COLUMN projected_at;
ALTER TABLE contact_profile_b DROP COLUMN projected_at;

-- One row per profile write of the live projection, kept a few minutes: the live streams of
-- every query-side instance poll it for the changes another instance projected.
CREATE TABLE profile_change (
    projected_at BIGINT      NOT NULL,
    workspace_id VARCHAR(63) NOT NULL,
    contact_id   VARCHAR(64) NOT NULL,
    version      BIGINT      NOT NULL,
    type         VARCHAR(16) NOT NULL
);
CREATE INDEX ix_profile_change_projected ON profile_change (projected_at, workspace_id, contact_id);
