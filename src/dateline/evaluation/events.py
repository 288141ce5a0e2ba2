"""``dateline eval events``: score event coding against the event-gold JSONL (see docs/events.md).

Per suite, PETRARCH's validation measures over (source, target, code) triples: share of gold
triples found and extra triples per record, strict and relaxed (country = first 3 characters,
CAMEO 2-digit root). ``plover_gsr`` is scored on (source country, target country, PLOVER type).
Each record is one sentence, run through the real :class:`Pipeline` with the suite's own actor
dictionaries (paths relative to the gold file's folder). ``DATELINE_EVENT_SUITE`` limits the
run to one suite; by default every suite is reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from ..records import Event, Origin, RawStory, StoryResult
from ..settings import Settings

SUITE_ENV = "DATELINE_EVENT_SUITE"
#: the suites' own dictionaries, relative to the gold file's folder
#: each fictional suite's discard list (PETRARCH drops sentences/stories holding a phrase)
SUITE_DISCARDS: dict[str, str] = {
    "petr_validate_2_02": "universal-petrarch/PETR_Validate_discards_2_02.txt",
    "petr2_unittest": "petrarch2/PETR.Validate.discards.txt",
}
SUITE_DICTIONARIES: dict[str, tuple[str, str, str]] = {
    "petr_validate_2_02": (
        "universal-petrarch/PETR_Validate_actors_2_02.txt",
        "universal-petrarch/PETR_Validate_agents_2_02.txt",
        "universal-petrarch/PETR_Validate_verbs_2_02.txt",
    ),
    "petr2_unittest": (
        "petrarch2/PETR.Validate.actors.txt",
        "petrarch2/PETR.Validate.agents.txt",
        "petrarch2/PETR.Validate.verbs.txt",
    ),
}
PLOVER_SUITE = "plover_gsr"
NO_TARGET = "---"

Triple = tuple[str, str, str]


@dataclass
class SuiteScore:
    """Counts of one suite."""

    records: int = 0
    gold: int = 0
    found: int = 0
    extra: int = 0
    found_relaxed: int = 0
    extra_relaxed: int = 0
    type_found: int = 0
    no_event_records: int = 0
    no_event_clean: int = 0
    failed: int = 0

    def add(self, gold: list[Triple], produced: list[Triple], relax: bool) -> None:
        self.records += 1
        self.gold += len(gold)
        hit, extra = _match(gold, produced)
        self.found += hit
        self.extra += extra
        rel_gold = [_relaxed(t, relax) for t in gold]
        hit_r, extra_r = _match(rel_gold, [_relaxed(t, relax) for t in produced])
        self.found_relaxed += hit_r
        self.extra_relaxed += extra_r
        self.type_found += _match([t[2] for t in gold], [t[2] for t in produced])[0]

    def to_json(self) -> dict[str, Any]:
        records = max(self.records, 1)
        gold = max(self.gold, 1)
        return {
            "records": self.records,
            "gold_events": self.gold,
            "found": round(self.found / gold, 4),
            "extras_per_record": round(self.extra / records, 4),
            "found_relaxed": round(self.found_relaxed / gold, 4),
            "extras_per_record_relaxed": round(self.extra_relaxed / records, 4),
            "type_found": round(self.type_found / gold, 4),
            "no_events_records": self.no_event_records,
            "no_events_kept_empty": self.no_event_clean,
            "failed": self.failed,
        }


@dataclass
class EventReport:
    """Figures per suite."""

    gold: str
    suites: dict[str, SuiteScore] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"gold": self.gold, "suites": {name: s.to_json() for name, s in self.suites.items()}}

    def to_text(self) -> str:
        lines = [f"event coding against {self.gold}"]
        for name, score in self.suites.items():
            f = score.to_json()
            lines.append(
                f"{name:20s} records {f['records']:4d}  gold {f['gold_events']:4d}  "
                f"found {f['found']:.3f}  extras/rec {f['extras_per_record']:.3f}  "
                f"relaxed found {f['found_relaxed']:.3f} extras/rec {f['extras_per_record_relaxed']:.3f}  "
                f"type {f['type_found']:.3f}  "
                f"no_events empty {f['no_events_kept_empty']}/{f['no_events_records']}"
            )
        return "\n".join(lines)


def evaluate(gold: Path, settings: Settings, *, limit: int | None = None) -> EventReport:
    """Score every suite (or the one named in ``$DATELINE_EVENT_SUITE``)."""
    records = _read(gold)
    wanted = os.environ.get(SUITE_ENV)
    report = EventReport(str(gold))
    for suite in dict.fromkeys(r["suite"] for r in records):
        if wanted and suite != wanted:
            continue
        chosen = [r for r in records if r["suite"] == suite and _scored(r)][:limit]
        report.suites[suite] = score_suite(suite, chosen, _suite_settings(suite, gold, settings), gold)
    return report


def score_suite(suite: str, records: list[dict[str, Any]], settings: Settings, gold: Path) -> SuiteScore:
    pipeline = Pipeline(settings)
    score = SuiteScore()
    outcomes = pipeline.process(_raw(r, gold, n) for n, r in enumerate(records, 1))
    for record, outcome in zip(records, outcomes, strict=True):
        if not isinstance(outcome, StoryResult):
            score.failed += 1
            continue
        produced = produced_triples(outcome.events, suite=suite, config=record.get("config") or {})
        if record.get("no_events"):
            score.no_event_records += 1
            score.no_event_clean += not produced
        score.add(gold_triples(record, suite), produced, relax=suite != PLOVER_SUITE)
    return score


def gold_triples(record: dict[str, Any], suite: str) -> list[Triple]:
    if suite == PLOVER_SUITE:
        return [(e["source"][:3], e["target"][:3], e.get("plover") or e["code"]) for e in record["events"]]
    return [(e["source"], e["target"], e["code"]) for e in record["events"]]


def produced_triples(events: Iterable[Event], *, suite: str, config: dict[str, str]) -> list[Triple]:
    """Expand events into dyads the way each suite's gold lists them."""
    triples: list[Triple] = []
    for event in events:
        if suite == PLOVER_SUITE:
            label = _plover_label(event)
            if label is not None:  # PLOVER lists a compound actor without a target against "---"
                pairs = _dyads(event, allow_empty=True) if event.target else _dyads_empty(event)
                triples.extend((s[:3], t[:3], label) for s, t in pairs)
            continue
        allow_empty = str(config.get("require_dyad", "true")).lower() == "false"
        triples.extend((s, t, event.cameo) for s, t in _dyads(event, allow_empty=allow_empty))
    return triples


