"""Scoring against the gold files in ``shared/data`` (CoNLL-2003, PolNeAR, event gold, geoparsing gold).

Each task lives in its own module exposing ``evaluate(gold, settings, *, limit) -> Report``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Protocol

from ..settings import Settings

TASKS = ("ner", "quotes", "events", "news", "geo")


class Report(Protocol):
    """Figures that print for people (``to_text``) and for machines (``to_json``)."""

    def to_json(self) -> dict[str, Any]: ...

    def to_text(self) -> str: ...


def run_evaluation(task: str, gold: Path, settings: Settings, *, limit: int | None = None) -> Report:
    """Score one task against a gold file and return its figures."""
    if task not in TASKS:
        raise ValueError(f"unknown evaluation task {task!r}; choose one of {', '.join(TASKS)}")
    module = importlib.import_module(f"{__name__}.{task}")
    report: Report = module.evaluate(gold, settings, limit=limit)
    return report
