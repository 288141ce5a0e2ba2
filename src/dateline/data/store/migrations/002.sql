-- Version 2: events record whether they are reciprocal (meetings, talks: both directions).
-- DuckDB alters no table that an index or view depends on: drop them, alter, and let the
-- schema file (run after every migration) create them again.
DROP VIEW IF EXISTS event_dyads;
DROP INDEX IF EXISTS events_story;
DROP INDEX IF EXISTS events_cameo;
DROP INDEX IF EXISTS events_date;
ALTER TABLE events ADD COLUMN reciprocal BOOLEAN;
