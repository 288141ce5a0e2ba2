"""Read stories from files, folders, globs and stdin, detecting the format from content.

1. expand each PATH: a file, a folder (recursively, sorted, hidden and documentation files
   skipped), a glob, or ``-`` for stdin;
2. sniff each stream: gzip by its magic bytes, binary formats by theirs, WARC by ``WARC/``, the
   text encoding by BOM or NUL pattern, JSON Lines by a first non-blank character ``{``, and
   HTML pages and RSS/Atom feeds by their first element (pages.py, warc.py, feeds.py read them);
3. yield a :class:`RawStory` per story or a :class:`Problem` naming the file and line, so nothing
   is dropped silently; story ids are stable across runs and made unique within one.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from .decoding import SNIFF_BYTES, binary_kind, decode_bytes, decode_lenient, detect_encoding, magic_kind
from .errors import Errors
from .jsonl import file_stem, read_jsonl
from .records import Origin, Problem, RawStory
from .settings import Settings
from .wire import parse_date, split_prefix

Item = RawStory | Problem

STDIN = "-"
STDIN_NAME = "<stdin>"
_GZIP_MAGIC = b"\x1f\x8b"
#: bytes looked at to tell the format; a JSON Lines file is recognised within them
SAMPLE_BYTES = 1 << 16
#: bytes read at a time while sampling, so a stream damaged early still yields what came before
SAMPLE_PIECE = 8192
#: bytes of metadata prefix allowed on top of the story itself
PREFIX_BYTES = 4096
#: bytes per character a wire story may take on disk (UTF-8 worst case, UTF-16 pairs)
WIRE_BYTES_PER_CHAR = 4
#: files in a folder that are documentation, not stories (files named on the command line are read)
DOC_PREFIXES = ("readme", "license", "licence", "notice", "changelog")
DOC_SUFFIXES = (".md", ".rst")
_READ_ERRORS = (OSError, EOFError, zlib.error)
#: how a WARC archive starts (after any gzip): the version line of its first record
WARC_MAGIC = b"WARC/"
#: the first element of a markup file: its name tells a page from a feed
_FIRST_ELEMENT = re.compile(r"<(?![?!])([A-Za-z][\w:.-]*)")
_HTML_DOCTYPE = re.compile(r"<!doctype\s+html", re.IGNORECASE)
#: root elements of feeds (RSS 2.0, Atom, RSS 1.0) and of web pages
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
PAGE_ROOTS = frozenset({"html", "head", "body"})


def read_inputs(
    paths: Iterable[str], settings: Settings, *, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Yield every story (or problem) found under ``paths`` in a stable order."""
    seen: dict[str, str] = {}
    for item in _read_all(paths, settings, stdin):
        yield _unique(item, seen) if isinstance(item, RawStory) else item


def _read_all(paths: Iterable[str], settings: Settings, stdin: IO[bytes] | None) -> Iterator[Item]:
    for spec in paths:
        if spec == STDIN:
            yield from read_stream(stdin or sys.stdin.buffer, STDIN_NAME, settings)
            continue
        files = list(expand_path(spec))
        if not files:
            yield _missing(spec)
        for path in files:
            yield from read_file(path, settings)


def _missing(spec: str) -> Problem:
    if glob.has_magic(spec):
        return Problem(None, "E008", Errors.E008.format(pattern=spec), Origin(spec))
    if Path(spec).is_dir():
        return Problem(None, "E008", Errors.E008.format(pattern=spec + "/"), Origin(spec))
    reason = "no such file or folder" if not Path(spec).exists() else "not a regular file"
    return Problem(None, "E001", Errors.E001.format(path=spec, reason=reason), Origin(spec))


