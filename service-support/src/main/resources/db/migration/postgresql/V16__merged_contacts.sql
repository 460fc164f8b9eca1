-- Merges (DESIGN §9): a contact merged into another keeps its row, marked with its survivor, so its
-- profile answers 410 naming the survivor while search, export and duplicates leave it out.
ALTER TABLE contact_profile ADD COLUMN merged_into VARCHAR(64);
ALTER TABLE contact_profile_b ADD COLUMN merged_into VARCHAR(64);
