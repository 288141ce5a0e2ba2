"""``watch``: poll feeds, process each new item once, store it, and announce matching events.

One polling round, every ``every`` seconds:

1. each source not in backoff is fetched conditionally (fetching.py: ETag / Last-Modified,
   per-host delay, timeout); ``304`` or an unchanged file ends there;
2. a failed fetch, or an answer that is no feed (``E044``), is reported, counted in the store,
   and the source waits ``backoff_start`` x 2^(failures-1) seconds (at most ``backoff_max``)
   before its next try; the other sources go on;
3. an item known by its GUID or URL is skipped before anything else; a headline item's linked
   page is fetched (politely); an item whose text (or page) hash is known is skipped too;
4. the new items of a feed are processed as one batch; each result is stored (one transaction),
   then its keys are marked seen (another), so a kill between them re-processes the item on
   restart and the store keeps one copy;
5. the feed's validators are saved only after all its items are handled: a round cut short by
   a stop request, or an item whose page could not be fetched, has the feed fetched whole again
   next time instead of a ``304`` that would hide the missing items.

The clock and the sleep are injected (tests run rounds without waiting), and ``stop`` is polled
between sources and items: the CLI sets it from SIGINT/SIGTERM so the store is left consistent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .alerts import AlertRule
from .clustering import cluster_connection
from .errors import Errors
from .feeds import Feed, FeedItem, item_metadata, item_story, parse_feed
from .fetching import Clock, Fetched, Fetcher, FetchFailure, Sleep, Validators
from .pages import PageSource, page_story
from .pipeline import Pipeline
from .records import Origin, Problem, RawStory, StoryResult
from .store import Store
from .store.feeds import FeedLedger, SeenKey, SourceState

#: seconds between polling rounds by default (``--every 5m``)
DEFAULT_EVERY = 300.0
#: first wait after a failed fetch, doubled at each further failure, up to BACKOFF_MAX
BACKOFF_START = 60.0
BACKOFF_MAX = 3600.0
#: how reading a feed's items ended
COMPLETE, RETRY, STOPPED = "complete", "retry", "stopped"


def _ignore(_: Any) -> None:
    return None


@dataclass(frozen=True, slots=True)
class WatchConfig:
    """What to watch and how politely."""

    sources: tuple[str, ...]
    every: float = DEFAULT_EVERY
    timeout: float = 20.0
    host_delay: float = 2.0
    backoff_start: float = BACKOFF_START
    backoff_max: float = BACKOFF_MAX
    #: stop after this many rounds (``--once`` is 1); ``None`` watches until stopped
    rounds: int | None = None
    #: fetch the linked page of headline items (items with little or no text)
    fetch_pages: bool = True
    alert: AlertRule | None = None


@dataclass(frozen=True, slots=True)
class WatchHooks:
    """Where the watch hands what it does; the CLI prints, tests collect."""

    on_result: Callable[[StoryResult], None] = _ignore
    on_problem: Callable[[Problem], None] = _ignore
    on_alert: Callable[[dict[str, Any]], None] = _ignore


@dataclass
class WatchReport:
    """Counts over one ``watch`` call."""

    rounds: int = 0
    polls: int = 0
    unchanged: int = 0
    stored: int = 0
    seen_before: int = 0
    failed_polls: int = 0
    problems: int = 0
    alerts: int = 0
    feeds_in_backoff: int = 0


def watch(
    config: WatchConfig,
    pipeline: Pipeline,
    store: Store,
    *,
    hooks: WatchHooks | None = None,
    clock: Clock = time.time,
    sleep: Sleep = time.sleep,
    stop: Callable[[], bool] = lambda: False,
    fetcher: Fetcher | None = None,
) -> WatchReport:
    """Poll ``config.sources`` round after round until ``stop()`` or ``config.rounds``."""
    fetcher = fetcher or Fetcher(
        timeout=config.timeout,
        host_delay=config.host_delay,
        max_bytes=pipeline.settings.max_page_bytes,
        clock=clock,
        sleep=sleep,
    )
    run = _Watch(config, pipeline, FeedLedger(store), store, hooks or WatchHooks(), clock, stop, fetcher)
    while not stop():
        started = clock()
        stored = run.report.stored
        for source in config.sources:
            if stop():
                break
            run.poll(source)
        if run.report.stored > stored:
            # new stories join story groups and event clusters after every round that stored
            # some, as after process --db (docs/clusters.md); one transaction, so a kill keeps
            # the previous clusters and the next round redoes it
            cluster_connection(store.connection, path=store.path)
        run.report.rounds += 1
        if config.rounds is not None and run.report.rounds >= config.rounds:
            break
        wait = started + config.every - clock()
        if wait > 0 and not stop():
            sleep(wait)
    return run.report


@dataclass
class _Watch:
    config: WatchConfig
    pipeline: Pipeline
    ledger: FeedLedger
    store: Store
    hooks: WatchHooks
    clock: Clock
    stop: Callable[[], bool]
    fetcher: Fetcher
    report: WatchReport = field(default_factory=WatchReport)

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.clock(), dt.UTC).replace(tzinfo=None)

    def poll(self, source: str) -> None:
        state = self.ledger.state(source)
        if state.retry_at is not None and state.retry_at > self.now():
            self.report.feeds_in_backoff += 1
            return
        self.report.polls += 1
        answer = self.fetcher.fetch(source, state.validators)
        if isinstance(answer, FetchFailure):
            self._failed(state, answer.reason)
            return
        if answer.body is None:
            self.report.unchanged += 1
            fine = replace(state, failures=0, retry_at=None, last_error=None)
            self.ledger.record_poll(fine, now=self.now(), ok=True)
            return
        feed = parse_feed(answer.body, source)
        if isinstance(feed, Problem):
            self._problem(feed)
            self._failed(state, feed.message, report=False)
            return
        outcome = self._read_items(feed, source)
        if outcome != STOPPED:
            # an item to retry (its page could not be fetched) needs the whole feed next time, not a 304
            validators = answer.validators if outcome == COMPLETE else Validators()
            self.ledger.record_poll(SourceState(source, validators), now=self.now(), ok=True)

    def _failed(self, state: SourceState, reason: str, *, report: bool = True) -> None:
        failures = state.failures + 1
        delay = min(self.config.backoff_start * 2 ** (failures - 1), self.config.backoff_max)
        retry = self.now() + dt.timedelta(seconds=delay)
        self.report.failed_polls += 1
        self.ledger.record_poll(
            replace(state, failures=failures, retry_at=retry, last_error=reason), now=self.now(), ok=False
        )
        if report:
            message = Errors.E046.format(url=state.source, reason=reason, delay=delay)
            where = Origin(state.source)
            self._problem(Problem(None, "E046", message, where, stage="fetch", severity="warning"))

    def _read_items(self, feed: Feed, source: str) -> str:
        """Process a feed's new items: COMPLETE, RETRY (an item to try again) or STOPPED."""
        fresh: list[tuple[RawStory, list[SeenKey]]] = []
        outcome = COMPLETE
        for item in feed.items:
            if self.stop():
                return STOPPED
            keys = _item_keys(item)
            if self.ledger.seen(keys):
                self.report.seen_before += 1
                continue
            story = self._story(item, feed, source)
            if isinstance(story, Problem):
                self._problem(story)
                if story.code == "E046":  # a fetch failure is tried again at the next poll
                    outcome = RETRY
                else:
                    self.ledger.mark(keys, story_id=None, source=source, now=self.now())
                continue
            keys.append(SeenKey("hash", text_hash(story.text)))
            if self.ledger.seen(keys[-1:]):
                self.report.seen_before += 1
                self.ledger.mark(keys, story_id=story.id, source=source, now=self.now())
                continue
            fresh.append((story, keys))
        self._process(fresh, source)
        return outcome

    def _story(self, item: FeedItem, feed: Feed, source: str) -> RawStory | Problem:
        if not (self.config.fetch_pages and item.is_headline and item.url):
            return item_story(item, feed, Origin(source))
        answer = self.fetcher.fetch(item.url)
        if isinstance(answer, Fetched) and answer.body is not None:
            page = PageSource(
                item.story_id,
                Origin(item.url, record=item.story_id),
                url=item.url,
                fetched=self.now().isoformat(timespec="seconds") + "Z",
                kind="feed page",
                extra=item_metadata(item, feed, source),
            )
            story = page_story(answer.body, page, self.pipeline.settings)
            if isinstance(story, RawStory):
                published = story.published or item.published
                return replace(story, title=story.title or item.title, published=published)
            return story if not item.text else item_story(item, feed, Origin(source))
        if item.text:
            return item_story(item, feed, Origin(source))
        where = Origin(source, record=str(item.number))
        if isinstance(answer, FetchFailure) and answer.permanent:
            message = Errors.E049.format(url=item.url, reason=answer.reason)
            return Problem(item.story_id, "E049", message, where, stage="fetch")
        reason = answer.reason if isinstance(answer, FetchFailure) else "empty answer"
        message = Errors.E046.format(url=item.url, reason=reason, delay=self.config.every)
        return Problem(item.story_id, "E046", message, where, stage="fetch")

    def _process(self, fresh: list[tuple[RawStory, list[SeenKey]]], source: str) -> None:
        outcomes = self.pipeline.process([story for story, _ in fresh])
        for (story, keys), outcome in zip(fresh, outcomes, strict=True):
            if isinstance(outcome, Problem):  # the story cannot be processed: trying again would not help
                self._problem(outcome)
                self.ledger.mark(keys, story_id=None, source=source, now=self.now())
                continue
            self.store.add(outcome)
            self.ledger.mark(keys, story_id=story.id, source=source, now=self.now())
            self.report.stored += 1
            self.hooks.on_result(outcome)
            self._alert(outcome)

    def _alert(self, result: StoryResult) -> None:
        if self.config.alert is None:
            return
        for line in self.config.alert.lines(result):
            self.report.alerts += 1
            self.hooks.on_alert(line)

    def _problem(self, problem: Problem) -> None:
        if not problem.is_warning:
            self.report.problems += 1
        self.hooks.on_problem(problem)


def _item_keys(item: FeedItem) -> list[SeenKey]:
    keys = []
    if item.guid:
        keys.append(SeenKey("guid", item.guid))
    if item.url:
        keys.append(SeenKey("url", item.url))
    return keys


def text_hash(text: str) -> str:
    """The SHA-256 of a story's text: one article reached by two feeds or URLs is one item."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
