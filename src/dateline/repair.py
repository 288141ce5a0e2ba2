"""Repair typesetting noise before NLP, recording every edit against the original text.

The cascade, in priority order (a later finder never touches what an earlier one edited):

1. ``mojibake``: text decoded with the wrong codec (``â€œ`` -> ``“``) fixed by ftfy, then
   cut down to the characters that actually changed, so each repair is a minimal diff;
2. ``invisible``: zero-width characters and soft hyphens removed (they split tokens silently);
3. ``hyphen``: stray hyphens inside words joined (``ag-ainst`` -> ``against``) and words split at a
   line end rejoined (``coopera-\\ntion`` -> ``cooperation``), judged by :mod:`dateline.hyphenation`;
4. ``whitespace``: hard line wraps inside a paragraph become spaces, runs of spaces become one,
   exotic spaces (no-break, thin, ideographic) become plain spaces; blank lines and indented
   paragraph starts stay, because they are the paragraph breaks.

Every finder reads the original text, so all offsets point into it; applying the repairs in
order yields the clean text, and :func:`offsets_from_repairs` rebuilds the way back.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import ftfy

from .hyphenation import PLACE_AFTER, PLACE_BEFORE, Evidence, HyphenLexicon, Place, default_lexicon, judge
from .offsets import Edit, OffsetMap
from .records import Repair

#: a line at least this long, followed by a single line break, was wrapped by a typesetter
MIN_WRAPPED_LINE = 40

_LETTERS = r"[^\W\d_]"
# a hyphen between two letter runs that are not themselves part of a longer hyphenated chain
_HYPHENATED = re.compile(rf"(?<![\w-])({_LETTERS}+)-({_LETTERS}+)(?![\w-])")
# a word broken at a line end: the continuation starts the next line (at most one space of indent)
_LINE_END_SPLIT = re.compile(rf"(?<![\w-])({_LETTERS}+)-([ \t]?(?:\r\n|\n|\r)[ \t]?)({_LETTERS}+)(?![\w-])")
_WORD = re.compile(rf"(?<![\w-]){_LETTERS}+(?![\w-])")
_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_LINE_BREAK = re.compile(r"(?<=\S)[ \t]*(?:\r\n|\n|\r)[ \t]*(?=\S)")
_CAPS_LINE = re.compile(r"[^a-z]*")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The text the NLP sees, the repairs that made it, and the way back."""

    text: str
    repairs: tuple[Repair, ...]
    offsets: OffsetMap


def clean_text(text: str, *, lexicon: HyphenLexicon | None = None) -> Cleaned:
    """Repair ``text``; all recorded offsets point into ``text`` itself."""
    repairs = _resolve(_candidates(text, lexicon or default_lexicon()))
    return Cleaned(apply_repairs(text, repairs), repairs, offsets_from_repairs(repairs, len(text)))


def apply_repairs(text: str, repairs: tuple[Repair, ...]) -> str:
    """The clean text: ``text`` with each (sorted, disjoint) repair's ``before`` replaced by ``after``."""
    pieces: list[str] = []
    cursor = 0
    for repair in repairs:
        pieces.append(text[cursor : repair.start])
        pieces.append(repair.after)
        cursor = repair.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def offsets_from_repairs(repairs: tuple[Repair, ...], orig_len: int) -> OffsetMap:
    """Rebuild the offset map of a cleaned text from its (sorted, disjoint) repairs."""
    edits = []
    shift = 0
    for repair in repairs:
        clean_start = repair.start + shift
        edits.append(Edit(repair.start, repair.end, clean_start, clean_start + len(repair.after)))
        shift += len(repair.after) - (repair.end - repair.start)
    return OffsetMap(edits, orig_len=orig_len, clean_len=orig_len + shift)


def _candidates(text: str, lexicon: HyphenLexicon) -> Iterator[list[Repair]]:
    """Candidate repairs by finder, highest priority first."""
    yield _mojibake(text)
    yield _invisible(text)
    yield _hyphens(text, lexicon)
    yield _whitespace(text)


def _resolve(groups: Iterator[list[Repair]]) -> tuple[Repair, ...]:
    """Keep each candidate that overlaps nothing already kept; return them in text order."""
    starts: list[int] = []
    kept: list[Repair] = []
    for group in groups:
        for repair in group:
            i = bisect.bisect_right(starts, repair.start)
            if i > 0 and kept[i - 1].end > repair.start:
                continue
            if i < len(kept) and kept[i].start < repair.end:
                continue
            starts.insert(i, repair.start)
            kept.insert(i, repair)
    return tuple(kept)


