-- Duplicate suggestions (GET /contacts/{id}/duplicates) look contacts up by customer ID too.
CREATE INDEX ix_contact_profile_customer ON contact_profile (workspace_id, customer_id);
CREATE INDEX ix_contact_profile_b_customer ON contact_profile_b (workspace_id, customer_id);
