"""The wire frame around a story's words: its dateline is never part of a quote's attribution.

``GENEVA, March 1 (Reuters) - Swiss Foreign Minister X urged ...``: the parse often
folds the dateline into the subject, so a speaker phrase would start with the place
and agency. The dateline (kept in original offsets on the story) is mapped to the
parsed text here, and speaker phrases and labels are kept clear of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.tokens import Span

from ..records import Dateline
from ..work import Work
from .assemble import Candidate
from .cues import Attribution

#: dashes and colons that end a dateline and may be left at the start of a phrase
_DATELINE_PUNCT = frozenset({"-", "–", "—", ":", ",", "."})


def trusted_dateline(work: Work) -> Dateline | None:
    """The story's dateline, unless it may be a transcript's ``JAKE TAPPER:`` taken for one.

    A dateline with neither an agency nor a known place does not count.
    """
    dateline = work.story.dateline
    if dateline is None or (dateline.agency is None and dateline.country is None):
        return None
    return dateline


def dateline_test(work: Work) -> Callable[[int, int], bool]:
    """Whether a clean-text stretch overlaps the trusted dateline."""
    dateline = trusted_dateline(work)

    def in_dateline(start: int, end: int) -> bool:
        if dateline is None:
            return False
        span = work.span(start, end)
        return span.start < dateline.end and dateline.start < span.end

    return in_dateline


def dateline_range(work: Work) -> tuple[int, int] | None:
    """The clean-text stretch from the trusted dateline's first token to the first token after it."""
    dateline = trusted_dateline(work)
    if dateline is None:
        return None
    first: int | None = None
    for token in work.doc:
        span = work.span(token.idx, token.idx + len(token))
        if first is None and span.end > dateline.start:
            first = int(token.idx)
        if span.start >= dateline.end:
            return (first if first is not None else int(token.idx), int(token.idx))
    return None


def clear_of_dateline(
    candidates: list[Candidate], dateline: tuple[int, int] | None, text: str
) -> list[Candidate]:
    """Contents and speaker phrases that begin in the dateline start after it instead."""
    if dateline is None:
        return candidates
    return [_clipped(_content_after(c, dateline, text), dateline) for c in candidates]


def _content_after(candidate: Candidate, dateline: tuple[int, int], text: str) -> Candidate:
    first, last = candidate.segments[0]
    start = dateline[1]
    if not dateline[0] <= first < start or last <= start:
        return candidate
    while start < last and (text[start] in _DATELINE_PUNCT or text[start].isspace()):
        start += 1
    return dataclasses.replace(candidate, segments=((start, last), *candidate.segments[1:]))


def _clipped(candidate: Candidate, dateline: tuple[int, int]) -> Candidate:
    found = candidate.found
    start = dateline[1]
    if found is None or found.speaker is None or not dateline[0] <= found.speaker.start_char < start:
        return candidate
    phrase = found.speaker
    if phrase.end_char <= start:
        return dataclasses.replace(candidate, found=Attribution(found.cue, None, found.via))
    first = next(t.i for t in phrase if t.idx >= start)
    while first < phrase.end - 1 and (
        phrase.doc[first].text in _DATELINE_PUNCT or phrase.doc[first].is_space
    ):
        first += 1
    clipped = Span(phrase.doc, first, phrase.end)
    return dataclasses.replace(candidate, found=Attribution(found.cue, clipped, found.via))
