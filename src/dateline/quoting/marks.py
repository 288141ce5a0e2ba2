"""Quotation-mark spans in a text: straight, curly and angle marks, and doubled apostrophes.

Some wire archives (the New York Times among them) write quotation marks as two
apostrophes, ``''like this,''``; they open and close like a straight ``"``.

A quotation may run over several paragraphs when each new paragraph opens with a
mark again (the newspaper convention: no closing mark until the quote ends). A mark
that is never closed ends at its paragraph and is dropped, and no quotation may run
longer than ``MAX_QUOTE_CHARS``, so broken text cannot swallow the rest of a story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: an opening mark and the marks that may close it; typed and pasted text mixes
#: straight and curly double marks (``“...,"``, ``"...”``), so either closes either
CLOSERS: dict[str, tuple[str, ...]] = {
    "“": ("”", '"'),
    '"': ('"', "”"),
    "''": ("''",),
    "«": ("»",),
    "„": ("“", "”"),
    "‟": ("”",),
}
#: the longest stretch (in characters, marks included) one quotation may cover
MAX_QUOTE_CHARS = 4000

_MARK = re.compile(r"''|[“”\"«»„‟]|\n")
#: markup left in scraped text (``<tweet author="@x">``): its attribute quotes are no quotations
_TAG = re.compile(r"<[A-Za-z/][^<>\n]*>")
_PARAGRAPH_OPENING = re.compile(r"\s*(''|[“\"«„‟])")


@dataclass(frozen=True, slots=True)
class Marked:
    """One quotation: where its marks are and the content between them, per paragraph."""

    start: int  # the opening mark
    end: int  # just after the closing mark
    segments: tuple[tuple[int, int], ...]  # content without marks, one per paragraph

    @property
    def content_start(self) -> int:
        return self.segments[0][0]

    @property
    def content_end(self) -> int:
        return self.segments[-1][1]


@dataclass
class _Open:
    """The quotation being read (local to one scan)."""

    start: int
    mark: str
    segment_start: int
    segments: list[tuple[int, int]]


def find_marked(text: str) -> list[Marked]:
    """Every balanced quotation in ``text``, in order."""
    found: list[Marked] = []
    current: _Open | None = None
    skip_to = -1
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text)]
    for match in _MARK.finditer(text):
        pos, char = match.start(), match.group()
        after = match.end()
        if pos < skip_to or any(start < pos < end for start, end in tags):
            continue
        if current is not None and pos - current.start > MAX_QUOTE_CHARS:
            current = None
        if char == "\n":
            if current is not None:
                current, skip_to = _continue_paragraph(text, pos, current)
            continue
        if current is None:
            if char in CLOSERS and _can_open(text, after):
                current = _Open(pos, char, after, [])
            continue
        if _closes(text, pos, char, current.mark):
            segments = [*current.segments, _trim(text, current.segment_start, pos)]
            found.append(Marked(current.start, after, tuple(s for s in segments if s[1] > s[0])))
            current = None
        elif char in CLOSERS and _can_open(text, after) and not _can_close(text, pos):
            current = _Open(pos, char, after, [])  # the earlier mark was never closed
    return [m for m in found if m.segments]


def _continue_paragraph(text: str, pos: int, current: _Open) -> tuple[_Open | None, int]:
    """At a line break inside a quotation: go on if the next paragraph reopens it, else drop it."""
    opening = _PARAGRAPH_OPENING.match(text, pos)
    if opening is None or _family(opening.group(1)) != _family(current.mark):
        return None, -1
    segment = _trim(text, current.segment_start, pos)
    resumed = _Open(current.start, current.mark, opening.end(), [*current.segments, segment])
    return resumed, opening.end()


def _family(mark: str) -> str:
    """Straight and curly double marks stand for each other."""
    return "“" if mark in {"“", '"'} else mark


def _closes(text: str, pos: int, char: str, opening: str) -> bool:
    """Whether the mark ``char`` at ``pos`` closes a quotation opened with ``opening``.

    An opening curly mark typed in place of a closing one (``51 percent.“``) closes a
    double-mark quotation when it follows text and no word follows it.
    """
    if char in CLOSERS[opening]:
        return _can_close(text, pos)
    misplaced = char == "“" and opening in {"“", '"'}
    return misplaced and _can_close(text, pos) and not _word_follows(text, pos + 1)


def _word_follows(text: str, after: int) -> bool:
    return after < len(text) and text[after].isalnum()


def _can_open(text: str, after: int) -> bool:
    """An opening mark (ending before ``after``) is followed by text, not by a space or the end."""
    return after < len(text) and not text[after].isspace()


def _can_close(text: str, pos: int) -> bool:
    """A closing mark follows text, not a space."""
    return pos > 0 and not text[pos - 1].isspace()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
