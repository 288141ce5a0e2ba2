"""WARC archives (a crawl, Common Crawl's CC-NEWS): each HTML page fetched with status 200 is a story.

1. records are read one at a time from the (already decompressed) stream, so memory stays
   constant whatever the archive's size: a record's payload is read up to
   ``Settings.max_page_bytes`` and the rest is skipped without being kept;
2. a ``response`` record becomes a story when its HTTP status is 200, its content type is HTML,
   and it is complete; otherwise it is skipped with a warning (``E040``) naming the record number
   and its target URI, and counted. Requests, ``warcinfo`` and metadata records are not pages and
   are only counted;
3. the story's ``url`` is the record's ``WARC-Target-URI`` (its id comes from it, so the same URL
   keeps one id across crawls) and ``metadata.fetched`` is its ``WARC-Date``; the published date
   is the page's own, when it states one;
4. an archive cut off or corrupt in the middle ends with ``E041`` after the last good record, and
   every archive ends with one ``E048`` warning counting what was kept and skipped.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from .errors import Errors
from .jsonl import file_stem
from .pages import PageSource, page_story, url_story_id
from .records import Origin, Problem, RawStory
from .settings import Settings

Item = RawStory | Problem

#: content types taken as web pages (the part before any ``;``)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: the one HTTP status whose body is the page itself
OK_STATUS = "200"
#: bytes read at a time when a record's rest is drained
DRAIN_BYTES = 1 << 16
_DAMAGE = (EOFError, zlib.error, OSError, ArchiveLoadFailed, ValueError)


class _Guarded:
    """A byte stream that ends where its source breaks, remembering why.

    warcio takes an ``EOFError`` from its source as a clean end of the archive, so a gzip file
    cut in half would look complete; this wrapper records the damage so it can be reported.
    """

    def __init__(self, source: IO[bytes]) -> None:
        self._source = source
        # one underlying read a call: a buffered read that fails part-way loses all it had read
        self._read = getattr(source, "read1", source.read)
        self.damage: str | None = None

    def read(self, size: int = -1) -> bytes:
        if self.damage is not None:
            return b""
        try:
            return bytes(self._read(size))
        except _DAMAGE as exc:
            self.damage = str(exc) or type(exc).__name__
            return b""

    def readline(self, size: int = -1) -> bytes:
        if self.damage is not None:
            return b""
        try:
            return self._source.readline(size)
        except _DAMAGE as exc:
            self.damage = str(exc) or type(exc).__name__
            return b""


def read_warc(stream: IO[bytes], origin: Origin, settings: Settings) -> Iterator[Item]:
    """A story or a problem for every response record of one WARC archive, in archive order."""
    guarded = _Guarded(stream)
    counts: Counter[str] = Counter()
    number = 0
    try:
        for record in ArchiveIterator(guarded):
            number += 1
            yield from _record_items(record, number, origin, settings, counts)
    except _DAMAGE as exc:
        guarded.damage = guarded.damage or str(exc) or type(exc).__name__
    if guarded.damage is not None:
        message = Errors.E041.format(path=origin.path, record=number, reason=guarded.damage)
        yield Problem(file_stem(origin.path), "E041", message, Origin(origin.path, record=str(number + 1)))
    yield _summary(origin, number, counts)


def _record_items(
    record: ArcWarcRecord, number: int, origin: Origin, settings: Settings, counts: Counter[str]
) -> Iterator[Item]:
    if record.rec_type != "response":
        counts[f"{record.rec_type} records"] += 1
        return
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = Origin(origin.path, record=str(number))
    reason = _unwanted(record, settings)
    payload = b""
    if reason is None:
        payload = _read_limited(record, settings.max_page_bytes + 1)
        reason = _incomplete(record, payload, settings)
    if reason is not None:
        counts[reason.split(" (")[0]] += 1
        message = Errors.E040.format(record=number, uri=uri, reason=reason)
        yield Problem(url_story_id(uri) if uri else None, "E040", message, where, severity="warning")
        return
    source = PageSource(
        story_id=url_story_id(uri),
        origin=where,
        url=uri or None,
        fetched=record.rec_headers.get_header("WARC-Date"),
        kind="warc",
        extra={"warc_record": number, "warc_record_id": record.rec_headers.get_header("WARC-Record-ID")},
    )
    item = page_story(payload, source, settings)
    counts["pages kept" if isinstance(item, RawStory) else "pages without article text"] += 1
    yield item


def _unwanted(record: ArcWarcRecord, settings: Settings) -> str | None:
    """Why a response record is not a page to read, judged from its headers alone."""
    if record.rec_headers.get_header("WARC-Truncated"):
        return f"truncated ({record.rec_headers.get_header('WARC-Truncated')})"
    headers = record.http_headers
    if headers is None:
        return "not HTTP (no status line)"
    status = headers.get_statuscode()
    if status != OK_STATUS:
        location = headers.get_header("Location")
        return f"HTTP status {status}" + (f" (redirect to {location})" if location else "")
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return f"not HTML ({content_type or 'no content type'})"
    if record.length is not None and record.length > settings.max_page_bytes * 2:
        return f"too large ({record.length} bytes)"
    return None


def _incomplete(record: ArcWarcRecord, payload: bytes, settings: Settings) -> str | None:
    """Why a record whose payload was read is still not a page: cut short, or too large."""
    _drain(record)
    if getattr(record.raw_stream, "limit", 0) > 0:
        return f"truncated (the archive ends {record.raw_stream.limit} bytes into the record's body)"
    if len(payload) > settings.max_page_bytes:
        return f"too large (more than {settings.max_page_bytes} bytes)"
    return None


def _read_limited(record: ArcWarcRecord, limit: int) -> bytes:
    """At most ``limit`` bytes of the decoded payload (chunked and gzip transfer undone)."""
    stream: Any = record.content_stream()
    chunks: list[bytes] = []
    wanted = limit
    while wanted > 0:
        chunk = stream.read(min(wanted, DRAIN_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def _drain(record: ArcWarcRecord) -> None:
    """Read what is left of the record's raw body, so its remaining length tells if it was cut."""
    while record.raw_stream.read(DRAIN_BYTES):
        pass


def _summary(origin: Origin, records: int, counts: Counter[str]) -> Problem:
    kept = counts.pop("pages kept", 0)
    skipped = ", ".join(f"{count} {reason}" for reason, count in sorted(counts.items())) or "none"
    message = Errors.E048.format(records=records, stories=kept, skipped=skipped)
    return Problem(None, "E048", message, Origin(origin.path), severity="warning")
