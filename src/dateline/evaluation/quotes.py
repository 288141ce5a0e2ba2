"""Score quotes against PolNeAR JSONL (``shared/data/polnear``): content spans and speakers.

Gold: the canonical annotator's attributions. A gold attribution is *direct* when
its content text holds a quotation mark (``"``, ``“``, ``”``), else *indirect*.

Matching (one-to-one, greedy by overlap): a predicted quote matches a gold
attribution when their content characters overlap by at least half of the gold
content's characters AND at least half of the predicted content's characters
(discontinuous spans count only their own characters). Figures:

- recall per gold kind (direct, indirect, all): matched gold / gold;
- precision per predicted kind: matched predictions / predictions;
- speaker accuracy among matched gold that names a source: our ``speaker_mention``
  overlaps the gold source span by at least one character.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..pipeline import Pipeline
from ..records import Origin, Problem, Quote, RawStory
from ..settings import Settings

QUOTE_MARKS = ('"', "“", "”")
#: share of both contents that must overlap for a match
MATCH_SHARE = 0.5

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Ranges
    source: Ranges
    direct: bool


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    text: str
    published: dt.date | None
    bucket: int
    attributions: tuple[GoldAttribution, ...]


@dataclass
class Tally:
    """Counts for one slice (direct, indirect or all); filled while scoring."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    with_source: int = 0
    speaker_right: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "found", "predicted", "correct", "with_source", "speaker_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "recall": _ratio(self.found, self.gold),
            "predicted": self.predicted,
            "precision": _ratio(self.correct, self.predicted),
            "speaker_accuracy": _ratio(self.speaker_right, self.with_source),
            "matched_with_source": self.with_source,
        }


@dataclass
class QuotesReport:
    gold_path: str
    documents: int = 0
    failures: int = 0
    seconds: float = 0.0
    slices: dict[str, Tally] = field(
        default_factory=lambda: {k: Tally() for k in ("direct", "indirect", "all")}
    )

    def to_json(self) -> dict[str, Any]:
        return {
            "task": "quotes",
            "gold": self.gold_path,
            "documents": self.documents,
            "failures": self.failures,
            "seconds": round(self.seconds, 1),
            "match": f"overlap >= {MATCH_SHARE:.0%} of gold and of predicted content characters",
            **{name: tally.to_json() for name, tally in self.slices.items()},
        }

    def to_text(self) -> str:
        lines = [
            f"quotes vs {self.gold_path}: {self.documents} documents, "
            f"{self.failures} failed, {self.seconds:.0f}s"
        ]
        lines.append(f"{'slice':<9} {'gold':>6} {'recall':>7} {'pred':>6} {'precision':>9} {'speaker':>8}")
        for name, tally in self.slices.items():
            row = tally.to_json()
            lines.append(
                f"{name:<9} {row['gold']:>6} {row['recall']:>7.3f} {row['predicted']:>6} "
                f"{row['precision']:>9.3f} {row['speaker_accuracy']:>8.3f}"
            )
        lines.append(
            "match: content overlap >= 50% of gold and of predicted characters; "
            "speaker: mention overlaps source"
        )
        return "\n".join(lines)


def evaluate(
    gold: Path,
    settings: Settings,
    *,
    limit: int | None = None,
    select: Callable[[GoldDoc], bool] | None = None,
) -> QuotesReport:
    """Run the real pipeline over the PolNeAR articles and score its quotes."""
    docs = [d for d in read_gold(gold) if select is None or select(d)][:limit]
    report = QuotesReport(str(gold))
    pipeline = Pipeline(settings)
    raws = (
        RawStory(d.doc_id, d.text, Origin(str(gold), record=d.doc_id), published=d.published) for d in docs
    )
    began = time.perf_counter()
    for doc, outcome in zip(docs, pipeline.process(raws), strict=True):
        report.documents += 1
        if isinstance(outcome, Problem):
            report.failures += 1
            continue
        for name, tally in score_document(doc.attributions, outcome.quotes).items():
            report.slices[name].add(tally)
    report.seconds = time.perf_counter() - began
    return report


