"""Scoring against the gold files in ``shared/data`` (CoNLL-2003, PolNeAR, event gold)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from ..settings import Settings


class Report(Protocol):
    def to_json(self) -> dict[str, Any]: ...
    def to_text(self) -> str: ...


def run_evaluation(task: str, gold: Path, settings: Settings, *, limit: int | None = None) -> Report:
    """Score one task against a gold file and return printable figures."""
    raise NotImplementedError(task)