def _mojibake(text: str) -> list[Repair]:
    if text.isascii():
        return []  # mojibake needs non-ASCII characters; skipping ftfy keeps clean text cheap
    repairs: list[Repair] = []
    start = 0
    for line in text.splitlines(keepends=True):
        if not line.isascii():
            fixed = ftfy.fix_text(line, _FTFY_CONFIG)
            if fixed != line:
                repairs.extend(_diff(line, fixed, start))
        start += len(line)
    return repairs


def _diff(before: str, after: str, offset: int) -> Iterator[Repair]:
    """The changed stretches between a line and its fixed form, as repairs."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 == i2:
            # ftfy inserted text with nothing replaced; attach it to the next original character
            # so the repair has a non-empty span (insertions cannot be located otherwise)
            if i2 >= len(before):
                continue
            i2 += 1
            j2 += 1
            if after[j2 - 1 : j2] != before[i1:i2]:
                continue
        yield Repair(offset + i1, offset + i2, before[i1:i2], after[j1:j2], "mojibake")


def _invisible(text: str) -> list[Repair]:
    return [Repair(m.start(), m.end(), m.group(0), "", "invisible") for m in _INVISIBLE.finditer(text)]


def _hyphens(text: str, lexicon: HyphenLexicon) -> list[Repair]:
    if "-" not in text:
        return []
    evidence = _evidence(text)
    repairs = []
    for match in _HYPHENATED.finditer(text):
        left, right = match.group(1), match.group(2)
        if judge(left, right, lexicon, evidence, _place(text, match)).join:
            repairs.append(Repair(match.start(), match.end(), match.group(0), left + right, "hyphen"))
    for match in _LINE_END_SPLIT.finditer(text):
        repair = _line_end(text, match, lexicon, evidence)
        if repair is not None:
            repairs.append(repair)
    return repairs


def _line_end(text: str, match: re.Match[str], lexicon: HyphenLexicon, evidence: Evidence) -> Repair | None:
    """A word broken at a line end is joined; a real compound keeps its hyphen but loses the break."""
    left, right = match.group(1), match.group(3)
    if lexicon.has(right.lower(), "function"):
        return None  # a suspended hyphen ("three- and six-month"): the break is a space
    if judge(left, right, lexicon, evidence, _place(text, match)).join:
        return Repair(match.start(), match.end(), match.group(0), left + right, "hyphen")
    start, end = match.span(2)
    return Repair(start, end, match.group(2), "", "whitespace")


def _place(text: str, match: re.Match[str]) -> Place:
    start, end = match.span()
    return Place(text[max(0, start - PLACE_BEFORE) : start], text[end : end + PLACE_AFTER])


def _evidence(text: str) -> Evidence:
    words = frozenset(m.group(0).lower() for m in _WORD.finditer(text))
    hyphenated = Counter(m.group(0).lower() for m in _HYPHENATED.finditer(text))
    return Evidence(words, hyphenated)


def _whitespace(text: str) -> list[Repair]:
    repairs = [Repair(m.start(), m.end(), m.group(0), " ", "whitespace") for m in _ODD_SPACE.finditer(text)]
    repairs.extend(_space_runs(text))
    repairs.extend(_wraps(text))
    return repairs


def _space_runs(text: str) -> Iterator[Repair]:
    for match in _SPACE_RUN.finditer(text):
        run = match.group(0)
        if run[0] == " ":
            # keep the first space as it is: the edit is only the surplus
            yield Repair(match.start() + 1, match.end(), run[1:], "", "whitespace")
        else:
            yield Repair(match.start(), match.end(), run, " ", "whitespace")


def _wraps(text: str) -> Iterator[Repair]:
    for match in _LINE_BREAK.finditer(text):
        if _is_wrap(text, match):
            yield Repair(match.start(), match.end(), match.group(0), " ", "whitespace")


def _is_wrap(text: str, match: re.Match[str]) -> bool:
    """A single line break after a long line, not followed by an indent, is a typesetter's wrap."""
    gap = match.group(0)
    if gap.endswith((" ", "\t")):
        return False  # an indented line starts a paragraph (Reuters, many wire feeds)
    line_start = max(text.rfind("\n", 0, match.start()), text.rfind("\r", 0, match.start())) + 1
    line = text[line_start : match.start()]
    if len(line.strip()) < MIN_WRAPPED_LINE:
        return False  # a short line is a heading, a dateline or the end of a paragraph
    return _CAPS_LINE.fullmatch(line) is None  # an all-capitals line is a headline
