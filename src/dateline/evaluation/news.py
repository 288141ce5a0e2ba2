"""``dateline eval news``: quotes, speakers and main events on whole, real news stories.

Each gold file (``shared/data/voa/gold.jsonl``, ``shared/data/wikinews/gold.jsonl``) names story
files in ``stories/`` beside it. They are read as ``dateline process`` reads them (the
``date`` line is metadata, the rest is the story's ``text``), run through one
:class:`Pipeline` in batches, and our contract output is scored by the rules in
:mod:`.news_match`. Every figure is given for all stories and for the even and odd halves
(``sha256`` of the gold ``file``), per corpus.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors
from ..pipeline import Pipeline
from ..reading import read_file
from ..records import Origin, Problem, RawStory, StoryResult
from ..registry_data import read_countries
from ..settings import Settings
from .news_gold import GoldStory, corpus_name, read_gold, stories_folder
from .news_listing import story_listing, story_misses
from .news_match import RIGHT, StoryVerdict, score_story

HALVES = ("even", "odd")
SLICES = ("all", *HALVES)
KINDS = ("direct", "indirect")
#: the registry's country table, relative to the data folder
COUNTRY_TABLE = Path("actors") / "countries.tsv"


@dataclass
class QuoteTally:
    gold: int = 0
    found: int = 0
    speaker_right: int = 0
    not_in_text: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": _rate(self.found, self.gold),
            "speaker_right": _rate(self.speaker_right, self.gold),
            "gold_not_in_text": self.not_in_text,
        }


@dataclass
class Tally:
    """Counts of one slice (all stories or one half) of one corpus."""

    stories: int = 0
    failures: int = 0
    quotes: dict[str, QuoteTally] = field(default_factory=lambda: {k: QuoteTally() for k in KINDS})
    our_quotes: int = 0
    unmatched_quotes: int = 0
    events: int = 0
    type_right: int = 0
    source_right: int = 0
    actors_right: int = 0
    events_not_in_text: int = 0
    our_events: int = 0
    unmatched_events: int = 0

    def add(self, verdict: StoryVerdict) -> None:
        self.stories += 1
        for item in verdict.quotes:
            tally = self.quotes[item.gold.kind]
            tally.gold += 1
            tally.found += item.match is not None
            tally.speaker_right += item.speaker_right
            tally.not_in_text += not item.places
        self.our_quotes += len(verdict.our_quotes)
        self.unmatched_quotes += verdict.unmatched_quotes
        for event in verdict.events:
            self.events += 1
            self.type_right += event.type_right
            self.source_right += event.source_right
            self.actors_right += event.actors_right
            self.events_not_in_text += not event.places
        self.our_events += len(verdict.our_events)
        self.unmatched_events += verdict.unmatched_events

    def to_json(self) -> dict[str, Any]:
        return {
            "stories": self.stories,
            "failures": self.failures,
            "quotes": {kind: tally.to_json() for kind, tally in self.quotes.items()},
            "our_quotes": self.our_quotes,
            "our_quotes_unmatched": _rate(self.unmatched_quotes, self.our_quotes),
            "events": {
                "gold": self.events,
                "type_right": _rate(self.type_right, self.events),
                "source_right": _rate(self.source_right, self.events),
                "actors_right": _rate(self.actors_right, self.events),
                "gold_not_in_text": self.events_not_in_text,
            },
            "our_events": self.our_events,
            "unmatched_events_per_story": _rate(self.unmatched_events, self.stories),
        }


@dataclass
class CorpusReport:
    corpus: str
    gold: str
    slices: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in SLICES})
    quote_causes: Counter[str] = field(default_factory=Counter)
    event_causes: Counter[str] = field(default_factory=Counter)
    verdicts: list[StoryVerdict] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    def add(self, verdict: StoryVerdict, text: str) -> None:
        for name in ("all", verdict.half):
            self.slices[name].add(verdict)
        self.quote_causes.update(f"{q.gold.kind}: {q.cause}" for q in verdict.quotes if q.cause != RIGHT)
        self.event_causes.update(e.cause for e in verdict.events if e.cause != RIGHT)
        self.verdicts.append(verdict)
        self.texts[verdict.file] = text

    def fail(self, half: str) -> None:
        for name in ("all", half):
            self.slices[name].stories += 1
            self.slices[name].failures += 1

    def to_json(self, *, show: bool = False) -> dict[str, Any]:
        figures: dict[str, Any] = {
            "corpus": self.corpus,
            "gold": self.gold,
            **{name: tally.to_json() for name, tally in self.slices.items()},
            "causes": {
                "quotes": dict(self.quote_causes.most_common()),
                "events": dict(self.event_causes.most_common()),
            },
        }
        if show:
            figures["misses"] = [story_misses(v) for v in self.verdicts]
        return figures

    def to_text(self, *, show: bool) -> str:
        lines = [f"== {self.corpus} ({self.gold})"]
        if show:
            for verdict in self.verdicts:
                lines.extend(story_listing(verdict, self.texts[verdict.file]))
            lines.append("")
        lines.append(
            f"{'slice':<5} {'stories':>7} {'fail':>4} | {'direct found/speaker':>20} | "
            f"{'indirect found/speaker':>22} | {'events type/+src/actors':>23} | "
            f"{'our q. unmatched':>16} | {'unmatched ev./story':>19}"
        )
        for name, tally in self.slices.items():
            if not tally.stories:  # the other half under --half
                continue
            row = tally.to_json()
            direct, indirect, events = row["quotes"]["direct"], row["quotes"]["indirect"], row["events"]
            lines.append(
                f"{name:<5} {tally.stories:>7} {tally.failures:>4} | "
                f"{direct['found']:>10.3f} / {direct['speaker_right']:.3f} | "
                f"{indirect['found']:>12.3f} / {indirect['speaker_right']:.3f} | "
                f"{events['type_right']:>7.3f} / {events['source_right']:.3f} / "
                f"{events['actors_right']:.3f} | "
                f"{row['our_quotes_unmatched']:>16.3f} | {row['unmatched_events_per_story']:>19.2f}"
            )
        total = self.slices["all"]
        lines.append(
            f"gold quotes {sum(t.gold for t in total.quotes.values())} "
            f"(not in text {sum(t.not_in_text for t in total.quotes.values())}), "
            f"gold events {total.events} (not in text {total.events_not_in_text}); "
            f"ours: {total.our_quotes} quotes, {total.our_events} events"
        )
        lines.append("missed or wrong quotes: " + _causes(self.quote_causes))
        lines.append("events not fully right: " + _causes(self.event_causes))
        return "\n".join(lines)


@dataclass
class NewsReport:
    corpora: list[CorpusReport]
    half: str | None = None
    show: bool = False
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "task": "news",
            "half": self.half or "all",
            "seconds": round(self.seconds, 1),
            "corpora": {c.corpus: c.to_json(show=self.show) for c in self.corpora},
        }

    def to_text(self) -> str:
        restricted = f", {self.half} half only" if self.half else ""
        lines = [f"whole-story evaluation{restricted}, {self.seconds:.0f}s (rules: docs/evaluation.md)"]
        for corpus in self.corpora:
            lines.append(corpus.to_text(show=self.show))
        return "\n".join(lines)


def evaluate(gold: Path, settings: Settings, *, limit: int | None = None) -> NewsReport:
    """One corpus, every story (the signature every evaluation task shares)."""
    return evaluate_corpora([gold], settings, limit=limit)


def evaluate_corpora(
    golds: Sequence[Path],
    settings: Settings,
    *,
    limit: int | None = None,
    half: str | None = None,
    show: bool = False,
    pipeline: Pipeline | None = None,
) -> NewsReport:
    """Score several corpora with one loaded pipeline; ``half`` keeps only that half's stories."""
    folders = [stories_folder(gold) for gold in golds]  # fail before loading the model
    pipeline = pipeline or Pipeline(settings)
    countries = country_codes(settings)
    report = NewsReport([], half, show)
    began = time.perf_counter()
    for gold, folder in zip(golds, folders, strict=True):
        stories = [s for s in read_gold(gold, countries) if half is None or s.half == half][:limit]
        report.corpora.append(score_corpus(gold, folder, stories, pipeline))
    report.seconds = time.perf_counter() - began
    return report