def _unique(story: RawStory, seen: dict[str, str]) -> RawStory:
    """Two different stories with one id (``a/x.txt``, ``b/x.txt``): the later gets a content suffix.

    The store keeps one story per id, so a clash would lose the second; the same story read
    twice keeps its id and is stored once.
    """
    digest = hashlib.sha1(story.text.encode("utf-8", "replace")).hexdigest()
    known = seen.setdefault(story.id, digest)
    if known == digest:
        return story
    new_id = f"{story.id}~{digest[:8]}"
    seen.setdefault(new_id, digest)
    return replace(story, id=new_id, origin=replace(story.origin, record=new_id))


def expand_path(spec: str) -> Iterator[Path]:
    """A file, every story file under a folder (recursively, sorted), or a glob's matches."""
    path = Path(spec)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield path
    elif glob.has_magic(spec):
        for match in sorted(glob.glob(spec, recursive=True)):  # noqa: PTH207 - Path.glob takes no absolute patterns
            found = Path(match)
            if found.is_dir():
                yield from _walk(found)
            elif found.is_file():
                yield found


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not _skipped_in_folder(name):
                yield Path(root) / name


def _skipped_in_folder(name: str) -> bool:
    lower = name.lower()
    return lower.startswith((".", *DOC_PREFIXES)) or lower.endswith(DOC_SUFFIXES)


