-- Dateline store schema, version 4 (see docs/storage.md).
--
-- One row per story in `stories`; every extracted record lives in a child table keyed by
-- (story_id, seq), where seq is the record's position in the story's JSON list, so the
-- contract JSON can be rebuilt in its original order. Offsets (`*_start`, `*_end`,
-- `start_char`, `end_char`) are Python str indices into stories.text, end-exclusive.
-- Child tables carry no FOREIGN KEY: DuckDB would check one per inserted row on the bulk
-- path; the writer keeps them consistent instead (children and story replaced in one
-- transaction).
-- Every statement is idempotent (IF NOT EXISTS) so opening an existing store is harmless.

CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    applied_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
    id                  VARCHAR PRIMARY KEY,
    source              VARCHAR,
    published           DATE,
    title               VARCHAR,
    url                 VARCHAR,
    dateline_text       VARCHAR,
    dateline_start      INTEGER,
    dateline_end        INTEGER,
    dateline_place      VARCHAR,
    dateline_country    VARCHAR,
    dateline_agency     VARCHAR,
    dateline_date_text  VARCHAR,
    text                VARCHAR NOT NULL,
    clean_text          VARCHAR NOT NULL,
    metadata            JSON,
    origin_path         VARCHAR,
    origin_line         INTEGER,
    origin_record       VARCHAR,
    content_hash        VARCHAR NOT NULL,  -- sha256 of the story's canonical contract JSON
    stored_at           TIMESTAMP NOT NULL -- UTC, when this version of the story was stored
);

CREATE TABLE IF NOT EXISTS repairs (
    story_id    VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    before_text VARCHAR NOT NULL,
    after_text  VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS entities (
    story_id    VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    label       VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    actor       VARCHAR,
    actor_name  VARCHAR
);

CREATE TABLE IF NOT EXISTS actors (
    story_id      VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    code          VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    country       VARCHAR,
    sector        VARCHAR,
    role          VARCHAR,
    kind          VARCHAR NOT NULL,
    mention_count INTEGER NOT NULL,
    mentions      STRUCT(start_char INTEGER, end_char INTEGER)[] NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    story_id              VARCHAR NOT NULL,
    seq                   INTEGER NOT NULL,
    text                  VARCHAR NOT NULL,
    start_char            INTEGER NOT NULL,
    end_char              INTEGER NOT NULL,
    kind                  VARCHAR NOT NULL,
    cue_text              VARCHAR,
    cue_start             INTEGER,
    cue_end               INTEGER,
    speaker_mention_text  VARCHAR,
    speaker_mention_start INTEGER,
    speaker_mention_end   INTEGER,
    speaker_name          VARCHAR,
    speaker_actor         VARCHAR,
    via_name              VARCHAR,
    via_actor             VARCHAR,
    reason                VARCHAR,
    parts                 STRUCT(text VARCHAR, start_char INTEGER, end_char INTEGER)[] NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    story_id        VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    cameo           VARCHAR NOT NULL,
    cameo_name      VARCHAR NOT NULL,
    root_code       VARCHAR,            -- first two digits of cameo, for grouping
    goldstein       DOUBLE,
    quad            TINYINT,
    plover          JSON,               -- the contract's plover object as given
    plover_type     VARCHAR,            -- plover.type, copied out for filtering
    plover_mode     VARCHAR,            -- plover.mode
    plover_context  VARCHAR[],          -- plover.context
    source          VARCHAR[] NOT NULL, -- actor codes
    target          VARCHAR[] NOT NULL,
    source_text     STRUCT(text VARCHAR, start_char INTEGER, end_char INTEGER)[] NOT NULL,
    target_text     STRUCT(text VARCHAR, start_char INTEGER, end_char INTEGER)[] NOT NULL,
    date            DATE,               -- first day of the period date_text names
    date_text       VARCHAR,            -- the contract's date string, unchanged
    date_precision  VARCHAR,
    modality        VARCHAR[] NOT NULL,
    trigger_text    VARCHAR NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    speaker         VARCHAR,
    reciprocal      BOOLEAN,
    place_seq       INTEGER,            -- places.seq of where the event happened (NULL: nowhere)
    place_precision VARCHAR             -- site | city | admin1 | country | dateline
);

-- One row per place mention (see docs/places.md); unresolved mentions have NULL geonameid,
-- coordinates and feature.
CREATE TABLE IF NOT EXISTS places (
    story_id    VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    geonameid   BIGINT,
    name        VARCHAR,
    country     VARCHAR,                -- ISO 3166-1 alpha-3
    admin1      VARCHAR,
    lat         DOUBLE,
    lon         DOUBLE,
    feature     VARCHAR,                -- GeoNames feature code: PCLI, ADM1, PPLC, PPL, CONT
    confidence  DOUBLE NOT NULL,
    reason      VARCHAR NOT NULL
);

-- Point lookups the API and the summary make; DuckDB's zone maps cover range scans.
CREATE INDEX IF NOT EXISTS stories_published ON stories (published);
CREATE INDEX IF NOT EXISTS repairs_story ON repairs (story_id);
CREATE INDEX IF NOT EXISTS entities_story ON entities (story_id);
CREATE INDEX IF NOT EXISTS entities_actor ON entities (actor);
CREATE INDEX IF NOT EXISTS actors_story ON actors (story_id);
CREATE INDEX IF NOT EXISTS actors_code ON actors (code);
CREATE INDEX IF NOT EXISTS quotes_story ON quotes (story_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_actor);
CREATE INDEX IF NOT EXISTS events_story ON events (story_id);
CREATE INDEX IF NOT EXISTS events_cameo ON events (cameo);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS places_story ON places (story_id);

-- One row per (source actor, target actor) pair of each event: what CAMEO consumers call a
-- dyad. An event with no target keeps one row per source with target_actor NULL.
CREATE OR REPLACE VIEW event_dyads AS
SELECT
    e.story_id,
    e.seq,
    s.actor                  AS source_actor,
    t.actor                  AS target_actor,
    left(s.actor, 3)         AS source_country,
    left(t.actor, 3)         AS target_country,
    coalesce(e.date, st.published) AS date,
    e.cameo,
    e.root_code,
    e.goldstein,
    e.quad,
    e.plover_type,
    e.modality
FROM events AS e
JOIN stories AS st ON st.id = e.story_id
CROSS JOIN LATERAL unnest(e.source) AS s(actor)
LEFT JOIN LATERAL unnest(e.target) AS t(actor) ON true;
