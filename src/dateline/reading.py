"""Read stories from files, folders, globs and stdin, detecting the format from content.

Every input record comes out either as a :class:`RawStory` or as a
:class:`Problem` naming the file and line; nothing is dropped silently.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .decoding import decode_bytes, looks_binary
from .errors import Errors
from .records import Origin, Problem, RawStory
from .settings import Settings
from .wire import parse_date, split_prefix

Item = RawStory | Problem

_JSON_KEYS = ("id", "date", "title", "url", "source", "text")
_GZIP_MAGIC = b"\x1f\x8b"


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Yield every story (or problem) found under ``paths`` in a stable order."""
    for spec in paths:
        if spec == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", settings)
            continue
        files = list(expand_path(spec))
        if not files:
            yield Problem(None, "E008", Errors.E008.format(pattern=spec), Origin(spec))
        for path in files:
            yield from read_file(path, settings)


def expand_path(spec: str) -> Iterator[Path]:
    """A file, every file under a folder (recursively, sorted), or a glob's matches."""
    path = Path(spec)
    if path.is_dir():
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    yield Path(root) / name
    elif path.exists():
        yield path
    elif glob.has_magic(spec):
        for match in sorted(glob.glob(spec, recursive=True)):
            if Path(match).is_file():
                yield Path(match)


def read_file(path: Path, settings: Settings) -> Iterator[Item]:
    """Read one file of wire text or JSON Lines (plain or gzipped)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(None, "E001", Errors.E001.format(path=path, reason=exc.strerror), Origin(str(path)))
        return
    with handle:
        yield from _read_stream(handle, str(path), settings)


def _read_stream(raw: IO[bytes], name: str, settings: Settings) -> Iterator[Item]:
    head = raw.read(2)
    stream: IO[bytes] = _Rewound(head, raw)
    if head == _GZIP_MAGIC:
        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    try:
        sample = stream.read(65536)
    except (OSError, EOFError) as exc:
        yield Problem(None, "E001", Errors.E001.format(path=name, reason=str(exc)), Origin(name))
        return
    stream = _Rewound(sample, stream)
    if not sample.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        yield Problem(None, "E002", Errors.E002.format(path=name), Origin(name))
        return
    if _looks_jsonl(sample):
        yield from _read_jsonl(stream, name, settings)
    else:
        yield from _read_wire(stream, name, settings)


def _looks_jsonl(sample: bytes) -> bool:
    text = decode_bytes(sample[:4096]) or ""
    return text.lstrip("\ufeff \t\r\n").startswith("{")


def _read_wire(stream: IO[bytes], name: str, settings: Settings) -> Iterator[Item]:
    origin = Origin(name)
    data = stream.read(settings.max_wire_file_bytes + 1)
    if len(data) > settings.max_wire_file_bytes:
        message = Errors.E007.format(limit=settings.max_wire_file_bytes, size="more")
        yield Problem(_stem(name), "E007", message, origin)
        return
    if looks_binary(data):
        yield Problem(_stem(name), "E003", Errors.E003.format(path=name), origin)
        return
    content = decode_bytes(data)
    if content is None:
        yield Problem(_stem(name), "E003", Errors.E003.format(path=name), origin)
        return
    yield from wire_story(content, story_id=_stem(name), origin=origin, settings=settings)


def wire_story(content: str, *, story_id: str, origin: Origin, settings: Settings) -> Iterator[Item]:
    """One wire-text story: split off the metadata prefix, keep the body unchanged."""
    content = content.lstrip("\ufeff")
    prefix = split_prefix(content)
    body = content[prefix.body_start :]
    if not body.strip():
        yield Problem(story_id, "E002", Errors.E002.format(path=origin.path), origin)
        return
    if len(body) > settings.max_story_chars:
        message = Errors.E007.format(limit=settings.max_story_chars, size=len(body))
        yield Problem(story_id, "E007", message, origin)
        return
    published = parse_date(prefix.date_text) if prefix.date_text else None
    if prefix.date_text and published is None:
        yield Problem(story_id, "E006", Errors.E006.format(value=prefix.date_text), origin)
    yield RawStory(id=story_id, text=body, origin=origin, published=published)


def _read_jsonl(stream: IO[bytes], name: str, settings: Settings) -> Iterator[Item]:
    for number, line in enumerate(stream, start=1):
        origin = Origin(name, line=number)
        if len(line) > settings.max_story_chars * 4:
            message = Errors.E007.format(limit=settings.max_story_chars, size=len(line))
            yield Problem(None, "E007", message, origin)
            continue
        text = decode_bytes(line)
        if text is None or not text.strip():
            continue
        yield from _json_record(text, origin, f"{_stem(name)}-{number}", settings)


def _json_record(line: str, origin: Origin, fallback_id: str, settings: Settings) -> Iterator[Item]:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Problem(None, "E004", Errors.E004.format(reason=exc.msg), origin)
        return
    if not isinstance(record, dict):
        yield Problem(None, "E014", Errors.E014.format(), origin)
        return
    story_id = str(record.get("id") or record.get("doc_id") or fallback_id)
    origin = Origin(origin.path, origin.line, story_id)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Problem(story_id, "E005", Errors.E005.format(), origin)
        return
    if len(text) > settings.max_story_chars:
        message = Errors.E007.format(limit=settings.max_story_chars, size=len(text))
        yield Problem(story_id, "E007", message, origin)
        return
    raw_date = record.get("date", record.get("publication_date"))
    published = parse_date(raw_date)
    if raw_date not in (None, "") and published is None:
        yield Problem(story_id, "E006", Errors.E006.format(value=raw_date), origin)
    metadata = {k: v for k, v in record.items() if k not in _JSON_KEYS}
    yield RawStory(
        id=story_id,
        text=text,
        origin=origin,
        published=published,
        title=_str_or_none(record.get("title")),
        url=_str_or_none(record.get("url")),
        source=_str_or_none(record.get("source")),
        metadata=metadata,
    )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _stem(name: str) -> str:
    base = os.path.basename(name)
    for suffix in (".gz", ".jsonl", ".json", ".txt"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return base or name


class _Rewound(io.RawIOBase):
    """A byte stream with some already-read bytes put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        """Read up to ``size`` bytes (all if negative), looping over short reads."""
        chunks: list[bytes] = []
        wanted = -1 if size is None else size
        while wanted != 0:
            chunk = self._take(65536 if wanted < 0 else min(wanted, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            if wanted > 0:
                wanted -= len(chunk)
        return b"".join(chunks)

    def _take(self, size: int) -> bytes:
        if self._head:
            chunk, self._head = self._head[:size], self._head[size:]
            return chunk
        return self._rest.read(size) or b""

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(view))
        if not chunk:
            return 0
        view[: len(chunk)] = chunk
        return len(chunk)

    def __iter__(self) -> Iterator[bytes]:  # type: ignore[override]
        return iter(io.BufferedReader(self, buffer_size=1 << 20))
