"""Story groups and event clusters against hand labels: pairwise P/R/F1 and B-cubed F1.

    .venv/bin/python benchmarks/clusters_eval.py [--shared ../shared] [--json FILE]

1. Story groups: every Reuters-21578 story with a body goes into a fresh store (text = body,
   published = date; no NLP is needed to group stories) and is grouped with the default
   settings. The labelled pairs of ``data/reuters_story_pairs.tsv`` are scored pairwise
   (copy / not a copy), and B-cubed over the stories of those pairs, gold clusters being the
   components of the pairs labelled ``copy``.
2. Event clusters: the VOA stories named in ``data/voa_event_clusters.json`` are processed by
   the pipeline into a fresh store and clustered. Each gold event is matched to the first of our
   events whose trigger lies inside the gold event's text (same CAMEO root first); its predicted
   cluster is that event's, and a gold event with no match is a cluster of its own. Gold
   clusters are the hand-made groups; every other gold event is alone.

The labels and how they were made: docs/clusters.md#measured.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import tempfile
import time
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from dateline.clustering import cluster_connection
from dateline.evaluation.clusters import ClusterScores, components, score_clusters, score_pairs
from dateline.evaluation.geo import half_of
from dateline.evaluation.scoring import Counts
from dateline.store import Store

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "data" / "reuters_story_pairs.tsv"
EVENT_LABELS = HERE / "data" / "voa_event_clusters.json"
#: the story ids of the VOA stories scored (those of March 2025, which follow the same news)
VOA_PREFIX = "80"

_LOAD_REUTERS = """
INSERT INTO stories (id, published, title, text, clean_text, metadata, origin_path, content_hash, stored_at)
SELECT id, CAST(date AS DATE), title, body, body, '{}', ?, md5(body), now()::TIMESTAMP
FROM read_json_auto(?) WHERE body IS NOT NULL AND length(body) > 0
"""


def story_groups(shared: Path, folder: Path) -> tuple[ClusterScores, dict[str, Any]]:
    corpus = shared / "data" / "reuters21578" / "reuters21578.jsonl.gz"
    with Store.open(folder / "reuters.duckdb") as store:
        store.connection.execute(_LOAD_REUTERS, [str(corpus), str(corpus)])
        started = time.perf_counter()
        report = cluster_connection(store.connection)
        seconds = time.perf_counter() - started
        group = dict(store.connection.execute("SELECT story_id, group_id FROM story_groups").fetchall())
    labelled = [line.split("\t") for line in _data_lines(PAIRS)]
    pairs = [(a, b, label == "copy") for a, b, _, label in labelled]
    counts = score_pairs((same, group[a] == group[b]) for a, b, same in pairs)
    halves = {
        half: score_pairs((same, group[a] == group[b]) for a, b, same in pairs if half_of(f"{a} {b}") == half)
        for half in ("even", "odd")
    }
    errors = [
        f"{half_of(f'{a} {b}'):<4} {'missed' if same else 'false'}  {a} {b}  {stratum}"
        for (a, b, same), (_, _, stratum, _) in zip(pairs, labelled, strict=True)
        if same != (group[a] == group[b])
    ]
    stories = sorted({story for a, b, _ in pairs for story in (a, b)})
    gold = components(stories, [(a, b) for a, b, same in pairs if same])
    scores = score_clusters(gold, {story: group[story] for story in stories})
    extra = {
        "labelled_pairs": len(pairs),
        "pairs": counts,
        "halves": halves,
        "errors": errors,
        "stories": report.stories,
        "groups": report.groups,
        "copies": report.copies,
        "seconds": round(seconds, 2),
    }
    return scores, extra


def event_clusters(shared: Path, folder: Path) -> tuple[ClusterScores, dict[str, Any]]:
    from dateline.pipeline import Pipeline
    from dateline.reading import read_inputs
    from dateline.records import StoryResult

    pipeline = Pipeline()
    stories = shared / "data" / "voa" / "stories.jsonl"
    results = [
        outcome
        for outcome in pipeline.process(read_inputs([str(stories)], pipeline.settings))
        if isinstance(outcome, StoryResult) and outcome.story.id.startswith(VOA_PREFIX)
    ]
    with Store.open(folder / "voa.duckdb") as store:
        store.add_many(results)
        report = cluster_connection(store.connection)
        members = store.connection.execute("SELECT story_id, seq, cluster_id FROM cluster_members").fetchall()
    cluster_of = {(story_id, seq): cluster for story_id, seq, cluster in members}
    by_id = {result.story.id: result for result in results}
    gold, predicted = _gold_events(shared, by_id, cluster_of)
    # the labelled cross-story events alone: B-cubed over all gold events is mostly singletons
    labelled = [item for item, label in gold.items() if str(label).startswith("gold-")]
    subset = score_clusters({i: gold[i] for i in labelled}, {i: predicted[i] for i in labelled})
    extra = {
        "stories": len(results),
        "events": report.events,
        "clusters": report.clusters,
        "cross_story_subset": subset,
    }
    return score_clusters(gold, predicted), extra


def _gold_events(
    shared: Path, results: dict[str, Any], cluster_of: dict[tuple[str, int], str]
) -> tuple[dict[Hashable, Hashable], dict[Hashable, Hashable]]:
    labels = json.loads(EVENT_LABELS.read_text(encoding="utf-8"))
    named = {
        (story, index): f"gold-{number}"
        for number, cluster in enumerate(labels["clusters"])
        for story, index in cluster["events"]
    }
    gold: dict[Hashable, Hashable] = {}
    predicted: dict[Hashable, Hashable] = {}
    for line in (shared / "data" / "voa" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        story_id = record["file"].removesuffix(".txt")
        if story_id not in results:
            continue
        for index, event in enumerate(record["events"]):
            item = (story_id, index)
            gold[item] = named.get(item, f"alone-{story_id}-{index}")
            seq = _match(results[story_id], event)
            alone = f"alone-{story_id}-{index}"
            predicted[item] = alone if seq is None else cluster_of.get((story_id, seq), alone)
    return gold, predicted


def _match(result: Any, gold_event: dict[str, Any]) -> int | None:
    """Our first event whose trigger is inside the gold text, one of the same CAMEO root first."""
    text = result.story.text
    start = text.find(gold_event["text"])
    if start < 0:
        return None
    end = start + len(gold_event["text"])
    inside = [seq for seq, event in enumerate(result.events) if start <= event.trigger.start < end]
    same_root = [seq for seq in inside if result.events[seq].cameo[:2] == gold_event["cameo_root"]]
    return (same_root or inside or [None])[0]


def _data_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")][1:]


def _line(name: str, scores: ClusterScores) -> str:
    pairs = scores.pairs
    return (
        f"{name:<15} items {scores.items:>4}  pairwise P {pairs.precision:.3f} R {pairs.recall:.3f} "
        f"F1 {pairs.f1:.3f} (tp {pairs.tp}, fp {pairs.fp}, fn {pairs.fn})  "
        f"B-cubed P {scores.bcubed_precision:.3f} R {scores.bcubed_recall:.3f} F1 {scores.bcubed_f1:.3f}"
    )


def _counts(counts: Counts) -> str:
    return (
        f"P {counts.precision:.3f} R {counts.recall:.3f} F1 {counts.f1:.3f} "
        f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"
    )


def _counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("DATELINE_SHARED", HERE.parent.parent / "shared"))
    parser.add_argument("--shared", type=Path, default=default, help="the shared folder (holds data/)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--skip-events", action="store_true", help="story groups only (no spaCy model)")
    parser.add_argument("--keep", type=Path, help="build the stores in this folder and keep them")
    parser.add_argument(
        "--show-errors", action="store_true", help="list the labelled pairs grouped wrongly, with their half"
    )
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory()
        if args.keep is None
        else contextlib.nullcontext(str(args.keep)) as folder
    ):
        groups, extra = story_groups(args.shared, Path(folder))
        labelled, halves, errors = extra.pop("pairs"), extra.pop("halves"), extra.pop("errors")
        print(_line("story groups", groups))
        print(
            f"  labelled Reuters pairs {extra['labelled_pairs']}: {_counts(labelled)}; corpus "
            f"{extra['stories']} stories -> {extra['groups']} groups ({extra['copies']} copies) in "
            f"{extra['seconds']} s"
        )
        for half, counts in halves.items():
            print(f"    {half} half: {_counts(counts)}")
        if args.show_errors:
            print("\n".join(f"    {line}" for line in errors))
        figures["story_groups"] = {
            **groups.to_json(),
            "labelled_pairs": _counts_json(labelled),
            **{f"labelled_pairs_{half}": _counts_json(counts) for half, counts in halves.items()},
            **extra,
        }
        if not args.skip_events:
            events, extra = event_clusters(args.shared, Path(folder))
            print(_line("event clusters", events))
            print(
                f"  VOA: {extra['stories']} stories, {extra['events']} events, {extra['clusters']} clusters"
            )
            subset = extra.pop("cross_story_subset")
            print(_line("  cross-story", subset) + " (the labelled cross-story events alone)")
            figures["event_clusters"] = {**events.to_json(), **extra, "cross_story_subset": subset.to_json()}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
