"""``dateline watch`` against a local web site: new items once, politely, surviving failures and kills."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dateline.alerts import parse_alert
from dateline.errors import DatelineError
from dateline.pipeline import Pipeline
from dateline.records import Event, Problem, Span, StoryResult
from dateline.store import Store
from dateline.watch import WatchConfig, WatchHooks, WatchReport, watch

from .helpers import ROOT
from .helpers.web_input import PAGES, LocalSite, Resource, expected_pages, local_site, rss

EVERY = 60.0

STORIES = [
    {
        "title": "Chile and Argentina sign border water accord",
        "text": "SANTIAGO (Meridian) - Chile and Argentina signed an accord on Tuesday to share the water of "
        "three rivers that cross their mountain border, ending a dispute that had lasted more than a "
        "decade. Chile's foreign minister said the agreement would protect farmers on both sides.",
    },
    {
        "title": "Kenya deploys police to Haiti mission",
        "text": "NAIROBI (Meridian) - Kenya sent the first four hundred police officers to Haiti on "
        "Wednesday to lead a multinational mission against armed gangs, after months of legal "
        "challenges at home. President William Ruto said the officers would work with the Haitian police.",
    },
    {
        "title": "Russian forces shell Kharkiv",
        "text": "KYIV (Meridian) - Russian forces shelled the city of Kharkiv overnight, killing three "
        "civilians and damaging a power station, Ukrainian officials said on Friday. Ukraine's foreign "
        "ministry condemned the attack and called on its allies to send more air defence systems.",
    },
]


def item(number: int, *, text: bool = True) -> dict[str, str]:
    story = STORIES[number % len(STORIES)]
    return {
        "title": story["title"],
        "link": f"https://meridianpost.example/world/item-{number}",
        "guid": f"meridian-{number}",
        "date": f"Tue, 0{number + 1} Apr 2024 08:30:00 GMT",
        "text": story["text"] if text else "",
    }


class FakeTime:
    """A clock that moves only when the watch sleeps; ``on_sleep`` runs at every sleep."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0
        self.sleeps: list[float] = []
        self.on_sleep: list[Any] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        for action in self.on_sleep:
            action()


class Collected:
    def __init__(self) -> None:
        self.results: list[StoryResult] = []
        self.problems: list[Problem] = []
        self.alerts: list[dict[str, Any]] = []
        self.stored_at: dict[str, float] = {}

    def hooks(self, time_source: FakeTime | None = None) -> WatchHooks:
        def on_result(result: StoryResult) -> None:
            self.results.append(result)
            if time_source is not None:
                self.stored_at[result.story.id] = time_source.now

        return WatchHooks(on_result=on_result, on_problem=self.problems.append, on_alert=self.alerts.append)


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with local_site({"/world.rss": Resource(rss("Meridian", [item(0), item(1)]))}) as served:
        yield served


def run(
    pipeline: Pipeline, db: Path, sources: list[str], fake: FakeTime, collected: Collected, **options: Any
) -> WatchReport:
    config = WatchConfig(sources=tuple(sources), every=EVERY, host_delay=0.5, timeout=5, **options)
    with Store.open(db) as store:
        return watch(config, pipeline, store, hooks=collected.hooks(fake), clock=fake.clock, sleep=fake.sleep)


