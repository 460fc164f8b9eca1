-- Checkpoints of profiles with long histories: the profile as the fold made it when its version
-- crossed a multiple of ledger.checkpoints.every, so an as-of view folds from the nearest one
-- instead of from the first event (docs/decisions.md, "Long histories"). Written by the live
-- projection and by rebuilds alike; a checkpoint is a fact about a version and never changes.
CREATE TABLE profile_checkpoint (
    workspace_id VARCHAR(63) NOT NULL,
    contact_id   VARCHAR(64) NOT NULL,
    version      BIGINT      NOT NULL,
    -- the profile's updatedAt (its last event's time), epoch microseconds
    updated_at   BIGINT      NOT NULL,
    document     TEXT        NOT NULL,
    PRIMARY KEY (workspace_id, contact_id, version)
);
