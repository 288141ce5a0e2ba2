"""``cluster_store``: the library call behind ``dateline cluster`` (and the step that follows
``process --db`` and ``batch --db``). One transaction: a killed run leaves the previous tables."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..errors import DatelineError, Errors
from ..store import Store
from .events import cluster_events
from .groups import group_stories
from .inputs import shard_inputs, store_inputs
from .settings import DEFAULT_CLUSTER_SETTINGS, ClusterSettings


@dataclass(frozen=True, slots=True)
class ClusterReport:
    """What a store holds after a run, and what the run did."""

    stories: int
    groups: int
    copies: int
    events: int
    clusters: int
    multi_story_clusters: int
    blocks_recomputed: int
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self) -> str:
        return (
            f"{self.stories} stories in {self.groups} story groups ({self.copies} copies); "
            f"{self.events} events in {self.clusters} event clusters "
            f"({self.multi_story_clusters} reported by more than one story); "
            f"{self.blocks_recomputed} blocks recomputed in {self.seconds:.1f} s"
        )


def cluster_store(
    db: Path | str,
    *,
    settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
    full: bool = False,
    shards: Path | None = None,
) -> ClusterReport:
    """Group stories and cluster events of the store at ``db`` (or of the batch folder
    ``shards``, writing the cluster tables into ``db``); ``full`` recomputes every block."""
    with Store.open(db) as store:
        return cluster_connection(store.connection, settings=settings, full=full, shards=shards, path=db)


def cluster_connection(
    connection: duckdb.DuckDBPyConnection,
    *,
    settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
    full: bool = False,
    shards: Path | None = None,
    path: Path | str = "",
) -> ClusterReport:
    """The same over an open store connection (the web app's writer uses it)."""
    started = time.perf_counter()
    try:
        if shards is None:
            store_inputs(connection)
        else:
            shard_inputs(connection, shards)
        connection.begin()
        try:
            group_stories(connection, settings, full=full)
            blocks = cluster_events(connection, settings, full=full)
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
    except duckdb.Error as exc:
        raise DatelineError(Errors.E026, path=path, reason=str(exc).splitlines()[0]) from exc
    return _report(connection, blocks, time.perf_counter() - started)


_COUNTS = """
SELECT (SELECT count(*) FROM story_groups),
       (SELECT count(*) FROM story_groups WHERE is_head),
       (SELECT count(*) FROM story_groups WHERE NOT is_head),
       (SELECT count(*) FROM cluster_members),
       (SELECT count(*) FROM event_clusters),
       (SELECT count(*) FROM event_clusters WHERE stories > 1)
"""


def _report(connection: duckdb.DuckDBPyConnection, blocks: int, seconds: float) -> ClusterReport:
    stories, groups, copies, events, clusters, multi = connection.execute(_COUNTS).fetchall()[0]
    return ClusterReport(stories, groups, copies, events, clusters, multi, blocks, round(seconds, 3))
