"""Process one shard: the stage code every engine runs, in-process or on a Ray worker.

``Pipeline.process`` yields exactly one outcome per input item, in order, so outcome ``k``
belongs to item ``first_seq + k``; that is what lets a reject name its input position.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

import pyarrow as pa

from ..pipeline import Pipeline
from ..records import Problem, RawStory, StoryResult
from ..store.arrow import Schemas, result_tables
from .shards import REJECTS_SCHEMA, ShardData, ShardMeta, ShardTask

#: how often (in items) a shard in progress reports to the progress display
TICK_ITEMS = 32

OnItems = Callable[[int], None]


def process_shard(
    pipeline: Pipeline, schemas: Schemas, task: ShardTask, *, on_items: OnItems | None = None
) -> ShardData:
    """Run the pipeline over a shard's items and turn the outcomes into tables and rejects."""
    started, wall, cpu = time.perf_counter(), time.time(), time.process_time()
    results: list[StoryResult] = []
    rejects: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    outcomes = pipeline.process(task.items)
    for offset, (_item, outcome) in enumerate(zip(task.items, outcomes, strict=True)):
        seq = task.first_seq + offset
        if isinstance(outcome, StoryResult):
            results.append(outcome)
        elif outcome.is_warning:
            warnings.append(problem_row(seq, outcome))
        else:
            rejects.append(problem_row(seq, outcome))
        if on_items is not None and (offset + 1) % TICK_ITEMS == 0:
            on_items(TICK_ITEMS)
    if on_items is not None and len(task.items) % TICK_ITEMS:
        on_items(len(task.items) % TICK_ITEMS)
    stamp = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    # the tables are part of the shard's work: built before the clocks stop
    tables = result_tables(results, schemas, stored_at=stamp)
    rejected = pa.Table.from_pylist(rejects, schema=REJECTS_SCHEMA)
    meta = ShardMeta(
        index=task.index,
        first_seq=task.first_seq,
        items=len(task.items) - len(warnings),
        stored=len(results),
        rejected=len(rejects),
        warnings=len(warnings),
        seconds=round(time.perf_counter() - started, 3),
        words=sum(len(item.text.split()) for item in task.items if isinstance(item, RawStory)),
        started=wall,
        finished=time.time(),
        peak_rss_mb=peak_rss_mb(),
        worker=os.getpid(),
        cpu_seconds=round(time.process_time() - cpu, 3),
    )
    return ShardData(meta, tables, rejected, warnings)


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def problem_row(seq: int, problem: Problem) -> dict[str, Any]:
    """A reject (or warning) as a row: enough to find the input and see what went wrong."""
    return {
        "seq": seq,
        "id": problem.id,
        "stage": problem.stage,
        "code": problem.code,
        "message": problem.message,
        "origin_path": problem.origin.path,
        "origin_line": problem.origin.line,
        "origin_record": problem.origin.record,
    }
