"""One reader for the rule tables under ``data/``: declared columns, checked on load.

A table is a tab-separated file whose first non-comment line names its columns. The caller
says which columns it reads and which values each may take; a missing or unknown column, a
row of the wrong width or a value out of range is an error naming ``file:line``, never a
silent skip (style.md, point 9).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .errors import DatelineError, Errors

#: a column's allowed values; ``None`` accepts any non-empty text
Allowed = frozenset[str] | None


def read_table(path: Path, columns: Mapping[str, Allowed]) -> list[dict[str, str]]:
    """The rows of ``path`` as dictionaries keyed by the declared ``columns``."""
    return [row for _, row in read_numbered(path, columns)]


def read_numbered(path: Path, columns: Mapping[str, Allowed]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of every row, for readers that check more and must name the line."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            _check_header(path, number, header, columns)
            continue
        if len(cells) != len(header):
            _fail(path, number, f"{len(cells)} columns, the header names {len(header)}")
        row = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        for name, allowed in columns.items():
            _check_value(path, number, name, row[name], allowed)
        rows.append((number, row))
    if header is None:
        _fail(path, 1, "no header line naming the columns")
    return rows


def _check_header(path: Path, number: int, header: list[str], columns: Mapping[str, Allowed]) -> None:
    missing = [name for name in columns if name not in header]
    unknown = [name for name in header if name not in columns]
    if missing or unknown:
        problem = f"columns {header} do not match the declared {list(columns)}"
        _fail(path, number, problem)


def _check_value(path: Path, number: int, name: str, value: str, allowed: Allowed) -> None:
    if not value:
        _fail(path, number, f"column {name!r} is empty")
    if allowed is not None and value not in allowed:
        _fail(path, number, f"column {name!r} is {value!r}, not one of {sorted(allowed)}")


def _fail(path: Path, line: int, problem: str) -> None:
    raise DatelineError(Errors.E023, path=path, line=line, problem=problem)
