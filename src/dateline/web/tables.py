"""Answer a table as JSON or CSV, whichever the client asked for.

``?format=csv`` wins; otherwise an ``Accept`` header preferring ``text/csv`` gets CSV; the
default is JSON. CSV cells that a spreadsheet would run as a formula are prefixed with a
quote, since stories are untrusted text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any, Literal

from fastapi import Request
from fastapi.responses import JSONResponse, Response

Format = Literal["json", "csv"]
#: first characters that make spreadsheets evaluate a cell
_FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def wants_csv(request: Request, fmt: Format | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def table_response(
    request: Request,
    fmt: Format | None,
    rows: Sequence[dict[str, Any]],
    *,
    columns: Sequence[str],
    envelope: dict[str, Any],
    filename: str,
) -> Response:
    """``envelope`` plus ``items`` as JSON, or the rows alone as CSV with a header line."""
    if wants_csv(request, fmt):
        headers = {"Content-Disposition": f'attachment; filename="{filename}.csv"'}
        return Response(to_csv(rows, columns), media_type="text/csv; charset=utf-8", headers=headers)
    return JSONResponse({**envelope, "items": [jsonable(row) for row in rows]})


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(jsonable(value), ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _is_formula(value):
        return "'" + value
    return value


def _is_formula(value: str) -> bool:
    if value.startswith(_FORMULA_STARTS):
        return True
    # "-3" is a number and "---" an unknown-country actor code; "-cmd" would run
    return value.startswith("-") and len(value) > 1 and not (value[1].isdigit() or value[1] in "-.")


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, containers recursively; everything else as is."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
