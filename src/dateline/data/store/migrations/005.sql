-- Version 5: places (one row per place mention) and where each event happened.
-- (Numbered 4 on its branch; a version-3 migration from another branch may come first.)
-- DuckDB alters no table that an index or view depends on: drop them, alter, and let the
-- schema file (run after every migration) create them again, the places table included.
DROP VIEW IF EXISTS event_dyads;
DROP INDEX IF EXISTS events_story;
DROP INDEX IF EXISTS events_cameo;
DROP INDEX IF EXISTS events_date;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_seq INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_precision VARCHAR;
