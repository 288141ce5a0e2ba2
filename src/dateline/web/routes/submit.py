"""Submit stories: off unless the server was started with ``--token``, then only with it."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from ..ingest import MAX_STORIES, TooManyStories, as_input_bytes, ingest
from .common import get_db

router = APIRouter(prefix="/api/stories", tags=["submit"])

#: largest request body accepted, in bytes
MAX_BODY_BYTES = 5_000_000


def require_token(request: Request) -> None:
    expected: str | None = request.app.state.token
    if expected is None:
        raise HTTPException(403, "submitting is disabled: start `dateline serve` with --token to enable it")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest: the time taken must not tell how much of a guessed token was right
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(
            401,
            "send the server's token as 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def read_body(request: Request) -> bytes:
    """The body, refused with 413 as soon as it passes the limit (never buffered beyond it)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large() -> HTTPException:
    return HTTPException(413, f"request body larger than {MAX_BODY_BYTES} bytes; split it up")


@router.post(
    "",
    summary="Process and store stories (wire text or JSON Lines, as `dateline process` reads)",
    dependencies=[Depends(require_token)],
    openapi_extra={
        "requestBody": {
            "description": f"wire text, JSON Lines, a JSON story object or a list of up to {MAX_STORIES}",
            "content": {
                "text/plain": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    },
)
async def submit(
    request: Request,
    name: Annotated[
        str | None,
        Query(
            pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$",
            description="file name; a wire story's id is its stem",
        ),
    ] = None,
) -> JSONResponse:
    body = await read_body(request)
    if not body.strip():
        raise HTTPException(422, "the request body is empty: send a story")
    data = as_input_bytes(body, request.headers.get("content-type", ""))
    db = get_db(request)
    try:
        outcome = await run_in_threadpool(ingest, data, name=name, db=db, holder=request.app.state.pipeline)
    except TooManyStories as exc:
        raise HTTPException(413, str(exc)) from exc
    payload: dict[str, Any] = outcome.to_json()
    return JSONResponse(payload, status_code=200 if outcome.results else 422)
