"""RSS 2.0 and Atom feeds as input, and the polite fetcher the watch uses (no model needed)."""

from __future__ import annotations

from pathlib import Path

from dateline.feeds import HEADLINE_WORDS, parse_feed
from dateline.fetching import Fetched, Fetcher, FetchFailure
from dateline.reading import read_inputs
from dateline.records import Problem, RawStory
from dateline.settings import Settings

from .helpers.web_input import FEEDS, PAGES, Resource, local_site


def test_rss_items_become_stories_with_link_title_date_and_guid() -> None:
    items = list(read_inputs([str(FEEDS / "world.rss")], Settings()))
    stories = [i for i in items if isinstance(i, RawStory)]
    assert [s.title for s in stories] == [
        "Chile and Argentina sign border water accord",
        "Kenya deploys police to Haiti mission",
    ]
    accord = stories[0]
    assert accord.url == "https://meridianpost.example/world/2024/04/02/water-accord"
    assert accord.published is not None and accord.published.isoformat() == "2024-04-02"
    assert accord.metadata["guid"] == "meridian-88231" and accord.metadata["format"] == "feed"
    assert accord.metadata["feed_title"] == "Meridian Post - World"
    # the full content wins over the one-line description, one paragraph a line, no markup
    assert accord.text.startswith("SANTIAGO (Meridian) - Chile and Argentina signed")
    assert "<p>" not in accord.text and len(accord.text.splitlines()) == 3


def test_a_headline_item_without_text_is_reported_with_what_would_read_it() -> None:
    items = list(read_inputs([str(FEEDS / "world.rss")], Settings()))
    problem = items[-1]
    assert isinstance(problem, Problem) and problem.code == "E045"
    assert "dateline watch" in problem.message and problem.origin.describe().endswith("(record 3)")


def test_atom_entries_use_content_or_summary() -> None:
    stories = [i for i in read_inputs([str(FEEDS / "asia.atom")], Settings()) if isinstance(i, RawStory)]
    assert [s.url for s in stories] == [
        "https://reefwire.example/asia/2024/05/10/japan-philippines",
        "https://reefwire.example/asia/2024/05/09/mekong",
    ]
    assert stories[0].text.startswith("MANILA (Reef Wire)") and stories[1].text.startswith(
        "HANOI (Reef Wire)"
    )
    assert [s.published.isoformat() if s.published else None for s in stories] == ["2024-05-10", "2024-05-09"]


def test_feed_item_ids_match_the_ids_of_the_same_url_from_a_crawl() -> None:
    from dateline.pages import url_story_id

    feed = parse_feed((FEEDS / "asia.atom").read_bytes(), "asia.atom")
    assert not isinstance(feed, Problem)
    assert [item.story_id for item in feed.items] == [url_story_id(item.url or "") for item in feed.items]


def test_headline_items_are_told_by_their_word_count() -> None:
    feed = parse_feed((FEEDS / "world.rss").read_bytes(), "world.rss")
    assert not isinstance(feed, Problem)
    assert [item.is_headline for item in feed.items] == [
        len(item.text.split()) < HEADLINE_WORDS for item in feed.items
    ]
    assert feed.items[-1].is_headline and not feed.items[0].is_headline


def test_a_feed_that_is_an_html_page_is_refused_by_name() -> None:
    result = parse_feed((PAGES / "kyiv-talks.html").read_bytes(), "https://example.org/news")
    assert isinstance(result, Problem) and result.code == "E044"
    assert "https://example.org/news" in result.message and "HTML page" in result.message


def test_garbage_is_no_feed_either() -> None:
    result = parse_feed(b"\x00\x01 definitely not xml", "junk.xml")
    assert isinstance(result, Problem) and result.code == "E044"


def test_fetcher_asks_conditionally_and_spaces_requests_to_one_host() -> None:
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    with local_site({"/feed": Resource((FEEDS / "world.rss").read_bytes())}) as site:
        fetcher = Fetcher(timeout=5, host_delay=3.0, clock=lambda: clock[0], sleep=sleep)
        first = fetcher.fetch(site.url("/feed"))
        assert isinstance(first, Fetched) and first.body and first.validators.etag
        second = fetcher.fetch(site.url("/feed"), first.validators)
        assert isinstance(second, Fetched) and second.body is None  # 304 Not Modified
        assert site.not_modified == 1 and slept == [3.0]


def test_fetcher_failures_are_values_with_reasons() -> None:
    with local_site({"/big": Resource(b"x" * 5000, "text/html")}) as site:
        fetcher = Fetcher(timeout=5, host_delay=0, max_bytes=1000)
        missing = fetcher.fetch(site.url("/missing"))
        big = fetcher.fetch(site.url("/big"))
    assert isinstance(missing, FetchFailure) and "404" in missing.reason
    assert isinstance(big, FetchFailure) and "larger than 1000 bytes" in big.reason
    closed = Fetcher(timeout=2, host_delay=0).fetch(site.url("/big"))  # the server is gone
    assert isinstance(closed, FetchFailure) and "network error" in closed.reason


def test_a_feed_file_is_not_modified_until_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes((FEEDS / "asia.atom").read_bytes())
    fetcher = Fetcher()
    first = fetcher.fetch(str(path))
    assert isinstance(first, Fetched) and first.body is not None
    again = fetcher.fetch(str(path), first.validators)
    assert isinstance(again, Fetched) and again.body is None
    path.write_bytes((FEEDS / "world.rss").read_bytes())
    changed = fetcher.fetch(str(path), first.validators)
    assert isinstance(changed, Fetched) and changed.body is not None
