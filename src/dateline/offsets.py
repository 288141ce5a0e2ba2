"""Map offsets in the cleaned text back to the original story text.

Cleaning replaces a few stretches of the original (``ag-ainst`` -> ``against``).
Each replacement is an :class:`Edit`; outside edits the two texts agree
character for character, so a position maps by a constant shift.
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

    A start inside an edited stretch maps to the stretch's original start and an
    end inside it maps to the original end, so a span never cuts a repaired word.
    """

    __slots__ = ("_edits", "_clean_starts", "_clean_len", "_orig_len")

    def __init__(self, edits: Sequence[Edit], *, orig_len: int, clean_len: int) -> None:
        self._edits = tuple(sorted(edits, key=lambda e: e.clean_start))
        self._clean_starts = [e.clean_start for e in self._edits]
        self._orig_len = orig_len
        self._clean_len = clean_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((), orig_len=length, clean_len=length)

    @property
    def edits(self) -> tuple[Edit, ...]:
        return self._edits

    def start(self, clean_pos: int) -> int:
        """Original offset for a span starting at ``clean_pos``."""
        return self._map(clean_pos, is_end=False)

    def end(self, clean_pos: int) -> int:
        """Original offset for a span ending (exclusive) at ``clean_pos``."""
        return self._map(clean_pos, is_end=True)

    def span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        start = self.start(clean_start)
        end = self.end(clean_end)
        return start, max(start, end)

    def _map(self, pos: int, *, is_end: bool) -> int:
        pos = min(max(pos, 0), self._clean_len)
        # the last edit whose clean start is at or before pos
        i = bisect.bisect_right(self._clean_starts, pos) - 1
        if is_end:
            # an end exactly at an edit's clean start belongs before that edit
            while i >= 0 and self._edits[i].clean_start == pos and pos > 0:
                edit = self._edits[i]
                if edit.clean_end == edit.clean_start:
                    break
                i -= 1
        if i < 0:
            return min(pos, self._orig_len)
        edit = self._edits[i]
        if pos >= edit.clean_end:
            return min(edit.orig_end + (pos - edit.clean_end), self._orig_len)
        if pos == edit.clean_start and not is_end:
            return edit.orig_start
        return edit.orig_end if is_end else edit.orig_start
