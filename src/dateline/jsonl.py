"""JSON Lines input: one story per line, streamed with bounded memory.

Keys used (first present wins): id ``id``/``doc_id``; text ``text``/``body`` (Reuters-21578 keeps
its story in ``body``); date ``date``/``publication_date``/``published``; ``title``, ``url``,
``source``. Every other key is kept in ``metadata``.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from .decoding import decode_utf8_or_cp1252
from .errors import Errors
from .records import Origin, Problem, RawStory
from .settings import Settings
from .wire import parse_date

Item = RawStory | Problem

ID_KEYS = ("id", "doc_id")
TEXT_KEYS = ("text", "body")
DATE_KEYS = ("date", "publication_date", "published")
#: a JSON line may take up to this many bytes per character of story text (UTF-8 plus escapes)
BYTES_PER_CHAR = 4
#: read long lines in pieces of this size while skipping them, so memory stays bounded
SKIP_CHUNK = 1 << 20

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def read_jsonl(stream: IO[bytes], name: str, settings: Settings, *, encoding: str) -> Iterator[Item]:
    """Yield a story or a problem for every non-blank line of ``stream``."""
    limit = settings.max_story_chars * BYTES_PER_CHAR
    for number, line, size in _lines(stream, encoding, limit):
        origin = Origin(name, line=number)
        fallback = _fallback_id(name, number, line)
        if line is None:
            message = Errors.E018.format(limit=limit, size=size)
            yield Problem(fallback, "E018", message, origin)
        elif line.strip():
            yield from json_record(line, origin, fallback_id=fallback, settings=settings)


def _lines(stream: IO[bytes], encoding: str, limit: int) -> Iterator[tuple[int, str | None, int]]:
    """(line number, text or ``None`` if longer than ``limit``, size) for each physical line."""
    if encoding == "utf-8":
        source: IO[Any] = stream
        decode = _decode_line
    else:
        # UTF-16/32 must be decoded as a stream: their line breaks are not the byte 0x0A
        source = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="\n")
        decode = _strip_bom
    number = 0
    while True:
        piece = source.readline(limit + 1)
        if not piece:
            return
        number += 1
        if len(piece) > limit and not _ends_line(piece):
            yield number, None, len(piece) + _skip_rest(source)
        else:
            yield number, decode(piece), len(piece)


def _ends_line(piece: str | bytes) -> bool:
    return piece.endswith("\n") if isinstance(piece, str) else piece.endswith(b"\n")


def _skip_rest(source: IO[Any]) -> int:
    skipped = 0
    while piece := source.readline(SKIP_CHUNK):
        skipped += len(piece)
        if _ends_line(piece):
            break
    return skipped


def _decode_line(piece: str | bytes) -> str:
    data = piece if isinstance(piece, bytes) else piece.encode()
    return decode_utf8_or_cp1252(data).lstrip("\ufeff")


def _strip_bom(piece: str | bytes) -> str:
    text = piece if isinstance(piece, str) else piece.decode("utf-8", "replace")
    return text.lstrip("\ufeff")


def _fallback_id(name: str, number: int, line: str | None) -> str:
    """``<stem>-<line>`` for files; a content hash for stdin, whose line numbers repeat across runs."""
    if name == "<stdin>" and line is not None:
        return "stdin-" + hashlib.sha1(line.strip().encode("utf-8", "replace")).hexdigest()[:12]
    return f"{file_stem(name)}-{number}"


def json_record(line: str, origin: Origin, *, fallback_id: str, settings: Settings) -> Iterator[Item]:
    """One JSON line as a story, or the problem that keeps it from being one.

    A date that does not parse yields a problem *and* the story (with no published date).
    """
    try:
        record: Any = json.loads(line, strict=False)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        yield Problem(fallback_id, "E004", Errors.E004.format(reason=reason), origin)
        return
    if not isinstance(record, dict):
        yield Problem(fallback_id, "E014", Errors.E014.format(), origin)
        return
    if "\\u" in line or "\\U" in line:
        record = _without_lone_surrogates(record)
    story = _story(record, origin, fallback_id, settings)
    if isinstance(story, RawStory) and story.published is None:
        _, raw_date = _first(record, DATE_KEYS, _as_present)
        if raw_date is not None:
            yield Problem(
                story.id, "E006", Errors.E006.format(value=raw_date), story.origin, severity="warning"
            )
    yield story


def _story(record: dict[str, Any], origin: Origin, fallback_id: str, settings: Settings) -> Item:
    id_key, story_id = _first(record, ID_KEYS, _as_id)
    story_id = story_id or fallback_id
    origin = Origin(origin.path, origin.line, story_id)
    text_key, text = _first(record, TEXT_KEYS, _as_text)
    if text is None:
        return Problem(story_id, "E005", Errors.E005.format(), origin)
    if len(text) > settings.max_story_chars:
        message = Errors.E007.format(limit=settings.max_story_chars, size=len(text))
        return Problem(story_id, "E007", message, origin)
    date_key, raw_date = _first(record, DATE_KEYS, _as_present)
    used = {id_key, text_key, date_key, "title", "url", "source"}
    return RawStory(
        id=story_id,
        text=text,
        origin=origin,
        published=parse_date(raw_date),
        title=_as_str(record.get("title")),
        url=_as_str(record.get("url")),
        source=_as_str(record.get("source")),
        metadata={key: value for key, value in record.items() if key not in used},
    )


def _first(record: dict[str, Any], keys: tuple[str, ...], convert: Any) -> tuple[str | None, Any]:
    for key in keys:
        value = convert(record.get(key))
        if value is not None:
            return key, value
    return None, None


def _as_id(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    return text or None


def _as_text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _as_present(value: object) -> object:
    return None if value in (None, "") else value


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _without_lone_surrogates(value: Any) -> Any:
    """Lone ``\\udXXX`` escapes become U+FFFD (same length, so offsets hold) to keep output UTF-8."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    return value


#: file-name endings that are not part of a story id (``.html``, ``.warc``, ``.xml``: pages, archives, feeds)
STORY_SUFFIXES = (
    *(".gz", ".jsonl", ".ndjson", ".json", ".txt"),
    *(".html", ".htm", ".warc", ".xml", ".rss", ".atom"),
)


def file_stem(name: str) -> str:
    """A file's name without folders and without its story suffixes (``a/b.jsonl.gz`` -> ``b``)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in STORY_SUFFIXES:
        base = base.removesuffix(suffix)
    return base or name
