"""Quotes, by speaker (actor code or name) and by the words they contain."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from .. import queries
from ..tables import table_response
from .common import DB, FormatParam, PageParam, SearchText, StoryId, envelope

router = APIRouter(prefix="/api/quotes", tags=["quotes"])

COLUMNS = (
    "story_id", "seq", "published", "kind", "speaker_name", "speaker_actor", "speaker_mention_text",
    "cue_text", "start_char", "end_char", "text",
)  # fmt: skip


@router.get("", summary="Search quotes by speaker and text")
def list_quotes(
    request: Request,
    db: DB,
    paging: PageParam,
    fmt: FormatParam = None,
    speaker: Annotated[str | None, Query(min_length=1, max_length=100, description="code or name")] = None,
    q: SearchText = None,
    kind: Annotated[Literal["direct", "indirect"] | None, Query()] = None,
    story: StoryId = None,
) -> Response:
    spec = queries.QuoteFilter(speaker=speaker, text=q, kind=kind, story=story)
    with db.cursor() as cursor:
        total, rows = queries.search_quotes(cursor, spec, paging)
    return table_response(
        request, fmt, rows, columns=COLUMNS, envelope=envelope(total, paging), filename="quotes"
    )
