"""Load finished shards into a DuckDB store, each exactly once in effect.

Loading goes through ``Store.add_many``, which is idempotent (a story stored with the same
content hash is left alone), so a shard loaded twice, say after a kill between the commit and
the marker below, changes nothing. The marker (``loaded/<db key>/shard-<k>``) only saves the
work of re-reading shards that are known to be in that store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from ..store import Store
from ..store.arrow import tables_results
from .shards import read_tables, shard_name

LOADED_DIR = "loaded"


def marker_dir(out: Path, db: Path) -> Path:
    key = hashlib.sha1(str(db.resolve()).encode("utf-8")).hexdigest()[:12]
    return out / LOADED_DIR / key


def load_shard(store: Store, out: Path, index: int, path: Path) -> int:
    """Store one shard's stories; returns how many were (re)written."""
    written = store.add_many(tables_results(read_tables(path)))
    markers = marker_dir(out, store.path)
    markers.mkdir(parents=True, exist_ok=True)
    (markers / shard_name(index)).touch()
    return written


def load_missing(store: Store, out: Path, shards: Iterable[tuple[int, Path]]) -> int:
    """Load every shard not yet marked as loaded into this store."""
    markers = marker_dir(out, store.path)
    written = 0
    for index, path in shards:
        if not (markers / shard_name(index)).exists():
            written += load_shard(store, out, index, path)
    return written
