"""The actor network: weighted directed edges of who acts towards whom."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from .. import queries
from ..tables import table_response
from .common import DB, CountMode, CountryCode, DateFrom, DateTo, FormatParam, check_range, upper

router = APIRouter(prefix="/api/network", tags=["network"])

COLUMNS = ("source", "target", "events", "mean_goldstein", "cooperation", "conflict")
#: most edges returned: a drawing with more is unreadable anyway
MAX_EDGES = 500


@router.get("", summary="Who interacts with whom, weighted by events")
def network(
    request: Request,
    db: DB,
    fmt: FormatParam = None,
    country: CountryCode = None,
    level: Annotated[Literal["actor", "country"], Query()] = "actor",
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_EDGES)] = 100,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    count: CountMode = "clusters",
) -> Response:
    check_range(date_from, date_to)
    spec = queries.NetworkFilter(
        country=upper(country),
        by_country=level == "country",
        min_events=min_events,
        date_from=date_from,
        date_to=date_to,
        distinct=count == "clusters",
    )
    with db.cursor() as cursor:
        rows = queries.actor_network(cursor, spec, limit=limit)
    head = {"level": level, "country": spec.country, "count": count}
    return table_response(request, fmt, rows, columns=COLUMNS, envelope=head, filename="network")
