"""Event clusters: one real-world event and every story that reports it (docs/clusters.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from .. import queries
from ..tables import jsonable, table_response
from .common import DB, FormatParam, PageParam, envelope
from .events import EventFilterParam

router = APIRouter(prefix="/api/clusters", tags=["clusters"])

COLUMNS = (
    "cluster_id", "date", "date_precision", "cameo", "cameo_name", "root_code", "goldstein", "quad",
    "plover_type", "source", "target", "place", "first_reported", "first_story_id", "reports",
    "stories", "sources", "copies",
)  # fmt: skip


@router.get("", summary="Search event clusters (filters as /api/events)")
def list_clusters(
    request: Request,
    db: DB,
    paging: PageParam,
    spec: EventFilterParam,
    fmt: FormatParam = None,
    min_stories: Annotated[int, Query(ge=0, le=1_000_000, description="reported by at least N stories")] = 1,
) -> Response:
    with db.cursor() as cursor:
        total, rows = queries.search_clusters(cursor, spec, paging, min_stories=min_stories)
    return table_response(
        request, fmt, rows, columns=COLUMNS, envelope=envelope(total, paging), filename="clusters"
    )


@router.get("/{cluster_id}", summary="One event cluster with its reports and their spans")
def get_cluster(db: DB, cluster_id: Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$")]) -> dict[str, Any]:
    with db.cursor() as cursor:
        found = queries.cluster_detail(cursor, cluster_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no event cluster {cluster_id!r}")
    return jsonable(found)  # type: ignore[no-any-return]
