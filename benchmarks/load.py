"""Load test of `dateline serve`: requests/s and p50/p99 latency of the story view and timeline.

1. build (or reuse) a store of at least --stories stories from the Reuters-21578 bodies in
   ../shared/data, each with synthetic actors, a quote and events between a few actors (no NLP:
   the store's bulk path, so the store is ready in seconds);
2. start the server in its own process on 127.0.0.1 (only loopback traffic);
3. fire --requests requests per endpoint from --clients concurrent clients and report.

    .venv/bin/python benchmarks/load.py --stories 10000 --requests 2000 --clients 4
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from dateline.records import Actor, Event, Origin, Quote, Span, Speaker, Story, StoryResult
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]
REUTERS = (
    Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
    / "data/reuters21578/reuters21578.jsonl.gz"
)
ACTORS = ("CHNGOV", "RUSGOV", "USAGOV", "FRAGOV", "DEUGOV", "IRNGOV", "GBRGOV", "JPNGOV")
#: (CAMEO code, name, Goldstein, QuadClass): a spread over the four QuadClasses
CODES = (
    ("036", "Express intent to meet or negotiate", 4.0, 1),
    ("042", "Make a visit", 1.9, 1),
    ("061", "Cooperate economically", 6.4, 2),
    ("111", "Criticize or denounce", -2.0, 3),
    ("130", "Threaten", -4.4, 3),
    ("163", "Impose embargo, boycott, or sanctions", -8.0, 4),
)
EVENTS_PER_STORY = 3
FIRST_DAY = dt.date(2019, 1, 1)
DAYS = 4 * 365


def reuters_bodies() -> Iterator[str]:
    with gzip.open(REUTERS, "rt", encoding="utf-8") as lines:
        for line in lines:
            body = json.loads(line).get("body") or ""
            if len(body) > 200:
                yield body


def synthetic_result(number: int, body: str, rng: random.Random) -> StoryResult:
    """A story whose text is real and whose records are made up, with valid spans."""
    story_id = f"load-{number:06d}"
    published = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    story = Story(story_id, body, body, (), Origin("benchmark"), published=published, source="Reuters")
    pair = rng.sample(ACTORS, 2)
    sentence_end = body.find(".") + 1 or min(len(body), 200)
    sentence = Span(0, sentence_end, body[:sentence_end])
    trigger_end = body.find(" ") if 0 < body.find(" ") < sentence_end else sentence_end
    trigger = Span(0, trigger_end, body[:trigger_end])
    events = tuple(_event(rng, pair, trigger, sentence, published) for _ in range(EVENTS_PER_STORY))
    actors = tuple(Actor(code, code, code[:3], "GOV", None, ((0, trigger_end),)) for code in pair)
    speaker = Speaker(pair[0], pair[0])
    quote = Quote(sentence.text, 0, sentence_end, "indirect", None, None, speaker)
    return StoryResult(story, (), actors, (quote,), events)


def _event(rng: random.Random, pair: list[str], trigger: Span, sentence: Span, day: dt.date) -> Event:
    cameo, name, goldstein, quad = rng.choice(CODES)
    source, target = pair if rng.random() < 0.5 else pair[::-1]
    plover = {
        "type": "CONSULT" if quad == 1 else "COERCE" if quad == 4 else "OTHER",
        "mode": None,
        "context": [],
    }
    return Event(cameo, name, goldstein, quad, plover, (source,), (target,), day.isoformat(), "day", (),
                 trigger, sentence)  # fmt: skip


def build_store(path: Path, stories: int) -> None:
    if path.exists():
        with Store.open(path, read_only=True) as store:
            if store.count("stories") >= stories:
                return
    rng = random.Random(20240202)
    bodies = list(reuters_bodies())
    started = time.perf_counter()
    with Store.open(path) as store, store.writer(batch_size=1000) as writer:
        for number in range(stories):
            writer.add(synthetic_result(number, bodies[number % len(bodies)], rng))
    print(f"built {stories} stories into {path} in {time.perf_counter() - started:.1f}s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn, sys; from dateline.web import create_app; "
        "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(path), str(port)])


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited before answering")
        try:
            if httpx.get(f"{base}/api/stories?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


async def fire(base: str, urls: list[str], clients: int) -> tuple[float, list[float], int]:
    """Send every URL once, ``clients`` at a time; wall time, latencies and failures."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    latencies: list[float] = []
    failures = 0

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal failures
        while not queue.empty():
            url = queue.get_nowait()
            started = time.perf_counter()
            response = await http.get(url)
            latencies.append(time.perf_counter() - started)
            failures += response.status_code != 200

    started = time.perf_counter()
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return time.perf_counter() - started, latencies, failures


def report(name: str, wall: float, latencies: list[float], failures: int) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    rate = len(latencies) / wall
    p50 = statistics.median(ordered)
    return (
        f"{name:<16} {len(latencies):>6} requests  {rate:8.1f} req/s  "
        f"p50 {p50 * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms  failures {failures}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=Path("/tmp/dateline-load.duckdb"))
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2_000, help="requests per endpoint (at most 10,000)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (at most 16)")
    args = parser.parse_args()
    requests, clients = min(args.requests, 10_000), min(args.clients, 16)
    if not REUTERS.is_file():
        raise SystemExit(f"needs {REUTERS} (set DATELINE_SHARED)")
    build_store(args.db, args.stories)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port)
    try:
        wait_until_up(base, server)
        rng = random.Random(7)
        story_urls = [f"/api/stories/load-{rng.randrange(args.stories):06d}" for _ in range(requests)]
        pairs = [rng.sample(ACTORS, 2) for _ in range(requests)]
        timeline_urls = [f"/api/dyads/timeline?a={a}&b={b}&interval=month" for a, b in pairs]
        setup = f"{requests} requests per endpoint, {clients} clients, {os.cpu_count()} cores"
        print(f"{args.stories} stories, {setup}")
        for name, urls in (("story view", story_urls), ("dyad timeline", timeline_urls)):
            asyncio.run(fire(base, urls[:50], clients))  # warm-up, not counted
            print(report(name, *asyncio.run(fire(base, urls, clients))))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
