-- The read model must hold whatever the rules accept. Lengths are checked before normalization
-- and case folding can lengthen text (U+0130 lower-cases to two characters), so a bounded
-- search column stopped the projection on valid input.
ALTER TABLE contact_profile ALTER COLUMN name SET DATA TYPE CHARACTER VARYING;
ALTER TABLE contact_profile ALTER COLUMN email SET DATA TYPE CHARACTER VARYING;
ALTER TABLE contact_profile ALTER COLUMN phone SET DATA TYPE CHARACTER VARYING;
ALTER TABLE contact_profile ALTER COLUMN customer_id SET DATA TYPE CHARACTER VARYING;
ALTER TABLE contact_profile ALTER COLUMN search_text SET DATA TYPE CHARACTER VARYING;
ALTER TABLE contact_tag ALTER COLUMN tag SET DATA TYPE CHARACTER VARYING;
