"""The library call behind ``dateline process``: read, run the pipeline, hand out and store results.

Output and progress are the caller's: results and problems go to callbacks, so the
CLI, the web API and tests share one loop and none of them holds pipeline logic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .pipeline import Pipeline
from .reading import read_inputs
from .records import Problem, StoryResult

if TYPE_CHECKING:  # DuckDB is imported only by a run with a store (``--db``)
    from .clustering import ClusterReport
    from .store import Store


@dataclass(frozen=True, slots=True)
class Counts:
    """What a run did: every input record is stored or reported."""

    processed: int
    failed: int
    warned: int
    #: story groups and event clusters of the store after the run (``db`` runs only)
    clusters: ClusterReport | None = None

    @property
    def ok(self) -> bool:
        """A run fails only when nothing could be processed (the contract's exit rule)."""
        return self.processed > 0 or self.failed == 0


def process_paths(
    paths: Iterable[str],
    pipeline: Pipeline,
    *,
    on_result: Callable[[StoryResult], None],
    on_problem: Callable[[Problem], None],
    db: Path | None = None,
) -> Counts:
    """Process everything under ``paths``; store results in ``db`` (idempotently) when given."""
    processed = failed = warned = 0
    clusters = None
    store = _open_store(db) if db is not None else None
    writer = store.writer() if store is not None else None
    try:
        for outcome in pipeline.process(read_inputs(paths, pipeline.settings)):
            if isinstance(outcome, Problem):
                warned += outcome.is_warning
                failed += not outcome.is_warning
                on_problem(outcome)
                continue
            processed += 1
            if writer is not None:
                writer.add(outcome)
            on_result(outcome)
        if writer is not None and store is not None:
            # every story is stored: group and cluster them in the same store (docs/clusters.md)
            writer.flush()
            from .clustering import cluster_connection

            clusters = cluster_connection(store.connection, path=store.path)
    finally:
        if writer is not None:
            writer.flush()
        if store is not None:
            store.close()
    return Counts(processed, failed, warned, clusters)


def _open_store(db: Path) -> Store:
    from .store import Store

    return Store.open(db)
