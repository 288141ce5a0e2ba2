"""``dateline eval geo``: toponym resolution against the geoparsing gold (shared/data/geo, its README).

Each article runs through the real :class:`Pipeline`; its ``places`` are matched to the gold
toponyms by overlapping span. Figures, per corpus and per half of the articles (``sha256(id)``
even or odd: develop on one, check on the other):

- recall: share of gold toponyms overlapped by a place that has coordinates;
- acc@161 (all): share of *all* gold toponyms placed within 161 km (a missed one counts wrong);
- acc@161 (found): the same among the toponyms found;
- country accuracy: among found toponyms whose gold country is known (the country of the gold
  GeoNames id when the gazetteer has it, else of the nearest gazetteer city within
  ``COUNTRY_RADIUS_KM``), the share given that country;
- mean error in km among the found;
- precision: share of the resolved places that lie on a gold toponym (the gold marks every
  toponym, literal or not, so a resolved place elsewhere is a false one).

GeoWebNews is also split into the paper's literal and associative toponym groups and reported
on its GeoNames-linked toponyms alone (what the paper's geocoding scores use). The place stage's
CPU time is reported as a share of the whole pipeline's.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import math
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError, Errors
from ..pipeline import Pipeline
from ..places.gazetteer import CAPITAL, CITY, Entry
from ..places.stage import PlaceFinder
from ..records import Origin, Place, RawStory, StoryResult
from ..settings import Settings
from ..work import Work

#: the distance within which a toponym counts as placed right (100 miles, as in the literature)
ACCURATE_KM = 161.0
EARTH_RADIUS_KM = 6371.0088
#: the nearest city within this distance gives a gold point its country
COUNTRY_RADIUS_KM = 100.0
#: the paper's toponym groups (README of shared/data/geo)
LITERAL_TYPES = frozenset({"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal", "Coercion"})
#: published figures to print beside ours, with where they come from
PUBLISHED = (
    "Mordecai3 (on its own corpora, as quoted in issue #12): 79-92% exact GeoNames id, "
    "82.7-98.0% within 161 km, with an Elasticsearch GeoNames index",
    "GeoWebNews paper (Gritta et al., LRE 2020): its geocoding tables were not retrievable offline; "
    "compare with them on the GeoNames-linked rows only (README of shared/data/geo)",
)


@dataclass
class Tally:
    """Counts of one slice of the gold toponyms."""

    gold: int = 0
    found: int = 0
    within: int = 0
    error_km: float = 0.0
    country_known: int = 0
    country_right: int = 0
    #: resolved places, and those of them on a gold toponym (for precision)
    placed: int = 0
    placed_on_gold: int = 0

    def add(self, distance: float | None, country: tuple[str | None, str | None]) -> None:
        self.gold += 1
        if distance is None:
            return
        self.found += 1
        self.error_km += distance
        self.within += distance <= ACCURATE_KM
        gold_country, ours = country
        if gold_country is not None:
            self.country_known += 1
            self.country_right += gold_country == ours

    def figures(self) -> dict[str, Any]:
        return {
            "toponyms": self.gold,
            "recall": _share(self.found, self.gold),
            "precision": _share(self.placed_on_gold, self.placed) if self.placed else None,
            "acc161_all": _share(self.within, self.gold),
            "acc161_found": _share(self.within, self.found),
            "country_accuracy": _share(self.country_right, self.country_known),
            "mean_error_km": round(self.error_km / self.found, 1) if self.found else None,
        }


@dataclass
class GeoReport:
    """Figures per slice, the place stage's share of time, and the published baselines."""

    slices: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    articles: int = 0
    failed: int = 0
    pipeline_seconds: float = 0.0
    places_seconds: float = 0.0
    #: under ``show``: one line per missed or misplaced toponym and per false place, article by article
    misses: list[str] = field(default_factory=list)
    half: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "half": self.half or "all",
            "articles": self.articles,
            "failed": self.failed,
            "slices": {name: tally.figures() for name, tally in sorted(self.slices.items())},
            "place_stage_share": _share(self.places_seconds, self.pipeline_seconds),
            "published": list(PUBLISHED),
            **({"misses": self.misses} if self.misses else {}),
        }

    def to_text(self) -> str:
        head = _row("slice", "toponyms", "recall", "acc161", "found161", "country", "mean km", "precision")
        restricted = f", {self.half} half only" if self.half else ""
        lines = [*self.misses, f"geo: {self.articles} articles ({self.failed} failed{restricted})", head]
        for name, figures in self.to_json()["slices"].items():
            cells = [_cell(figures[k]) for k in ("recall", "acc161_all", "acc161_found", "country_accuracy")]
            mean = "-" if figures["mean_error_km"] is None else f"{figures['mean_error_km']:.0f}"
            lines.append(_row(name, str(figures["toponyms"]), *cells, mean, _cell(figures["precision"])))
        share = self.to_json()["place_stage_share"]
        lines.append(f"place stage: {_cell(share)} of the pipeline's CPU time")
        lines.append("published baselines:")
        lines.extend(f"  {line}" for line in PUBLISHED)
        return "\n".join(lines)


