"""How fast the DuckDB store takes results: stories/s of ``Store.add_many``.

The results are built by hand (no spaCy), shaped like a wire story of about 2,000
characters with 12 entities, 5 actors, 3 quotes, 4 events and a cast of 10 members with 2
mentions each (the example stories average 10 and 20), so the figure measures the store alone. Run:

    .venv/bin/python benchmarks/store_bulk.py [--stories 2000] [--batch 500]

It prints, for a fresh store in a temporary folder: one add_many of all stories, the same
stories again (the idempotent no-op path), all of them changed (the replace path), and
batches of ``--batch`` into another fresh store, as the batch runner would call it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dateline.records import (
    Actor,
    CastMention,
    Dateline,
    Entity,
    Event,
    Member,
    Origin,
    Quote,
    Span,
    Speaker,
    Story,
    StoryResult,
)
from dateline.store import Store

SENTENCE = "The foreign minister of Ruritania met his Freedonian counterpart in Zenda on Tuesday. "
COUNTS = {"entities": 12, "actors": 5, "quotes": 3, "events": 4, "cast": 10}


def synthetic_result(index: int) -> StoryResult:
    """One story; offsets are real slices of its text so the rows look like real ones."""
    text = "ZENDA (Wire): " + SENTENCE * 23
    date = dt.date(2020, 1, 1) + dt.timedelta(days=index % 1500)
    step = len(SENTENCE)
    story = Story(
        id=f"bench-{index:07d}",
        text=text,
        clean_text=text,
        repairs=(),
        origin=Origin("bench"),
        published=date,
        dateline=Dateline("ZENDA (Wire)", 0, 12, "Zenda", "RUR", "Wire"),
        source="Wire",
        metadata={"n": index},
    )

    def at(i: int, offset: int, width: int) -> Span:
        start = 14 + i * step + offset
        return Span(start, start + width, text[start : start + width])

    entities = tuple(
        Entity(at(i, 28, 9).text, "GPE", at(i, 28, 9).start, at(i, 28, 9).end, "RURGOV")
        for i in range(COUNTS["entities"])
    )
    actors = tuple(
        Actor(f"RUR{i}GOV", "Ruritania", "RUR", "GOV", None, ((14, 20), (40, 50)))
        for i in range(COUNTS["actors"])
    )
    quotes = tuple(
        Quote(
            at(i, 0, 40).text,
            at(i, 0, 40).start,
            at(i, 0, 40).end,
            "indirect",
            at(i, 41, 3),
            at(i, 4, 16),
            Speaker("Foreign Minister", "RURGOV", "c1"),
        )
        for i in range(COUNTS["quotes"])
    )
    events = tuple(
        Event(
            "040",
            "Consult",
            1.0,
            1,
            {"type": "CONSULT", "mode": "visit", "context": []},
            ("RURGOV",),
            ("FRDGOV",),
            date.isoformat(),
            "day",
            (),
            at(i, 38, 3),
            at(i, 0, step - 1),
            source_cast=("c1",),
            target_cast=("c2",),
        )
        for i in range(COUNTS["events"])
    )
    cast = tuple(
        Member(
            f"c{i + 1}",
            "Ruritania",
            "RURGOV",
            "government",
            "RUR",
            tuple(
                CastMention(s.start, s.end, s.text, "name: 'Ruritania' is Ruritania")
                for s in (at(i, 28, 9), at(i + 1, 28, 9))
            ),
        )
        for i in range(COUNTS["cast"])
    )
    return StoryResult(story, entities, actors, quotes, events, cast)


def timed(label: str, count: int, action: Callable[[], int]) -> None:
    start = time.perf_counter()
    written = action()
    seconds = time.perf_counter() - start
    rate = count / seconds
    print(f"{label:<34} {count:>6} stories  {written:>6} written  {seconds:7.2f} s  {rate:9.0f} stories/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    results = [synthetic_result(i) for i in range(args.stories)]
    changed = [dataclasses.replace(r, events=r.events[:-1]) for r in results]
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "one.duckdb") as store:
            timed("add_many, one transaction", len(results), lambda: store.add_many(results))
            timed("same stories again (no-op)", len(results), lambda: store.add_many(results))
            timed("changed stories (replace)", len(results), lambda: store.add_many(changed))
        with Store.open(Path(folder) / "batches.duckdb") as store:

            def batches() -> int:
                return sum(
                    store.add_many(results[i : i + args.batch]) for i in range(0, len(results), args.batch)
                )

            timed(f"add_many, batches of {args.batch}", len(results), batches)
        with Store.open(Path(folder) / "single.duckdb") as store:
            few = results[:200]
            timed("add, one story per transaction", len(few), lambda: sum(store.add(r) for r in few))


if __name__ == "__main__":
    main()
