-- Dateline store schema, version 6 (see docs/storage.md).
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
    parts                 STRUCT(text VARCHAR, start_char INTEGER, end_char INTEGER)[] NOT NULL,
    speaker_cast          VARCHAR,  -- cast_members.member_id the speaker resolves to
    via_cast              VARCHAR,  -- cast_members.member_id of the intermediary
    continues             BOOLEAN   -- goes on from the quote before under the same cue
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
    -- cast_members.member_id of each source / target the cast knows (added in version 3, so
    -- NULL, read as empty, in rows stored before it)
    source_cast     VARCHAR[],
    target_cast     VARCHAR[],
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

-- The story's cast (version 3): its participants, each with every mention that refers to it.
-- A member is (story_id, seq); its mentions point back with member_seq and are numbered
-- within the member by seq, so the contract's nested `cast[].mentions` lists rebuild in order.
CREATE TABLE IF NOT EXISTS cast_members (
    story_id    VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,
    member_id   VARCHAR NOT NULL,  -- the contract's cast id ("c3"), unique within the story
    name        VARCHAR NOT NULL,
    actor       VARCHAR,           -- CAMEO-style code, NULL when the cast has none
    kind        VARCHAR NOT NULL,  -- person | organisation | government | armed_group | country | igo
    country     VARCHAR
);

CREATE TABLE IF NOT EXISTS cast_mentions (
    story_id    VARCHAR NOT NULL,
    member_seq  INTEGER NOT NULL,  -- cast_members.seq of the member referred to
    seq         INTEGER NOT NULL,  -- position in that member's mention list
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    how         VARCHAR NOT NULL   -- why the mention was linked ("description: last government body of CHN")
);

-- What `dateline watch` remembers between runs (docs/input.md): per feed, the validators of
-- its last answer and its failure count and next try; per item seen, one row for each of its
-- keys (kind 'guid', 'url' or 'hash', the SHA-256 of its text or raw page), so an item met again
-- under any of them is skipped before it is processed. Times are UTC.
CREATE TABLE IF NOT EXISTS feed_sources (
    source         VARCHAR PRIMARY KEY,  -- the URL or file path as given to `dateline watch`
    etag           VARCHAR,
    last_modified  VARCHAR,
    last_polled    TIMESTAMP,
    last_ok        TIMESTAMP,
    failures       INTEGER NOT NULL DEFAULT 0,  -- failed polls in a row; 0 after a success
    retry_at       TIMESTAMP,                   -- no poll before this (backoff after failures)
    last_error     VARCHAR
);

CREATE TABLE IF NOT EXISTS feed_seen (
    kind       VARCHAR NOT NULL,  -- guid | url | hash
    key        VARCHAR NOT NULL,
    story_id   VARCHAR,           -- the story stored for it (NULL when it gave no story)
    source     VARCHAR,
    seen_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, key)
);

-- Story groups and event clusters (version 6; written by `dateline cluster`, see
-- docs/storage.md#story-groups-and-event-clusters). They are derived tables: rebuilt from
-- `stories` and `events` by one transaction per run, so a killed run leaves the previous ones.

-- One row per story: the group of near-duplicate copies it belongs to.
CREATE TABLE IF NOT EXISTS story_groups (
    story_id    VARCHAR PRIMARY KEY,
    group_id    VARCHAR NOT NULL,   -- the head's story id: the earliest copy (published, then id)
    is_head     BOOLEAN NOT NULL,   -- false for a copy: its events are stored but not counted
    how         VARCHAR NOT NULL,   -- head | exact (same normalised text) | near (MinHash/LSH, verified)
    similarity  DOUBLE,             -- best word-shingle Jaccard with another member (1.0 exact)
    copies      INTEGER NOT NULL,   -- stories in the group, this one included
    story_hash  VARCHAR NOT NULL    -- stories.content_hash when grouped: nothing changed, nothing to redo
);

-- One row per cross-story event cluster: one real-world event and what it is known as.
CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id          VARCHAR PRIMARY KEY,
    cameo               VARCHAR NOT NULL,   -- canonical coding: the most specific member's
    cameo_name          VARCHAR NOT NULL,
    root_code           VARCHAR,
    plover_type         VARCHAR,
    goldstein           DOUBLE,
    quad                TINYINT,
    source              VARCHAR[] NOT NULL,
    target              VARCHAR[] NOT NULL,
    date                DATE,
    date_text           VARCHAR,
    date_precision      VARCHAR,
    place               VARCHAR,            -- the members' place key when one is known
    first_reported      DATE,               -- earliest publication date of a member story
    first_story_id      VARCHAR,
    reports             INTEGER NOT NULL,   -- member events in counted stories (group heads)
    stories             INTEGER NOT NULL,   -- distinct counted stories
    sources             INTEGER NOT NULL,   -- distinct sources (agencies) of those stories
    copies              INTEGER NOT NULL,   -- member events in republished copies (not counted)
    canonical_story_id  VARCHAR NOT NULL,
    canonical_seq       INTEGER NOT NULL,
    block               VARCHAR NOT NULL    -- the matching key: country-level actors and modality
);

-- One row per clustered event: which cluster it joined, and its trigger span in its story.
CREATE TABLE IF NOT EXISTS cluster_members (
    story_id       VARCHAR NOT NULL,
    seq            INTEGER NOT NULL,
    cluster_id     VARCHAR NOT NULL,
    counted        BOOLEAN NOT NULL,   -- the story heads its group (copies are not counted)
    block          VARCHAR NOT NULL,
    story_hash     VARCHAR NOT NULL,   -- stories.content_hash when clustered: a changed story re-clusters
    trigger_text   VARCHAR NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    PRIMARY KEY (story_id, seq)
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
CREATE INDEX IF NOT EXISTS cast_members_story ON cast_members (story_id);
CREATE INDEX IF NOT EXISTS cast_members_actor ON cast_members (actor);
CREATE INDEX IF NOT EXISTS cast_mentions_story ON cast_mentions (story_id);
CREATE INDEX IF NOT EXISTS places_story ON places (story_id);
CREATE INDEX IF NOT EXISTS cluster_members_cluster ON cluster_members (cluster_id);
CREATE INDEX IF NOT EXISTS story_groups_group ON story_groups (group_id);

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
