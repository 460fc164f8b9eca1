-- Answers to requests sent with an Idempotency-Key (DESIGN §7), shared by every command-side
-- instance. A row is IN_FLIGHT from the first request's start (so a concurrent repeat gets 409)
-- and DONE with the answer in the same transaction as the command's events, so a commit that
-- failed leaves no answer and one that succeeded always has one.
CREATE TABLE idempotent_request (
    workspace_id    VARCHAR(63)  NOT NULL,
    key_name        VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    -- who runs it and until when (epoch ms): a repeat after the lease takes over (the first died)
    owner           VARCHAR(64)  NOT NULL,
    lease_until     BIGINT       NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    body            BYTEA,
    created_at      BIGINT       NOT NULL,
    PRIMARY KEY (workspace_id, key_name, idempotency_key)
);
CREATE INDEX ix_idempotent_request_created ON idempotent_request (created_at);
