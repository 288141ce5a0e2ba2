"""The Ray engine on a local 2-CPU Ray gives the same records as the local engine."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from dateline.batch import BatchConfig, run_batch
from dateline.batch.shards import shard_dirs
from dateline.store import TABLES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("ray") is None, reason="Ray is not installed (pip install 'dateline[ray]')"
    ),
]


def write_corpus(path: Path, count: int = 24) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            text = (
                f"TOKYO (Reuters) - The central bank governor said talks number {number} with "
                'the finance ministry went well. "We agree," he said.'
            )
            handle.write(json.dumps({"id": f"r-{number:02d}", "text": text if number != 7 else " "}) + "\n")
    return path


def rows(out: Path, table: str) -> list[str]:
    found = []
    for _, path in shard_dirs(out):
        for row in pq.read_table(path / f"{table}.parquet").to_pylist():
            row.pop("stored_at", None)
            found.append(repr(sorted(row.items())))
    return sorted(found)


def test_ray_engine_matches_the_local_engine(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl")
    options: dict[str, Any] = {"inputs": (str(corpus),), "shard_size": 4}
    local = run_batch(BatchConfig(out=tmp_path / "local", **options))
    on_ray = run_batch(BatchConfig(out=tmp_path / "ray", engine="ray", workers=2, **options))
    assert on_ray.balanced and (on_ray.items, on_ray.stored, on_ray.rejected) == (24, 23, 1)
    assert (local.items, local.stored, local.rejected) == (on_ray.items, on_ray.stored, on_ray.rejected)
    for table in TABLES:
        assert rows(tmp_path / "ray", table) == rows(tmp_path / "local", table), table
    assert (tmp_path / "ray" / "rejects.jsonl").read_text() == (
        tmp_path / "local" / "rejects.jsonl"
    ).read_text()
