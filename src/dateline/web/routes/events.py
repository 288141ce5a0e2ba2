"""Coded events, filtered by actor, country, CAMEO code or root, PLOVER type, date, modality."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from .. import queries
from ..tables import table_response
from .common import (
    DB,
    ActorCode,
    CountryCode,
    DateFrom,
    DateTo,
    FormatParam,
    PageParam,
    StoryId,
    check_range,
    envelope,
    upper,
)

router = APIRouter(prefix="/api/events", tags=["events"])

Modality = Literal["future", "intent", "hypothetical", "negated", "historical", "asserted"]
COLUMNS = (
    "story_id", "seq", "date", "date_precision", "cameo", "cameo_name", "root_code", "goldstein",
    "quad", "plover_type", "source", "target", "modality", "trigger_text", "trigger_start",
    "trigger_end", "sentence", "cluster", "cluster_stories", "cluster_sources",
)  # fmt: skip


def event_filter(
    source: ActorCode = None,
    target: ActorCode = None,
    source_country: CountryCode = None,
    target_country: CountryCode = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code, e.g. 041")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root, e.g. 04")] = None,
    plover: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,32}$", description="PLOVER type")] = None,
    modality: Annotated[Modality | None, Query(description="'asserted' = no modality")] = None,
    story: StoryId = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> queries.EventFilter:
    """The filters of ``/api/events``, shared by ``/api/clusters``."""
    check_range(date_from, date_to)
    return queries.EventFilter(
        source=upper(source),
        target=upper(target),
        source_country=upper(source_country),
        target_country=upper(target_country),
        cameo=cameo,
        root=root,
        plover=upper(plover),
        modality=modality,
        story=story,
        date_from=date_from,
        date_to=date_to,
    )


EventFilterParam = Annotated[queries.EventFilter, Depends(event_filter)]
Distinct = Annotated[
    Literal["clusters"] | None,
    Query(description="'clusters': one row per real-world event (the canonical report of each cluster)"),
]


@router.get("", summary="Search coded events")
def list_events(
    request: Request,
    db: DB,
    paging: PageParam,
    spec: EventFilterParam,
    fmt: FormatParam = None,
    distinct: Distinct = None,
) -> Response:
    with db.cursor() as cursor:
        total, rows = queries.search_events(cursor, spec, paging, distinct=distinct == "clusters")
    return table_response(
        request, fmt, rows, columns=COLUMNS, envelope=envelope(total, paging), filename="events"
    )
