-- The integration feed (DESIGN §10, docs/decisions.md "The event feed"): every stored event copied
-- once, in the order one writer processed it, under a position that is never reused. Positions are
-- taken from event_feed_head inside the writing transaction; its row lock makes a later position
-- commit after an earlier one, so a consumer reading "after N" can never miss an event that commits
-- late (the store's own global index can: its gaps fill when slower transactions commit).
CREATE TABLE event_feed (
    position     BIGINT       NOT NULL PRIMARY KEY,
    event_id     VARCHAR(255) NOT NULL,
    workspace_id VARCHAR(63)  NOT NULL,
    -- null for workspace events (custom-field definitions)
    contact_id   VARCHAR(64),
    version      BIGINT       NOT NULL,
    event_type   VARCHAR(255) NOT NULL,
    -- the event's time, epoch microseconds
    occurred_at  BIGINT       NOT NULL,
    metadata     TEXT         NOT NULL,
    payload      TEXT         NOT NULL
);
CREATE UNIQUE INDEX event_feed_event ON event_feed (event_id);
CREATE INDEX event_feed_workspace ON event_feed (workspace_id, position);

CREATE TABLE event_feed_head (
    id       INT    NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL
);
INSERT INTO event_feed_head (id, position) VALUES (1, 0);
