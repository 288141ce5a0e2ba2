"""Batch defaults the command line needs before the batch machinery (Arrow, DuckDB) is imported."""

from __future__ import annotations

ENGINES = ("local", "ray")
#: input items per shard by default: a few MB of Parquet, about 15 s of work per core
DEFAULT_SHARD_SIZE = 1000
