"""``run_batch``: the library call behind ``dateline batch``.

1. lock the output folder, check (or create) its manifest, drop half-written shards;
2. read the inputs in their stable order, numbering items, and cut them into shards of
   ``shard_size`` items; shards already in ``shards/`` are skipped, so a resumed run does only
   what is missing;
3. an engine (local or Ray) processes each remaining shard; each is written atomically, listed
   in the manifest and, with a store, loaded into it;
4. at the end, ``rejects.jsonl`` and ``summary.json`` are rebuilt from all shards, so a resumed
   batch reports the same totals as one uninterrupted run.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from ..clustering import ClusterReport, cluster_connection
from ..errors import DatelineError, Errors
from ..reading import Item, read_inputs
from ..settings import Settings
from ..store import Store
from .engines import Engine, LocalEngine
from .loading import LOADED_DIR, load_missing, load_shard
from .manifest import MANIFEST_NAME, BatchIdentity, batch_identity, check_or_create, write_manifest
from .options import DEFAULT_SHARD_SIZE, ENGINES
from .progress import BatchProgress, ProgressSink
from .shards import (
    SHARDS_DIR,
    TEMP_DIR,
    ShardData,
    ShardMeta,
    ShardTask,
    clear_temp,
    done_shards,
    read_meta,
    read_rejects,
    shard_dirs,
    write_shard,
)

REJECTS_NAME = "rejects.jsonl"
SUMMARY_NAME = "summary.json"
LOCK_NAME = ".lock"


@dataclass(frozen=True, slots=True)
class BatchConfig:
    """What to run: the CLI's options, as one value."""

    inputs: tuple[str, ...]
    out: Path
    settings: Settings = field(default_factory=Settings)
    shard_size: int = DEFAULT_SHARD_SIZE
    engine: str = "local"
    workers: int = 1
    address: str | None = None
    db: Path | None = None
    restart: bool = False


@dataclass(frozen=True, slots=True)
class BatchReport:
    """Totals over the whole batch (earlier runs included) and what this run did."""

    items: int
    stored: int
    rejected: int
    warnings: int
    shards: int
    shards_run: int
    seconds: float
    first_shard_seconds: float | None
    db_written: int | None = None
    #: story groups and event clusters of the store after loading (runs with a store only)
    clusters: ClusterReport | None = None

    @property
    def balanced(self) -> bool:
        """Nothing lost: every input item is stored or rejected."""
        return self.stored + self.rejected == self.items

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "balanced": self.balanced}

    def to_text(self) -> str:
        line = (
            f"{self.items} input items: {self.stored} stored + {self.rejected} rejected"
            f" ({'balanced' if self.balanced else 'NOT BALANCED'}), {self.warnings} warnings;"
            f" {self.shards} shards, {self.shards_run} run now in {self.seconds:.1f} s"
        )
        if self.db_written is not None:
            line += f"; {self.db_written} stories written to the store"
        if self.clusters is not None:
            line += f"; {self.clusters.to_text()}"
        return line


def make_engine(config: BatchConfig) -> Engine:
    if config.engine == "local":
        return LocalEngine(config.settings)
    if config.engine == "ray":
        from .ray_engine import RayEngine

        return RayEngine(config.settings, workers=config.workers, address=config.address)
    raise ValueError(f"unknown engine {config.engine!r}; expected one of {', '.join(ENGINES)}")


