"""The whole-story gold of ``shared/data/voa`` and ``shared/data/wikinews`` (``news-annotation.md``).

One JSON object per story names its file under ``stories/`` beside the gold file and lists the
quotes, the main events and the people. Gold ``text`` fields are substrings of the story body;
they are located in the body we read (every occurrence, since a headline may repeat a quote).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DatelineError, Errors
from .news_names import surnames

Ranges = tuple[tuple[int, int], ...]

#: the folder of story files beside the gold file
STORIES_FOLDER = "stories"
#: corpus names recognised in the gold path; any other corpus is named by its folder
KNOWN_CORPORA = ("voa", "wikinews")
#: our actor codes for organisations start with this (IGOUNO, IGOEUREEC)
IGO_PREFIX = "IGO"


@dataclass(frozen=True, slots=True)
class GoldQuote:
    text: str
    kind: str  # direct | indirect
    speaker: str
    country: str | None
    #: the speaker's surname forms when it is one of the story's listed people (then it is scored
    #: by surname, not by code); empty for a body, a government or a group
    surnames: tuple[str, ...]
    #: ``country`` is an organisation's code (UNO, EU, WBK), not an ISO 3166 country
    organisation: bool = False


@dataclass(frozen=True, slots=True)
class GoldEvent:
    text: str
    plover: str
    cameo_root: str
    #: what our source and target codes must start with: the ISO country, or ``IGO`` + the gold
    #: organisation code (IGOUNO); ``None`` accepts any
    source: str | None
    target: str | None


@dataclass(frozen=True, slots=True)
class GoldStory:
    file: str
    half: str
    quotes: tuple[GoldQuote, ...]
    events: tuple[GoldEvent, ...]


def half_of(name: str) -> str:
    """``even``/``odd`` by the parity of ``sha256(file)``, as ``benchmarks/events_errors.py`` splits."""
    return "even" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 2 == 0 else "odd"


def actor_prefix(code: str | None, countries: frozenset[str]) -> str | None:
    """The start our codes need for a gold actor: the country, or ``IGO`` + an organisation's code."""
    if code is None:
        return None
    return code if code in countries else IGO_PREFIX + code


def corpus_name(gold: Path) -> str:
    """``voa`` or ``wikinews`` from the gold path, else the gold file's folder name."""
    for part in reversed(gold.resolve().parts):
        if part.lower() in KNOWN_CORPORA:
            return part.lower()
    return gold.resolve().parent.name


def stories_folder(gold: Path) -> Path:
    """The story files beside the gold file; a clear error when they are missing."""
    folder = gold.parent / STORIES_FOLDER
    if not gold.is_file():
        raise DatelineError(Errors.E001, path=gold, reason="no such file")
    if not folder.is_dir():
        raise DatelineError(Errors.E024, gold=gold, folder=folder)
    return folder


def read_gold(gold: Path, countries: frozenset[str]) -> list[GoldStory]:
    """The gold stories; ``countries`` (ISO alpha-3) tells countries from organisation codes."""
    with gold.open(encoding="utf-8") as handle:
        return [gold_story(json.loads(line), countries) for line in handle if line.strip()]


def gold_story(record: dict[str, Any], countries: frozenset[str]) -> GoldStory:
    people = {str(p["name"]).casefold(): p.get("code_country") for p in record.get("people", [])}
    quotes = tuple(
        GoldQuote(
            q["text"],
            q["kind"],
            q["speaker"],
            q.get("speaker_country"),
            _surnames(q["speaker"], people),
            organisation=q.get("speaker_country") is not None and q["speaker_country"] not in countries,
        )
        for q in record.get("quotes", [])
    )
    events = tuple(
        GoldEvent(
            e["text"],
            e["plover"],
            e["cameo_root"],
            actor_prefix(e.get("source_country"), countries),
            actor_prefix(e.get("target_country"), countries),
        )
        for e in record.get("events", [])
    )
    file = record["file"]
    return GoldStory(file, half_of(file), quotes, events)


def _surnames(speaker: str, people: dict[str, str | None]) -> tuple[str, ...]:
    key = speaker.casefold()
    return surnames(speaker, people[key]) if key in people else ()


def occurrences(text: str, needle: str) -> Ranges:
    """Every place ``needle`` occurs in ``text`` (none when it does not)."""
    found: list[tuple[int, int]] = []
    start = text.find(needle) if needle else -1
    while start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return tuple(found)
