"""The dyad timeline: events between two actors per period, by QuadClass, with mean Goldstein."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from .. import queries
from ..tables import table_response
from .common import ACTOR_CODE, DB, CountMode, DateFrom, DateTo, FormatParam, check_range

router = APIRouter(prefix="/api/dyads", tags=["dyads"])

COLUMNS = ("period", "quad", "events", "mean_goldstein")
Code = Annotated[str, Query(pattern=ACTOR_CODE, description="3 letters = every actor of that country")]


@router.get("/timeline", summary="Events between two actors over time")
def timeline(
    request: Request,
    db: DB,
    a: Code,
    b: Code,
    fmt: FormatParam = None,
    interval: Annotated[Literal["day", "week", "month", "year"], Query()] = "month",
    direction: Annotated[
        Literal["both", "a_to_b"], Query(description="both directions, or only a acting on b")
    ] = "both",
    date_from: DateFrom = None,
    date_to: DateTo = None,
    count: CountMode = "clusters",
) -> Response:
    check_range(date_from, date_to)
    first, second = a.upper(), b.upper()
    with db.cursor() as cursor:
        rows = queries.dyad_timeline(
            cursor,
            first,
            second,
            interval=interval,
            both_ways=direction == "both",
            date_from=date_from,
            date_to=date_to,
            distinct=count == "clusters",
        )
    head = {"a": first, "b": second, "interval": interval, "direction": direction, "count": count}
    return table_response(request, fmt, rows, columns=COLUMNS, envelope=head, filename="timeline")
