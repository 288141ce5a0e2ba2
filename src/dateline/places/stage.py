"""Stage ``places``: every place mention of the story, resolved offline (after ``entities``).

Two passes: the first resolves each mention with only the dateline and the story's actors as
context; its confident answers (which countries and divisions the story is about) are the
context of the second, which decides. An unresolved GPE/LOC name stays, with null
coordinates; a guess (see ``mentions``) stays only when it resolves to a plausible place.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import Entity, Place
from ..work import Context, Work
from .cache import cached_gazetteer
from .gazetteer import ADMIN1, CONTINENT, COUNTRY, Entry, Gazetteer, load_gazetteer, normalise
from .mentions import (
    FROM_BARE,
    FROM_CUE,
    FROM_DATELINE,
    FROM_ENTITY,
    FROM_INLINE_DATELINE,
    FROM_LABEL,
    GUESSES,
    Cues,
    Mention,
    find_mentions,
)
from .resolve import CONTEXT_MIN_CONFIDENCE, NOT_FOUND, Choice, StoryContext, resolve, to_place

#: a guessed mention (inside another entity, or by a cue word) naming a city needs this many people
GUESS_MIN_POPULATION = 100_000
#: guesses that name a place by their whole text (not a part of a longer name)
WHOLE_NAMES = frozenset({FROM_LABEL, FROM_BARE, FROM_CUE})
#: how the mentions a repeated name takes its place from were found
SURE_SOURCES = frozenset({FROM_ENTITY, FROM_DATELINE, FROM_INLINE_DATELINE, FROM_CUE})
FROM_REPEAT = "the same name as a place of the story"
#: a city this big is meant by any of its names, not only its own
WELL_KNOWN_POPULATION = 1_000_000


@dataclass(frozen=True)
class PlaceFinder:
    """The gazetteer and the cue words, loaded once per run."""

    gazetteer: Gazetteer
    cues: Cues

    @classmethod
    def load(cls, data: Path, *, cache: Path | None = None) -> PlaceFinder:
        """``cache``: a folder where the built gazetteer is kept between runs (None: build each time)."""
        gazetteer = cached_gazetteer(data, cache, lambda: load_gazetteer(data))
        return cls(gazetteer, Cues.load(data))

    def places(self, work: Work) -> tuple[Place, ...]:
        story = work.story
        mentions = find_mentions(
            story.text, work.entities, story.dateline, self.cues, self._known, self.gazetteer.minor_candidates
        )
        base = StoryContext(
            dateline_country=story.dateline.country if story.dateline else None,
            countries=Counter(self._actor_countries(work)),
        )
        # a guess that will not stand is no context either ("NATO" must not make the story Philippine)
        first = [
            choice if _stands(choice.entry, mention, None) else _NO_CHOICE
            for mention, choice in ((m, resolve(m, self.gazetteer, base)) for m in mentions)
        ]
        context = _learned(base, first)
        surnames = _surnames(work.entities)
        places = []
        for mention, guess in zip(mentions, first, strict=True):
            choice = resolve(mention, self.gazetteer, context.without(_confident(guess)))
            alone = len(self.gazetteer.candidates(mention.text)) == 1
            if not _stands(choice.entry, mention, context, alone=alone) or (
                mention.found_by in GUESSES and normalise(mention.text) in surnames
            ):
                continue
            places.append(to_place(mention, choice, found_by=mention.found_by))
        return tuple(sorted([*places, *_repeated(story.text, places, work.entities)], key=lambda p: p.start))

    def _known(self, name: str) -> tuple[Entry, ...]:
        return self.gazetteer.candidates(name)

    def _actor_countries(self, work: Work) -> set[str]:
        """The countries of the actors the entities resolved to (``CHNGOV`` -> ``CHN``), once each."""
        codes = {e.actor[:3] for e in work.entities if e.actor}
        return {code for code in codes if self.gazetteer.country(code) is not None}


def find_places(work: Work, ctx: Context) -> Work:
    """Fill ``work.places``; without a loaded finder the story simply has none."""
    if ctx.places is None:
        return work
    return dataclasses.replace(work, places=ctx.places.places(work))


_NO_CHOICE = Choice(None, 0.0, NOT_FOUND)


def _confident(choice: Choice) -> Entry | None:
    return choice.entry if choice.confidence >= CONTEXT_MIN_CONFIDENCE else None


def _learned(base: StoryContext, choices: Sequence[Choice]) -> StoryContext:
    countries = Counter(base.countries)
    admin1s: Counter[str] = Counter()
    for choice in choices:
        entry = _confident(choice)
        if entry is None:
            continue
        countries[entry.country] += 1
        if entry.admin1_code and entry.feature == ADMIN1:
            admin1s[entry.admin1_code] += 1
    return StoryContext(base.dateline_country, countries, admin1s)


def _stands(
    entry: Entry | None, mention: Mention, context: StoryContext | None, *, alone: bool = False
) -> bool:
    """Whether a resolution is kept: always for a GPE/LOC entity or the dateline; for a guess
    when it is plausible, or (with a ``context``) when the text reads it as a place and it lies
    in a country the story is about ("militias from Misrata" in a story about Libya), called by
    its own name or by one that is no other place's (``alone``; "Riverdale" is many places')."""
    if mention.found_by not in GUESSES:
        return True
    if _plausible(entry, mention):
        return True
    return (
        context is not None
        and entry is not None
        and mention.supported
        and mention.found_by in WHOLE_NAMES  # not "Morris" of "Morris County"
        and (normalise(mention.text) == normalise(entry.name) or alone)
        and not mention.text.isupper()  # an acronym ("NATO") is an organisation
        and mention.label != "NORP"  # a demonym names a country, never a town ("Arab", Alabama)
        and (entry.country == context.dateline_country or context.countries[entry.country] > 0)
    )


def _repeated(text: str, places: Sequence[Place], entities: Sequence[Entity]) -> Iterator[Place]:
    """One sense per story: a name the story uses for a place (a GPE/LOC entity or a dateline,
    resolved with confidence) means that place wherever else it stands alone, inside an
    organisation's name too ("Immokalee" in "Immokalee TIGER Grant Event"), but not in a person's."""
    taken = [(p.start, p.end) for p in places]
    people = [(e.start, e.end) for e in entities if e.label == "PERSON"]
    seen: set[str] = set()
    for place in places:
        if place.geonameid is None or place.confidence < CONTEXT_MIN_CONFIDENCE or place.text in seen:
            continue
        if place.reason.split(":", 1)[0] not in SURE_SOURCES:
            continue
        seen.add(place.text)
        # a capitalised dateline ("IMMOKALEE –") names the place the story then writes "Immokalee"
        flags = re.IGNORECASE if place.text.isupper() else 0
        for match in re.finditer(rf"\b{re.escape(place.text)}\b", text, flags):
            span = match.span()
            if not match.group()[:1].isupper() or any(
                a < span[1] and span[0] < b for a, b in (*taken, *people)
            ):
                continue
            taken.append(span)
            reason = f"{FROM_REPEAT}: {place.text!r} at {place.start} is {place.name}"
            yield dataclasses.replace(place, start=span[0], end=span[1], text=match.group(), reason=reason)


def _surnames(entities: Sequence[Entity]) -> frozenset[str]:
    """The last words of the story's people named in full: a later "Kelly" is the person."""
    return frozenset(
        normalise(entity.text.split()[-1])
        for entity in entities
        if entity.label == "PERSON" and len(entity.text.split()) > 1
    )


def _plausible(entry: Entry | None, mention: Mention) -> bool:
    """A guess stands when it resolves to something big enough to be meant: a country, a division,
    a continent, or a city of at least ``GUESS_MIN_POPULATION`` ("Cork", not a hamlet called
    "Apple") called by its own name: an organisation "Hamas" is not Hamm, whose alternate name
    it is. A demonym is by nature another name of its country."""
    if entry is None:
        return False
    if entry.feature in (COUNTRY, ADMIN1, CONTINENT):
        return True
    own_name = mention.label == "NORP" or normalise(mention.text) == normalise(entry.name)
    # a big city's other names are well known ("New York" for New York City)
    return (
        own_name or entry.population >= WELL_KNOWN_POPULATION
    ) and entry.population >= GUESS_MIN_POPULATION
