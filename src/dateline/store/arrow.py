"""Arrow tables of the store's rows, for Parquet shards that load into the store unchanged.

The column names and types come from the store's own DDL (an in-memory DuckDB built from
``data/store/schema.sql``), so a Parquet shard and a store table cannot drift apart; the
rows come from ``rows.py``, the same flattening the store uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import duckdb
import pyarrow as pa

from ..records import StoryResult
from ..settings import data_dir
from .database import SCHEMA_FILE
from .rebuild import rebuild_result
from .rows import CHILD_TABLES, ROW_ORDER, TABLES, Row, child_rows, content_hash, story_row

Schemas = Mapping[str, pa.Schema]


def table_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of every story table, read from the store's DDL."""
    connection = duckdb.connect(":memory:")
    try:
        connection.execute((data_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))
        return {
            table: connection.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            for table in TABLES
        }
    finally:
        connection.close()


def result_tables(
    results: Iterable[StoryResult], schemas: Schemas, *, stored_at: dt.datetime
) -> dict[str, pa.Table]:
    """One Arrow table per store table for a batch of results (empty tables keep their schema)."""
    rows: dict[str, list[Row]] = {table: [] for table in TABLES}
    for result in results:
        rows["stories"].append(story_row(result, digest=content_hash(result), stored_at=stored_at))
        for table, children in child_rows(result).items():
            rows[table].extend(children)
    return {table: pa.Table.from_pylist(rows[table], schema=schemas[table]) for table in TABLES}


def tables_results(tables: Mapping[str, pa.Table]) -> list[StoryResult]:
    """The inverse of :func:`result_tables`: records rebuilt from the tables, in story order."""
    children: dict[str, dict[str, list[Row]]] = {}
    for table in CHILD_TABLES:
        order = ROW_ORDER[table]
        for row in sorted(tables[table].to_pylist(), key=lambda r: tuple(r[c] for c in order)):
            children.setdefault(row["story_id"], {}).setdefault(table, []).append(row)
    return [rebuild_result(row, children.get(row["id"], {})) for row in tables["stories"].to_pylist()]
