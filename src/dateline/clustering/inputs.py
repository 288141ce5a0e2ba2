"""The two relations clustering reads, ``cluster_stories`` and ``cluster_events``: views over
the store's tables, or over the Parquet shards of a ``dateline batch`` folder (same columns).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

#: event columns that may hold a place key, most specific first; the first one the events
#: table has is used (a store without places clusters on actors, type and date alone)
PLACE_COLUMNS: tuple[str, ...] = ("place_geonameid", "place_id", "place_name", "place")
#: a batch folder's shards, relative to the folder (see batch/shards.py)
SHARD_GLOB = "shards/*/{table}.parquet"

_STORY_COLUMNS = "id, source, published, title, text, dateline_end, dateline_agency, content_hash"
_EVENT_COLUMNS = (
    "story_id, seq, cameo, cameo_name, root_code, plover_type, goldstein, quad, source, target, "
    "date, date_text, date_precision, modality, coalesce(reciprocal, false) AS reciprocal, "
    "trigger_text, trigger_start, trigger_end"
)


def store_inputs(db: duckdb.DuckDBPyConnection) -> None:
    """Point the input views at the store's own ``stories`` and ``events``."""
    _views(db, "stories", "events", _place_expression(db, "events"))


def shard_inputs(db: duckdb.DuckDBPyConnection, batch_out: Path) -> None:
    """Point the input views at a batch folder's Parquet shards (story ids are unique across
    the shards of one batch)."""
    stories, events = (_parquet(batch_out, table) for table in ("stories", "events"))
    db.execute(f"CREATE OR REPLACE TEMP VIEW shard_events AS SELECT * FROM {events}")
    _views(db, stories, "shard_events", _place_expression(db, "shard_events"))


def _views(db: duckdb.DuckDBPyConnection, stories: str, events: str, place: str) -> None:
    db.execute(f"CREATE OR REPLACE TEMP VIEW cluster_stories AS SELECT {_STORY_COLUMNS} FROM {stories}")
    db.execute(
        f"CREATE OR REPLACE TEMP VIEW cluster_events AS "
        f"SELECT {_EVENT_COLUMNS}, {place} AS place FROM {events}"
    )


def _place_expression(db: duckdb.DuckDBPyConnection, relation: str) -> str:
    names = {row[0] for row in db.execute(f"DESCRIBE {relation}").fetchall()}
    for column in PLACE_COLUMNS:
        if column in names:
            return f"CAST({column} AS VARCHAR)"
    return "NULL::VARCHAR"


def _parquet(batch_out: Path, table: str) -> str:
    pattern = str(batch_out / SHARD_GLOB.format(table=table)).replace("'", "''")
    return f"read_parquet('{pattern}', union_by_name = true)"