def _dyads(event: Event, *, allow_empty: bool) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    if event.target:
        pairs.extend((s, t) for s in event.source for t in event.target if s != t)
        if event.reciprocal:
            pairs.extend((t, s) for s in event.source for t in event.target if s != t)
    elif event.reciprocal and len(event.source) > 1:
        pairs.extend((s, t) for s in event.source for t in event.source if s != t)
    elif allow_empty:
        pairs.extend((s, NO_TARGET) for s in event.source)
    return pairs


def _dyads_empty(event: Event) -> list[tuple[str, str]]:
    return [(s, NO_TARGET) for s in event.source]


def _plover_label(event: Event) -> str | None:
    return str(event.plover["type"]) if event.plover is not None else None


def _match(gold: list[Any], produced: list[Any]) -> tuple[int, int]:
    remaining = Counter(produced)
    hit = 0
    for item in gold:
        if remaining[item] > 0:
            remaining[item] -= 1
            hit += 1
    return hit, sum(remaining.values())


def _relaxed(triple: Triple, relax: bool) -> Triple:
    source, target, code = triple
    return (source[:3], target[:3], code[:2]) if relax else triple


def _scored(record: dict[str, Any]) -> bool:
    return record.get("expect_error") is None and record.get("evaluate", True) is not False


def _suite_settings(suite: str, gold: Path, settings: Settings) -> Settings:
    files = SUITE_DICTIONARIES.get(suite)
    if files is None:
        return settings
    actors, agents, verbs = (gold.parent / name for name in files)
    discards = gold.parent / SUITE_DISCARDS[suite] if suite in SUITE_DISCARDS else None
    return dataclasses.replace(
        settings,
        discard_files=(*settings.discard_files, discards)
        if discards is not None and discards.exists()
        else settings.discard_files,
        actor_files=(*settings.actor_files, actors),
        agent_files=(*settings.agent_files, agents),
        verb_files=(*settings.verb_files, verbs) if verbs.exists() else settings.verb_files,
        dictionaries_only=True,  # PETRARCH codes these suites with their own dictionaries only
    )


def _raw(record: dict[str, Any], gold: Path, line: int) -> RawStory:
    date = dt.date.fromisoformat(record["date"][:10]) if record.get("date") else None
    return RawStory(record["id"], record["text"], Origin(str(gold), line, record["id"]), published=date)


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
