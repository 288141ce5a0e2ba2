"""RSS 2.0, RSS 1.0 and Atom feeds (feedparser): every item is a story.

1. the feed is parsed from bytes already in hand (feedparser never fetches here: the watch's
   fetcher does that, politely); bytes that parse as no known feed version are refused with
   ``E044``, saying when they are an HTML page (a site's front page given instead of its feed);
2. an item's text is its full content when the feed carries it, else its summary, as plain text
   (one paragraph a line); a *headline* item, whose text is shorter than
   :data:`HEADLINE_WORDS`, is one whose linked page holds the story, which ``dateline watch``
   fetches (``dateline process`` reads files offline and keeps what the feed says);
3. the story id comes from the item's link (as for WARC records, so an article reached by a feed
   and by a crawl keeps one id), else from its GUID, else from its text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import feedparser

from .errors import Errors
from .jsonl import file_stem
from .pages import fragment_text, url_story_id
from .records import Origin, Problem, RawStory
from .settings import Settings

Item = RawStory | Problem

#: an item with fewer words of text than this is a headline: its story is on the linked page
HEADLINE_WORDS = 40
#: hex digits of a GUID's or text's SHA-1 in an id
ID_DIGITS = 12
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
#: how much of the bytes is searched for an HTML root element
HTML_SNIFF_BYTES = 2048


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed, reduced to what a story needs."""

    guid: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    #: plain text of the item's content, else of its summary ('' when it has neither)
    text: str
    number: int

    @property
    def is_headline(self) -> bool:
        return len(self.text.split()) < HEADLINE_WORDS

    @property
    def story_id(self) -> str:
        if self.url:
            return url_story_id(self.url)
        key = self.guid or self.text
        return "feed-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_DIGITS]


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title and items, in the feed's order."""

    title: str | None
    version: str
    items: tuple[FeedItem, ...]


def parse_feed(data: bytes, name: str) -> Feed | Problem:
    """The feed in ``data``, or ``E044`` when the bytes are no feed feedparser knows."""
    parsed: Any = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version"):
        reason = "it is an HTML page, not RSS or Atom" if _is_html(data) else _bozo(parsed)
        return Problem(file_stem(name), "E044", Errors.E044.format(path=name, reason=reason), Origin(name))
    items = tuple(_item(entry, number) for number, entry in enumerate(parsed.entries, start=1))
    return Feed(parsed.feed.get("title"), str(parsed.version), items)


def _is_html(data: bytes) -> bool:
    return _HTML_ROOT.search(data[:HTML_SNIFF_BYTES]) is not None


def _bozo(parsed: Any) -> str:
    problem = parsed.get("bozo_exception")
    return f"no RSS or Atom root element ({problem})" if problem else "no RSS or Atom root element"


def _item(entry: Any, number: int) -> FeedItem:
    contents = [part.get("value", "") for part in entry.get("content", [])]
    html = max(contents, key=len, default="") or entry.get("summary", "")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return FeedItem(
        guid=entry.get("id") or None,
        url=entry.get("link") or None,
        title=entry.get("title") or None,
        published=dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
        text=fragment_text(html) if html else "",
        number=number,
    )


def item_story(item: FeedItem, feed: Feed, origin: Origin) -> RawStory | Problem:
    """The story the feed itself tells for ``item`` (its content or summary)."""
    where = Origin(origin.path, record=str(item.number))
    if not item.text.strip():
        hint = "; `dateline watch` fetches the linked page" if item.url else ""
        return Problem(item.story_id, "E045", Errors.E045.format(hint=hint), where)
    return RawStory(
        id=item.story_id,
        text=item.text,
        origin=where,
        published=item.published,
        title=item.title,
        url=item.url,
        metadata=item_metadata(item, feed, origin.path),
    )


def item_metadata(item: FeedItem, feed: Feed, location: str) -> dict[str, Any]:
    """What a story from a feed item records about where it came from."""
    fields = {"format": "feed", "feed": location, "feed_title": feed.title, "guid": item.guid}
    return {key: value for key, value in fields.items() if value is not None}


def read_feed(stream: IO[bytes], origin: Origin, settings: Settings) -> Iterator[Item]:
    """Every item of a feed file as a story (or a problem), for ``dateline process``."""
    data = stream.read(settings.max_page_bytes + 1)
    if len(data) > settings.max_page_bytes:
        size = f"more than {settings.max_page_bytes}"
        message = Errors.E042.format(path=origin.path, size=size, limit=settings.max_page_bytes)
        yield Problem(file_stem(origin.path), "E042", message, origin)
        return
    feed = parse_feed(data, origin.path)
    if isinstance(feed, Problem):
        yield feed
        return
    for item in feed.items:
        yield item_story(item, feed, origin)
