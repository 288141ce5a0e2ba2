"""``dateline serve``: a read API, a submit endpoint and a web page over a DuckDB store."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
