-- Most events (tags, notes, custom fields) change no indexed column of a profile. With room left
-- on its page, PostgreSQL rewrites such a row as a heap-only tuple and touches none of the four
-- indexes (the trigram index alone holds dozens of entries per row); a full page cannot.
ALTER TABLE contact_profile SET (fillfactor = 70);
