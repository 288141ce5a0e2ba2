"""Buffer results one at a time and write them with the bulk path.

``Store.add`` is one transaction per story (about 100 stories/s, bound by commit cost);
``Store.add_many`` takes thousands a second. A loop that yields one result at a time, like
``dateline process --db``, gets the fast path through this buffer.
"""

from __future__ import annotations

from types import TracebackType

from ..records import StoryResult
from .database import Store

#: stories per transaction by default: large enough to amortise the commit, small enough
#: that a crash loses little work and the Arrow batch stays a few MB
DEFAULT_BATCH = 500


class StoreWriter:
    """Collects results and writes each full batch in one transaction; flushes on exit."""

    def __init__(self, store: Store, *, batch_size: int = DEFAULT_BATCH) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self._store = store
        self._batch_size = batch_size
        self._pending: list[StoryResult] = []
        self.written = 0

    def add(self, result: StoryResult) -> None:
        self._pending.append(result)
        if len(self._pending) >= self._batch_size:
            self.flush()

    def flush(self) -> int:
        """Write what is buffered; returns how many stories were (re)written."""
        pending, self._pending = self._pending, []
        written = self._store.add_many(pending)
        self.written += written
        return written

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # on an error the buffered results are still written: they were processed correctly
        self.flush()
