-- Erasure by crypto-shredding (DESIGN §9): each contact's own AES key, in a table of its own.
-- Events hold its personal fields sealed with it; deleting the row makes them unreadable.
CREATE TABLE contact_key (
    workspace_id VARCHAR(63) NOT NULL,
    contact_id   VARCHAR(64) NOT NULL,
    secret       VARBINARY(32) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, contact_id)
);

-- An erased contact keeps its row, emptied of personal data, so its profile answers 410
-- {erased: true}; search, export and duplicates leave it out.
ALTER TABLE contact_profile ADD COLUMN erased BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE contact_profile_b ADD COLUMN erased BOOLEAN NOT NULL DEFAULT FALSE;
