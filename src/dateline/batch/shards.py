"""Shards: fixed ranges of input items, each written whole or not at all.

Shard ``k`` holds input items ``k * shard_size`` to ``(k + 1) * shard_size - 1`` (items are
numbered in the reader's stable order). Its files are written into ``tmp/`` and the folder is
renamed to ``shards/shard-<k>`` when complete; a rename is atomic, so a shard folder that
exists is a finished shard, and a kill leaves at most an orphan in ``tmp/``, removed on resume.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import Problem, RawStory
from ..store.arrow import table_schemas
from ..store.rows import TABLES

SHARDS_DIR = "shards"
TEMP_DIR = "tmp"
META_NAME = "meta.json"
REJECTS_TABLE = "rejects"
_PREFIX = "shard-"
_DIGITS = 6

#: columns of a shard's ``rejects.parquet`` (and of each line of the batch's rejects.jsonl)
REJECTS_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("id", pa.string()),
        ("stage", pa.string()),
        ("code", pa.string()),
        ("message", pa.string()),
        ("origin_path", pa.string()),
        ("origin_line", pa.int64()),
        ("origin_record", pa.string()),
    ]
)


@dataclass(frozen=True, slots=True)
class ShardTask:
    """The input items of one shard, ready to process."""

    index: int
    first_seq: int
    items: list[RawStory | Problem]


@dataclass(frozen=True, slots=True)
class ShardMeta:
    """Counts of one shard; ``stored + rejected == items`` always holds."""

    index: int
    first_seq: int
    items: int
    stored: int
    rejected: int
    warnings: int
    seconds: float = 0.0
    words: int = 0
    #: wall-clock start and end (Unix time): throughput across workers is words / span
    started: float = 0.0
    finished: float = 0.0
    #: the worker process's peak resident memory so far, in MB (flat across shards = no leak)
    peak_rss_mb: float = 0.0
    #: process id of the worker that made the shard
    worker: int = 0
    #: CPU time the worker spent on the shard (all its threads): on a shared machine words per
    #: CPU second is the rate that does not depend on how much of a core the process got
    cpu_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class ShardData:
    """A processed shard: one Arrow table per store table, plus its rejects and counts."""

    meta: ShardMeta
    tables: dict[str, pa.Table]
    rejects: pa.Table
    warnings: list[dict[str, Any]] = field(default_factory=list)


def shard_name(index: int) -> str:
    return f"{_PREFIX}{index:0{_DIGITS}d}"


def shard_dirs(out: Path) -> Iterator[tuple[int, Path]]:
    """Every finished shard folder, in shard order."""
    root = out / SHARDS_DIR
    if not root.is_dir():
        return
    for path in sorted(root.iterdir()):
        if path.name.startswith(_PREFIX) and path.name[len(_PREFIX) :].isdigit():
            yield int(path.name[len(_PREFIX) :]), path


def done_shards(out: Path) -> set[int]:
    return {index for index, _ in shard_dirs(out)}


def clear_temp(out: Path) -> None:
    """Remove shards a killed run left half-written; they are redone."""
    shutil.rmtree(out / TEMP_DIR, ignore_errors=True)


def write_shard(out: Path, data: ShardData) -> Path:
    """Write every file of a shard, then publish it with one atomic rename."""
    name = shard_name(data.meta.index)
    temp = out / TEMP_DIR / f"{name}.{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    for table, arrow in data.tables.items():
        _write_parquet(arrow, temp / f"{table}.parquet")
    _write_parquet(data.rejects, temp / f"{REJECTS_TABLE}.parquet")
    meta = {**asdict(data.meta), "warning_list": data.warnings}
    _write_synced(temp / META_NAME, json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))
    final = out / SHARDS_DIR / name
    final.parent.mkdir(parents=True, exist_ok=True)
    temp.rename(final)
    _sync_dir(final.parent)
    return final


def _write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression="zstd")
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _write_synced(path: Path, payload: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_dir(path: Path) -> None:
    """Make the rename itself durable (it survives a power cut, not only a kill)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_meta(path: Path) -> ShardMeta:
    data = json.loads((path / META_NAME).read_text(encoding="utf-8"))
    data.pop("warning_list", None)
    return ShardMeta(**data)


def read_tables(path: Path) -> dict[str, pa.Table]:
    """The story tables of one finished shard, with every table and column of today's schema.

    A batch resumed after an upgrade may hold shards written before a table or column existed
    (the cast tables, the quotes' and events' cast ids): those read as an empty table and a
    NULL column, just as the store's migrations leave the rows stored before them.
    """
    schemas = table_schemas()
    return {table: _conformed(path / f"{table}.parquet", schemas[table]) for table in TABLES}


def _conformed(file: Path, schema: pa.Schema) -> pa.Table:
    if not file.is_file():
        return schema.empty_table()
    found = pq.read_table(file)
    for column in schema:
        if column.name not in found.column_names:
            found = found.append_column(column, pa.nulls(found.num_rows, column.type))
    return found


def read_rejects(path: Path) -> pa.Table:
    return pq.read_table(path / f"{REJECTS_TABLE}.parquet")