def run_batch(
    config: BatchConfig,
    *,
    on_progress: ProgressSink | None = None,
    total: int | None = None,
    engine: Engine | None = None,
) -> BatchReport:
    """Run (or resume) a batch; ``total`` is an estimate of the input items, for the ETA.

    ``engine`` replaces the one ``config.engine`` names (tests pass a model-free one).
    """
    if config.shard_size < 1:
        raise ValueError(f"shard_size must be at least 1, not {config.shard_size}")
    config.out.mkdir(parents=True, exist_ok=True)
    with _locked(config.out):
        return _Run(config, on_progress, total, engine).execute()


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """One batch process per folder: a second one would write the same shards."""
    with (out / LOCK_NAME).open("a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise DatelineError(Errors.E021, out=out, reason="another dateline batch is using it") from exc
        yield


def restart(out: Path) -> None:
    """Forget a batch: its shards, manifest, markers and reports (nothing else in ``out``)."""
    for name in (SHARDS_DIR, TEMP_DIR, LOADED_DIR):
        shutil.rmtree(out / name, ignore_errors=True)
    for name in (MANIFEST_NAME, REJECTS_NAME, SUMMARY_NAME):
        (out / name).unlink(missing_ok=True)


class _Run:
    """The state of one invocation; ``execute`` is the whole algorithm."""

    def __init__(
        self, config: BatchConfig, on_progress: ProgressSink | None, total: int | None, engine: Engine | None
    ) -> None:
        self.config = config
        self.engine = engine
        self.out = config.out
        self.on_progress = on_progress
        self.total = total
        self.started = time.perf_counter()
        self.first_shard: float | None = None
        self.done_items = self.processed = self.stored = self.rejected = 0
        self.shards_run = 0
        self.db_written = 0
        self.clusters: ClusterReport | None = None

    def execute(self) -> BatchReport:
        config = self.config
        if config.restart:
            restart(self.out)
        identity = batch_identity(config.inputs, config.settings, shard_size=config.shard_size)
        check_or_create(self.out, identity)
        clear_temp(self.out)
        done = done_shards(self.out)
        store = Store.open(config.db) if config.db is not None else None
        try:
            if store is not None:
                self.db_written += load_missing(store, self.out, shard_dirs(self.out))
            tasks = self._tasks(read_inputs(config.inputs, config.settings), done)
            first = next(tasks, None)
            if first is not None:
                self._process(itertools.chain([first], tasks), done, identity, store)
            if store is not None:
                # every finished shard is loaded: cluster the whole store (one transaction, so
                # a kill here leaves the previous clusters and the next run redoes it)
                self.clusters = cluster_connection(store.connection, path=store.path)
        finally:
            if store is not None:
                store.close()
        return self._finish(store is not None)

    def _tasks(self, items: Iterator[Item], done: set[int]) -> Iterator[ShardTask]:
        size = self.config.shard_size
        for index in itertools.count():
            chunk = list(itertools.islice(items, size))
            if not chunk:
                return
            if index in done:
                self.done_items += len(chunk)
                self._report()
                continue
            yield ShardTask(index, index * size, chunk)

    def _process(
        self, tasks: Iterator[ShardTask], done: set[int], identity: BatchIdentity, store: Store | None
    ) -> None:
        outputs = (self.engine or make_engine(self.config)).run(tasks, self._on_items)
        try:
            for data in outputs:
                path = write_shard(self.out, data)
                done.add(data.meta.index)
                write_manifest(self.out, identity, done=done)
                if store is not None:
                    self.db_written += load_shard(store, self.out, data.meta.index, path)
                self._shard_written(data)
        finally:
            close = getattr(outputs, "close", None)
            if close is not None:
                close()

    def _on_items(self, count: int) -> None:
        self.done_items += count
        self.processed += count
        self._report()

    def _shard_written(self, data: ShardData) -> None:
        if self.first_shard is None:
            self.first_shard = time.perf_counter() - self.started
        self.shards_run += 1
        self.stored += data.meta.stored
        self.rejected += data.meta.rejected
        self._report()

    def _report(self, *, final: bool = False) -> None:
        if self.on_progress is None:
            return
        elapsed = time.perf_counter() - self.started
        self.on_progress(
            BatchProgress(
                self.done_items, self.total, self.processed, self.stored, self.rejected, elapsed, final
            )
        )

    def _finish(self, with_store: bool) -> BatchReport:
        clear_temp(self.out)
        metas = [read_meta(path) for _, path in shard_dirs(self.out)]
        self._write_rejects()
        report = BatchReport(
            items=sum(m.items for m in metas),
            stored=sum(m.stored for m in metas),
            rejected=sum(m.rejected for m in metas),
            warnings=sum(m.warnings for m in metas),
            shards=len(metas),
            shards_run=self.shards_run,
            seconds=round(time.perf_counter() - self.started, 3),
            first_shard_seconds=None if self.first_shard is None else round(self.first_shard, 3),
            db_written=self.db_written if with_store else None,
            clusters=self.clusters,
        )
        self.stored, self.rejected = report.stored, report.rejected
        self._report(final=True)
        _write_json(self.out / SUMMARY_NAME, {**report.to_json(), "shard_list": [asdict(m) for m in metas]})
        return report

    def _write_rejects(self) -> None:
        """All rejects in input order, one JSON object a line (rebuilt whole, then renamed)."""
        temp = self.out / f".{REJECTS_NAME}.{os.getpid()}"
        with temp.open("w", encoding="utf-8") as handle:
            for _, path in shard_dirs(self.out):
                _write_lines(handle, read_rejects(path))
        temp.replace(self.out / REJECTS_NAME)


def _write_lines(handle: IO[str], table: pa.Table) -> None:
    for row in table.to_pylist():
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_json(path: Path, payload: dict[str, Any]) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}")
    temp.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    temp.replace(path)


__all__ = [
    "DEFAULT_SHARD_SIZE",
    "ENGINES",
    "BatchConfig",
    "BatchReport",
    "ShardMeta",
    "make_engine",
    "run_batch",
]
