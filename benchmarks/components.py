"""Where the time of the full pipeline goes, component by component, in one process.

Run (the figures are in docs/benchmarks.md):

    .venv/bin/python benchmarks/components.py --limit 500 [--data FILE] [--rounds 2]

Every part runs back to back in the same process over the same stories, ``--rounds`` times,
and is timed in CPU seconds (``time.process_time``), so the shares hold on a loaded machine
where wall-clock rates do not: bare ``nlp.pipe`` of the model, then Dateline's steps one at a
time (clean, the truecasing tokenizer, each spaCy component including the registry's entity
rulers and the NER rules, each stage, the Arrow tables), then ``Pipeline.process`` as a whole.
Shares are of the bare ``nlp.pipe`` time; ``full / bare`` is the ratio of the rates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from throughput import copy_corpus, default_data

T = TypeVar("T")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=default_data(), help="JSONL(.gz) corpus")
    parser.add_argument("--limit", type=int, default=500, help="records to use (0: all)")
    parser.add_argument("--rounds", type=int, default=2, help="times to run every part")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dateline-components-") as folder:
        corpus = copy_corpus(args.data, Path(folder) / "corpus.jsonl", args.limit)
        print(render(measure(corpus, args.rounds)))
    return 0


class Clock:
    """CPU seconds per named part, added up over rounds."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)

    def timed(self, key: str, work: Callable[..., T], *args: Any) -> T:
        started = time.process_time()
        result = work(*args)
        self.cpu[key] += time.process_time() - started
        return result


def measure(corpus: Path, rounds: int) -> dict[str, Any]:
    import spacy

    from dateline.nlp import model_name
    from dateline.pipeline import Pipeline
    from dateline.reading import read_inputs
    from dateline.records import RawStory

    pipeline = Pipeline()
    bare = spacy.load(model_name(pipeline.settings))
    bare.max_length = pipeline.settings.nlp_max_length
    raws = [item for item in read_inputs([str(corpus)], pipeline.settings) if isinstance(item, RawStory)]
    clock = Clock()
    for _ in range(rounds):
        _one_round(clock, pipeline, bare, raws)
    words = sum(len(raw.text.split()) for raw in raws)
    return {"stories": len(raws), "words": words, "rounds": rounds, "cpu_s": dict(clock.cpu)}


def _one_round(clock: Clock, pipeline: Any, bare: Any, raws: list[Any]) -> None:
    from dateline.cleaning import clean_story
    from dateline.pipeline import STAGES, _offsets
    from dateline.store.arrow import result_tables, table_schemas
    from dateline.work import Work

    size, nlp, context = pipeline.settings.batch_size, pipeline.context.nlp, pipeline.context
    # bare and full first, so both meet the same cold or warm string store and caches
    clock.timed("bare nlp.pipe", _consume, bare.pipe([raw.text for raw in raws], batch_size=size))
    clock.timed("FULL Pipeline.process", _consume, pipeline.process(raws))
    stories = clock.timed("clean", _each, lambda raw: clean_story(raw, pipeline.registry), raws)
    docs = clock.timed("tokenizer with truecasing", _each, nlp.tokenizer, [s.clean_text for s in stories])
    for name, component in nlp.pipeline:
        docs = clock.timed(f"spaCy: {name}", _run_component, component, docs, size)
    works = [Work(story, doc, _offsets(story)) for story, doc in zip(stories, docs, strict=True)]
    for name, stage in STAGES:
        works = clock.timed(f"stage: {name}", _each, lambda work, s=stage: s(work, context), works)
    results = [work.result() for work in works]
    stamp = dt.datetime(2000, 1, 1)
    clock.timed("Arrow tables", lambda: result_tables(results, table_schemas(), stored_at=stamp))


def _consume(items: Any) -> list[Any]:
    return list(items)


def _each(function: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    return [function(item) for item in items]


def _run_component(component: Any, docs: list[Any], batch_size: int) -> list[Any]:
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=batch_size))
    return [component(doc) for doc in docs]


def render(figures: dict[str, Any]) -> str:
    cpu = figures["cpu_s"]
    bare, full = cpu["bare nlp.pipe"], cpu["FULL Pipeline.process"]
    lines = [
        f"{figures['stories']} stories, {figures['words']} words, {figures['rounds']} rounds (CPU seconds)",
        f"{'part':<30}{'CPU s':>9}{'% of bare':>11}",
    ]
    lines += [f"{key:<30}{value:>9.2f}{100 * value / bare:>10.1f}%" for key, value in cpu.items()]
    lines.append(f"full / bare spaCy rate: {bare / full:.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
