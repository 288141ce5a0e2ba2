"""The web page: one HTML shell whose script (static/app.js) draws every view from the API."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter(include_in_schema=False)

#: the page's files, shipped inside the package so it works with no internet
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


@router.get("/")
def index() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")
