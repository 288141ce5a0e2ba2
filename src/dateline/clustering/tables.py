"""Write a derived table by difference, so a run that changes nothing writes nothing.

Deleting and re-inserting every row of ``story_groups`` or ``event_clusters`` on each run
would rewrite hundreds of thousands of primary-key entries for nothing; instead the new rows
are computed into a temporary table and only the rows that differ are replaced.
"""

from __future__ import annotations

import duckdb


def replace_changed(db: duckdb.DuckDBPyConnection, *, table: str, new: str, key: str) -> int:
    """Make ``table`` hold exactly the rows of ``new`` (same columns; ``key`` is its primary
    key); returns how many rows were written. Names come from code only."""
    db.execute(
        f"""CREATE OR REPLACE TEMP TABLE unchanged_keys AS
        SELECT {key} FROM (SELECT * FROM {new} INTERSECT SELECT * FROM {table})"""
    )
    db.execute(f"DELETE FROM {table} WHERE {key} NOT IN (SELECT {key} FROM unchanged_keys)")
    written = db.execute(
        f"INSERT INTO {table} SELECT * FROM {new} WHERE {key} NOT IN (SELECT {key} FROM unchanged_keys)"
    ).fetchall()[0][0]
    db.execute("DROP TABLE unchanged_keys")
    db.execute(f"DROP TABLE {new}")
    return int(written)
