"""DuckDB storage (PLACEHOLDER: one JSON column; the full schema replaces it)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from .records import StoryResult


class Store:
    """A DuckDB file holding stories and everything extracted from them."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._db = connection

    @classmethod
    def open(cls, path: Path) -> Store:
        db = duckdb.connect(str(path))
        db.execute("CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, doc JSON)")
        return cls(db)

    def add(self, result: StoryResult) -> None:
        payload = json.dumps(result.to_json(), ensure_ascii=False)
        self._db.execute("INSERT OR REPLACE INTO stories VALUES (?, ?)", [result.story.id, payload])

    def close(self) -> None:
        self._db.close()


def export_store(db: Path, *, fmt: str, out: str) -> int:
    raise NotImplementedError


def summarize_store(db: Path) -> str:
    """A readable overview of what a store holds."""
    raise NotImplementedError
