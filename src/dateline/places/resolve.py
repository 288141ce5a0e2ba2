"""Disambiguation: which gazetteer entry a place mention means, given the rest of the story.

Every candidate gets a score: its size (log10 of population), its feature (a country is the
usual reading of a bare country name), agreement with the story's context (the dateline's
country, the countries its other places and actors are in, the first-level divisions it names)
and agreement with a cue word ("the province of ..."). The best candidate wins; its confidence
is its share of the candidates' softmax weight, and its reason names the factors that decided.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..records import Place
from .gazetteer import ADMIN1, CAPITAL, CITY, COUNTRY, Entry, Gazetteer, normalise
from .mentions import FROM_CUE, FROM_DATELINE, FROM_ENTITY, FROM_INLINE_DATELINE, Mention

#: score added for each feature: a bare country name is the country, a capital outranks a town
FEATURE_BONUS: Mapping[str, float] = {COUNTRY: 1.0, CAPITAL: 1.5, ADMIN1: 0.5, CITY: 0.0}
#: a division named like a city inside it ("Beijing", "Moscow") reads as the city (one whose own
#: name the mention is, or its main city: "Maryland City" is also called "Maryland", but
#: "Maryland" is the state)
MAIN_CITY_SHARE = 0.1
SAME_NAME_DIVISION_PENALTY = 2.5
#: context: the candidate lies in the dateline's country / a country the story names / a
#: division the story names
DATELINE_COUNTRY_BONUS = 2.0
STORY_COUNTRY_BONUS = 1.5
STORY_ADMIN1_BONUS = 2.5
#: the mention is the entry's own name, not one of its alternate names
PRIMARY_NAME_BONUS = 1.0
#: a cue word agrees with the feature ("the province of Anbar" -> ADM1)
CUE_BONUS = 3.0
#: only resolutions at least this confident count as context for the other mentions
CONTEXT_MIN_CONFIDENCE = 0.6
#: the features a cue kind points to
CUE_FEATURES: Mapping[str, frozenset[str]] = {
    "city": frozenset({CITY, CAPITAL}),
    "admin1": frozenset({ADMIN1}),
    "region": frozenset({ADMIN1}),
}
#: mentions the text itself calls places, which may name a village when no city has the name
NAMED_PLACES = frozenset({FROM_ENTITY, FROM_DATELINE, FROM_INLINE_DATELINE, FROM_CUE})
#: unresolved mentions carry this reason
NOT_FOUND = "no gazetteer entry of that name"


@dataclass(frozen=True)
class StoryContext:
    """What the story says about where it is, counted per mention so a mention can leave itself out."""

    dateline_country: str | None = None
    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[str] = field(default_factory=Counter)

    def names(self, country: str) -> bool:
        """Whether the story is about ``country`` (its dateline's, or one of its places' or actors')."""
        return country == self.dateline_country or self.countries[country] > 0

    def without(self, entry: Entry | None) -> StoryContext:
        """The context less one mention's own contribution (a name must not vouch for itself)."""
        if entry is None:
            return self
        countries = self.countries - Counter({entry.country: 1})
        own = entry.admin1_code if entry.feature == ADMIN1 else None
        admin1s = self.admin1s - Counter({own: 1} if own else {})
        return StoryContext(self.dateline_country, countries, admin1s)


@dataclass(frozen=True, slots=True)
class Choice:
    """The winning entry of one mention, with its confidence and the reason it won."""

    entry: Entry | None
    confidence: float
    reason: str


def resolve(mention: Mention, gazetteer: Gazetteer, context: StoryContext) -> Choice:
    """The best candidate for ``mention`` in ``context``, or a choice with no entry."""
    candidates = gazetteer.candidates(mention.text)
    if not candidates and mention.found_by in NAMED_PLACES:
        # a village is meant only in a story about its country
        candidates = tuple(c for c in gazetteer.minor_candidates(mention.text) if context.names(c.country))
    if not candidates:
        return Choice(None, 0.0, NOT_FOUND)
    if mention.found_by == FROM_DATELINE:
        # the dateline's country was read with the dateline ("PARIS, Texas" is in the USA)
        candidates = tuple(c for c in candidates if c.country == context.dateline_country) or candidates
    scored = sorted(
        ((_score(entry, mention, candidates, context), entry) for entry in candidates),
        key=lambda pair: (-pair[0][0], -pair[1].population, pair[1].geonameid),
    )
    (best_score, reasons), best = scored[0]
    total = sum(math.exp(score - best_score) for (score, _), _ in scored)
    confidence = round(1.0 / total, 3)
    if len(scored) == 1:
        why = "the only entry of that name"
    else:
        why = f"best of {len(scored)} entries: " + (", ".join(reasons) or "largest population")
    return Choice(best, confidence, why)


def _score(
    entry: Entry, mention: Mention, candidates: tuple[Entry, ...], context: StoryContext
) -> tuple[float, list[str]]:
    reasons: list[str] = []
    score = math.log10(entry.population + 10) + FEATURE_BONUS.get(entry.feature, 0.0)
    if entry.feature == COUNTRY:
        reasons.append("a country")
    if entry.feature == ADMIN1 and any(
        c.admin1_code == entry.admin1_code
        and c.feature in (CITY, CAPITAL)
        and (
            normalise(c.name) == normalise(mention.text)
            or c.population >= entry.population * MAIN_CITY_SHARE  # "New York" (City)
        )
        for c in candidates
    ):
        score -= SAME_NAME_DIVISION_PENALTY
    if normalise(mention.text) == normalise(entry.name):
        score += PRIMARY_NAME_BONUS
    if mention.cue and entry.feature in CUE_FEATURES[mention.cue]:
        score += CUE_BONUS
        reasons.append(f"the text calls it a {mention.cue}")
    if entry.country == context.dateline_country:
        score += DATELINE_COUNTRY_BONUS
        reasons.append(f"in {entry.country}, the dateline's country")
    elif context.countries[entry.country] > 0:
        score += STORY_COUNTRY_BONUS
        reasons.append(f"in {entry.country}, named in the story")
    if entry.feature != ADMIN1 and entry.admin1_code and context.admin1s[entry.admin1_code] > 0:
        score += STORY_ADMIN1_BONUS
        reasons.append(f"in {entry.admin1}, named in the story")
    return score, reasons


def to_place(mention: Mention, choice: Choice, *, found_by: str) -> Place:
    """The output record of one mention's resolution."""
    entry = choice.entry
    reason = f"{found_by}: {choice.reason}"
    if entry is None:
        return Place(
            mention.start, mention.end, mention.text, None, None, None, None, None, None, None, 0.0, reason
        )
    return Place(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        geonameid=entry.geonameid,
        name=entry.name,
        country=entry.country or None,
        admin1=entry.admin1,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        feature=entry.feature,
        confidence=choice.confidence,
        reason=reason,
    )
