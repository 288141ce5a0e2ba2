"""How much the quote stage costs next to the NLP parse, on PolNeAR articles.

``python benchmarks/quotes_speed.py --gold FILE [--limit N]`` cleans each
article, times ``nlp.pipe`` over all of them, then times the stages before quotes
(untimed) and the quote stage alone (timed), and prints both totals and their ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from dateline.actors import collect_actors
from dateline.cleaning import clean_story
from dateline.entities import find_entities
from dateline.evaluation.quotes import read_gold
from dateline.pipeline import Pipeline
from dateline.quotes import extract_quotes
from dateline.records import Origin, RawStory
from dateline.repair import offsets_from_repairs
from dateline.settings import Settings
from dateline.work import Work


def measure(gold: Path, settings: Settings, *, limit: int) -> tuple[int, float, float]:
    """Articles, seconds of ``nlp.pipe``, seconds of ``extract_quotes``."""
    pipeline = Pipeline(settings)
    ctx = pipeline.context
    docs = list(read_gold(gold))[:limit]
    stories = [
        clean_story(RawStory(d.doc_id, d.text, Origin(str(gold)), published=d.published), ctx.registry)
        for d in docs
    ]
    began = time.perf_counter()
    parsed = list(ctx.nlp.pipe([s.clean_text for s in stories], batch_size=settings.batch_size))
    nlp_seconds = time.perf_counter() - began
    quote_seconds = 0.0
    for story, doc in zip(stories, parsed, strict=True):
        work = Work(story, doc, offsets_from_repairs(story.repairs, len(story.text)))
        work = collect_actors(find_entities(work, ctx), ctx)
        began = time.perf_counter()
        extract_quotes(work, ctx)
        quote_seconds += time.perf_counter() - began
    return len(stories), nlp_seconds, quote_seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/quotes_speed.py")
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args(argv)
    count, nlp_seconds, quote_seconds = measure(args.gold, Settings(), limit=args.limit)
    ratio = quote_seconds / nlp_seconds if nlp_seconds else 0.0
    sys.stdout.write(
        f"{count} articles: nlp.pipe {nlp_seconds:.1f}s, "
        f"quotes stage {quote_seconds:.2f}s, ratio {ratio:.1%}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
