"""List gold vs produced event triples per record, to see error classes (issue #4).

    .venv/bin/python benchmarks/events_errors.py --gold ../shared/data/event-gold/dev.jsonl \
        --suite petr_validate_2_02 [--half even|odd] [--wrong] [--limit N]

``--half`` splits records by the parity of ``sha256(id)``: develop on one half, check on the other.
Prints per-record lines (``+`` found, ``-`` missed, ``x`` extra) and the suite figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from dateline.evaluation.events import (
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


def half_of(record_id: str) -> str:
    return "even" if int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % 2 == 0 else "odd"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--suite", required=True)
    parser.add_argument("--half", choices=("even", "odd"))
    parser.add_argument("--wrong", action="store_true", help="only records with a miss or an extra")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    chosen = [r for r in records if r["suite"] == args.suite and _scored(r)]
    if args.half:
        chosen = [r for r in chosen if half_of(r["id"]) == args.half]
    chosen = chosen[: args.limit]
    settings = _suite_settings(args.suite, args.gold, Settings())
    pipeline = Pipeline(settings)
    score = SuiteScore()
    outcomes = pipeline.process(_raw(r, args.gold, n) for n, r in enumerate(chosen, 1))
    for record, outcome in zip(chosen, outcomes, strict=True):
        if not isinstance(outcome, StoryResult):
            score.failed += 1
            print(f"FAILED {record['id']}: {outcome}")
            continue
        produced = produced_triples(outcome.events, suite=args.suite, config=record.get("config") or {})
        gold = gold_triples(record, args.suite)
        if record.get("no_events"):
            score.no_event_records += 1
            score.no_event_clean += not produced
        score.add(gold, produced, relax=args.suite != "plover_gsr")
        if not args.quiet:
            _show(record, gold, produced, outcome, args.wrong)
    print(json.dumps(score.to_json()), file=sys.stdout)
    return 0


def _show(record: dict, gold: list, produced: list, outcome: StoryResult, wrong: bool) -> None:
    left = Counter(produced)
    marks = []
    for triple in gold:
        if left[triple] > 0:
            left[triple] -= 1
            marks.append(("+", triple))
        else:
            marks.append(("-", triple))
    marks.extend(("x", t) for t in left.elements())
    if wrong and all(m == "+" for m, _ in marks) and not (record.get("no_events") and produced):
        return
    config = record.get("config") or {}
    flags = (json.dumps(config) if config else "") + (" NO_EVENTS" if record.get("no_events") else "")
    print(f"== {record['id']} {flags}")
    print(f"   {record['text']}")
    for mark, triple in marks:
        print(f"   {mark} {' '.join(triple)}")
    for event in outcome.events:
        trig = outcome_text(outcome, event.trigger)
        print(f"     ev {event.cameo} {event.source}->{event.target} '{trig}' {event.modality}")


def outcome_text(outcome: StoryResult, span: object) -> str:
    text = outcome.story.text if hasattr(outcome, "story") else ""
    start, end = getattr(span, "start", 0), getattr(span, "end", 0)
    return text[start:end] if text else f"{start}:{end}"


if __name__ == "__main__":
    raise SystemExit(main())
