"""Engines run shards through :func:`process_shard`; the local one in this process.

An engine takes an iterator of :class:`ShardTask` and yields a :class:`ShardData` per task,
in any order (the runner writes each shard where it belongs). It reports items as they are
processed through ``on_items`` so the progress display moves between shards.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ..pipeline import Pipeline
from ..settings import Settings
from ..store.arrow import table_schemas
from .processing import OnItems, process_shard
from .shards import ShardData, ShardTask


class Engine(Protocol):
    def run(self, tasks: Iterator[ShardTask], on_items: OnItems) -> Iterator[ShardData]: ...


class LocalEngine:
    """One process: the model is loaded once, shards run one after another."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def run(self, tasks: Iterator[ShardTask], on_items: OnItems) -> Iterator[ShardData]:
        pipeline = Pipeline(self._settings)
        schemas = table_schemas()
        for task in tasks:
            yield process_shard(pipeline, schemas, task, on_items=on_items)
