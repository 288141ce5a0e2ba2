"""Quote misses and extras on PolNeAR, article by article, for error analysis.

    python benchmarks/quotes_errors.py --gold ../shared/data/polnear/dev.jsonl.gz \
        [--half even|odd] [--kind direct|indirect] [--show misses|extras|none] [--limit N]

Halves follow the article's ``hash_bucket`` parity, as in docs/evaluation.md: develop on
one, check on the other. The spaCy parses of all the file's articles are cached (a
DocBin file under ``--cache``, keyed by model and article texts), so after the first run
only Dateline's own stages run and an iteration on the quote rules takes seconds. The figures printed at
the end are the same as ``dateline eval quotes`` on the chosen articles.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from spacy.tokens import Doc, DocBin

from dateline.actors import collect_actors
from dateline.cleaning import clean_story
from dateline.entities import find_entities
from dateline.evaluation.quotes import GoldDoc, Tally, match_quotes, read_gold, score_document
from dateline.pipeline import Pipeline
from dateline.quotes import extract_quotes
from dateline.records import Origin, Quote, RawStory, Story
from dateline.repair import offsets_from_repairs
from dateline.settings import Settings
from dateline.work import Work


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--half", choices=("even", "odd"))
    parser.add_argument("--kind", choices=("direct", "indirect"))
    parser.add_argument("--show", choices=("misses", "extras", "both", "none"), default="both")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/dateline-quote-parses"))
    args = parser.parse_args()

    every = list(read_gold(args.gold))
    pipeline = Pipeline(Settings())
    context = pipeline.context
    all_stories = [_story(d, args.gold, pipeline) for d in every]
    all_parsed = _parses(all_stories, pipeline, args.cache)
    chosen = [i for i, d in enumerate(every) if _in_half(d, args.half)][: args.limit]
    docs = [every[i] for i in chosen]
    stories = [all_stories[i] for i in chosen]
    parsed = [all_parsed[i] for i in chosen]

    totals = {name: Tally() for name in ("direct", "indirect", "all")}
    for gold, story, doc in zip(docs, stories, parsed, strict=True):
        work = Work(story, doc, offsets_from_repairs(story.repairs, len(story.text)))
        for stage in (find_entities, collect_actors, extract_quotes):
            work = stage(work, context)
        for name, tally in score_document(gold.attributions, work.quotes).items():
            totals[name].add(tally)
        if args.show != "none":
            _show(gold, work.quotes, args)
    for name, tally in totals.items():
        row = tally.to_json()
        print(
            f"{name:<9} gold {row['gold']:>5} recall {row['recall']:.3f} "
            f"pred {row['predicted']:>5} precision {row['precision']:.3f} "
            f"speaker {row['speaker_accuracy']:.3f}"
        )
    return 0


def _in_half(doc: GoldDoc, half: str | None) -> bool:
    return half is None or (doc.bucket % 2 == 0) == (half == "even")


def _story(doc: GoldDoc, gold: Path, pipeline: Pipeline) -> Story:
    raw = RawStory(doc.doc_id, doc.text, Origin(str(gold), record=doc.doc_id), published=doc.published)
    return clean_story(raw, pipeline.registry)


def _parses(stories: list[Story], pipeline: Pipeline, cache: Path) -> list[Doc]:
    nlp = pipeline.context.nlp
    key = hashlib.sha1(f"{nlp.meta['name']}-{nlp.meta['version']}".encode())
    for story in stories:
        key.update(story.clean_text.encode())
    path = cache / f"{key.hexdigest()[:16]}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    print(f"parsing {len(stories)} articles (cached in {path} for the next run)", file=sys.stderr)
    docs = list(nlp.pipe([s.clean_text for s in stories], batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def _show(gold: GoldDoc, quotes: tuple[Quote, ...], args: argparse.Namespace) -> None:
    pairs = match_quotes(gold.attributions, quotes)
    matched = set(pairs.values())
    lines = []
    if args.show in ("misses", "both"):
        for index, item in enumerate(gold.attributions):
            kind = "direct" if item.direct else "indirect"
            if index in pairs or (args.kind and kind != args.kind):
                continue
            content = " | ".join(gold.text[s:e] for s, e in item.content)
            source = " | ".join(gold.text[s:e] for s, e in item.source)
            lines.append(f"  MISS {kind} [{source}] {_clip(content)}")
    if args.show in ("extras", "both"):
        for index, quote in enumerate(quotes):
            if index in matched or (args.kind and quote.kind != args.kind):
                continue
            mention = quote.speaker_mention.text if quote.speaker_mention else "-"
            cue = quote.cue.text if quote.cue else "-"
            lines.append(f"  EXTRA {quote.kind} [{mention} / {cue}] {_clip(quote.text)}")
    if lines:
        print(f"== {gold.doc_id}")
        print("\n".join(lines))


def _clip(text: str, width: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


if __name__ == "__main__":
    raise SystemExit(main())
