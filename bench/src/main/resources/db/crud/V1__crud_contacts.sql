-- The CRUD baseline's tables: a contact is a row, its tags, notes and custom fields rows beside it.
CREATE TABLE crud_contact (
    workspace_id VARCHAR(63) NOT NULL,
    contact_id   VARCHAR(64) NOT NULL,
    type         VARCHAR(16) NOT NULL,
    name         TEXT,
    email        TEXT,
    phone        TEXT,
    country      VARCHAR(2),
    customer_id  TEXT,
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMP   NOT NULL,
    updated_at   TIMESTAMP   NOT NULL,
    PRIMARY KEY (workspace_id, contact_id)
);
CREATE UNIQUE INDEX ux_crud_contact_customer ON crud_contact (workspace_id, customer_id);
CREATE TABLE crud_tag (
    workspace_id VARCHAR(63) NOT NULL,
    contact_id   VARCHAR(64) NOT NULL,
    tag          TEXT        NOT NULL,
    PRIMARY KEY (workspace_id, contact_id, tag)
);
CREATE TABLE crud_note (
    note_id      VARCHAR(36) NOT NULL PRIMARY KEY,
    workspace_id VARCHAR(63) NOT NULL,
    contact_id   VARCHAR(64) NOT NULL,
    text         TEXT        NOT NULL,
    author       TEXT        NOT NULL,
    written_at   TIMESTAMP   NOT NULL
);
CREATE INDEX ix_crud_note_contact ON crud_note (workspace_id, contact_id);
CREATE TABLE crud_field (
    workspace_id VARCHAR(63) NOT NULL,
    contact_id   VARCHAR(64) NOT NULL,
    field_key    VARCHAR(64) NOT NULL,
    value        TEXT        NOT NULL,
    PRIMARY KEY (workspace_id, contact_id, field_key)
);
