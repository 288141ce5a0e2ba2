"""The server's one DuckDB connection: reads through a cursor each, writes through one lock.

DuckDB lets one process write a file, and a connection is not safe to share between threads.
So the app opens the store once (read-write only when submissions are enabled), gives every
read its own cursor (a cheap connection to the same database, seeing committed data), and
serialises every write behind one lock, as datasette does with its single writer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..clustering import cluster_connection
from ..records import StoryResult
from ..store import Store


class Database:
    """One open store shared by every request of the app."""

    def __init__(self, path: Path, *, writable: bool) -> None:
        self.path = Path(path)
        self.writable = writable
        self._store = Store.open(self.path, read_only=not writable)
        self._write_lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one request's reads; closed when the request is done."""
        cursor = self._store.connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def story(self, story_id: str) -> StoryResult | None:
        """One story with everything extracted, rebuilt by the store's own reader."""
        with self.cursor() as cursor:
            # a Store over the cursor reuses its reading code without sharing the main connection
            return Store(cursor, self.path).get(story_id)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the single writer slot (the pipeline is not thread-safe either)."""
        with self._write_lock:
            yield

    def add_many(self, results: Iterable[StoryResult]) -> int:
        """Store results; the caller holds ``writing()``."""
        if not self.writable:
            raise PermissionError("the store is open read-only")
        written = self._store.add_many(results)
        if written:
            # new stories join story groups and event clusters at once, as after process --db
            cluster_connection(self._store.connection, path=self.path)
        return written

    def close(self) -> None:
        with self._write_lock:
            self._store.close()
