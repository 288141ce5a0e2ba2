"""``dateline serve``: parse the options and hand them to uvicorn; no logic lives here."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

#: hosts that only this machine can reach
LOOPBACK = ("127.0.0.1", "localhost", "::1")
TOKEN_ENV = "DATELINE_TOKEN"


def add_serve_command(commands: Any) -> None:
    """Add ``serve`` to the ``dateline`` sub-command parsers."""
    serve = commands.add_parser("serve", help="serve a DuckDB store: query API and web page")
    serve.add_argument("--db", type=Path, required=True, help="the DuckDB file to serve")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--token",
        help=f"enable POST /api/stories for clients sending this bearer token (or set ${TOKEN_ENV})",
    )
    serve.set_defaults(handler=serve_command)


def serve_command(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    token = args.token or os.environ.get(TOKEN_ENV) or None
    hosts = [*LOOPBACK, "[::1]"] if args.host in LOOPBACK else None
    app = create_app(args.db, token=token, allowed_hosts=hosts)
    if args.host not in LOOPBACK:
        print(f"dateline: serving on {args.host}, reachable from other machines", file=sys.stderr)
    mode = "submitting enabled (token required)" if token else "read-only"
    print(
        f"dateline: serving {args.db} at http://{_url_host(args.host)}:{args.port}/ ({mode})", file=sys.stderr
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
