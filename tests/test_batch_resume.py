"""kill -9 a real batch at random points, resume it, and get exactly an uninterrupted run's records."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from dateline.batch.shards import done_shards, shard_dirs
from dateline.store import TABLES, Store

pytestmark = pytest.mark.slow

STORIES = 60
SHARD_SIZE = 5
KILLS = 3
#: a run that has not finished by then is hung, not slow
TIMEOUT = 240.0

PLACES = ("Berlin", "Paris", "Nairobi", "Lima", "Seoul", "Ottawa")


def write_corpus(path: Path) -> Path:
    """Short made-up wire stories, with an unreadable line and an empty story now and then."""
    with path.open("w", encoding="utf-8") as handle:
        for number in range(STORIES):
            place = PLACES[number % len(PLACES)]
            if number % 13 == 4:
                handle.write('{"id": "cut-off", "text": "no end\n')
                continue
            text = (
                ""
                if number % 17 == 9
                else (
                    f"{place.upper()} (Reuters) - The foreign minister said on Tuesday that talks number "
                    f'{number} with the trade union would resume. "We will meet again," she said.'
                )
            )
            handle.write(json.dumps({"id": f"wire-{number:03d}", "date": "2024-05-07", "text": text}) + "\n")
    return path


def command(corpus: Path, out: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dateline.batch", str(corpus), "--out", str(out), "--db", str(db),
            "--shard-size", str(SHARD_SIZE), "--json", "--quiet"]  # fmt: skip


def run_to_end(corpus: Path, out: Path, db: Path) -> dict[str, Any]:
    done = subprocess.run(
        command(corpus, out, db), capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def kill_at(corpus: Path, out: Path, db: Path, shards: int, delay: float) -> None:
    """Start a run, wait until ``shards`` shards exist (0: right away), then ``delay`` s more, kill -9."""
    process = subprocess.Popen(command(corpus, out, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + TIMEOUT
    while len(done_shards(out)) < shards and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(delay)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()


def shard_rows(out: Path, table: str) -> list[tuple[Any, ...]]:
    rows = []
    for _, path in shard_dirs(out):
        for row in pq.read_table(path / f"{table}.parquet").to_pylist():
            row.pop("stored_at", None)  # the only column that says when, not what
            rows.append(tuple(sorted((key, repr(value)) for key, value in row.items())))
    return sorted(rows)


def store_rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    with Store.open(db, read_only=True) as store:
        columns = "* EXCLUDE (stored_at)" if table == "stories" else "*"
        return sorted(
            tuple(map(repr, row))
            for row in store.connection.execute(f"SELECT {columns} FROM {table}").fetchall()
        )


def test_kill_and_resume_gives_the_uninterrupted_records(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    whole = run_to_end(corpus, tmp_path / "whole", tmp_path / "whole.duckdb")
    assert whole["balanced"] and whole["items"] == STORIES and whole["rejected"] > 0

    rng = random.Random(6)
    total_shards = whole["shards"]
    targets = sorted(rng.sample(range(total_shards - 1), KILLS))
    for target in targets:
        kill_at(corpus, tmp_path / "parts", tmp_path / "parts.duckdb", target, rng.uniform(0.0, 0.6))
    assert len(done_shards(tmp_path / "parts")) < total_shards, "no kill landed before the end"
    resumed = run_to_end(corpus, tmp_path / "parts", tmp_path / "parts.duckdb")

    for key in ("items", "stored", "rejected", "shards", "balanced"):
        assert resumed[key] == whole[key], key
    for table in TABLES:
        assert shard_rows(tmp_path / "parts", table) == shard_rows(tmp_path / "whole", table), table
        assert store_rows(tmp_path / "parts.duckdb", table) == store_rows(tmp_path / "whole.duckdb", table)
    assert (tmp_path / "parts" / "rejects.jsonl").read_text() == (
        tmp_path / "whole" / "rejects.jsonl"
    ).read_text()
    stored_ids = [row[0] for row in store_rows(tmp_path / "parts.duckdb", "stories")]
    assert len(stored_ids) == len(set(stored_ids)) == whole["stored"]

    again = run_to_end(corpus, tmp_path / "parts", tmp_path / "parts.duckdb")
    assert again["shards_run"] == 0 and again["db_written"] == 0
    assert again["stored"] == whole["stored"]
