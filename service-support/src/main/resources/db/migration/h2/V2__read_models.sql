-- The query side's read models. Filterable fields are columns; the whole profile is a JSON document.
CREATE TABLE contact_profile (
    workspace_id VARCHAR(63)  NOT NULL,
    contact_id   VARCHAR(64)  NOT NULL,
    type         VARCHAR(16)  NOT NULL,
    name         VARCHAR(200),
    email        VARCHAR(254),
    phone        VARCHAR(32),
    customer_id  VARCHAR(128),
    -- lower-cased name, email, phone and customer ID, for case-insensitive substring search
    search_text  VARCHAR(700) NOT NULL,
    -- creation time in epoch microseconds: the newest-first sort key (ties broken by contact_id)
    created_at   BIGINT       NOT NULL,
    version      BIGINT       NOT NULL,
    document     CLOB         NOT NULL,
    PRIMARY KEY (workspace_id, contact_id)
);
CREATE INDEX ix_contact_profile_newest ON contact_profile (workspace_id, created_at DESC, contact_id DESC);
CREATE INDEX ix_contact_profile_type ON contact_profile (workspace_id, type, created_at DESC, contact_id DESC);

CREATE TABLE contact_tag (
    workspace_id VARCHAR(63) NOT NULL,
    tag          VARCHAR(50) NOT NULL,
    contact_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (workspace_id, tag, contact_id)
);
CREATE INDEX ix_contact_tag_contact ON contact_tag (workspace_id, contact_id);

CREATE TABLE custom_field_view (
    workspace_id VARCHAR(63)  NOT NULL,
    field_key    VARCHAR(64)  NOT NULL,
    label        VARCHAR(200) NOT NULL,
    field_type   VARCHAR(16)  NOT NULL,
    document     CLOB         NOT NULL,
    PRIMARY KEY (workspace_id, field_key)
);
