"""Stage ``event_places``: where each event happened, from its clause, its sentence or the dateline.

Runs after ``events`` and reads ``work.events`` and ``work.places``; it only adds ``place`` and
``place_precision`` to each event. A place counts for an event when the text puts something *in*
it: a place after a locative preposition ("talks in Geneva"), or a city or division that is not
one of the event's own actors. A country named as an actor ("Russia condemned ...") does not
place the event. The clause is the trigger's verb with its dependents, less any nested clause.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from ..records import Event, Place, Span
from ..work import Context, Work
from .gazetteer import ADMIN1, ADMIN2, CAPITAL, CITY, COUNTRY

#: precision of a place by its feature; places of other features (continents) place no event.
#: ``site`` is kept for places finer than a city, which the shipped gazetteer does not hold
PRECISION = {CITY: "city", CAPITAL: "city", ADMIN2: "admin1", ADMIN1: "admin1", COUNTRY: "country"}
SITE, DATELINE = "site", "dateline"
#: the more precise place wins within a clause or sentence
PRECISION_RANK = {SITE: 0, "city": 1, "admin1": 2, "country": 3}
#: dependents that open a clause of their own, whose places are not this event's
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "xcomp", "acl"})
#: words that put what follows at a place ("in", "the northern city of" may come between)
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|into|around|throughout)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:city|town|province|region|capital)\s+of\s+)?$",
    re.IGNORECASE,
)
#: entity labels whose mentions can be where an event happens
SCENE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: how far before a place to look for its preposition
LOOKBEHIND = 60


@dataclass(frozen=True)
class _Tokens:
    """The parse's tokens with their original-text starts, for finding a span's token."""

    starts: list[int]
    tokens: list[Token]

    def at(self, offset: int) -> Token | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.tokens[index] if index >= 0 else None


def place_events(work: Work, ctx: Context) -> Work:
    """Give every event a place and a precision (or ``None`` for both when nothing places it)."""
    del ctx  # the stage needs nothing beyond the story's own records
    if not work.events:
        return work
    # a place inside an organisation's or a person's name, or a demonym, is not where anything happens
    others = [Span(e.start, e.end, e.text) for e in work.entities if e.label not in SCENE_LABELS]
    located = [
        p for p in work.places if p.lat is not None and not _in_dateline(work, p) and not _overlaps(p, others)
    ]
    dateline = next((p for p in work.places if p.lat is not None and _in_dateline(work, p)), None)
    # without a dependency parse there is no clause to look in: the sentence is the first tier
    tokens = _tokens(work) if work.doc.has_annotation("DEP") else None
    events = tuple(_placed(event, work.story.text, located, dateline, tokens) for event in work.events)
    return dataclasses.replace(work, events=events)


def _placed(
    event: Event, text: str, located: Sequence[Place], dateline: Place | None, tokens: _Tokens | None
) -> Event:
    actors = (*event.source_text, *event.target_text)
    candidates = [
        p for p in located if p.feature in PRECISION and not _overlaps(p, actors) and _sets_scene(p, text)
    ]
    in_sentence = [p for p in candidates if event.sentence.start <= p.start < event.sentence.end]
    in_clause = _in_clause(in_sentence, event.trigger, tokens) if tokens else []
    for tier in (in_clause, in_sentence):
        if tier:
            best = min(
                tier, key=lambda p: (PRECISION_RANK[_precision(p)], abs(p.start - event.trigger.start))
            )
            return dataclasses.replace(event, place=best, place_precision=_precision(best))
    if dateline is not None:
        return dataclasses.replace(event, place=dateline, place_precision=DATELINE)
    return event


def _precision(place: Place) -> str:
    return PRECISION.get(place.feature or "", SITE)


def _sets_scene(place: Place, text: str) -> bool:
    """After a locative preposition, or a place smaller than a country (countries are mostly actors)."""
    if _LOCATIVE.search(text[max(0, place.start - LOOKBEHIND) : place.start]):
        return True
    return place.feature != COUNTRY


def _overlaps(place: Place, spans: Sequence[Span]) -> bool:
    return any(s.start < place.end and place.start < s.end for s in spans)


def _in_dateline(work: Work, place: Place) -> bool:
    line = work.story.dateline
    return line is not None and line.start <= place.start < line.end


def _tokens(work: Work) -> _Tokens:
    tokens = list(work.doc)
    starts = [work.offsets.span(t.idx, t.idx + len(t.text))[0] for t in tokens]
    return _Tokens(starts, tokens)


def _in_clause(places: Sequence[Place], trigger: Span, tokens: _Tokens) -> list[Place]:
    clause = _clause_tokens(trigger, tokens)
    return [p for p in places if (t := tokens.at(p.start)) is not None and t.i in clause]


def _clause_tokens(trigger: Span, tokens: _Tokens) -> set[int]:
    """Indices of the tokens of the trigger's clause: its verb's subtree less nested clauses."""
    token = tokens.at(trigger.start)
    if token is None:
        return set()
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    inside = {t.i for t in head.subtree}
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS:
            inside -= {t.i for t in child.subtree}
    return inside