def score_corpus(gold: Path, folder: Path, stories: list[GoldStory], pipeline: Pipeline) -> CorpusReport:
    report = CorpusReport(corpus_name(gold), str(gold))
    outcomes = pipeline.process(_read_stories(folder, stories, pipeline.settings))
    for story, outcome in zip(stories, outcomes, strict=True):
        if isinstance(outcome, StoryResult):
            text = outcome.story.text
            report.add(score_story(story, text, outcome.quotes, outcome.events), text)
        else:
            report.fail(story.half)
    return report


def _read_stories(
    folder: Path, stories: Iterable[GoldStory], settings: Settings
) -> Iterator[RawStory | Problem]:
    """One item per gold story: the story as ``dateline process`` reads it, or why it could not be."""
    for story in stories:
        items = list(read_file(folder / story.file, settings))
        raw = next((item for item in items if isinstance(item, RawStory)), None)
        if raw is not None:
            yield raw
            continue
        path = folder / story.file
        yield next(iter(items), Problem(story.file, "E002", Errors.E002.format(path=path), Origin(str(path))))


def country_codes(settings: Settings) -> frozenset[str]:
    """ISO alpha-3 codes of the registry's country table: other gold codes are organisations."""
    return frozenset(row.code for row in read_countries(settings.data / COUNTRY_TABLE))


def _causes(counts: Counter[str]) -> str:
    return "; ".join(f"{cause} {count}" for cause, count in counts.most_common()) or "none"


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
