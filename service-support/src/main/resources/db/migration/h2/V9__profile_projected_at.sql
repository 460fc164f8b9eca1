-- When a profile row was last written by the projection (epoch milliseconds of the writing
-- instance): every query-side instance polls it to push updates to the live streams it holds,
-- whichever instance projected the change (DESIGN §8, docs/decisions.md "Live updates").
ALTER TABLE contact_profile ADD COLUMN projected_at BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX ix_contact_profile_projected ON contact_profile (projected_at);
