"""``dateline serve``: a read API, a submit endpoint and a web page over a DuckDB store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # the app (FastAPI, DuckDB) is imported on first use: `dateline process` builds its command
    # line through dateline.web.cli and must not pay for a server it does not start
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
