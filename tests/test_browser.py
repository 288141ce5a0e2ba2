"""End to end in real headless Chromium (Debian's package) driven by Playwright.

Opt-in by nature: skipped, with the reason, when /usr/bin/chromium or playwright is missing.
``DATELINE_SCREENSHOTS=DIR`` saves a screenshot of each view there (docs/screenshots/ holds them).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.web import create_app

from .helpers.web_store import IMG, SCRIPT, SEED_ID, XSS_ID

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
VIEWPORT = {"width": 1366, "height": 850}  # a common laptop screen

# CI sets DATELINE_REQUIRE_BROWSER=1 so that a missing browser fails the run instead of skipping
REQUIRED = os.environ.get("DATELINE_REQUIRE_BROWSER") == "1"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not REQUIRED, reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright Python package")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(web_store: Path) -> Iterator[str]:
    import uvicorn

    app = create_app(web_store)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.db.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport=VIEWPORT)
    page.dialogs = []  # every alert/confirm/prompt the page tries to open
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    page.close()


def _screenshot(page: Any, name: str) -> None:
    folder = os.environ.get("DATELINE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_story_view_highlights_and_clicking_a_quote_shows_its_speaker(page: Any, base_url: str) -> None:
    story = page.request.get(f"{base_url}api/stories/{SEED_ID}").json()
    page.goto(f"{base_url}#/story/{SEED_ID}")
    page.wait_for_selector("#story-text .mark.quote")
    assert page.locator("#story-text .mark.entity").count() > 0
    assert page.locator("#story-text .mark.event").count() > 0
    # the text is the story, character for character
    assert page.locator("#story-text").text_content() == story["text"]
    quote = page.locator('#story-text [data-quote~="0"]').first
    expected = story["quotes"][0]["speaker"]["name"]
    assert expected in (quote.get_attribute("title") or "")  # on hover
    quote.click()
    assert expected in page.locator("#speaker-card .speaker-name").text_content()  # on click
    assert not page.errors


def test_hovering_a_pronoun_or_description_shows_its_cast_member(page: Any, base_url: str) -> None:
    story = page.request.get(f"{base_url}api/stories/{SEED_ID}").json()
    # a mention the cast linked by a pronoun or a description, not by a name
    i, j, member, mention = next(
        (i, j, member, mention)
        for i, member in enumerate(story["cast"])
        for j, mention in enumerate(member["mentions"])
        if mention["how"].startswith(("pronoun", "description", "title"))
    )
    page.goto(f"{base_url}#/story/{SEED_ID}")
    page.wait_for_selector("#story-text .mark.cast")
    node = page.locator(f'#story-text [data-cast-mention="{i}:{j}"]').first
    assert node.text_content() == mention["text"]
    tip = page.locator("#cast-tip")
    assert tip.is_hidden()
    node.hover()
    tip.wait_for(state="visible")
    shown = tip.text_content()
    assert member["name"] in shown and member["actor"] in shown and member["kind"] in shown
    assert mention["how"] in shown  # why it is that member
    _screenshot(page, "story")
    page.locator("h1").hover()
    tip.wait_for(state="hidden")
    # the cast list: one entry per member with its mention count; a click flashes every mention
    cast = page.locator(".records:has(h2:text-matches('^Cast')) .record")
    assert cast.count() == len(story["cast"])
    entry = cast.filter(has_text=member["name"]).first
    assert f"{member['name']} · {len(member['mentions'])}" in entry.text_content()
    entry.click()
    assert page.locator(f'#story-text .flash[data-cast~="{i}"]').count() >= 1
    assert not page.errors


def test_quotes_are_keyboard_reachable(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}#/story/{SEED_ID}")
    page.wait_for_selector("#story-text .mark.quote")
    for _ in range(40):  # Tab through the page until a quote in the text has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#story-text [role=button][data-quote]')"):
            break
    else:
        pytest.fail("no quote in the story text could be reached with Tab")
    page.keyboard.press("Enter")
    assert page.locator("#speaker-card .speaker-name").count() == 1


def test_clicking_a_record_highlights_its_span(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}#/story/{SEED_ID}")
    page.wait_for_selector(".sidebar .record")
    events = page.locator(".records:has(h2:text-matches('^Events')) .record")
    events.first.click()
    flashed = page.locator("#story-text .flash")
    assert flashed.count() > 0
    story = page.request.get(f"{base_url}api/stories/{SEED_ID}").json()
    assert story["events"][0]["trigger"]["text"].startswith(flashed.first.text_content())


def test_china_russia_timeline_is_drawn(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}#/timeline?a=CHN&b=RUS&interval=day")
    page.wait_for_selector("svg.chart rect.bar")
    assert page.locator("svg.chart rect.bar.quad-1, svg.chart rect.bar.quad-2").count() > 0
    assert page.locator("svg.chart circle.goldstein-dot").count() > 0
    assert "2021-12-15" in page.locator("table.grid").text_content()
    _screenshot(page, "timeline")


def test_actor_search_and_network_views(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}#/actors")
    page.fill("#f-q", "RUS")
    page.press("#f-q", "Enter")
    page.wait_for_function("location.hash.includes('q=RUS')")
    page.wait_for_selector("table.grid tbody tr")
    assert "RUS" in page.locator("table.grid tbody").text_content()
    _screenshot(page, "actors")
    page.goto(f"{base_url}#/network")
    page.wait_for_selector("svg.network line.edge")
    assert page.locator("svg.network circle.node").count() >= 2
    _screenshot(page, "network")
    page.goto(f"{base_url}#/stories")
    page.wait_for_selector(".story-item")
    _screenshot(page, "stories")


def test_markup_in_a_story_is_shown_literally_and_runs_nothing(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}#/story/{XSS_ID}")
    page.wait_for_selector("#story-text")
    text = page.locator("#story-text").text_content()
    assert SCRIPT in text and IMG in text
    assert page.locator("#story-text img, #story-text script, .sidebar img, .sidebar script").count() == 0
    for record in page.locator(".sidebar .record").all():
        record.click()
    page.locator("#story-text").click()
    page.goto(f"{base_url}#/stories?q=onerror")
    page.wait_for_selector(".story-item")
    assert SCRIPT in page.locator(".stories").text_content()
    page.goto(f"{base_url}#/actors")
    page.wait_for_selector("table.grid")
    page.wait_for_timeout(300)  # let any injected handler fire, if one had got in
    assert page.dialogs == []
    assert page.locator("img").count() == 0
    assert not page.errors


def test_an_event_shows_how_many_stories_report_it_and_opens_its_cluster(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}#/story/jakarta-2024-11-05-reuters")
    page.wait_for_selector(".sidebar .reported-by")
    labels = page.locator(".sidebar .reported-by").all_text_contents()
    assert any("reported by 2 stories (2 sources)" in label for label in labels), labels
    page.locator(".sidebar .reported-by", has_text="2 stories").first.click()
    page.wait_for_selector("table.cluster-members")
    rows = page.locator("table.cluster-members tbody tr")
    assert rows.count() >= 2
    assert page.locator("table.cluster-members mark.trigger").count() == rows.count()
    _screenshot(page, "cluster")
    assert not page.errors


def test_the_timeline_toggles_between_events_and_raw_reports(page: Any, base_url: str) -> None:
    def drawn(count: str) -> str:
        page.goto("about:blank")  # a fresh load: a hash change alone would keep the old table
        page.goto(f"{base_url}#/timeline?a=AUS&b=IDN&interval=year&count={count}")
        page.wait_for_selector("table.grid")
        return str(page.locator("table.grid tbody").text_content())

    assert drawn("clusters") != drawn("reports")
    assert page.locator("select#f-count").input_value() == "reports"


def test_map_draws_placed_events_and_a_point_opens_its_story_span(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}#/map")
    page.wait_for_selector("svg.world-map circle.point")
    assert page.locator("svg.world-map path.land").count() == 1
    points = page.locator("svg.world-map circle.point")
    assert points.count() >= 3
    assert page.locator("svg.world-map circle.point.quad-1, svg.world-map circle.point.quad-2").count() > 0
    _screenshot(page, "map")
    top = points.last  # the smallest point is drawn last, on top of any larger one at its place
    story_id = top.get_attribute("data-story")
    seq = int(top.get_attribute("data-seq") or 0)
    top.click()
    page.wait_for_selector("#story-text .flash")
    story = page.request.get(f"{base_url}api/stories/{story_id}").json()
    assert story["events"][seq]["trigger"]["text"].startswith(
        page.locator("#story-text .flash").first.text_content()
    )
    page.goto(f"{base_url}#/map?source=CHN&target=RUS")
    page.wait_for_selector("svg.world-map")
    page.wait_for_function("document.querySelector('#view .meta').textContent.includes('events placed')")
    assert not page.errors
