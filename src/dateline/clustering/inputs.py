"""The two relations clustering reads, ``cluster_stories`` and ``cluster_events``: views over
the store's tables, or over the Parquet shards of a ``dateline batch`` folder (same columns).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

#: event columns that may hold a place key, most specific first; the first one the events
#: table has is used (a store without places clusters on actors, type and date alone)
PLACE_COLUMNS: tuple[str, ...] = ("place_geonameid", "place_id", "place_name", "place")
#: place precisions (``events.place_precision``, docs/places.md) specific enough to keep two
#: events apart: a country or first-level division holds many cities, and a ``dateline``
#: place is where the story was filed (a Canberra report of a signing in Jakarta)
DISTINCT_PLACE_PRECISIONS: tuple[str, ...] = ("site", "city")
#: a batch folder's shards, relative to the folder (see batch/shards.py)
SHARD_GLOB = "shards/*/{table}.parquet"

_STORY_COLUMNS = "id, source, published, title, text, dateline_end, dateline_agency, content_hash"
_EVENT_COLUMNS = (
    "story_id, seq, cameo, cameo_name, root_code, plover_type, goldstein, quad, source, target, "
    "date, date_text, date_precision, modality, coalesce(reciprocal, false) AS reciprocal, "
    "trigger_text, trigger_start, trigger_end"
)


def store_inputs(db: duckdb.DuckDBPyConnection) -> None:
    """Point the input views at the store's own ``stories``, ``events`` and ``places``."""
    _views(db, "stories", "events", _place_expression(db, "events", "places"))


def shard_inputs(db: duckdb.DuckDBPyConnection, batch_out: Path) -> None:
    """Point the input views at a batch folder's Parquet shards (story ids are unique across
    the shards of one batch)."""
    stories, events = (_parquet(batch_out, table) for table in ("stories", "events"))
    db.execute(f"CREATE OR REPLACE TEMP VIEW shard_events AS SELECT * FROM {events}")
    # shards written before places existed have no places file
    places = None
    if any(batch_out.glob(SHARD_GLOB.format(table="places"))):
        places = "shard_places"
        db.execute(f"CREATE OR REPLACE TEMP VIEW {places} AS SELECT * FROM {_parquet(batch_out, 'places')}")
    _views(db, stories, "shard_events", _place_expression(db, "shard_events", places))


def _views(db: duckdb.DuckDBPyConnection, stories: str, events: str, place: str) -> None:
    db.execute(f"CREATE OR REPLACE TEMP VIEW cluster_stories AS SELECT {_STORY_COLUMNS} FROM {stories}")
    db.execute(
        f"CREATE OR REPLACE TEMP VIEW cluster_events AS "
        f"SELECT {_EVENT_COLUMNS}, {place} AS place FROM {events} AS e"
    )


def _place_expression(db: duckdb.DuckDBPyConnection, relation: str, places: str | None) -> str:
    """SQL for an event's place key: the GeoNames id of its place (``place_seq`` into the
    places table) when that place is precise enough, else a place column of the events."""
    names = {row[0] for row in db.execute(f"DESCRIBE {relation}").fetchall()}
    if places is not None and {"place_seq", "place_precision"} <= names:
        precise = ", ".join(f"'{precision}'" for precision in DISTINCT_PLACE_PRECISIONS)
        return (
            f"CASE WHEN e.place_precision IN ({precise}) THEN (SELECT CAST(p.geonameid AS VARCHAR) "
            f"FROM {places} AS p WHERE p.story_id = e.story_id AND p.seq = e.place_seq) END"
        )
    for column in PLACE_COLUMNS:
        if column in names:
            return f"CAST(e.{column} AS VARCHAR)"
    return "NULL::VARCHAR"


def _parquet(batch_out: Path, table: str) -> str:
    pattern = str(batch_out / SHARD_GLOB.format(table=table)).replace("'", "''")
    return f"read_parquet('{pattern}', union_by_name = true)"
