"""Repair typesetting noise before NLP, recording every edit against the original text.

Stages, in order:
1. mojibake (ftfy), so that ``â€œ`` becomes a quotation mark;
2. spurious intra-word hyphens (``ag-ainst`` -> ``against``) judged by word frequency;
3. stray whitespace (hard line wraps inside paragraphs, runs of spaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ftfy
from wordfreq import zipf_frequency

from .offsets import Edit, OffsetMap
from .records import Repair

#: a joined word must be at least this common (Zipf scale) to undo a hyphen
MIN_JOINED_ZIPF = 3.0
#: a hyphenated compound whose halves are both this common stays as written
MIN_PART_ZIPF = 3.5

_HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]+)-([a-z]+)(?![\w-])")
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The text the NLP sees, the repairs that made it, and the way back."""

    text: str
    repairs: tuple[Repair, ...]
    offsets: OffsetMap


def clean_text(text: str) -> Cleaned:
    """Repair ``text``; all recorded offsets point into ``text`` itself."""
    repairs = sorted(_find_repairs(text), key=lambda r: r.start)
    pieces: list[str] = []
    edits: list[Edit] = []
    cursor = 0
    clean_len = 0
    kept: list[Repair] = []
    for repair in repairs:
        if repair.start < cursor:
            continue  # overlapping candidates: the earlier one wins
        pieces.append(text[cursor : repair.start])
        clean_len += repair.start - cursor
        edits.append(Edit(repair.start, repair.end, clean_len, clean_len + len(repair.after)))
        pieces.append(repair.after)
        clean_len += len(repair.after)
        cursor = repair.end
        kept.append(repair)
    pieces.append(text[cursor:])
    clean_len += len(text) - cursor
    offsets = OffsetMap(edits, orig_len=len(text), clean_len=clean_len)
    return Cleaned("".join(pieces), tuple(kept), offsets)


def offsets_from_repairs(repairs: tuple[Repair, ...], orig_len: int) -> OffsetMap:
    """Rebuild the offset map of a cleaned text from its (sorted, disjoint) repairs."""
    edits = []
    shift = 0
    for repair in repairs:
        clean_start = repair.start + shift
        edits.append(Edit(repair.start, repair.end, clean_start, clean_start + len(repair.after)))
        shift += len(repair.after) - (repair.end - repair.start)
    return OffsetMap(edits, orig_len=orig_len, clean_len=orig_len + shift)


def _find_repairs(text: str) -> list[Repair]:
    repairs = list(_mojibake(text))
    repairs.extend(_hyphens(text))
    repairs.extend(_whitespace(text))
    return repairs


def _mojibake(text: str) -> list[Repair]:
    # ftfy works on whole text; repair per line so each edit stays local
    repairs = []
    start = 0
    for line in text.splitlines(keepends=True):
        fixed = ftfy.fix_text(line, normalization=None, uncurl_quotes=False, fix_line_breaks=False)
        if fixed != line and fixed.strip():
            repairs.append(Repair(start, start + len(line), line, fixed, "mojibake"))
        start += len(line)
    return repairs


def _hyphens(text: str) -> list[Repair]:
    repairs = []
    for match in _HYPHENATED.finditer(text):
        left, right = match.group(1), match.group(2)
        if should_join(left, right):
            joined = left + right
            repairs.append(Repair(match.start(), match.end(), match.group(0), joined, "hyphen"))
    return repairs


def should_join(left: str, right: str) -> bool:
    """Whether ``left-right`` is one word split by a stray hyphen."""
    joined = (left + right).lower()
    joined_zipf = zipf_frequency(joined, "en")
    if joined_zipf < MIN_JOINED_ZIPF:
        return False
    left_zipf = zipf_frequency(left.lower(), "en")
    right_zipf = zipf_frequency(right.lower(), "en")
    # "co-operation", "follow-up": both halves are words; keep unless the joined form dominates
    if min(left_zipf, right_zipf) >= MIN_PART_ZIPF and len(left) > 2:
        return joined_zipf > max(left_zipf, right_zipf) and len(right) <= 3
    return True


def _whitespace(text: str) -> list[Repair]:
    return [
        Repair(m.start(), m.end(), m.group(0), " ", "whitespace") for m in _SPACES.finditer(text)
    ]
