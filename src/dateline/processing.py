"""The library call behind ``dateline process``: read, run the pipeline, hand out and store results.

Output and progress are the caller's: results and problems go to callbacks, so the
CLI, the web API and tests share one loop and none of them holds pipeline logic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .pipeline import Pipeline
from .reading import read_inputs
from .records import Problem, StoryResult
from .store import Store


@dataclass(frozen=True, slots=True)
class Counts:
    """What a run did: every input record is stored or reported."""

    processed: int
    failed: int
    warned: int

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
    store = Store.open(db) if db is not None else None
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
    finally:
        if writer is not None:
            writer.flush()
        if store is not None:
            store.close()
    return Counts(processed, failed, warned)
