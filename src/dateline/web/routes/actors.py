"""Actors: search by code or name, with how often each appears, acts, is acted on and speaks."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from .. import queries
from ..tables import table_response
from .common import DB, CountryCode, FormatParam, PageParam, SearchText, envelope, upper

router = APIRouter(prefix="/api/actors", tags=["actors"])

COLUMNS = (
    "code", "name", "country", "sector", "kind", "stories", "mentions", "events_as_source",
    "events_as_target", "quotes",
)  # fmt: skip


@router.get("", summary="Search actors, with counts")
def list_actors(
    request: Request,
    db: DB,
    paging: PageParam,
    fmt: FormatParam = None,
    q: SearchText = None,
    country: CountryCode = None,
) -> Response:
    with db.cursor() as cursor:
        total, rows = queries.search_actors(cursor, q, upper(country), paging)
    return table_response(
        request, fmt, rows, columns=COLUMNS, envelope=envelope(total, paging), filename="actors"
    )
