"""One reader for the rule tables under ``data/``: declared columns, checked on load.

A table is a tab-separated file whose first non-comment line names its columns. The caller
says which columns it reads and which values each may take; a missing or unknown column, a
row of the wrong width or a value out of range is an error naming ``file:line``, never a
silent skip (style.md, point 9). A column declared optional may be empty, or left off at the
end of a row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import DatelineError, Errors

#: a column's allowed values; ``None`` accepts any non-empty text
Allowed = frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Column:
    """A declared column that may be empty (``optional``), or whose values are ``allowed``."""

    allowed: Allowed = None
    optional: bool = False


#: a column's declaration: its allowed values, or a ``Column``
Spec = Allowed | Column
#: an optional column of any text
OPTIONAL = Column(optional=True)


def read_table(path: Path, columns: Mapping[str, Spec]) -> list[dict[str, str]]:
    """The rows of ``path`` as dictionaries keyed by the declared ``columns``."""
    return [row for _, row in read_numbered(path, columns)]


def read_column(path: Path, name: str) -> list[str]:
    """The values of a one-column table (a word list under a header naming its one column)."""
    return [row[name] for row in read_table(path, {name: None})]


def read_numbered(path: Path, columns: Mapping[str, Spec]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of every row, for readers that check more and must name the line."""
    declared = {name: spec if isinstance(spec, Column) else Column(spec) for name, spec in columns.items()}
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            _check_header(path, number, header, declared)
            continue
        if len(cells) > len(header) or any(not declared[name].optional for name in header[len(cells) :]):
            _fail(path, number, f"{len(cells)} columns, the header names {len(header)}")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        for name, column in declared.items():
            _check_value(path, number, name, row[name], column)
        rows.append((number, row))
    if header is None:
        _fail(path, 1, "no header line naming the columns")
    return rows


def _check_header(path: Path, number: int, header: list[str], columns: Mapping[str, Column]) -> None:
    missing = [name for name in columns if name not in header]
    unknown = [name for name in header if name not in columns]
    if missing or unknown:
        problem = f"columns {header} do not match the declared {list(columns)}"
        _fail(path, number, problem)


def _check_value(path: Path, number: int, name: str, value: str, column: Column) -> None:
    if not value:
        if not column.optional:
            _fail(path, number, f"column {name!r} is empty")
        return
    if column.allowed is not None and value not in column.allowed:
        _fail(path, number, f"column {name!r} is {value!r}, not one of {sorted(column.allowed)}")


def table_error(path: Path, line: int, problem: str) -> DatelineError:
    """The error for a bad row, for readers that check more than the columns."""
    return DatelineError(Errors.E023, path=path, line=line, problem=problem)


def _fail(path: Path, line: int, problem: str) -> None:
    raise table_error(path, line, problem)
