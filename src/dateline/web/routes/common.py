"""Parameters and helpers every read route shares: paging, formats, codes, dates, the store."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError

from ..database import Database
from ..queries import Page
from ..tables import Format

#: rows per page unless asked otherwise, and the most a client may ask for
DEFAULT_PAGE = 50
MAX_PAGE = 200
#: deepest offset served: past it, narrow the filter instead of paging on
MAX_OFFSET = 100_000
#: longest free-text search accepted
MAX_SEARCH = 200
#: CAMEO-style actor code, or a three-letter country code (``---`` is an unknown country)
ACTOR_CODE = r"^[A-Za-z0-9-]{3,32}$"
COUNTRY_CODE = r"^[A-Za-z-]{3}$"


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


DB = Annotated[Database, Depends(get_db)]
FormatParam = Annotated[
    Format | None, Query(alias="format", description="json (default) or csv; or send Accept: text/csv")
]
SearchText = Annotated[str | None, Query(min_length=1, max_length=MAX_SEARCH)]
DateFrom = Annotated[dt.date | None, Query(description="first day included (YYYY-MM-DD)")]
DateTo = Annotated[dt.date | None, Query(description="last day included (YYYY-MM-DD)")]
ActorCode = Annotated[str | None, Query(pattern=ACTOR_CODE, description="actor code such as CHNGOV")]
CountryCode = Annotated[str | None, Query(pattern=COUNTRY_CODE, description="ISO alpha-3 code such as CHN")]
StoryId = Annotated[str | None, Query(min_length=1, max_length=300, description="only this story")]


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows per page")] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


PageParam = Annotated[Page, Depends(page)]


def check_range(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        invalid("date_to", f"date_to ({date_to}) is before date_from ({date_from})")


def invalid(name: str, message: str) -> None:
    """Refuse a request the way FastAPI refuses a malformed parameter: 422 naming it."""
    raise RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message}])


def upper(value: str | None) -> str | None:
    return value.upper() if value else None


def envelope(total: int, paging: Page, **extra: Any) -> dict[str, Any]:
    return {"total": total, "limit": paging.limit, "offset": paging.offset, **extra}


#: timelines and the network count each real-world event once unless asked for raw reports
CountMode = Annotated[
    Literal["clusters", "reports"],
    Query(description="clusters: each real-world event once (default); reports: every story's report"),
]
