-- The read model must hold whatever the rules accept. Lengths are checked before normalization
-- and case folding can lengthen text (U+0130 lower-cases to two characters), so a bounded
-- search column stopped the projection on valid input. TEXT costs nothing extra in PostgreSQL.
ALTER TABLE contact_profile
    ALTER COLUMN name TYPE TEXT,
    ALTER COLUMN email TYPE TEXT,
    ALTER COLUMN phone TYPE TEXT,
    ALTER COLUMN customer_id TYPE TEXT,
    ALTER COLUMN search_text TYPE TEXT;
ALTER TABLE contact_tag ALTER COLUMN tag TYPE TEXT;
