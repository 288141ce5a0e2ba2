"""Stories: search them, or read one with everything extracted from it (the contract JSON)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from .. import queries
from ..tables import table_response
from .common import DB, DateFrom, DateTo, FormatParam, PageParam, SearchText, check_range, envelope

router = APIRouter(prefix="/api/stories", tags=["stories"])

COLUMNS = ("id", "source", "published", "title", "place", "chars", "quotes", "events", "opening")


@router.get("", summary="Search stories by text, source and publication date")
def list_stories(
    request: Request,
    db: DB,
    paging: PageParam,
    fmt: FormatParam = None,
    q: SearchText = None,
    source: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Response:
    check_range(date_from, date_to)
    spec = queries.StoryFilter(text=q, source=source, date_from=date_from, date_to=date_to)
    with db.cursor() as cursor:
        total, rows = queries.search_stories(cursor, spec, paging)
    return table_response(
        request, fmt, rows, columns=COLUMNS, envelope=envelope(total, paging), filename="stories"
    )


@router.get("/{story_id:path}", summary="One story with its entities, actors, quotes and events")
def get_story(db: DB, story_id: Annotated[str, Path(min_length=1, max_length=300)]) -> dict[str, Any]:
    result = db.story(story_id)
    if result is None:
        raise HTTPException(status_code=404, detail=f"no story with id {story_id!r}")
    with db.cursor() as cursor:
        group, clusters = queries.story_clusters(cursor, story_id)
    return with_clusters(result.to_json(), group, clusters)


def with_clusters(
    payload: dict[str, Any], group: dict[str, Any] | None, clusters: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    """The contract's ``group`` and ``events[].cluster``, plus what the page shows: the group's
    head and size, and how many stories and sources report each event (docs/clusters.md)."""
    if group is not None:
        payload["group"] = group["group_id"]
        payload["group_copies"] = group["copies"]
        payload["copy_of"] = None if group["is_head"] else group["group_id"]
    for seq, event in enumerate(payload["events"]):
        found = clusters.get(seq)
        if found is not None:
            event["cluster"] = found["cluster_id"]
            event["reported_by"] = {"stories": found["stories"], "sources": found["sources"]}
    return payload
