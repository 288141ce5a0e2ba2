"""Classify the misses of the ``plover_gsr`` suite, to see where the built-in lexicon falls short.

    .venv/bin/python benchmarks/plover_errors.py --gold ../shared/data/event-gold/dev.jsonl \
        [--half even|odd] [--show none|type|actors|extra] [--limit N]

Each gold (source country, target country, PLOVER type) triple that was not produced is put in
one class:

- ``none``: the record produced no scored event at all, split into ``none:no-event`` (no
  predicate matched: a lexicon gap), ``none:source-unresolved`` (only events whose source nobody
  resolved: a registry or attachment gap) and ``none:other`` (e.g. only statements with no PLOVER type);
- ``type``: events were produced, but none of this PLOVER type (a wrong or missing lexicon code);
- ``actors``: an event of the right type was produced with other countries (registry gap or
  argument attachment); split into ``source``, ``target`` and ``both`` wrong.

Extras are counted by PLOVER type. ``--show CLASS`` prints the records behind one class with the
produced events and their triggers, which is what one reads to find the missing verb or noun.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from dateline.evaluation.events import (
    PLOVER_SUITE,
    SuiteScore,
    _raw,
    _scored,
    _suite_settings,
    gold_triples,
    produced_triples,
)
from dateline.pipeline import Pipeline
from dateline.records import StoryResult
from dateline.settings import Settings

Triple = tuple[str, str, str]


def half_of(record_id: str) -> str:
    """``even``/``odd`` by the parity of ``sha256(id)``: develop on one half, check on the other."""
    return "even" if int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % 2 == 0 else "odd"


def classify(gold: list[Triple], produced: list[Triple]) -> tuple[list[tuple[str, Triple]], list[Triple]]:
    """(class, gold triple) for every miss, and the extra produced triples."""
    left = Counter(produced)
    missed: list[Triple] = []
    for triple in gold:
        if left[triple] > 0:
            left[triple] -= 1
        else:
            missed.append(triple)
    extras = list(left.elements())
    classes = [(_miss_class(triple, produced), triple) for triple in missed]
    return classes, extras


def _miss_class(triple: Triple, produced: list[Triple]) -> str:
    if not produced:
        return "none"
    same_type = [p for p in produced if p[2] == triple[2]]
    if not same_type:
        return "type"
    if any(p[0] == triple[0] for p in same_type):
        return "actors:target"
    if any(p[1] == triple[1] for p in same_type):
        return "actors:source"
    return "actors:both"


def _why_none(outcome: StoryResult) -> str:
    """Split ``none``: no predicate matched at all, only events whose source nobody resolved
    (kept as ``source: []`` since round 5), or events whose type/code has no PLOVER label."""
    if not outcome.events:
        return "none:no-event"
    if all(not e.source for e in outcome.events):
        return "none:source-unresolved"
    return "none:other"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--half", choices=("even", "odd"))
    parser.add_argument("--show", help="print records with a miss of this class (prefix), or 'extra'")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    chosen = [r for r in records if r["suite"] == PLOVER_SUITE and _scored(r)]
    if args.half:
        chosen = [r for r in chosen if half_of(r["id"]) == args.half]
    chosen = chosen[: args.limit]
    pipeline = Pipeline(_suite_settings(PLOVER_SUITE, args.gold, Settings()))
    score = SuiteScore()
    miss_counts: Counter[str] = Counter()
    type_pairs: Counter[tuple[str, str]] = Counter()
    extra_types: Counter[str] = Counter()
    outcomes = pipeline.process(_raw(r, args.gold, n) for n, r in enumerate(chosen, 1))
    for record, outcome in zip(chosen, outcomes, strict=True):
        if not isinstance(outcome, StoryResult):
            score.failed += 1
            continue
        produced = produced_triples(outcome.events, suite=PLOVER_SUITE, config=record.get("config") or {})
        gold = gold_triples(record, PLOVER_SUITE)
        score.add(gold, produced, relax=False)
        classes, extras = classify(gold, produced)
        classes = [(_why_none(outcome) if c == "none" else c, t) for c, t in classes]
        miss_counts.update(c for c, _ in classes)
        for c, triple in classes:
            if c == "type":
                type_pairs[(triple[2], "/".join(sorted({p[2] for p in produced})))] += 1
        extra_types.update(t[2] for t in extras)
        wanted = args.show and (
            any(c.startswith(args.show) for c, _ in classes) or (args.show == "extra" and extras)
        )
        if wanted:
            _show(record, classes, extras, outcome)
    print("misses by class:", dict(miss_counts.most_common()))
    print("wrong type (gold <- produced):", dict(type_pairs.most_common(25)))
    print("extras by type:", dict(extra_types.most_common()))
    print(json.dumps(score.to_json()))
    return 0


def _show(
    record: dict, classes: list[tuple[str, Triple]], extras: list[Triple], outcome: StoryResult
) -> None:
    print(f"== {record['id']}")
    print(f"   {record['text']}")
    print(f"   gold text: {record.get('plover_record', {}).get('eventText')}")
    for c, triple in classes:
        print(f"   - {' '.join(triple)}  [{c}]")
    for triple in extras:
        print(f"   x {' '.join(triple)}")
    for event in outcome.events:
        trigger = outcome.story.text[event.trigger.start : event.trigger.end]
        print(f"     ev {event.cameo} {event.source}->{event.target} '{trigger}' {event.modality}")


if __name__ == "__main__":
    raise SystemExit(main())
