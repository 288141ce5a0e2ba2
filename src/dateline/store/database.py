"""The DuckDB store: open or create it, add results idempotently, read them back.

Idempotence rule: a story is identified by its ``id``. Adding a story whose id is stored
with the same content hash changes nothing; with a different hash, the old story row and
all its child rows are deleted and the new ones inserted, in the same transaction as the
rest of the batch. So re-running the same input never duplicates, and a corrected story
replaces its previous version whole.

A ``Store`` wraps one DuckDB connection and is not thread-safe; a server should open one
read-only ``Store`` per worker or use ``store.connection.cursor()`` per thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from ..errors import DatelineError, Errors
from ..records import StoryResult
from ..settings import data_dir
from .rebuild import rebuild_result
from .rows import CHILD_TABLES, ROW_ORDER, TABLES, Row, child_rows, content_hash, story_row

if TYPE_CHECKING:
    from .writer import StoreWriter

#: bump when the DDL changes; a store of another version is refused rather than misread
SCHEMA_VERSION = 6
#: the DDL, shipped as package data
SCHEMA_FILE = Path("store") / "schema.sql"
#: upgrade scripts, one per schema version (``002.sql`` takes a version-1 store to version 2)
MIGRATIONS_DIR = Path("store") / "migrations"
#: stories fetched per query when reading results back (bounds memory on big stores)
READ_CHUNK = 500
#: the name under which a batch's Arrow table is visible to SQL while it is inserted
_BATCH_VIEW = "dateline_insert_batch"


class Store:
    """A DuckDB file holding stories and everything extracted from them."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._schemas: dict[str, pa.Schema] = {}

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Store:
        """Open (and, when writable, create) a store; any failure is ``DatelineError(E013)``."""
        path = Path(path)
        if read_only and not path.is_file():
            raise DatelineError(Errors.E013, path=path, reason="no such file")
        try:
            connection = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise DatelineError(Errors.E013, path=path, reason=_explain(exc)) from exc
        store = cls(connection, path)
        try:
            store._prepare(read_only=read_only)
        except BaseException:
            connection.close()
            raise
        return store

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for read queries (bind every value as a parameter)."""
        return self._db

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # -- writing --------------------------------------------------------------------------

    def add(self, result: StoryResult) -> bool:
        """Store one result; True if it was written, False if already stored unchanged."""
        return self.add_many([result]) == 1

    def writer(self, *, batch_size: int | None = None) -> StoreWriter:
        """A buffer whose ``add`` takes one result at a time but writes batches (see writer.py)."""
        from .writer import DEFAULT_BATCH, StoreWriter

        return StoreWriter(self, batch_size=batch_size or DEFAULT_BATCH)

    def add_many(self, results: Iterable[StoryResult]) -> int:
        """Store a batch in one transaction; returns how many stories were (re)written.

        Within a batch the last result for an id wins. Pass batches of a few hundred to a
        few thousand stories: the batch is held in memory as Arrow tables.
        """
        latest = {result.story.id: result for result in results}
        if not latest:
            return 0
        digests = {story_id: content_hash(result) for story_id, result in latest.items()}
        try:
            return self._write(latest, digests)
        except duckdb.Error as exc:
            raise DatelineError(Errors.E013, path=self.path, reason=f"writing failed: {exc}") from exc

    def _write(self, latest: dict[str, StoryResult], digests: dict[str, str]) -> int:
        self._db.begin()
        try:
            stored = self._stored_hashes(list(latest))
            todo = [r for story_id, r in latest.items() if stored.get(story_id) != digests[story_id]]
            replaced = [r.story.id for r in todo if r.story.id in stored]
            if replaced:
                self._delete(replaced)
            if todo:
                self._insert(todo, digests)
            self._db.commit()
        except BaseException:
            self._db.rollback()
            raise
        return len(todo)

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        rows = self._db.execute(
            "SELECT id, content_hash FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return dict(rows)

    def _delete(self, ids: list[str]) -> None:
        for table in CHILD_TABLES:
            # table names come from a fixed tuple, never from input; the ids are bound
            self._db.execute(f"DELETE FROM {table} WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        self._db.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])

    def _insert(self, results: list[StoryResult], digests: dict[str, str]) -> None:
        stamp = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        tables: dict[str, list[Row]] = {table: [] for table in TABLES}
        for result in results:
            tables["stories"].append(story_row(result, digest=digests[result.story.id], stored_at=stamp))
            for table, rows in child_rows(result).items():
                tables[table].extend(rows)
        for table, rows in tables.items():
            if rows:
                self._insert_rows(table, rows)

    def _insert_rows(self, table: str, rows: list[Row]) -> None:
        batch = pa.Table.from_pylist(rows, schema=self._schemas[table])
        self._db.register(_BATCH_VIEW, batch)
        try:
            self._db.execute(f"INSERT INTO {table} SELECT * FROM {_BATCH_VIEW}")
        finally:
            self._db.unregister(_BATCH_VIEW)

    # -- reading --------------------------------------------------------------------------

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def ids(self) -> list[str]:
        """Every stored story id, in id order."""
        return [row[0] for row in self._db.execute("SELECT id FROM stories ORDER BY id").fetchall()]

    def get(self, story_id: str) -> StoryResult | None:
        """One stored story with everything extracted, or None."""
        return next(iter(self.results([story_id])), None)

    def results(self, ids: Sequence[str] | None = None) -> Iterator[StoryResult]:
        """Stored stories rebuilt as records (all of them, in id order, if ``ids`` is None)."""
        wanted = self.ids() if ids is None else list(ids)
        for first in range(0, len(wanted), READ_CHUNK):
            yield from self._results_chunk(wanted[first : first + READ_CHUNK])

    def _results_chunk(self, ids: list[str]) -> Iterator[StoryResult]:
        stories = self._select("SELECT * FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", ids)
        children: dict[str, dict[str, list[Row]]] = {}
        for table in CHILD_TABLES:
            order = ", ".join(ROW_ORDER[table])
            query = f"SELECT * FROM {table} WHERE story_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY {order}"
            for row in self._select(query, ids):
                children.setdefault(row["story_id"], {}).setdefault(table, []).append(row)
        by_id = {row["id"]: row for row in stories}
        for story_id in ids:
            if story_id in by_id:
                yield rebuild_result(by_id[story_id], children.get(story_id, {}))

    def _select(self, query: str, ids: list[str]) -> list[Row]:
        cursor = self._db.execute(query, [ids])
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    # -- schema ---------------------------------------------------------------------------

    def _prepare(self, *, read_only: bool) -> None:
        tables = set(self._table_names())
        if "schema_version" in tables:
            self._check_version(read_only=read_only)
        elif read_only or tables:
            reason = "not a Dateline store (no schema_version table)"
            raise DatelineError(Errors.E013, path=self.path, reason=reason)
        if not read_only:
            self._create_schema()
        self._schemas = {table: self._arrow_schema(table) for table in TABLES}

    def _table_names(self) -> list[str]:
        query = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        return [row[0] for row in self._db.execute(query).fetchall()]

    def _check_version(self, *, read_only: bool) -> None:
        # fetchall, not fetchone: DuckDB keeps a half-read result open and blocks the connection
        found = self._db.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]
        if found == SCHEMA_VERSION:
            return
        if found > SCHEMA_VERSION or read_only:
            reason = f"store schema version {found}, this Dateline reads version {SCHEMA_VERSION}"
            if found < SCHEMA_VERSION:
                reason += "; open it once for writing (dateline process --db FILE) to upgrade it"
            raise DatelineError(Errors.E013, path=self.path, reason=reason)
        self._migrate(found)

    def _migrate(self, found: int) -> None:
        """Upgrade an older store in place, one version at a time, in one transaction."""
        self._db.execute("BEGIN TRANSACTION")
        for version in range(found + 1, SCHEMA_VERSION + 1):
            script = data_dir() / MIGRATIONS_DIR / f"{version:03d}.sql"
            # a version may have no script: its changes are new tables the schema file creates
            if script.is_file():
                self._db.execute(script.read_text(encoding="utf-8"))
            self._db.execute("INSERT INTO schema_version SELECT ?, now()::TIMESTAMP", [version])
        self._db.execute("COMMIT")

    def _create_schema(self) -> None:
        ddl = (data_dir() / SCHEMA_FILE).read_text(encoding="utf-8")
        self._db.execute(ddl)
        self._db.execute(
            "INSERT INTO schema_version SELECT ?, now()::TIMESTAMP "
            "WHERE NOT EXISTS (SELECT 1 FROM schema_version)",
            [SCHEMA_VERSION],
        )

    def _arrow_schema(self, table: str) -> Any:
        # derived from the DDL itself, so the Arrow batches can never drift from the tables
        return self._db.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema


def _explain(exc: duckdb.Error) -> str:
    """A user-facing reason for a failed connect, from DuckDB's longer message."""
    message = str(exc)
    if "lock" in message.lower():
        return "it is locked by another process (close the other dateline process using it)"
    if "not a valid DuckDB database" in message:
        return "it is not a DuckDB database file"
    return message.splitlines()[0] if message else type(exc).__name__
