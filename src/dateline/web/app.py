"""The app factory behind ``dateline serve``: API routes, the page, and the security headers.

Layers, as in datasette: CLI (cli.py) -> app (here) -> routes/ (one module per resource) ->
queries.py (all SQL, values bound) -> database.py (the one DuckDB connection and writer).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..pipeline import Pipeline
from ..settings import Settings
from .database import Database
from .ingest import PipelineHolder, default_factory
from .routes import ROUTERS
from .routes.pages import STATIC_DIR
from .routes.submit import MAX_BODY_BYTES

#: only the app's own files may run or style the page; data can never smuggle in a script
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
DESCRIPTION = (
    "Stories, entities, actors, quotes and CAMEO/PLOVER events from a Dateline DuckDB store. "
    "Every offset is a Python str index into the story's `text`. Tables answer as JSON or, "
    "with `?format=csv` or `Accept: text/csv`, as CSV."
)


def create_app(
    db_path: Path,
    *,
    token: str | None = None,
    settings: Settings | None = None,
    pipeline_factory: Callable[[], Pipeline] | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The app over one store; writable (and submitting enabled) only when ``token`` is set."""
    database = Database(db_path, writable=token is not None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="Dateline",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # Swagger UI would load from a CDN; /openapi.json describes the API
        redoc_url=None,
    )
    app.state.db = database
    app.state.token = token or None
    app.state.pipeline = PipelineHolder(pipeline_factory or default_factory(settings or Settings()))
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.middleware("http")(_guard)
    if allowed_hosts:
        # refuses DNS-rebinding pages that reach a loopback server under another name
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


async def _guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Refuse oversized bodies up front and add the security headers to every answer."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        response: Response = JSONResponse(
            {"detail": f"request body larger than {MAX_BODY_BYTES} bytes"}, status_code=413
        )
    else:
        response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with FastAPI's details plus one readable sentence naming each bad parameter."""
    errors = exc.errors()
    parts = [f"{'.'.join(str(p) for p in error['loc'][1:]) or 'body'}: {error['msg']}" for error in errors]
    message = "invalid request: " + "; ".join(parts)
    return JSONResponse({"message": message, "detail": jsonable_encoder(errors)}, status_code=422)
