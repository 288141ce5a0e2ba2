"""The Ray engine: the same :func:`process_shard`, on a pool of Ray actors.

Each actor loads the spaCy pipeline once and then processes whole shards. The driver reads
the input and keeps at most ``IN_FLIGHT_PER_WORKER`` shards queued per actor, so memory stays
bounded however large the input, and every actor has its next shard ready when it finishes one.
Without ``address`` Ray is started here with ``workers`` CPUs and stopped at the end; with an
address (``ray://host:10001`` or ``auto``) the batch joins that cluster and leaves it running.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from ..errors import DatelineError, Errors
from ..pipeline import Pipeline
from ..settings import Settings
from ..store.arrow import table_schemas
from .processing import OnItems, process_shard
from .shards import ShardData, ShardTask

#: shards queued per actor: one running, one waiting, so an actor never idles on the driver
IN_FLIGHT_PER_WORKER = 2
#: native thread pools of each actor (OpenBLAS, OpenMP, BLIS, MKL): one, like the actor's one CPU,
#: so two actors on two cores do not oversubscribe them; set before the actor process starts,
#: because the libraries read them when they load
SINGLE_THREAD_ENV = dict.fromkeys(
    ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"), "1"
)
#: object store per local worker: shards are a few MB, the default (30 % of RAM) is far too much
OBJECT_STORE_BYTES_PER_WORKER = 128 * 1024 * 1024


def require_ray() -> ModuleType:
    """Import Ray, or explain how to install it (``E020``)."""
    try:
        return importlib.import_module("ray")
    except ImportError as exc:
        raise DatelineError(Errors.E020) from exc


class ShardWorker:
    """The body of a Ray actor: a loaded pipeline that processes shards."""

    def __init__(self, settings: Settings) -> None:
        self._pipeline = Pipeline(settings)
        self._schemas = table_schemas()

    def process(self, task: ShardTask) -> ShardData:
        return process_shard(self._pipeline, self._schemas, task)


class RayEngine:
    """Shards on ``workers`` Ray actors (one CPU each), locally or on a cluster."""

    def __init__(self, settings: Settings, *, workers: int, address: str | None = None) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self._settings = settings
        self._workers = workers
        self._address = address
        self._ray = require_ray()

    def run(self, tasks: Iterator[ShardTask], on_items: OnItems) -> Iterator[ShardData]:
        ray = self._ray
        started_here = not ray.is_initialized()
        if started_here:
            ray.init(**self._init_options())
        try:
            yield from self._run(ray, tasks, on_items)
        finally:
            if started_here:
                ray.shutdown()

    def _init_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"include_dashboard": False, "logging_level": "warning"}
        if self._address is not None:
            return {**options, "address": self._address}
        store_bytes = OBJECT_STORE_BYTES_PER_WORKER * (self._workers + 1)
        return {**options, "num_cpus": self._workers, "object_store_memory": store_bytes}

    def _run(self, ray: Any, tasks: Iterator[ShardTask], on_items: OnItems) -> Iterator[ShardData]:
        runtime_env = {"env_vars": SINGLE_THREAD_ENV}
        actor_class = ray.remote(num_cpus=1, max_restarts=0, runtime_env=runtime_env)(ShardWorker)
        actors = [actor_class.remote(self._settings) for _ in range(self._workers)]
        pending: dict[Any, tuple[Any, int]] = {}
        queued = dict.fromkeys(range(len(actors)), 0)
        exhausted = False
        while True:
            exhausted = exhausted or self._fill(tasks, actors, pending, queued)
            if not pending:
                return
            ready, _ = ray.wait(list(pending), num_returns=1)
            actor_number, items = pending.pop(ready[0])
            queued[actor_number] -= 1
            data: ShardData = ray.get(ready[0])
            on_items(items)
            yield data

    def _fill(
        self,
        tasks: Iterator[ShardTask],
        actors: list[Any],
        pending: dict[Any, tuple[Any, int]],
        queued: dict[int, int],
    ) -> bool:
        """Queue shards on the least busy actors; True once the input is exhausted."""
        while min(queued.values()) < IN_FLIGHT_PER_WORKER:
            task = next(tasks, None)
            if task is None:
                return True
            actor_number = min(queued, key=lambda number: queued[number])
            pending[actors[actor_number].process.remote(task)] = (actor_number, len(task.items))
            queued[actor_number] += 1
        return False
