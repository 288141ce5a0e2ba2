"""The one reader of the places' data tables (``data/places/*.tsv``): declared columns, checked rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import DatelineError, Errors


def read_rows(
    path: Path, columns: tuple[str, ...], *, kinds: frozenset[str]
) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every row; the second column must be one of ``kinds``.

    Blank lines and ``#`` comments are skipped; a row of another width or kind stops the load
    with ``E025`` naming ``file``, line and the expected columns, never a silent skip.
    """
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(columns) or cells[1] not in kinds:
            expected = ", ".join(columns)
            reason = (
                f"line {number}: expected {expected} (tab-separated; {columns[1]} one of {sorted(kinds)})"
            )
            raise DatelineError(Errors.E025, path=path, reason=reason)
        yield number, cells
