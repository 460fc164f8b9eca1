-- Webhooks (DESIGN §10, docs/decisions.md "Webhooks"). A subscription per (workspace, name); a
-- delivery per (subscription, feed event), created by one fan-out writer that follows the event
-- feed (its cursor row is locked while it writes), sent by any query-side instance that leases it.
CREATE TABLE webhook (
    workspace_id VARCHAR(63)   NOT NULL,
    name         VARCHAR(63)   NOT NULL,
    url          VARCHAR(2000) NOT NULL,
    -- a JSON array of event type names, or ["*"]
    event_types  TEXT          NOT NULL,
    enabled      BOOLEAN       NOT NULL,
    secret       VARCHAR(128)  NOT NULL,
    created_at   BIGINT        NOT NULL,
    updated_at   BIGINT        NOT NULL,
    PRIMARY KEY (workspace_id, name)
);

CREATE TABLE webhook_delivery (
    delivery_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    workspace_id    VARCHAR(63)  NOT NULL,
    webhook_name    VARCHAR(63)  NOT NULL,
    -- the event's feed position: its body is rendered from event_feed
    position        BIGINT       NOT NULL,
    -- deliveries of one contact (or of the workspace's own events, '') go out in position order
    contact_key     VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(255) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    lease_owner     VARCHAR(64),
    lease_until     BIGINT       NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    -- the start of its retry window (reset by a redelivery)
    window_start    BIGINT       NOT NULL,
    delivered_at    BIGINT
);
CREATE UNIQUE INDEX ux_webhook_delivery_event ON webhook_delivery (workspace_id, webhook_name, position);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (workspace_id, webhook_name, status, position);
CREATE INDEX ix_webhook_delivery_delivered ON webhook_delivery (status, delivered_at);
CREATE INDEX ix_webhook_delivery_contact ON webhook_delivery (workspace_id, webhook_name, contact_key, status, position);

CREATE TABLE webhook_fanout (
    id       INT    NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL
);
INSERT INTO webhook_fanout (id, position) VALUES (1, 0);
