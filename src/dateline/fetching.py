"""Polite HTTP fetching for ``dateline watch``: conditional requests, per-host delays, timeouts.

1. every request carries ``If-None-Match`` / ``If-Modified-Since`` when an earlier answer gave an
   ``ETag`` / ``Last-Modified``, so an unchanged feed costs one ``304 Not Modified``;
2. requests to one host are spaced at least ``host_delay`` seconds apart (the fetcher sleeps
   through its injected ``sleep``), and each has a timeout;
3. a body is read up to ``max_bytes`` and refused beyond it, so a huge or endless answer cannot
   exhaust memory;
4. a failure is a value (:class:`FetchFailure`) with a reason a person can read; nothing raises.

Local files are sources too (``dateline watch feed.xml``): their modification time and size
stand in for an ``ETag``, so an unchanged file is not parsed again.
"""

from __future__ import annotations

import email.utils
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__

#: identifies the client to the sites it reads, with where to learn what it is
USER_AGENT = f"dateline/{__version__} (news event extractor; polite feed reader)"
#: what the fetcher asks for: feeds and pages
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
#: statuses a server uses to say "not changed since your copy"
NOT_MODIFIED = 304
#: statuses that say the resource is not there and will not come back
GONE = frozenset({404, 410})
#: bytes read at a time from a response
READ_CHUNK = 1 << 16

Clock = Callable[[], float]
Sleep = Callable[[float], object]


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said about its copy, to ask next time whether it changed."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful answer: the body, or ``body=None`` when the source did not change."""

    location: str
    body: bytes | None
    validators: Validators
    content_type: str | None = None
    #: the final URL after redirects (the same as ``location`` when there were none)
    final_url: str | None = None


@dataclass(frozen=True, slots=True)
class FetchFailure:
    """A fetch that gave no usable answer, with the reason."""

    location: str
    reason: str
    #: asking again will not help (gone, or too large): a page is skipped for good, not retried
    permanent: bool = False


@dataclass
class Fetcher:
    """One politeness state per watch: when each host was last asked (never shared globally)."""

    timeout: float = 20.0
    host_delay: float = 2.0
    max_bytes: int = 10_000_000
    clock: Clock = time.monotonic
    sleep: Sleep = time.sleep
    _last_request: dict[str, float] = field(default_factory=dict)

    def fetch(self, location: str, validators: Validators | None = None) -> Fetched | FetchFailure:
        """Fetch a URL or read a file, conditionally when ``validators`` are given."""
        if not is_url(location):
            return _read_file(location, validators or Validators(), self.max_bytes)
        self._wait_for_host(urlsplit(location).hostname or "")
        return self._get(location, validators or Validators())

    def _wait_for_host(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.host_delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _get(self, url: str, validators: Validators) -> Fetched | FetchFailure:
        request = urllib.request.Request(url, headers=_headers(validators))
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = _read_limited(response, self.max_bytes)
                if body is None:
                    return FetchFailure(
                        url, f"the answer is larger than {self.max_bytes} bytes", permanent=True
                    )
                return Fetched(
                    url,
                    body,
                    Validators(response.headers.get("ETag"), response.headers.get("Last-Modified")),
                    response.headers.get("Content-Type"),
                    response.geturl(),
                )
        except urllib.error.HTTPError as exc:
            if exc.code == NOT_MODIFIED:
                return Fetched(url, None, validators, final_url=url)
            return FetchFailure(url, f"HTTP status {exc.code} {exc.reason}", permanent=exc.code in GONE)
        except urllib.error.URLError as exc:
            return FetchFailure(url, f"network error: {exc.reason}")
        except TimeoutError:
            return FetchFailure(url, f"no answer within {self.timeout:g} s")
        except (OSError, ValueError) as exc:
            return FetchFailure(url, f"{type(exc).__name__}: {exc}")


def is_url(location: str) -> bool:
    return urlsplit(location).scheme in ("http", "https")


def _headers(validators: Validators) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def _read_limited(response: urllib.response.addinfourl, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(READ_CHUNK):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _read_file(location: str, validators: Validators, limit: int) -> Fetched | FetchFailure:
    """A local source: its stat is its ETag, so an unchanged file reads as 'not modified'."""
    path = Path(location)
    try:
        stat = path.stat()
        stamp = f'"{stat.st_size}-{stat.st_mtime_ns}"'
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if validators.etag == stamp:
            return Fetched(location, None, validators, final_url=location)
        if stat.st_size > limit:
            return FetchFailure(location, f"the file is larger than {limit} bytes")
        body = path.read_bytes()
    except OSError as exc:
        return FetchFailure(location, exc.strerror or str(exc))
    return Fetched(location, body, Validators(stamp, modified), final_url=os.fspath(path))
