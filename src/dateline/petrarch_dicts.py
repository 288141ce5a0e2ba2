"""Readers for PETRARCH/TABARI actor and agent dictionaries (``--actors FILE``, ``--agents FILE``).

The format, as the PETRARCH validation dictionaries use it:

* Actor entries: ``NAME [CODE]`` or ``NAME`` followed by ``+SYNONYM`` lines and indented code lines.
  ``_`` joins the words of a name; a trailing ``_`` makes the name exact, otherwise its last word is a
  stem (``ARGENTIN`` matches "Argentina", "Argentine"). Code lines may carry dates:
  ``[CODE <YYYYMMDD]`` (before), ``[CODE >YYYYMMDD]`` (after), ``[CODE YYYYMMDD-YYYYMMDD]``
  (inclusive range); six-digit dates are YYMMDD. An undated code is the default.
* Agent entries: ``PHRASE [~CODE]`` (suffix: the code follows the actor's) or ``PHRASE [CODE~]``
  (prefix), with ``{PLURAL}`` or ``{}`` (no plural; without braces the regular plural is added), and
  ``!NAME! = A, B`` substitution sets used as ``CONGRESS!PERSON!`` or ``!MINST!_OF_SILLY_WALKS``.
* ``#`` starts a comment; ``<!-- ... -->`` comments may span lines.

Lines that cannot be read become warnings (file and line); nothing here raises on bad content.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Generic, TypeVar

from .errors import DatelineError, Errors
from .registry_data import plural

#: a bracketed code, with an optional date restriction
CODE_RE = re.compile(r"\[\s*([^\]\s<>]*)\s*([^\]]*)\]")
#: the date part of a code line: "<D", ">D" or "D-D"
BEFORE_RE = re.compile(r"^<\s*(\d{6}|\d{8})$")
AFTER_RE = re.compile(r"^>\s*(\d{6}|\d{8})$")
RANGE_RE = re.compile(r"^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")
#: what an actor or agent code may contain ("---" is the unknown country, "+++" a null actor)
VALID_CODE_RE = re.compile(r"^[A-Z0-9+\-]{2,}(/[A-Z0-9+\-]{2,})*$")
SUBSTITUTION_RE = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
MARKER_RE = re.compile(r"!(\w+)!")
#: two-digit years below this are 20xx, others 19xx (TABARI's six-digit dates)
CENTURY_PIVOT = 30


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` (inclusive) to ``end`` (exclusive); None = unbounded."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def valid(self, on: dt.date) -> bool:
        return (self.start is None or on >= self.start) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class PetrName:
    """One name of an entry; ``stem`` when its last word matches as a prefix."""

    words: tuple[str, ...]
    stem: bool


@dataclass(frozen=True, slots=True)
class PetrActor:
    names: tuple[PetrName, ...]
    codes: tuple[DatedCode, ...]
    line: int


@dataclass(frozen=True, slots=True)
class PetrAgent:
    phrases: tuple[str, ...]
    code: str
    prefix: bool
    line: int


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Dictionary(Generic[T]):
    """Entries read from one file, with what could not be read."""

    path: Path
    entries: tuple[T, ...]
    warnings: tuple[str, ...]


def read_lines(path: Path) -> list[str]:
    """The file's lines; an unreadable file is the one error raised (E011)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError as error:
        raise DatelineError(Errors.E011, path=path, reason=error.strerror or str(error)) from error


def strip_comments(lines: list[str]) -> list[str]:
    """Lines with ``<!-- -->`` blocks and ``#`` comments blanked, keeping line numbers."""
    kept, in_block = [], False
    for line in lines:
        text = line
        if in_block:
            end = text.find("-->")
            if end < 0:
                kept.append("")
                continue
            text, in_block = text[end + 3 :], False
        while (start := text.find("<!")) >= 0:
            end = text.find(">", start)
            if "--" in text[start : start + 5]:
                close = text.find("-->", start)
                end = close + 2 if close >= 0 else -1
            if end < 0:
                text, in_block = text[:start], True
                break
            text = text[:start] + text[end + 1 :]
        kept.append(text.split("#", 1)[0].rstrip())
    return kept


def parse_date(text: str) -> dt.date:
    """A TABARI date, YYYYMMDD or YYMMDD."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < CENTURY_PIVOT else 1900 + year}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def dated_code(code: str, restriction: str) -> DatedCode:
    """A code and its date restriction; raises ValueError on a malformed one."""
    code = code.upper()
    if not VALID_CODE_RE.match(code):
        raise ValueError(f"bad code {code!r}")
    restriction = restriction.strip()
    if not restriction:
        return DatedCode(code)
    if match := BEFORE_RE.match(restriction):
        return DatedCode(code, end=parse_date(match[1]))
    if match := AFTER_RE.match(restriction):
        return DatedCode(code, start=parse_date(match[1]) + dt.timedelta(days=1))
    if match := RANGE_RE.match(restriction):
        return DatedCode(code, parse_date(match[1]), parse_date(match[2]) + dt.timedelta(days=1))
    raise ValueError(f"bad date restriction {restriction!r}")


def petr_name(text: str) -> PetrName | None:
    """A dictionary name ("NEW_ZEALAND", "ARNOR_", "CARAS GALADHON") as words."""
    text = text.strip()
    stem = not text.endswith("_")
    words = tuple(word for word in re.split(r"[_\s]+", text.lower()) if word)
    return PetrName(words, stem) if words else None


class _ActorBuilder:
    """Collects one actor entry across its name, synonym and code lines."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.names: list[PetrName] = []
        self.codes: list[DatedCode] = []
        self.reported = False

    def build(self) -> PetrActor:
        return PetrActor(tuple(self.names), tuple(self.codes), self.line)


