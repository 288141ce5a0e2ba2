"""``dateline eval ner``: exact-span entity P/R/F1 on CoNLL-2003, through the real pipeline.

Protocol: each document is rebuilt as text (tokens joined by spaces, one
sentence per line), processed by :class:`~dateline.pipeline.Pipeline` exactly
as ``dateline process`` would, and every predicted entity whose character span
covers whole gold tokens is compared with the gold entities (conlleval-style:
type and both boundaries must match). spaCy's labels are mapped onto CoNLL's
four; labels with no CoNLL counterpart (DATE, CARDINAL, ...) are dropped.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from ..records import Origin, Problem, RawStory, StoryResult
from ..settings import Settings
from .conll import ConllDoc, Detokenized, TokenSpan, char_to_token_span, detokenize, gold_spans, read_conll
from .scoring import Counts, compare, pooled

#: spaCy (OntoNotes) label -> CoNLL-2003 label
LABEL_MAP: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")
#: the headline figure pools these (MISC conventions differ most between the schemes)
HEADLINE_TYPES = ("PER", "ORG", "LOC")
#: the document list that sits beside ``dev.conll`` and names each document's source part
DOCS_SUFFIX = ".docs.tsv"


@dataclass(frozen=True)
class Scores:
    """Counts per CoNLL type for a group of documents."""

    by_type: dict[str, Counts]
    documents: int

    @property
    def headline(self) -> Counts:
        return pooled(self.by_type[kind] for kind in HEADLINE_TYPES)

    @property
    def overall(self) -> Counts:
        return pooled(self.by_type[kind] for kind in TYPES)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "types": {kind: self.by_type[kind].to_json() for kind in TYPES},
            "micro_per_org_loc": self.headline.to_json(),
            "micro_all": self.overall.to_json(),
        }


@dataclass(frozen=True)
class NerReport:
    """Figures for the whole file and, where the document list says, per source part."""

    gold: str
    scores: Scores
    parts: dict[str, Scores] = field(default_factory=dict)
    tokens: int = 0
    seconds: float = 0.0
    failures: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "task": "ner",
            "gold": self.gold,
            "tokens": self.tokens,
            "seconds": round(self.seconds, 1),
            "failures": self.failures,
            **self.scores.to_json(),
            "parts": {name: scores.to_json() for name, scores in self.parts.items()},
        }

    def to_text(self) -> str:
        lines = [
            f"NER on {self.gold}: {self.scores.documents} documents, {self.tokens} tokens, "
            f"{self.seconds:.1f}s" + (f", {self.failures} failed" if self.failures else ""),
            "",
            *_table(self.scores),
        ]
        for name, scores in self.parts.items():
            lines += ["", f"{name} ({scores.documents} documents)", *_table(scores)]
        return "\n".join(lines)


def _table(scores: Scores) -> list[str]:
    rows = [f"{'type':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    named = [(kind, scores.by_type[kind]) for kind in TYPES]
    named += [("micro P/O/L", scores.headline), ("micro all", scores.overall)]
    for name, counts in named:
        rows.append(
            f"{name:<14}{counts.precision:>8.3f}{counts.recall:>8.3f}{counts.f1:>8.3f}"
            f"{counts.gold:>8}{counts.predicted:>8}"
        )
    return rows


def evaluate(gold: Path, settings: Settings, *, limit: int | None = None) -> NerReport:
    """Score the pipeline's entities against a CoNLL-2003 file."""
    docs = list(_first(read_conll(gold), limit))
    texts = [detokenize(doc) for doc in docs]
    began = time.perf_counter()
    predicted, failures = predict(docs, texts, Pipeline(settings), origin=str(gold))
    seconds = time.perf_counter() - began
    per_doc = [score_document(doc, pred) for doc, pred in zip(docs, predicted, strict=True)]
    parts = _parts(gold, per_doc)
    return NerReport(
        gold=str(gold),
        scores=_sum(per_doc),
        parts=parts,
        tokens=sum(len(doc.tokens) for doc in docs),
        seconds=seconds,
        failures=failures,
    )


def predict(
    docs: list[ConllDoc], texts: list[Detokenized], pipeline: Pipeline, *, origin: str
) -> tuple[list[set[TokenSpan]], int]:
    """Predicted entities of every document, as CoNLL token spans; and how many documents failed."""
    raws = (
        RawStory(id=f"conll-{doc.index}", text=text.text, origin=Origin(origin, record=str(doc.index)))
        for doc, text in zip(docs, texts, strict=True)
    )
    predicted: list[set[TokenSpan]] = []
    failures = 0
    for text, outcome in zip(texts, pipeline.process(raws), strict=True):
        if isinstance(outcome, Problem):
            failures += 1
            predicted.append(set())
        else:
            predicted.append(aligned_entities(outcome, text))
    return predicted, failures


def aligned_entities(result: StoryResult, text: Detokenized) -> set[TokenSpan]:
    """The result's entities with a CoNLL type, on gold tokens (misaligned ones cannot match)."""
    spans: set[TokenSpan] = set()
    for entity in result.entities:
        label = LABEL_MAP.get(entity.label)
        if label is None:
            continue
        span = char_to_token_span(text, entity.start, entity.end, label)
        # a span that cuts a token still counts as a false positive, under an impossible position
        spans.add(span or TokenSpan(-entity.start - 1, -entity.end - 1, label))
    return spans


def score_document(doc: ConllDoc, predicted: set[TokenSpan]) -> Scores:
    """Counts per type for one document."""
    gold = gold_spans(doc.tags)
    by_type = {
        kind: compare({s for s in gold if s.label == kind}, {s for s in predicted if s.label == kind})
        for kind in TYPES
    }
    return Scores(by_type, 1)


def _sum(scores: Iterable[Scores]) -> Scores:
    items = list(scores)
    by_type = {kind: pooled(item.by_type[kind] for item in items) for kind in TYPES}
    return Scores(by_type, len(items))


def _parts(gold: Path, per_doc: list[Scores]) -> dict[str, Scores]:
    """Figures per source part (testa, testb) when the document list sits beside the gold file."""
    listing = gold.with_name(gold.stem + DOCS_SUFFIX)
    if not listing.is_file():
        return {}
    with open(listing, encoding="utf-8", newline="") as handle:
        names = [row["source_part"] for row in csv.DictReader(handle, delimiter="\t")]
    groups: dict[str, list[Scores]] = {}
    for name, scores in zip(names, per_doc, strict=False):
        groups.setdefault(name, []).append(scores)
    return {name: _sum(items) for name, items in groups.items()}


def _first(docs: Iterator[ConllDoc], limit: int | None) -> Iterator[ConllDoc]:
    for doc in docs:
        if limit is not None and doc.index >= limit:
            return
        yield doc
