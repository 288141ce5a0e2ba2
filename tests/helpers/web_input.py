"""Shared helpers for the web-input tests: the fixture pages, a WARC builder and a local web site.

The site is a real ``http.server`` on 127.0.0.1 (a free port), serving pages from a dict the test
can change while it runs; it answers conditional requests with 304 and counts what it was asked.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
PAGES = WEB / "pages"
FEEDS = WEB / "feeds"


def expected_pages() -> dict[str, dict[str, Any]]:
    """What each fixture page holds: its body paragraphs and the boilerplate around them."""
    data: dict[str, dict[str, Any]] = json.loads((WEB / "expected.json").read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class WarcEntry:
    """One record to write: a response (status, content type, body) or another record type."""

    uri: str
    body: bytes = b""
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    kind: str = "response"
    extra_http: tuple[tuple[str, str], ...] = ()
    warc_headers: dict[str, str] = field(default_factory=dict)


def build_warc(entries: list[WarcEntry], *, gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for entry in entries:
        headers = {"WARC-Date": "2024-03-05T10:00:00Z", **entry.warc_headers}
        if entry.kind == "response":
            http = StatusAndHeaders(
                entry.status,
                [("Content-Type", entry.content_type), *entry.extra_http],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                entry.uri,
                "response",
                payload=io.BytesIO(entry.body),
                http_headers=http,
                warc_headers_dict=headers,
            )
        else:
            record = writer.create_warc_record(
                entry.uri, entry.kind, payload=io.BytesIO(entry.body), warc_headers_dict=headers
            )
        writer.write_record(record)
    return buffer.getvalue()


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed of ``items`` (keys: title, link, guid, date, text; text may be empty)."""
    parts = [
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(title)}</title>"
    ]
    for item in items:
        description = f"<description>{escape(item['text'])}</description>" if item.get("text") else ""
        parts.append(
            f"<item><title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>"
            f"<guid>{escape(item['guid'])}</guid><pubDate>{item['date']}</pubDate>{description}</item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


@dataclass
class Resource:
    body: bytes
    content_type: str = "application/rss+xml"
    status: int = 200


@dataclass
class LocalSite:
    """What the server serves (path -> resource) and what it was asked."""

    resources: dict[str, Resource] = field(default_factory=dict)
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    not_modified: int = 0
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def asked(self, path: str) -> int:
        with self.lock:
            return sum(1 for asked, _ in self.requests if asked == path)


def _handler(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, self.headers.get("If-None-Match")))
                resource = site.resources.get(self.path)
            if resource is None:
                self.send_error(404)
                return
            etag = '"' + hashlib.sha1(resource.body).hexdigest() + '"'
            if resource.status == 200 and self.headers.get("If-None-Match") == etag:
                with site.lock:
                    site.not_modified += 1
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(resource.status)
            self.send_header("Content-Type", resource.content_type)
            self.send_header("Content-Length", str(len(resource.body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(resource.body)

        def log_message(self, format: str, *args: Any) -> None:
            return None

    return Handler


@contextmanager
def local_site(resources: dict[str, Resource] | None = None) -> Iterator[LocalSite]:
    """Serve ``resources`` on 127.0.0.1 until the block ends."""
    site = LocalSite(resources=dict(resources or {}))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
