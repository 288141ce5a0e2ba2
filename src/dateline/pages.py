"""Web pages: the article text, title, date, publisher and URL of an HTML page.

1. a page over ``Settings.max_page_bytes`` is refused before it is parsed, and bytes that are
   not text at all (a PDF or an image served as ``text/html``) are refused by their magic number;
2. trafilatura finds the main text, dropping navigation, comments, related-link boxes and
   footers, and keeps one paragraph per line; it also reads the title, the publication date
   (htmldate), the site name and the canonical URL from the page's metadata;
3. the story's ``text`` is that extracted text (less a first line repeating the title, which is
   kept as ``title``), and every offset indexes it; the raw
   page's SHA-256 goes into ``metadata["html_sha256"]``, so a page seen before is recognised
   (``dateline watch`` skips it before any processing).

Feed items carry HTML fragments, not pages: :func:`fragment_text` turns one into plain text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml.etree import ParserError
from lxml_html_clean import Cleaner

from .decoding import SNIFF_BYTES, binary_kind, magic_kind
from .errors import Errors
from .records import Origin, Problem, RawStory
from .settings import Settings
from .wire import parse_date

#: recorded in each page story's metadata, so a store says which extractor produced its text
EXTRACTOR = f"trafilatura {trafilatura.__version__}"
#: hex digits of the URL's SHA-1 in a page story id (48 bits: no clash among billions of URLs)
URL_ID_DIGITS = 12
#: trafilatura's options: comments and tables are not story text; precision over recall,
#: because leaked boilerplate becomes false entities and events while a lost paragraph is rare
EXTRACT_OPTIONS: Mapping[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "favor_precision": True,
    "with_metadata": True,
    "deduplicate": False,
}
#: fewer words than this is no article (trafilatura's fallbacks return a menu's "Home" from a
#: page with no story); the shortest wire briefs are about 30 words
MIN_ARTICLE_WORDS = 15
#: the second try when the precise one finds no article: old table layouts hold their story in
#: cells that precision mode discards whole; recall keeps it, with some menu lines around it
RECALL_OPTIONS: Mapping[str, Any] = {"favor_precision": False}
#: in recall mode, a line of fewer words is a menu entry or a section label, not story text
#: (a headline has more)
MENU_LINE_WORDS = 4
#: lines that are boilerplate wherever they stand, which extractors keep when they sit inside the
#: article body: inline links to other stories, advertisement markers and copyright footers
BOILERPLATE_LINE = re.compile(
    r"(?:(?:read more|related|see also|also read|more on this|watch|listen)\s*:"
    r"|advertisement$|©|copyright\b)",
    re.IGNORECASE,
)
#: htmldate's options: only dates the page states (no guess from a copyright year or a URL path)
DATE_OPTIONS: Mapping[str, Any] = {"extensive_search": False, "original_date": True}
#: elements that end a line when a feed fragment is turned into text
BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
_CLEANER = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True, page_structure=False)


@dataclass(frozen=True, slots=True)
class PageSource:
    """Where a page came from: a saved file, a WARC record or a fetch."""

    story_id: str
    origin: Origin
    #: the address the page was fetched from (a WARC target URI, a feed item's link)
    url: str | None = None
    #: when it was fetched, ISO 8601 (a WARC-Date), kept in metadata
    fetched: str | None = None
    kind: str = "html"
    extra: Mapping[str, Any] = field(default_factory=dict)


def page_hash(data: bytes) -> str:
    """The SHA-256 of a page's raw bytes: the same page has it whatever its id or URL."""
    return hashlib.sha256(data).hexdigest()


def url_story_id(url: str) -> str:
    """A stable story id from a URL: ``host-`` and the URL's SHA-1 (``reuters.com-1a2b3c4d5e6f``)."""
    host = (urlsplit(url).hostname or "page").removeprefix("www.")
    return f"{host}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:URL_ID_DIGITS]}"


