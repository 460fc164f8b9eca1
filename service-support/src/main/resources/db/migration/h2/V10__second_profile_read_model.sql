-- Blue/green rebuilds (docs/decisions.md, "Rebuilds without downtime"): a second copy of the
-- profile read model, built beside the live one; read_model_slot says which copy is live, and a
-- rebuild switches it in the same transaction that hands the projection its position.
CREATE TABLE contact_profile_b (
    workspace_id VARCHAR(63)  NOT NULL,
    contact_id   VARCHAR(64)  NOT NULL,
    type         VARCHAR(16)  NOT NULL,
    name         CHARACTER VARYING,
    email        CHARACTER VARYING,
    phone        CHARACTER VARYING,
    customer_id  CHARACTER VARYING,
    search_text  CHARACTER VARYING NOT NULL,
    created_at   BIGINT       NOT NULL,
    version      BIGINT       NOT NULL,
    document     TEXT         NOT NULL,
    projected_at BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (workspace_id, contact_id)
);
CREATE INDEX ix_contact_profile_b_newest ON contact_profile_b (workspace_id, created_at DESC, contact_id DESC);
CREATE INDEX ix_contact_profile_b_type ON contact_profile_b (workspace_id, type, created_at DESC, contact_id DESC);
CREATE INDEX ix_contact_profile_b_projected ON contact_profile_b (projected_at);

CREATE TABLE contact_tag_b (
    workspace_id VARCHAR(63)       NOT NULL,
    tag          CHARACTER VARYING NOT NULL,
    contact_id   VARCHAR(64)       NOT NULL,
    PRIMARY KEY (workspace_id, tag, contact_id)
);
CREATE INDEX ix_contact_tag_b_contact ON contact_tag_b (workspace_id, contact_id);

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
