"""Stage ``places``: every place mention of the story, resolved offline (after ``entities``).

Two passes: the first resolves each mention with only the dateline and the story's actors as
context; its confident answers (which countries and divisions the story is about) are the
context of the second, which decides. An unresolved GPE/LOC name stays, with null
coordinates; a guess (see ``mentions``) stays only when it resolves to a plausible place.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import Place
from ..work import Context, Work
from .cache import cached_gazetteer
from .gazetteer import ADMIN1, CONTINENT, COUNTRY, Entry, Gazetteer, load_gazetteer, normalise
from .mentions import GUESSES, Cues, Mention, find_mentions
from .resolve import CONTEXT_MIN_CONFIDENCE, Choice, StoryContext, resolve, to_place

#: a guessed mention (inside another entity, or by a cue word) naming a city needs this many people
GUESS_MIN_POPULATION = 100_000
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
        known = self._known
        mentions = find_mentions(story.text, work.entities, story.dateline, self.cues, known)
        base = StoryContext(
            dateline_country=story.dateline.country if story.dateline else None,
            countries=Counter(self._actor_countries(work)),
        )
        first = [resolve(m, self.gazetteer, base) for m in mentions]
        context = _learned(base, first)
        places = []
        for mention, guess in zip(mentions, first, strict=True):
            choice = resolve(mention, self.gazetteer, context.without(_confident(guess)))
            if mention.found_by in GUESSES and not _plausible(choice.entry, mention):
                continue
            places.append(to_place(mention, choice, found_by=mention.found_by))
        return tuple(places)

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
