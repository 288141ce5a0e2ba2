-- Version 4: what `dateline watch` remembers between runs (docs/input.md, "Watching feeds").
-- New tables only; the schema file (run after every migration) holds the same statements.
CREATE TABLE IF NOT EXISTS feed_sources (
    source         VARCHAR PRIMARY KEY,
    etag           VARCHAR,
    last_modified  VARCHAR,
    last_polled    TIMESTAMP,
    last_ok        TIMESTAMP,
    failures       INTEGER NOT NULL DEFAULT 0,
    retry_at       TIMESTAMP,
    last_error     VARCHAR
);

CREATE TABLE IF NOT EXISTS feed_seen (
    kind       VARCHAR NOT NULL,
    key        VARCHAR NOT NULL,
    story_id   VARCHAR,
    source     VARCHAR,
    seen_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, key)
);
