"""Batch runs: shards of input processed locally or on Ray, resumable after any kill.

See docs/batch.md for the folder layout, the shard schema and the guarantees.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .options import DEFAULT_SHARD_SIZE, ENGINES

if TYPE_CHECKING:
    from .progress import BatchProgress, LogLines, TerminalBar, count_items
    from .runner import BatchConfig, BatchReport, run_batch

__all__ = [
    "DEFAULT_SHARD_SIZE",
    "ENGINES",
    "BatchConfig",
    "BatchProgress",
    "BatchReport",
    "LogLines",
    "TerminalBar",
    "count_items",
    "run_batch",
]

#: names imported on first use: `dateline process` imports this package for its command line
#: (``dateline.batch.cli``) and must not pay for Arrow, DuckDB and Ray
_LAZY = {
    "BatchConfig": ".runner",
    "BatchReport": ".runner",
    "run_batch": ".runner",
    "BatchProgress": ".progress",
    "LogLines": ".progress",
    "TerminalBar": ".progress",
    "count_items": ".progress",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name], __name__), name)
