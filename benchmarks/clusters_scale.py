"""Time and peak memory of ``dateline cluster`` on a synthetic store of a million events.

    .venv/bin/python benchmarks/clusters_scale.py [--events 1000000] [--json FILE]

The store is built in SQL (no spaCy): ``events / 4`` stories of four events each. The events
report ``events * 0.6`` real-world events, so 40 % of them are second reports of an event
another story reported (another agency, a date a day off, a more specific CAMEO code of the
same root, an agent instead of the government); every 50th story is a republished copy of the
story before it. 150 countries, 20 CAMEO roots (drawn by hash) and two years of dates spread
the rest. It then
times a full clustering, a re-run with nothing new (idempotent: nothing recomputed), an
incremental run after 1 % more stories, and a full clustering read from Parquet shards.
Peak memory is the process's maximum resident set size (DuckDB runs in-process).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from dateline.clustering import cluster_store
from dateline.store import Store

COUNTRIES = 150
ROOTS = 20
DAYS = 730
#: each story reports this many events
PER_STORY = 4
#: real-world events per reported event
REAL_SHARE = 0.6
#: every COPY_EVERY-th story republishes the story before it
COPY_EVERY = 50
AGENCIES = ("Reuters", "AFP", "AP", "TASS", "Xinhua", "DPA")

#: a story's text: its own number and three words drawn from it, around a standing phrase
_BODY = (
    "printf('Story number %d reports word%d word%d word%d and more words of its own today.', "
    "n, n % 97, n % 89, n % 83)"
)
_STORIES = f"""
INSERT INTO stories (id, source, published, title, text, clean_text, metadata, origin_path,
                     content_hash, stored_at)
SELECT printf('s%08d', s), $agencies[1 + (s % $n_agencies)],
       DATE '2023-01-01' + CAST(s * $days // $stories AS INTEGER),
       NULL, body, body, '{{}}', 'synthetic', md5(body), now()::TIMESTAMP
FROM (
    SELECT s, {_BODY} AS body
    FROM (SELECT s, CASE WHEN s % $copy_every = 0 AND s > $first THEN s - 1 ELSE s END AS n
          FROM range($first, $first + $count) AS r(s))
)
"""
#: three letters from a number, as CAMEO country codes are
_COUNTRY = (
    "CREATE OR REPLACE TEMP MACRO country(x) AS "
    "chr(65 + CAST(x // 26 AS INTEGER)) || chr(65 + CAST(x % 26 AS INTEGER)) || 'Q'"
)
_EVENTS = """
INSERT INTO events
SELECT printf('s%08d', s), k, cameo, 'synthetic', left(cameo, 2), -2.0, 3, NULL, NULL, NULL, NULL,
       [src || agent], [tgt || 'GOV'], [], [], day, strftime(day, '%Y-%m-%d'), 'day', [], 'met',
       0, 3, 0, 40, NULL, false
FROM (
    SELECT s, k, real,
           country(hash(real, 1) % $countries) AS src,
           country(hash(real, 2) % $countries) AS tgt,
           printf('%02d', 1 + hash(real, 3) % $roots) || CASE WHEN (s + k) % 2 = 0 THEN '' ELSE '1' END
               AS cameo,
           CASE WHEN (s + k) % 3 = 0 THEN 'MIL' ELSE 'GOV' END AS agent,
           DATE '2023-01-01' + CAST(real * $days // $real_events AS INTEGER) + CAST((s + k) % 2 AS INTEGER)
               AS day
    FROM (
        SELECT s, k,
               CASE WHEN s % $copy_every = 0 AND s > 0 THEN ((s - 1) * $per_story + k)
                    ELSE (s * $per_story + k) END % $real_events AS real
        FROM range($first, $first + $count) AS r(s), range($per_story) AS q(k)
    )
)
"""


def build(path: Path, *, first: int, count: int, stories: int, real_events: int) -> None:
    values: dict[str, Any] = {
        "first": first,
        "count": count,
        "stories": stories,
        "days": DAYS,
        "copy_every": COPY_EVERY,
        "agencies": list(AGENCIES),
        "n_agencies": len(AGENCIES),
    }
    event_values = {
        "first": first,
        "count": count,
        "per_story": PER_STORY,
        "real_events": real_events,
        "countries": COUNTRIES,
        "roots": ROOTS,
        "days": DAYS,
        "copy_every": COPY_EVERY,
    }
    with Store.open(path) as store:
        store.connection.execute(_COUNTRY)
        store.connection.execute(_STORIES, values)
        store.connection.execute(_EVENTS, event_values)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, action: Any) -> dict[str, Any]:
    started = time.perf_counter()
    report = action()
    seconds = time.perf_counter() - started
    figures = {
        "step": label,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_mb()),
        **report.to_json(),
    }
    print(f"{label:<28} {seconds:7.1f} s  peak RSS {peak_mb():6.0f} MB  {report.to_text()}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    stories = args.events // PER_STORY
    real = int(args.events * REAL_SHARE)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "synthetic.duckdb"
        started = time.perf_counter()
        build(db, first=0, count=stories, stories=stories, real_events=real)
        print(
            f"built {stories} stories, {stories * PER_STORY} events in {time.perf_counter() - started:.1f} s"
        )
        results.append(timed("full clustering", lambda: cluster_store(db)))
        results.append(timed("re-run, nothing new", lambda: cluster_store(db)))
        extra = stories // 100
        build(db, first=stories, count=extra, stories=stories, real_events=real)
        results.append(timed(f"incremental (+{extra} stories)", lambda: cluster_store(db)))
        shards = Path(folder) / "batch" / "shards" / "shard-000000"
        shards.mkdir(parents=True)
        with Store.open(db) as store:
            for table in ("stories", "events"):
                store.connection.execute(
                    f"COPY {table} TO '{shards / (table + '.parquet')}' (FORMAT parquet)"
                )
        archive = Path(folder) / "archive.duckdb"
        results.append(
            timed("full, from Parquet shards", lambda: cluster_store(archive, shards=shards.parents[1]))
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