def read_gold(path: Path) -> Iterator[GoldDoc]:
    """PolNeAR JSONL records with the canonical annotator's attributions."""
    with _open(path) as stream:
        for line in stream:
            if line.strip():
                yield _gold_doc(json.loads(line))


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def _gold_doc(record: dict[str, Any]) -> GoldDoc:
    canonical = record.get("canonical_annotator")
    entry = next((a for a in record.get("annotations", []) if a.get("annotator") == canonical), None)
    attributions = tuple(_attribution(a) for a in (entry or {}).get("attributions", []))
    date = record.get("publication_date")
    try:
        published = dt.date.fromisoformat(str(date)[:10]) if date else None
    except ValueError:
        published = None
    return GoldDoc(
        record["doc_id"], record["text"], published, int(record.get("hash_bucket", 0)), attributions
    )


def _attribution(item: dict[str, Any]) -> GoldAttribution:
    content = tuple((int(s), int(e)) for part in item.get("content", []) for s, e in part["spans"])
    source = tuple((int(s), int(e)) for part in item.get("source", []) for s, e in part["spans"])
    text = " ".join(part["text"] for part in item.get("content", []))
    return GoldAttribution(content, source, any(mark in text for mark in QUOTE_MARKS))


def score_document(gold: tuple[GoldAttribution, ...], quotes: tuple[Quote, ...]) -> dict[str, Tally]:
    """Tallies of one document, per slice."""
    pairs = match_quotes(gold, quotes)
    tallies = {name: Tally() for name in ("direct", "indirect", "all")}
    for index, item in enumerate(gold):
        for name in ("direct" if item.direct else "indirect", "all"):
            tally = tallies[name]
            tally.gold += 1
            if index in pairs:
                tally.found += 1
                if item.source:
                    tally.with_source += 1
                    mention = quotes[pairs[index]].speaker_mention
                    if mention is not None and _overlap(((mention.start, mention.end),), item.source):
                        tally.speaker_right += 1
    matched_predictions = set(pairs.values())
    heads = attribution_heads(quotes)
    for index, quote in enumerate(quotes):
        if heads[index] != index:
            continue  # counted with the quote it continues
        for name in (quote.kind, "all"):
            tallies[name].predicted += 1
            tallies[name].correct += index in matched_predictions
    return tallies


def match_quotes(gold: tuple[GoldAttribution, ...], quotes: tuple[Quote, ...]) -> dict[int, int]:
    """Gold index -> index of the quote that matches it (see the module's matching rule).

    A quotation that continues the one before under the same cue is, as PolNeAR annotates it,
    part of one attribution: its ranges join the first quote of the run, which stands for it.
    """
    heads = attribution_heads(quotes)
    ranges: dict[int, Ranges] = {}
    for index, quote in enumerate(quotes):
        ranges[heads[index]] = ranges.get(heads[index], ()) + _ranges(quote)
    order = sorted(ranges)
    pairs = _match([g.content for g in gold], [ranges[i] for i in order])
    return {g: order[p] for g, p in pairs.items()}


def attribution_heads(quotes: tuple[Quote, ...]) -> list[int]:
    """For each quote, the index of the first quote of its run under one cue."""
    heads: list[int] = []
    for index, quote in enumerate(quotes):
        heads.append(_continued(quotes, index, heads) if quote.continues else index)
    return heads


def _continued(quotes: tuple[Quote, ...], index: int, heads: list[int]) -> int:
    """The head of the latest earlier quote under the same cue (a reported clause may stand between)."""
    cue = quotes[index].cue
    if cue is None:  # a stretch of a quotation with no cue continues the stretch just before
        return heads[index - 1] if index else index
    for before in range(index - 1, -1, -1):
        other = quotes[before].cue
        if cue is not None and other is not None and (other.start, other.end) == (cue.start, cue.end):
            return heads[before]
    return index


def _ranges(quote: Quote) -> Ranges:
    if quote.parts:
        return tuple((p.start, p.end) for p in quote.parts)
    return ((quote.start, quote.end),)


def _match(gold: list[Ranges], predicted: list[Ranges]) -> dict[int, int]:
    """Gold index -> predicted index, one-to-one, largest overlaps first."""
    options = []
    for g, gold_ranges in enumerate(gold):
        gold_size = _size(gold_ranges)
        for p, pred_ranges in enumerate(predicted):
            shared = _overlap(gold_ranges, pred_ranges)
            if shared and shared >= MATCH_SHARE * gold_size and shared >= MATCH_SHARE * _size(pred_ranges):
                options.append((shared, g, p))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in sorted(options, reverse=True):
        if g not in pairs and p not in used:
            pairs[g] = p
            used.add(p)
    return pairs


def _size(ranges: Ranges) -> int:
    return sum(e - s for s, e in ranges)


def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
