"""What ``dateline watch`` remembers in the store between runs (tables ``feed_sources``, ``feed_seen``).

Each write is one short transaction of its own, made after the stories it concerns are stored:
a watch killed between the two finds the item unseen on restart, processes it again, and the
store's content-hash rule keeps one copy. So a kill at any point leaves the store consistent
and never loses or doubles a story.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..fetching import Validators
from .database import Store

#: the kinds of key an item is known by
SEEN_KINDS = ("guid", "url", "hash")


@dataclass(frozen=True, slots=True)
class SourceState:
    """A feed's memory: its validators, and its failures and backoff."""

    source: str
    validators: Validators = field(default_factory=Validators)
    failures: int = 0
    retry_at: dt.datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class SeenKey:
    """One way an item is known: its GUID, its URL, or the hash of its text or page."""

    kind: str
    key: str


class FeedLedger:
    """Reads and writes the watch tables of one open store."""

    def __init__(self, store: Store) -> None:
        self._db = store.connection

    def state(self, source: str) -> SourceState:
        rows = self._db.execute(
            "SELECT etag, last_modified, failures, retry_at, last_error FROM feed_sources WHERE source = ?",
            [source],
        ).fetchall()
        if not rows:
            return SourceState(source)
        etag, modified, failures, retry_at, error = rows[0]
        return SourceState(source, Validators(etag, modified), failures, retry_at, error)

    def record_poll(self, state: SourceState, *, now: dt.datetime, ok: bool) -> None:
        """Store a feed's state after a poll (``ok``: the feed answered and was read)."""
        self._db.execute(
            """
            INSERT INTO feed_sources AS f
                (source, etag, last_modified, last_polled, last_ok, failures, retry_at, last_error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source) DO UPDATE SET
                etag = excluded.etag, last_modified = excluded.last_modified,
                last_polled = excluded.last_polled, last_ok = coalesce(excluded.last_ok, f.last_ok),
                failures = excluded.failures, retry_at = excluded.retry_at, last_error = excluded.last_error
            """,
            [
                state.source,
                state.validators.etag,
                state.validators.last_modified,
                now,
                now if ok else None,
                state.failures,
                state.retry_at,
                state.last_error,
            ],
        )

    def seen(self, keys: Iterable[SeenKey]) -> bool:
        """Whether any of these keys is known: an item met under any of them was handled."""
        pairs = [[key.kind, key.key] for key in keys]
        if not pairs:
            return False
        rows = self._db.execute(
            "SELECT count(*) FROM feed_seen WHERE [kind, key] IN (SELECT unnest(?::VARCHAR[][]))", [pairs]
        ).fetchall()
        return bool(rows[0][0])

    def mark(self, keys: Iterable[SeenKey], *, story_id: str | None, source: str, now: dt.datetime) -> None:
        """Remember an item under all its keys, in one transaction."""
        rows = [[key.kind, key.key, story_id, source, now] for key in keys]
        if not rows:
            return
        self._db.begin()
        try:
            self._db.executemany(
                "INSERT INTO feed_seen VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO NOTHING", rows
            )
            self._db.commit()
        except BaseException:
            self._db.rollback()
            raise

    def seen_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM feed_seen").fetchall()[0][0])