def read_actor_dictionary(path: Path) -> Dictionary[PetrActor]:
    """Actor entries of a PETRARCH actor dictionary."""
    entries: list[PetrActor] = []
    warnings: list[str] = []
    current: _ActorBuilder | None = None

    def close() -> None:
        if current is None:
            return
        if current.codes and current.names:
            entries.append(current.build())
        elif current.names and not current.reported:
            warnings.append(f"{path}:{current.line}: actor has no code, skipped")

    for number, raw in enumerate(strip_comments(read_lines(path)), start=1):
        if not raw.strip():
            continue
        starts_entry = not raw[0].isspace() and not raw.startswith(("+", "["))
        if starts_entry:
            close()
            current = _ActorBuilder(number)
        if current is None:
            warnings.append(f"{path}:{number}: line outside any actor entry, skipped")
            continue
        _read_actor_line(raw.strip(), number, current, path, warnings)
    close()
    return Dictionary(path, tuple(entries), tuple(warnings))


def _read_actor_line(text: str, number: int, current: _ActorBuilder, path: Path, warnings: list[str]) -> None:
    """One line of an actor entry: a name or synonym, optionally with codes after it."""
    name_part = text.split("[", 1)[0].lstrip("+").strip()
    if name_part:
        name = petr_name(name_part)
        if name is not None:
            current.names.append(name)
    if "[" in text and not CODE_RE.search(text):
        warnings.append(f"{path}:{number}: unclosed code bracket in {text!r}, skipped")
    for match in CODE_RE.finditer(text):
        try:
            current.codes.append(dated_code(match[1], match[2]))
        except ValueError as error:
            warnings.append(f"{path}:{number}: {error}, skipped")
            current.reported = True


def read_agent_dictionary(path: Path) -> Dictionary[PetrAgent]:
    """Agent entries of a PETRARCH agent dictionary, with substitution sets expanded."""
    entries: list[PetrAgent] = []
    warnings: list[str] = []
    sets: dict[str, tuple[str, ...]] = {}
    for number, raw in enumerate(strip_comments(read_lines(path)), start=1):
        text = raw.strip()
        if not text:
            continue
        if match := SUBSTITUTION_RE.match(text):
            sets[match[1]] = tuple(word.strip().lower() for word in match[2].split(",") if word.strip())
            continue
        agent = _agent_entry(text, number, sets)
        if isinstance(agent, str):
            warnings.append(f"{path}:{number}: {agent}, skipped")
        else:
            entries.append(agent)
    return Dictionary(path, tuple(entries), tuple(warnings))


def _agent_entry(text: str, number: int, sets: dict[str, tuple[str, ...]]) -> PetrAgent | str:
    """One agent line, or the reason it cannot be read."""
    match = re.match(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$", text)
    if match is None:
        return f"not an agent entry: {text!r}"
    code_text = match["code"].replace(" ", "").upper()
    if code_text.count("~") != 1:
        return f"agent code {match['code']!r} needs one '~'"
    prefix = code_text.endswith("~")
    code = code_text.strip("~")
    if not VALID_CODE_RE.match(code):
        return f"bad agent code {code!r}"
    phrases = _expand(match["phrase"].strip(), sets)
    if phrases is None:
        return f"unknown substitution set in {match['phrase']!r}"
    return PetrAgent(_with_plurals(phrases, match["plural"]), code, prefix, number)


def _expand(phrase: str, sets: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """Every phrase a ``!SET!`` marker stands for, as lower-case space-separated words."""
    pieces = MARKER_RE.split(phrase.lower())
    options: list[tuple[str, ...]] = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            options.append((piece,))
        elif piece.upper() in sets or piece in sets:
            options.append(sets.get(piece.upper(), sets.get(piece, ())))
        else:
            return None
    return tuple(" ".join(re.split(r"[_\s]+", "".join(parts).strip("_ "))) for parts in product(*options))


def _with_plurals(phrases: tuple[str, ...], plural_text: str | None) -> tuple[str, ...]:
    """Add plural forms: the regular one without braces, none for ``{}``, the given one otherwise."""
    forms = list(phrases)
    if plural_text is None:
        forms.extend(plural(phrase) for phrase in phrases)
    elif plural_text.strip():
        forms.extend(" ".join(re.split(r"[_\s]+", p.strip().lower())) for p in plural_text.split(","))
    return tuple(dict.fromkeys(form for form in forms if form))


@dataclass(frozen=True, slots=True)
class PetrDiscard:
    """A discard phrase: a sentence holding it is not coded; with ``story``, the whole story."""

    words: tuple[str, ...]
    story: bool
    line: int


def read_discard_dictionary(path: Path) -> Dictionary[PetrDiscard]:
    """Discard phrases, one a line; a leading ``+`` makes the discard story-level."""
    entries: list[PetrDiscard] = []
    for number, raw in enumerate(strip_comments(read_lines(path)), start=1):
        text = raw.strip()
        story = text.startswith("+")
        words = tuple(word for word in re.split(r"[_\s]+", text.lstrip("+").lower()) if word)
        if words:
            entries.append(PetrDiscard(words, story, number))
    return Dictionary(path, tuple(entries), ())
