"""Map offsets in the cleaned text back to the original story text.

Cleaning replaces a few stretches of the original (``ag-ainst`` -> ``against``,
``\\u200b`` -> nothing). Each replacement is an :class:`Edit`; outside edits the
two texts agree character for character, so a position maps by a constant shift.

Edits are disjoint and in text order in both texts, so one sorted list of clean
starts and a binary search locate the edit that governs any clean position.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Original ``[orig_start, orig_end)`` became clean ``[clean_start, clean_end)``."""

    orig_start: int
    orig_end: int
    clean_start: int
    clean_end: int


class OffsetMap:
    """Translate clean-text offsets to original-text offsets.

    A span that starts or ends inside an edited stretch is widened to the whole
    original stretch, so a span never cuts a repaired word in two. A span that
    merely touches a deletion (a removed zero-width character) does not swallow it.
    """

    __slots__ = ("_clean_len", "_clean_starts", "_edits", "_orig_len")

    def __init__(self, edits: Sequence[Edit], *, orig_len: int, clean_len: int) -> None:
        self._edits = tuple(sorted(edits, key=lambda e: (e.clean_start, e.orig_start)))
        self._clean_starts = [e.clean_start for e in self._edits]
        self._orig_len = orig_len
        self._clean_len = clean_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((), orig_len=length, clean_len=length)

    @property
    def edits(self) -> tuple[Edit, ...]:
        return self._edits

    @property
    def orig_len(self) -> int:
        return self._orig_len

    @property
    def clean_len(self) -> int:
        return self._clean_len

    def start(self, clean_pos: int) -> int:
        """Original offset for a span starting at ``clean_pos``."""
        pos = self._clamp(clean_pos)
        # the last edit starting at or before pos; deletions at pos sort before a replacement there
        i = bisect.bisect_right(self._clean_starts, pos) - 1
        if i < 0:
            return self._bound(pos)
        edit = self._edits[i]
        if edit.clean_start <= pos < edit.clean_end:
            return edit.orig_start
        return self._bound(edit.orig_end + pos - edit.clean_end)

    def end(self, clean_pos: int) -> int:
        """Original offset for a span ending (exclusive) at ``clean_pos``."""
        pos = self._clamp(clean_pos)
        # only edits that start strictly before pos can lie inside the span
        i = bisect.bisect_left(self._clean_starts, pos) - 1
        if i < 0:
            return self._bound(pos)
        edit = self._edits[i]
        if pos < edit.clean_end:
            return edit.orig_end
        return self._bound(edit.orig_end + pos - edit.clean_end)

    def span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of a clean span; never inverted."""
        start = self.start(clean_start)
        end = self.end(clean_end)
        return start, max(start, end)

    def _clamp(self, pos: int) -> int:
        return min(max(pos, 0), self._clean_len)

    def _bound(self, pos: int) -> int:
        return min(max(pos, 0), self._orig_len)
