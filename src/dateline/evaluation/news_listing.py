"""The ``--show misses`` listing of ``dateline eval news``: what developers read to find failure classes.

Story by story, each gold quote that was missed or got a wrong speaker, with what we produced
nearby (our span, speaker, mention and the reason we gave), and each gold event that is not
fully right, with our candidate events on its text (code, type, source, target, trigger).
"""

from __future__ import annotations

from typing import Any

from ..records import Event, Quote
from .news_match import RIGHT, EventVerdict, QuoteVerdict, StoryVerdict

#: characters of a gold or predicted text shown in the listing
SHOWN_CHARS = 90


def story_listing(verdict: StoryVerdict, text: str) -> list[str]:
    """Lines for one story; none when everything in it is right."""
    lines: list[str] = []
    for quote in verdict.quotes:
        if quote.cause != RIGHT:
            lines.extend(_quote_lines(quote, verdict.our_quotes))
    for event in verdict.events:
        if event.cause != RIGHT:
            lines.extend(_event_lines(event, verdict.our_events))
    if not lines:
        return []
    return [f"-- {verdict.file} ({verdict.half} half)", *lines]


def story_misses(verdict: StoryVerdict) -> dict[str, Any]:
    """The same misses for ``--json``: gold items with their cause and our output on them."""
    quotes = [
        {
            "text": q.gold.text,
            "kind": q.gold.kind,
            "speaker": q.gold.speaker,
            "speaker_country": q.gold.country,
            "cause": q.cause,
            "ours": [verdict.our_quotes[i].to_json() for i in q.nearby],
        }
        for q in verdict.quotes
        if q.cause != RIGHT
    ]
    events = [
        {
            "text": e.gold.text,
            "plover": e.gold.plover,
            "cameo_root": e.gold.cameo_root,
            "source": e.gold.source,
            "target": e.gold.target,
            "cause": e.cause,
            "candidates": [verdict.our_events[i].to_json() for i in e.candidates],
        }
        for e in verdict.events
        if e.cause != RIGHT
    ]
    return {"file": verdict.file, "half": verdict.half, "quotes": quotes, "events": events}


def _quote_lines(verdict: QuoteVerdict, quotes: tuple[Quote, ...]) -> list[str]:
    gold = verdict.gold
    country = gold.country or "null"
    who = f"{gold.speaker} [{'person' if gold.surnames else country}]"
    lines = [f"  quote {gold.kind} ({verdict.cause}): {_short(gold.text)!r} -- gold speaker {who}"]
    label = "ours" if verdict.match is not None else "near"
    lines.extend(f"    {label}: {_quote(quotes[i])}" for i in verdict.nearby)
    return lines


def _quote(quote: Quote) -> str:
    speaker = f"{quote.speaker.name} ({quote.speaker.actor})" if quote.speaker else "null"
    mention = repr(quote.speaker_mention.text) if quote.speaker_mention else "null"
    return (
        f"[{quote.kind} {quote.start}-{quote.end}] {_short(quote.text)!r} speaker {speaker}, "
        f"mention {mention}, reason {quote.reason or '-'}"
    )


def _event_lines(verdict: EventVerdict, events: tuple[Event, ...]) -> list[str]:
    gold = verdict.gold
    lines = [
        f"  event {gold.plover}/{gold.cameo_root} {gold.source or 'null'} -> {gold.target or 'null'} "
        f"({verdict.cause}): {_short(gold.text)!r}"
    ]
    lines.extend(f"    cand: {_event(events[i])}" for i in verdict.candidates)
    return lines


def _event(event: Event) -> str:
    plover = event.plover.get("type") if event.plover else "-"
    return (
        f"{event.cameo} {plover} src {list(event.source)} tgt {list(event.target)} "
        f"trigger {event.trigger.text!r}"
    )


def _short(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."