@dataclass(frozen=True)
class _TimedFinder(PlaceFinder):
    """The place finder, adding its CPU time to ``spent``."""

    spent: list[float] = field(default_factory=lambda: [0.0])

    def places(self, work: Work) -> tuple[Place, ...]:
        started = time.process_time()
        try:
            return super().places(work)
        finally:
            self.spent[0] += time.process_time() - started


def evaluate(
    gold: Path, settings: Settings, *, limit: int | None = None, half: str | None = None, show: bool = False
) -> GeoReport:
    """Run the pipeline over the gold articles and score their places; ``half`` keeps only that
    half's articles, ``show`` lists the misses (write rules from the development half's only)."""
    records = [r for r in _records(gold, None) if half is None or half_of(r["id"]) == half][:limit]
    pipeline = Pipeline(settings)
    finder = pipeline.context.places
    if finder is None:  # pragma: no cover - the pipeline always loads one
        raise DatelineError(Errors.E012, path=gold, fmt="geo JSONL", reason="no gazetteer loaded")
    timed = _TimedFinder(finder.gazetteer, finder.cues)
    pipeline.context = dataclasses.replace(pipeline.context, places=timed)
    countries = _GoldCountries(finder.gazetteer.by_name.values())
    report = GeoReport(half=half)
    started = time.process_time()
    outcomes = pipeline.process(
        RawStory(r["id"], r["text"], Origin(str(gold), record=r["id"])) for r in records
    )
    for record, outcome in zip(records, outcomes, strict=True):
        report.articles += 1
        places = outcome.places if isinstance(outcome, StoryResult) else ()
        report.failed += not isinstance(outcome, StoryResult)
        _score(record, places, countries, report)
        if show:
            report.misses.extend(_misses(record, places))
    report.pipeline_seconds = time.process_time() - started
    report.places_seconds = timed.spent[0]
    return report


def half_of(article_id: str) -> str:
    """``even`` or ``odd`` by the parity of the id's sha256, the project's fixed split."""
    return "even" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 2 == 0 else "odd"


