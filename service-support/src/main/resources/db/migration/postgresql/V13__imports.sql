-- CSV imports (DESIGN §10, docs/decisions.md "Imports"). A job and its rows are stored when the
-- upload is accepted; a row's outcome is written in the same transaction as the events it caused,
-- so a job resumed after a crash (by any command-side instance) applies no row twice and ends with
-- the counts an uninterrupted run would have.
CREATE TABLE import_job (
    import_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    workspace_id VARCHAR(63)  NOT NULL,
    actor_id     VARCHAR(255) NOT NULL,
    actor_kind   VARCHAR(16)  NOT NULL,
    -- the key's role: only an integration's import links customer IDs (DESIGN §6)
    links_ids    BOOLEAN      NOT NULL,
    columns_json TEXT         NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    row_count    INTEGER      NOT NULL,
    done         INTEGER      NOT NULL,
    created      INTEGER      NOT NULL,
    updated      INTEGER      NOT NULL,
    unchanged    INTEGER      NOT NULL,
    failed       INTEGER      NOT NULL,
    -- which instance runs it, and its last sign of life (epoch ms): a silent owner's job is taken over
    owner        VARCHAR(64),
    heartbeat    BIGINT       NOT NULL,
    created_at   BIGINT       NOT NULL,
    finished_at  BIGINT
);
CREATE INDEX ix_import_job_status ON import_job (status);

CREATE TABLE import_row (
    import_id     VARCHAR(36)  NOT NULL,
    row_number    INTEGER      NOT NULL,
    -- the row's values, a JSON array in the job's column order
    cells         TEXT         NOT NULL,
    outcome       VARCHAR(16),
    contact_id    VARCHAR(64),
    -- the matched or created contact's email and phone as stored, so later rows of the file match it
    email         VARCHAR(254),
    phone         VARCHAR(32),
    error_column  VARCHAR(80),
    error_message TEXT,
    PRIMARY KEY (import_id, row_number)
);
CREATE INDEX ix_import_row_email ON import_row (import_id, email);
CREATE INDEX ix_import_row_phone ON import_row (import_id, phone);

-- an import matches existing contacts by email and phone in the profile read model
CREATE INDEX ix_contact_profile_email ON contact_profile (workspace_id, email);
CREATE INDEX ix_contact_profile_phone ON contact_profile (workspace_id, phone);
CREATE INDEX ix_contact_profile_b_email ON contact_profile_b (workspace_id, email);
CREATE INDEX ix_contact_profile_b_phone ON contact_profile_b (workspace_id, phone);
