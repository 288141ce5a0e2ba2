"""Progress of a batch: a bar with stories/s and ETA on a terminal, log lines otherwise.

The runner calls a :class:`ProgressSink` with a :class:`BatchProgress` snapshot; these sinks
write to a stream the caller passes in (the CLI gives stderr), so the library never prints.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..reading import expand_path

#: inputs bigger than this (bytes on disk) are not counted up front: the bar shows a rate only
COUNT_LIMIT_BYTES = 2 * 1024**3
#: seconds between two plain log lines
LOG_EVERY_SECONDS = 10.0
#: seconds between two redraws of the bar
BAR_EVERY_SECONDS = 0.2
BAR_WIDTH = 24
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Where a batch stands; ``done`` counts items already done by an earlier run too."""

    done: int
    total: int | None
    processed: int
    stored: int
    rejected: int
    elapsed: float
    final: bool = False

    @property
    def rate(self) -> float:
        """Items per second processed by this run (items skipped as already done excluded)."""
        return self.processed / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        if self.total is None or self.rate <= 0:
            return None
        return max(self.total - self.done, 0) / self.rate


ProgressSink = Callable[[BatchProgress], None]


def count_items(paths: Iterable[str], *, limit_bytes: int = COUNT_LIMIT_BYTES) -> int | None:
    """About how many items the inputs hold (JSON Lines: lines; wire text: one per file).

    Cheap by design: one pass counting newline bytes, skipped (None) for inputs over
    ``limit_bytes``. It feeds the ETA only; the batch's own counts are exact.
    """
    files = [path for spec in paths for path in expand_path(spec)]
    if sum(path.stat().st_size for path in files) > limit_bytes:
        return None
    return sum(_count_file(path) for path in files)


def _count_file(path: Path) -> int:
    with path.open("rb") as raw:
        compressed = raw.read(2) == b"\x1f\x8b"
    opener = gzip.open if compressed else open
    try:
        with opener(path, "rb") as handle:
            first = handle.read(_CHUNK)
            if not first.lstrip().startswith(b"{"):
                return 1
            lines = first.count(b"\n")
            while chunk := handle.read(_CHUNK):
                lines += chunk.count(b"\n")
            return lines + (0 if first.endswith(b"\n") and lines else 1)
    except (OSError, EOFError):
        return 1


def format_seconds(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


def _counts(progress: BatchProgress) -> str:
    total = f"/{progress.total}" if progress.total is not None else ""
    return f"{progress.done}{total} items, {progress.stored} stored, {progress.rejected} rejected"


class TerminalBar:
    """Redraws one line: a bar when the total is known, else the count and the rate."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._last = 0.0

    def __call__(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if not progress.final and now - self._last < BAR_EVERY_SECONDS:
            return
        self._last = now
        line = f"{_counts(progress)}  {progress.rate:.1f} stories/s"
        if progress.total:
            filled = min(BAR_WIDTH, BAR_WIDTH * progress.done // progress.total)
            line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {line}"
        if progress.eta is not None:
            line += f"  ETA {format_seconds(progress.eta)}"
        self._stream.write(f"\r\x1b[2K{line}" + ("\n" if progress.final else ""))
        self._stream.flush()


class LogLines:
    """A plain line every ``every`` seconds and at the end, for logs and pipes."""

    def __init__(self, stream: IO[str], *, every: float = LOG_EVERY_SECONDS) -> None:
        self._stream = stream
        self._every = every
        self._last = time.monotonic()

    def __call__(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if not progress.final and now - self._last < self._every:
            return
        self._last = now
        eta = f", ETA {format_seconds(progress.eta)}" if progress.eta is not None else ""
        self._stream.write(f"dateline: {_counts(progress)}, {progress.rate:.1f} stories/s{eta}\n")
        self._stream.flush()