def page_story(data: bytes, source: PageSource, settings: Settings) -> RawStory | Problem:
    """One HTML page as a story, or a problem saying why it is not one."""
    refused = _refusal(data, source, settings)
    if refused is not None:
        return refused
    try:
        fields = _extract(data, source.url, EXTRACT_OPTIONS)
        if _words(fields) < MIN_ARTICLE_WORDS:
            fields = _extract(data, source.url, {**EXTRACT_OPTIONS, **RECALL_OPTIONS})
            fields["text"] = drop_menu_lines(fields.get("text") or "")
    except (ValueError, TypeError, ParserError) as exc:  # lxml's answers to markup it cannot parse
        return _no_text(source, f"the HTML does not parse: {exc}")
    text = drop_boilerplate_lines(fields.get("text") or "")
    if len(text.split()) < MIN_ARTICLE_WORDS:
        reason = f"{len(text.split())} words of main text: an index, a login wall or an empty page"
        return _no_text(source, reason)
    if len(text) > settings.max_story_chars:
        message = Errors.E007.format(limit=settings.max_story_chars, size=len(text))
        return Problem(source.story_id, "E007", message, source.origin)
    return _story(text, fields, data, source)


def _extract(data: bytes, url: str | None, options: Mapping[str, Any]) -> dict[str, Any]:
    document = trafilatura.bare_extraction(
        data, url=url, date_extraction_params=dict(DATE_OPTIONS), **options
    )
    if document is None:
        return {}
    return document if isinstance(document, dict) else dict(document.as_dict())


def _words(fields: Mapping[str, Any]) -> int:
    return len(str(fields.get("text") or "").split())


def without_headline(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title: the title is kept as ``title``, and a
    headline has no full stop, so the NLP would read it and the first paragraph as one sentence."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip().casefold() == title.strip().casefold():
        return rest.lstrip("\n")
    return text


def drop_menu_lines(text: str) -> str:
    """Recall mode's text without the menu entries it keeps: lines of fewer than MENU_LINE_WORDS."""
    return "\n".join(line for line in text.split("\n") if len(line.split()) >= MENU_LINE_WORDS)


def drop_boilerplate_lines(text: str) -> str:
    """The extracted text without the lines that are boilerplate wherever they stand."""
    return "\n".join(line for line in text.split("\n") if not BOILERPLATE_LINE.match(line.strip()))


def _refusal(data: bytes, source: PageSource, settings: Settings) -> Problem | None:
    name = source.origin.path
    if len(data) > settings.max_page_bytes:
        message = Errors.E042.format(path=name, size=len(data), limit=settings.max_page_bytes)
        return Problem(source.story_id, "E042", message, source.origin)
    kind = magic_kind(data) or binary_kind(data[:SNIFF_BYTES])
    if kind is not None:
        return _no_text(source, f"the bytes are a {kind}, not HTML")
    return None


def _no_text(source: PageSource, reason: str) -> Problem:
    return Problem(source.story_id, "E043", Errors.E043.format(reason=reason), source.origin)


def _story(text: str, fields: Mapping[str, Any], data: bytes, source: PageSource) -> RawStory:
    url = source.url or fields.get("url")
    metadata = {
        **source.extra,  # where it came from (a WARC record, a feed item); the page's own fields win
        "format": source.kind,
        "html_sha256": page_hash(data),
        "extractor": EXTRACTOR,
        "hostname": fields.get("hostname") or (urlsplit(url).hostname if url else None),
        "author": fields.get("author"),
        "canonical_url": fields.get("url"),
        "fetched": source.fetched,
    }
    return RawStory(
        id=source.story_id,
        text=without_headline(text, fields.get("title")),
        origin=source.origin,
        published=parse_date(fields.get("date")),
        title=fields.get("title"),
        url=url,
        source=fields.get("sitename"),
        metadata={key: value for key, value in metadata.items() if value is not None},
    )


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): one line per block, no markup."""
    if "<" not in fragment:
        return _tidy(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        root = _CLEANER.clean_html(root)
    except (ValueError, TypeError, ParserError):
        return _tidy(fragment)
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return _tidy(str(root.text_content()))


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