def read_file(path: Path, settings: Settings) -> Iterator[Item]:
    """Read one file of wire text or JSON Lines (plain or gzipped)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield Problem(None, "E001", Errors.E001.format(path=path, reason=reason), Origin(str(path)))
        return
    with handle:
        yield from read_stream(handle, str(path), settings)


def read_stream(raw: IO[bytes], name: str, settings: Settings) -> Iterator[Item]:
    """Read one byte stream, whatever its format; never raises on bad content."""
    origin = Origin(name)
    head = _read_safely(raw, 2)
    if head is None:
        yield _unreadable(name, "read error")
        return
    source: IO[bytes] = _Rewound(head, raw)  # type: ignore[assignment]
    compressed = head == _GZIP_MAGIC
    if compressed:
        source = gzip.GzipFile(fileobj=source, mode="rb")  # type: ignore[assignment]
    try:
        sample = _read_up_to(source, SAMPLE_BYTES)
    except _PartialRead as partial:
        # a short damaged file (a small WARC or JSONL cut in half): read what came before the
        # damage, and let the format's reader meet the error where its records end
        sample, source = partial.data, _Broken(partial.error)  # type: ignore[assignment]
    except _READ_ERRORS as exc:
        yield _damaged(name, exc, compressed=compressed)
        return
    stream = io.BufferedReader(_Rewound(sample, source), buffer_size=SAMPLE_BYTES)
    yield from _dispatch(stream, sample, origin, settings, compressed=compressed, raw=raw)


def _dispatch(
    stream: IO[bytes], sample: bytes, origin: Origin, settings: Settings, *, compressed: bool, raw: IO[bytes]
) -> Iterator[Item]:
    name = origin.path
    encoding = detect_encoding(sample)
    kind = _format_of(sample, encoding)
    if kind == "jsonl":
        yield from _read_jsonl(stream, origin, settings, encoding=encoding, compressed=compressed)
    elif kind == "wire":
        size = None if compressed else _size_of(raw)
        yield from _read_wire(stream, origin, settings, size=size, compressed=compressed)
    elif kind in ("html", "feed", "warc"):
        size = None if compressed else _size_of(raw)
        yield from _read_markup(kind, stream, origin, settings, size=size, compressed=compressed)
    elif kind == "empty":
        yield Problem(file_stem(name), "E002", Errors.E002.format(path=name), origin)
    elif kind == "undecodable":
        yield Problem(file_stem(name), "E003", Errors.E003.format(path=name), origin)
    else:
        yield Problem(file_stem(name), "E016", Errors.E016.format(path=name, kind=kind), origin)


def _format_of(sample: bytes, encoding: str) -> str:
    """``jsonl``, ``wire``, ``empty``, ``undecodable`` or the name of a binary format."""
    kind = magic_kind(sample)
    if kind is not None:
        return kind
    if sample.startswith(WARC_MAGIC):
        return "warc"
    head = decode_lenient(sample[:SNIFF_BYTES], encoding).lstrip("\ufeff \t\r\n\f\v")
    if not head:
        return "empty"
    # JSON Lines before the binary check: one bad line (even with NUL bytes) must not sink the rest
    if head.startswith("{"):
        return "jsonl"
    kind = binary_kind(sample)
    if kind is not None:
        return kind
    if head.startswith("<"):
        kind = markup_kind(head)
        if kind is not None:
            return kind
    return "wire" if decode_bytes(sample[:SNIFF_BYTES], encoding) is not None else "undecodable"


def markup_kind(head: str) -> str | None:
    """``feed`` or ``html`` from a markup file's first element (past any XML declaration,
    doctype or comment); ``None`` for other markup, which is read as wire text."""
    found = _FIRST_ELEMENT.search(head)
    root = found.group(1).lower() if found else ""
    if root in FEED_ROOTS:
        return "feed"
    if root in PAGE_ROOTS or _HTML_DOCTYPE.match(head):
        return "html"
    return None


def _read_markup(
    kind: str, stream: IO[bytes], origin: Origin, settings: Settings, *, size: int | None, compressed: bool
) -> Iterator[Item]:
    """A web page, a feed or a WARC archive: each read by its own module.

    Those modules are imported here, on the first such input: their parsers (lxml, trafilatura,
    feedparser, warcio) cost start-up time that plain text and JSONL runs never need.
    """
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(stream, origin, settings)
    elif kind == "feed":
        from .feeds import read_feed

        yield from read_feed(stream, origin, settings)
    else:
        yield _read_page(stream, origin, settings, size=size, compressed=compressed)


def _read_page(
    stream: IO[bytes], origin: Origin, settings: Settings, *, size: int | None, compressed: bool
) -> Item:
    """A saved page: refused by its size before reading when the file system tells it."""
    name = origin.path
    limit = settings.max_page_bytes
    if size is not None and size > limit:
        return Problem(file_stem(name), "E042", Errors.E042.format(path=name, size=size, limit=limit), origin)
    try:
        data = stream.read(limit + 1)
    except _READ_ERRORS as exc:
        return _damaged(name, exc, compressed=compressed)
    story_id = _page_id(name, data)
    from .pages import PageSource, page_story  # lazily: see _read_markup

    return page_story(data, PageSource(story_id, Origin(name, record=story_id)), settings)


def _page_id(name: str, data: bytes) -> str:
    """The file stem (``.html``/``.htm`` removed); for stdin a hash of the page."""
    if name != STDIN_NAME:
        return file_stem(name)
    return "stdin-" + hashlib.sha1(data).hexdigest()[:12]


def _read_jsonl(
    stream: IO[bytes], origin: Origin, settings: Settings, *, encoding: str, compressed: bool
) -> Iterator[Item]:
    last_line = 0
    try:
        for item in read_jsonl(stream, origin.path, settings, encoding=encoding):
            last_line = item.origin.line or last_line
            yield item
    except _READ_ERRORS as exc:
        damaged = _damaged(origin.path, exc, compressed=compressed)
        yield replace(damaged, origin=Origin(origin.path, line=last_line + 1))


def _read_wire(
    stream: IO[bytes], origin: Origin, settings: Settings, *, size: int | None, compressed: bool
) -> Iterator[Item]:
    """A wire file is one story: refuse a huge one before reading it rather than after."""
    name = origin.path
    limit = min(settings.max_wire_file_bytes, settings.max_story_chars * WIRE_BYTES_PER_CHAR + PREFIX_BYTES)
    if size is not None and size > limit:
        yield Problem(file_stem(name), "E017", Errors.E017.format(path=name, size=size, limit=limit), origin)
        return
    try:
        data = stream.read(limit + 1)
    except _READ_ERRORS as exc:
        yield _damaged(name, exc, compressed=compressed)
        return
    if len(data) > limit:
        size_text = f"more than {limit}"
        yield Problem(
            file_stem(name), "E017", Errors.E017.format(path=name, size=size_text, limit=limit), origin
        )
        return
    content = decode_bytes(data)
    if content is None:
        yield Problem(file_stem(name), "E003", Errors.E003.format(path=name), origin)
        return
    yield from wire_story(content, story_id=_wire_id(name, content), origin=origin, settings=settings)


def _wire_id(name: str, content: str) -> str:
    """The file stem; for stdin a hash of the content, so re-running gives the same id."""
    if name != STDIN_NAME:
        return file_stem(name)
    return "stdin-" + hashlib.sha1(content.encode("utf-8", "replace")).hexdigest()[:12]


def wire_story(content: str, *, story_id: str, origin: Origin, settings: Settings) -> Iterator[Item]:
    """One wire-text story: split off the metadata prefix, keep the body unchanged."""
    content = content.removeprefix("\ufeff")
    prefix = split_prefix(content)
    body = content[prefix.body_start :]
    story_id = prefix.fields.get("id", story_id)
    origin = Origin(origin.path, origin.line, story_id)
    if not body.strip():
        yield Problem(story_id, "E002", Errors.E002.format(path=origin.path), origin)
        return
    if len(body) > settings.max_story_chars:
        message = Errors.E007.format(limit=settings.max_story_chars, size=len(body))
        yield Problem(story_id, "E007", message, origin)
        return
    published = parse_date(prefix.date_text) if prefix.date_text else None
    if prefix.date_text and published is None:
        yield Problem(
            story_id, "E006", Errors.E006.format(value=prefix.date_text), origin, severity="warning"
        )
    yield RawStory(
        id=story_id,
        text=body,
        origin=origin,
        published=published,
        title=prefix.fields.get("title"),
        url=prefix.fields.get("url"),
        source=prefix.fields.get("source"),
    )


def _size_of(raw: IO[bytes]) -> int | None:
    """The size of a regular file; ``None`` for pipes and stdin."""
    try:
        stat = os.fstat(raw.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None
    return stat.st_size if stat.st_size > 0 else None


def _read_up_to(source: IO[bytes], size: int) -> bytes:
    """Read ``size`` bytes or to the end, looping over the short reads raw streams may give.

    Read in pieces, so a damaged stream gives up what came before the damage
    (:class:`_PartialRead`) rather than losing the whole sample.
    """
    chunks: list[bytes] = []
    wanted = size
    # read1: one decompression step a call (GzipFile.read would lose a call's data on an error)
    read = getattr(source, "read1", source.read)
    while wanted > 0:
        try:
            chunk = read(min(wanted, SAMPLE_PIECE))
        except _READ_ERRORS as exc:
            if not chunks:
                raise
            raise _PartialRead(b"".join(chunks), exc) from exc
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


class _PartialRead(Exception):
    """The bytes read before a stream broke, and how it broke."""

    def __init__(self, data: bytes, error: BaseException) -> None:
        super().__init__(str(error))
        self.data = data
        self.error = error


class _Broken(io.RawIOBase):
    """A stream that fails as the original failed, where that original broke."""

    def __init__(self, error: BaseException) -> None:
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise self._error


def _read_safely(raw: IO[bytes], size: int) -> bytes | None:
    try:
        return raw.read(size) or b""
    except OSError:
        return None


def _damaged(name: str, exc: BaseException, *, compressed: bool) -> Problem:
    reason = str(exc) or type(exc).__name__
    if compressed:
        return Problem(file_stem(name), "E015", Errors.E015.format(path=name, reason=reason), Origin(name))
    return _unreadable(name, reason)


def _unreadable(name: str, reason: str) -> Problem:
    return Problem(file_stem(name), "E001", Errors.E001.format(path=name, reason=reason), Origin(name))


class _Rewound(io.RawIOBase):
    """A byte stream with some already-read bytes put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(view), len(self._head))
            view[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        chunk = self._rest.read(len(view))
        if not chunk:
            return 0
        view[: len(chunk)] = chunk
        return len(chunk)