def _records(gold: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    opener = gzip.open if gold.suffix == ".gz" else open
    try:
        with opener(gold, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if limit is not None and number > limit:
                    return
                record = json.loads(line)
                if not isinstance(record, dict) or "text" not in record or "toponyms" not in record:
                    raise ValueError(f"line {number}: needs 'text' and 'toponyms'")
                yield record
    except (OSError, ValueError) as exc:
        raise DatelineError(Errors.E012, path=gold, fmt="geo JSONL", reason=str(exc)) from exc


def _score(
    record: dict[str, Any], places: tuple[Place, ...], countries: _GoldCountries, report: GeoReport
) -> None:
    located = [p for p in places if p.lat is not None and p.lon is not None]
    corpus = record.get("corpus", "gold")
    half = half_of(record["id"])
    on_gold = sum(any(_overlap(p, t) > 0 for t in record["toponyms"]) for p in located)
    for name in (f"{corpus} all", f"{corpus} {half}"):
        report.slices[name].placed += len(located)
        report.slices[name].placed_on_gold += on_gold
    for toponym in record["toponyms"]:
        match = _best_overlap(toponym, located)
        distance = None if match is None else _km(toponym["lat"], toponym["lon"], match.lat, match.lon)
        country = (countries.of(toponym), match.country if match else None)
        for name in _slices(corpus, half, toponym):
            report.slices[name].add(distance, country)


def _misses(record: dict[str, Any], places: tuple[Place, ...]) -> Iterator[str]:
    """The article's toponyms missed (MISS) or placed beyond ``ACCURATE_KM`` (FAR), and its
    resolved places on no toponym (FALSE), each with its words around it."""
    text, located = record["text"], [p for p in places if p.lat is not None]
    lines = []
    for toponym in record["toponyms"]:
        match = _best_overlap(toponym, located)
        gold = (
            f"{toponym['text']!r} [{toponym.get('type', '-')}] gold {toponym['lat']:.2f},{toponym['lon']:.2f}"
        )
        if match is None:
            unresolved = _best_overlap(toponym, places)
            note = f" (unresolved {unresolved.text!r})" if unresolved else ""
            lines.append(f"  MISS  {gold}{note} | {_around(text, toponym['start'], toponym['end'])}")
            continue
        distance = _km(toponym["lat"], toponym["lon"], match.lat, match.lon)
        if distance > ACCURATE_KM:
            ours = f"{match.name} {match.country} {match.feature} {distance:.0f} km: {match.reason}"
            lines.append(f"  FAR   {gold} -> {ours} | {_around(text, match.start, match.end)}")
    for place in located:
        if not any(_overlap(place, t) > 0 for t in record["toponyms"]):
            ours = f"{place.name} {place.country} {place.feature}: {place.reason}"
            lines.append(f"  FALSE {place.text!r} -> {ours} | {_around(text, place.start, place.end)}")
    if lines:
        yield f"{record['id']} ({half_of(record['id'])})"
        yield from lines


def _around(text: str, start: int, end: int, width: int = 40) -> str:
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width].replace("\n", " ")
    return f"{before}[[{text[start:end]}]]{after}"


def _slices(corpus: str, half: str, toponym: dict[str, Any]) -> list[str]:
    names = [f"{corpus} all", f"{corpus} {half}"]
    kind = toponym.get("type")
    if kind is not None:
        group = "literal" if kind in LITERAL_TYPES else "associative"
        names += [f"{corpus} {half} {group}"]
    if toponym.get("geonameid") is not None:
        names += [f"{corpus} {half} GeoNames-linked"]
    return names


def _best_overlap(toponym: dict[str, Any], places: Iterable[Place]) -> Place | None:
    best, most = None, 0
    for place in places:
        overlap = _overlap(place, toponym)
        if overlap > most:
            best, most = place, overlap
    return best


def _overlap(place: Place, toponym: dict[str, Any]) -> int:
    return int(min(place.end, toponym["end"]) - max(place.start, toponym["start"]))


def _km(lat1: float, lon1: float, lat2: float | None, lon2: float | None) -> float:
    assert lat2 is not None and lon2 is not None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


class _GoldCountries:
    """The country of a gold toponym: by its GeoNames id, else by the nearest city (1-degree grid)."""

    def __init__(self, entries: Iterable[tuple[Entry, ...]]) -> None:
        self.by_id: dict[int, str] = {}
        self.grid: dict[tuple[int, int], list[Entry]] = defaultdict(list)
        for group in entries:
            for entry in group:
                if not entry.country or entry.geonameid in self.by_id:
                    continue
                self.by_id[entry.geonameid] = entry.country
                if entry.feature in (CITY, CAPITAL):
                    self.grid[(math.floor(entry.lat), math.floor(entry.lon))].append(entry)

    def of(self, toponym: dict[str, Any]) -> str | None:
        known = self.by_id.get(toponym.get("geonameid") or -1)
        if known is not None:
            return known
        lat, lon = toponym["lat"], toponym["lon"]
        near = [
            entry
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for entry in self.grid.get((math.floor(lat) + dy, math.floor(lon) + dx), ())
        ]
        if not near:
            return None
        nearest = min(near, key=lambda e: _km(lat, lon, e.lat, e.lon))
        return nearest.country if _km(lat, lon, nearest.lat, nearest.lon) <= COUNTRY_RADIUS_KM else None


def _row(name: str, *cells: str) -> str:
    return f"{name:34} " + " ".join(f"{cell:>8}" for cell in cells)


def _share(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
