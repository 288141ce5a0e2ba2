"""Coded events, filtered by actor, country, CAMEO code or root, PLOVER type, date, modality, place."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
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
    "trigger_end", "sentence", "place_text", "place_start", "place_end", "place_name", "place_country",
    "place_admin1", "place_lat", "place_lon", "place_precision",
    "cluster", "cluster_stories", "cluster_sources",
)  # fmt: skip
#: ``bbox=west,south,east,north`` in decimal degrees
BBOX_PATTERN = r"^-?\d{1,3}(\.\d+)?(,-?\d{1,3}(\.\d+)?){3}$"


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
    country: Annotated[
        CountryCode, Query(description="where the event happened: ISO alpha-3 code such as SYR")
    ] = None,
    admin1: Annotated[
        str | None, Query(min_length=1, max_length=100, description="first-level division, e.g. Texas")
    ] = None,
    bbox: Annotated[
        str | None, Query(pattern=BBOX_PATTERN, description="west,south,east,north in degrees")
    ] = None,
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
        place_country=upper(country),
        place_admin1=admin1,
        bbox=parse_bbox(bbox),
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


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` as numbers, checked to be on the globe (422 otherwise)."""
    if value is None:
        return None
    west, south, east, north = (float(part) for part in value.split(","))
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(status_code=422, detail="bbox must be west,south,east,north within the globe")
    return west, south, east, north
