"""Batch runs: shards of input processed locally or on Ray, resumable after any kill.

See docs/batch.md for the folder layout, the shard schema and the guarantees.
"""

from __future__ import annotations

from .progress import BatchProgress, LogLines, TerminalBar, count_items
from .runner import DEFAULT_SHARD_SIZE, ENGINES, BatchConfig, BatchReport, run_batch

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
