-- Blue/green rebuilds (docs/decisions.md, "Rebuilds without downtime"): a second copy of the
-- profile read model, built beside the live one; read_model_slot says which copy is live, and a
-- rebuild switches it in the same transaction that hands the projection its position.
CREATE TABLE contact_profile_b (LIKE contact_profile INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)
    WITH (fillfactor = 70);
CREATE TABLE contact_tag_b (LIKE contact_tag INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);

CREATE TABLE read_model_slot (
    model       VARCHAR(64) NOT NULL PRIMARY KEY,
    active      VARCHAR(1)  NOT NULL,
    switched_at BIGINT      NOT NULL
);
INSERT INTO read_model_slot (model, active, switched_at) VALUES ('contact-profiles', 'a', 0);

-- One row per rebuild of a read model: who builds it, how far it got, and how it ended.
CREATE TABLE read_model_build (
    model         VARCHAR(64)  NOT NULL PRIMARY KEY,
    build_id      BIGINT       NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    target        VARCHAR(1)   NOT NULL,
    owner         VARCHAR(255),
    heartbeat     BIGINT       NOT NULL,
    started_at    BIGINT       NOT NULL,
    finished_at   BIGINT,
    events_done   BIGINT       NOT NULL,
    events_total  BIGINT       NOT NULL,
    position      BIGINT       NOT NULL,
    error         TEXT
);