def stored_ids(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return store.ids()


def test_a_new_item_is_stored_within_one_polling_interval_and_only_once(
    pipeline: Pipeline, site: LocalSite, tmp_path: Path
) -> None:
    db, fake, collected = tmp_path / "w.duckdb", FakeTime(), Collected()
    published: dict[str, float] = {}

    def publish_once() -> None:
        if not published:
            site.resources["/world.rss"] = Resource(rss("Meridian", [item(2), item(0), item(1)]))
            published["at"] = fake.now - EVERY / 2  # it appeared half-way through the wait

    fake.on_sleep.append(publish_once)
    report = run(pipeline, db, [site.url("/world.rss")], fake, collected, rounds=4)
    ids = [r.story.id for r in collected.results]
    assert len(ids) == 3 and len(set(ids)) == 3
    newest = next(r.story.id for r in collected.results if r.story.metadata.get("guid") == "meridian-2")
    assert collected.stored_at[newest] - published["at"] <= EVERY
    assert sorted(stored_ids(db)) == sorted(ids)
    assert report.unchanged == 2 and site.not_modified == 2  # rounds 3 and 4 were conditional 304s
    assert fake.sleeps == [EVERY] * 3


def test_a_restart_never_processes_an_item_again(pipeline: Pipeline, site: LocalSite, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = run(pipeline, db, [site.url("/world.rss")], FakeTime(), Collected(), rounds=1)
    assert first.stored == 2
    # the feed changes (new title, reordered) so it is fetched and parsed again, with the same items
    site.resources["/world.rss"] = Resource(rss("Meridian World", [item(1), item(0)]))
    again = Collected()
    second = run(pipeline, db, [site.url("/world.rss")], FakeTime(), again, rounds=1)
    assert (second.stored, second.seen_before, again.results) == (0, 2, [])
    # the same story under a new GUID and URL is known by its text
    copy = {**item(0), "guid": "other-feed-1", "link": "https://mirror.example/copy"}
    site.resources["/world.rss"] = Resource(rss("Meridian", [copy]))
    third = run(pipeline, db, [site.url("/world.rss")], FakeTime(), Collected(), rounds=1)
    assert (third.stored, third.seen_before) == (0, 1)
    assert len(stored_ids(db)) == 2


def test_failed_and_wrong_feeds_back_off_while_the_others_go_on(
    pipeline: Pipeline, site: LocalSite, tmp_path: Path
) -> None:
    site.resources["/broken.rss"] = Resource(b"oops", "text/plain", status=500)
    site.resources["/front"] = Resource((PAGES / "kyiv-talks.html").read_bytes(), "text/html")
    db, fake, collected = tmp_path / "w.duckdb", FakeTime(), Collected()
    sources = [site.url("/broken.rss"), site.url("/front"), site.url("/world.rss")]
    report = run(pipeline, db, sources, fake, collected, rounds=1, backoff_start=120.0)
    assert report.stored == 2 and report.failed_polls == 2
    codes = sorted(p.code for p in collected.problems)
    assert codes == ["E044", "E046"]
    fetch_warning = next(p for p in collected.problems if p.code == "E046")
    assert (
        fetch_warning.is_warning
        and "HTTP status 500" in fetch_warning.message
        and "broken.rss" in fetch_warning.message
    )
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT source, failures FROM feed_sources").fetchall())
    assert rows == {sources[0]: 1, sources[1]: 1, sources[2]: 0}
    # straight after, both wait out their 120 s of backoff; once that has passed they are asked again
    asked = site.asked("/broken.rss")
    run(pipeline, db, sources, fake, Collected(), rounds=1, backoff_start=120.0)
    assert site.asked("/broken.rss") == asked
    fake.now += 2 * EVERY + 1
    run(pipeline, db, sources, fake, Collected(), rounds=1, backoff_start=120.0)
    assert site.asked("/broken.rss") == asked + 1
    with duckdb.connect(str(db), read_only=True) as con:
        failures = con.execute("SELECT failures FROM feed_sources WHERE source = ?", [sources[0]]).fetchall()
    assert failures == [(2,)]


def test_a_headline_feed_item_is_read_from_its_linked_page(
    pipeline: Pipeline, site: LocalSite, tmp_path: Path
) -> None:
    site.resources["/story/kyiv"] = Resource((PAGES / "kyiv-talks.html").read_bytes(), "text/html")
    headline = {**item(0, text=False), "link": site.url("/story/kyiv"), "title": "Prisoner talks"}
    site.resources["/headlines.rss"] = Resource(rss("Headlines", [headline]))
    collected = Collected()
    report = run(
        pipeline, tmp_path / "w.duckdb", [site.url("/headlines.rss")], FakeTime(), collected, rounds=1
    )
    assert report.stored == 1
    story = collected.results[0].story
    assert story.text.startswith(expected_pages()["kyiv-talks.html"]["body"][0])
    assert story.title == expected_pages()["kyiv-talks.html"]["title"]  # the page's, not the feed's
    assert story.url == site.url("/story/kyiv") and story.metadata["format"] == "feed page"
    assert story.metadata["guid"] == "meridian-0" and "html_sha256" in story.metadata


def test_a_linked_page_that_fails_is_fetched_again_at_the_next_poll(
    pipeline: Pipeline, site: LocalSite, tmp_path: Path
) -> None:
    site.resources["/story/kyiv"] = Resource(b"busy", "text/plain", status=503)
    headline = {**item(0, text=False), "link": site.url("/story/kyiv")}
    site.resources["/headlines.rss"] = Resource(rss("Headlines", [headline]))
    fake, collected = FakeTime(), Collected()

    def recover() -> None:
        if fake.sleeps[-1] < EVERY / 2:  # the fetcher's pause between two requests to the site
            return
        site.resources["/story/kyiv"] = Resource((PAGES / "kyiv-talks.html").read_bytes(), "text/html")

    fake.on_sleep.append(recover)
    report = run(pipeline, tmp_path / "w.duckdb", [site.url("/headlines.rss")], fake, collected, rounds=2)
    assert [p.code for p in collected.problems] == ["E046"]
    assert report.stored == 1 and site.asked("/story/kyiv") == 2
    assert site.not_modified == 0  # the feed was fetched whole again, not answered with a 304


def test_a_linked_page_that_is_gone_is_given_up_not_retried(
    pipeline: Pipeline, site: LocalSite, tmp_path: Path
) -> None:
    headline = {**item(0, text=False), "link": site.url("/story/missing")}
    site.resources["/headlines.rss"] = Resource(rss("Headlines", [headline]))
    collected = Collected()
    report = run(
        pipeline, tmp_path / "w.duckdb", [site.url("/headlines.rss")], FakeTime(), collected, rounds=2
    )
    assert [p.code for p in collected.problems] == ["E049"] and report.stored == 0
    assert site.asked("/story/missing") == 1 and site.not_modified == 1


def test_alerts_name_exactly_the_new_events_that_match(
    pipeline: Pipeline, site: LocalSite, tmp_path: Path
) -> None:
    site.resources["/world.rss"] = Resource(rss("Meridian", [item(0), item(1), item(2)]))
    rule = parse_alert("source=RUS,UKR quad=3,4")
    collected = Collected()
    run(
        pipeline, tmp_path / "w.duckdb", [site.url("/world.rss")], FakeTime(), collected, rounds=1, alert=rule
    )
    expected = [
        (result.story.id, event.trigger.start)
        for result in collected.results
        for event in result.events
        if any(code[:3] in ("RUS", "UKR") for code in event.source) and event.quad in (3, 4)
    ]
    assert [(a["story"], a["event"]["trigger"]["start"]) for a in collected.alerts] == expected
    for alert in collected.alerts:
        assert alert["alert"] == "source=RUS,UKR quad=3,4" and alert["url"].startswith("https://")


def make_event(source: tuple[str, ...], target: tuple[str, ...], cameo: str, quad: int) -> Event:
    span = Span(0, 4, "shot")
    return Event(cameo, "x", None, quad, {"type": "ASSAULT"}, source, target, None, None, (), span, span)


def test_alert_rules_match_code_prefixes_alternatives_and_quads() -> None:
    rule = parse_alert("source=RUS target=UKR quad=4")
    assert rule.matches(make_event(("RUSMIL",), ("UKRGOV",), "190", 4))
    assert not rule.matches(make_event(("RUSMIL",), ("UKRGOV",), "042", 1))
    assert not rule.matches(make_event(("UKRMIL",), ("RUSGOV",), "190", 4))
    assert parse_alert("cameo=19 plover=assault").matches(make_event(("X",), (), "193", 4))
    assert parse_alert("target=UKR,POL").matches(make_event(("X",), ("POLGOV",), "010", 1))


@pytest.mark.parametrize("expr", ["source", "colour=red", "quad=5", ""])
def test_bad_alert_expressions_say_what_is_wrong(expr: str) -> None:
    with pytest.raises(DatelineError, match="E047"):
        parse_alert(expr)


def test_sigterm_stops_the_cli_watch_with_a_consistent_store(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss("Local", [item(0), item(1)]))
    db = tmp_path / "w.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "dateline.cli", "watch", str(feed), "--db", str(db), "--every", "1s"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        stored = 0
        deadline = time.monotonic() + 120
        while stored < 2 and time.monotonic() < deadline:
            line = process.stderr.readline()
            stored += line.startswith("dateline: stored ")
        assert stored == 2, "the watch did not store the feed's two items"
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0 and "SIGTERM" in rest and "watch ended" in rest
    with duckdb.connect(str(db), read_only=True) as con:
        stories = {row[0] for row in con.execute("SELECT id FROM stories").fetchall()}
        marked = {
            row[0]
            for row in con.execute("SELECT story_id FROM feed_seen WHERE story_id IS NOT NULL").fetchall()
        }
    assert len(stories) == 2 and marked == stories


def test_stories_a_watch_stores_are_grouped_and_clustered(
    pipeline: Pipeline, site: LocalSite, tmp_path: Path
) -> None:
    db, fake, collected = tmp_path / "w.duckdb", FakeTime(), Collected()
    run(pipeline, db, [site.url("/world.rss")], fake, collected, rounds=1)
    with Store.open(db, read_only=True) as store:
        grouped = store.connection.execute("SELECT story_id FROM story_groups").fetchall()
        events = store.count("events")
        members = store.connection.execute("SELECT count(*) FROM cluster_members").fetchall()[0][0]
    assert sorted(story_id for (story_id,) in grouped) == sorted(stored_ids(db))
    assert members == events
