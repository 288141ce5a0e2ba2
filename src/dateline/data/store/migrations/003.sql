-- Version 3: the story's cast. Quotes name the cast member of their speaker and intermediary,
-- events those of their sources and targets. The new tables cast_members and cast_mentions
-- need nothing here: the schema file, run after every migration, creates what is missing.
-- DuckDB alters no table that an index or view depends on: drop them, alter, and let the
-- schema file create them again. IF NOT EXISTS keeps the script safe on a store that some
-- other path already gave the columns.
DROP VIEW IF EXISTS event_dyads;
DROP INDEX IF EXISTS quotes_story;
DROP INDEX IF EXISTS quotes_speaker;
DROP INDEX IF EXISTS events_story;
DROP INDEX IF EXISTS events_cameo;
DROP INDEX IF EXISTS events_date;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_cast VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS via_cast VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS continues BOOLEAN;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_cast VARCHAR[];
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_cast VARCHAR[];
-- A version-2 store dropped the cast and the cast ids, which the content hash covers (the
-- story JSON had them before the store did). Mark every stored hash stale, so re-processing
-- a story rewrites it whole instead of keeping it without its cast behind an equal hash.
UPDATE stories SET content_hash = 'stale:' || content_hash;
