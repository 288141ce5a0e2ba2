"""The product owner's rules for whole stories (``shared/data/news-annotation.md``), one story at a time.

Quotes: gold quotes are taken in file order; each takes the not-yet-matched quote of ours with
the largest overlap among those that overlap at least half of its characters and half of ours,
or, for a direct gold quote, that cover at least 90% of it. Our spans lose surrounding quote
marks, spaces and trailing ``,``/``.`` first (the gold drops them). A gold text found several
times in the body (headline and body) matches at any of its places.

Speaker: a gold speaker listed among the story's people is right when its surname (see
:mod:`.news_names`: accents and case folded, one letter inserted, dropped or changed allowed)
is a word of our speaker's name or of our mention. Any
other speaker (a body, a government, "analysts") is right when our speaker's actor code starts
with the gold country or, for an organisation, contains its code; a gold country of ``null``
(a joint speaker, "analysts") accepts whatever we give, as a ``null`` gold actor does for events.

Events: candidates are our events whose trigger overlaps the gold text. Type right: a candidate
with the gold PLOVER type or CAMEO root. + source: such a candidate with a source code starting
with the gold country (``IGO`` + the code for an organisation); actors right: the same candidate
with the target right too. A ``null`` gold actor accepts anything, an empty list included.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Event, Quote
from .news_gold import GoldEvent, GoldQuote, GoldStory, Ranges, occurrences
from .news_names import fold_words, names_person

#: a gold quote is found when the overlap is at least this share of it and of ours
MATCH_SHARE = 0.5
#: ... or, for a direct gold quote, when ours covers at least this share of it
DIRECT_COVER = 0.9
#: trimmed from both ends of our quote spans before comparing
TRIM_CHARS = " \t\n\"'“”‘’«»,.;:"

# causes, for the breakdown and the --show listing
NOT_IN_TEXT = "gold text not in story"
NO_OVERLAP = "no quote of ours overlaps"
SMALL_OVERLAP = "overlap too small (or taken)"
NO_SPEAKER = "found, no speaker or mention of ours"
UNRESOLVED = "found, our mention unresolved (speaker null)"
WRONG_SPEAKER = "found, speaker wrong"
NO_CANDIDATE = "no event of ours on the text"
WRONG_TYPE = "type wrong"
WRONG_SOURCE = "type right, source wrong"
WRONG_TARGET = "source right, target wrong"
RIGHT = "right"


@dataclass(frozen=True, slots=True)
class QuoteVerdict:
    gold: GoldQuote
    places: Ranges
    #: index of our matched quote
    match: int | None
    speaker_right: bool
    cause: str
    #: indexes of our quotes that overlap the gold text (or the nearest one), for the listing
    nearby: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class EventVerdict:
    gold: GoldEvent
    places: Ranges
    candidates: tuple[int, ...]
    type_right: bool
    source_right: bool
    actors_right: bool
    cause: str


@dataclass(frozen=True, slots=True)
class StoryVerdict:
    """Everything scored in one story; the report adds these up."""

    file: str
    half: str
    quotes: tuple[QuoteVerdict, ...]
    events: tuple[EventVerdict, ...]
    our_quotes: tuple[Quote, ...]
    our_events: tuple[Event, ...]
    #: our quotes that match no gold quote
    unmatched_quotes: int
    #: our events whose trigger overlaps no gold event text of the same type
    unmatched_events: int


def score_story(
    gold: GoldStory, text: str, quotes: tuple[Quote, ...], events: tuple[Event, ...]
) -> StoryVerdict:
    """Score our quotes and events of one story against its gold."""
    quote_places = [occurrences(text, q.text) for q in gold.quotes]
    pairs = match_quotes(gold.quotes, quote_places, [quote_ranges(text, q) for q in quotes])
    quote_verdicts = tuple(
        _quote_verdict(g, places, pairs.get(i), quotes)
        for i, (g, places) in enumerate(zip(gold.quotes, quote_places, strict=True))
    )
    event_places = [occurrences(text, e.text) for e in gold.events]
    event_verdicts = tuple(
        event_verdict(g, p, events) for g, p in zip(gold.events, event_places, strict=True)
    )
    unmatched = sum(
        not any(
            type_right(event, g) and _overlap(_trigger(event), p)
            for g, p in zip(gold.events, event_places, strict=True)
        )
        for event in events
    )
    return StoryVerdict(
        gold.file,
        gold.half,
        quote_verdicts,
        event_verdicts,
        quotes,
        events,
        len(quotes) - len(pairs),
        unmatched,
    )


def match_quotes(gold: tuple[GoldQuote, ...], places: list[Ranges], ours: list[Ranges]) -> dict[int, int]:
    """Gold index -> index of our quote that finds it (see the module's rule)."""
    pairs: dict[int, int] = {}
    for g, (item, spans) in enumerate(zip(gold, places, strict=True)):
        best: tuple[int, int] | None = None
        for p, pred in enumerate(ours):
            if p in pairs.values():
                continue
            shared = max(
                (_found_overlap(span, pred, direct=item.kind == "direct") for span in spans), default=0
            )
            if shared and (best is None or shared > best[0]):
                best = (shared, p)
        if best is not None:
            pairs[g] = best[1]
    return pairs


def _found_overlap(span: tuple[int, int], pred: Ranges, *, direct: bool) -> int:
    """The overlap when it is enough to count the gold quote found, else 0."""
    size = span[1] - span[0]
    shared = _overlap(pred, (span,))
    if not shared:
        return 0
    if shared >= MATCH_SHARE * size and shared >= MATCH_SHARE * _size(pred):
        return shared
    return shared if direct and shared >= DIRECT_COVER * size else 0


def quote_ranges(text: str, quote: Quote) -> Ranges:
    """Our quote's characters (its parts when discontinuous), quote marks and end punctuation off."""
    spans = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
    return tuple(_trim(text, start, end) for start, end in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def _quote_verdict(
    gold: GoldQuote, places: Ranges, match: int | None, quotes: tuple[Quote, ...]
) -> QuoteVerdict:
    overlapping = tuple(i for i, q in enumerate(quotes) if _overlap(((q.start, q.end),), places))
    if match is not None:
        right = speaker_right(gold, quotes[match])
        cause = RIGHT if right else _speaker_cause(quotes[match])
        return QuoteVerdict(gold, places, match, right, cause, (match,))
    if not places:
        return QuoteVerdict(gold, places, None, False, NOT_IN_TEXT, ())
    if overlapping:
        return QuoteVerdict(gold, places, None, False, SMALL_OVERLAP, overlapping)
    return QuoteVerdict(gold, places, None, False, NO_OVERLAP, _nearest(places, quotes))


def _speaker_cause(quote: Quote) -> str:
    if quote.speaker is not None:
        return WRONG_SPEAKER
    return UNRESOLVED if quote.speaker_mention is not None else NO_SPEAKER


def _nearest(places: Ranges, quotes: tuple[Quote, ...]) -> tuple[int, ...]:
    if not quotes:
        return ()
    start = places[0][0]
    return (min(range(len(quotes)), key=lambda i: abs(quotes[i].start - start)),)


def speaker_right(gold: GoldQuote, quote: Quote) -> bool:
    """Whether our quote names the gold speaker (see the module's rule)."""
    if gold.surnames:
        words = fold_words(quote.speaker.name if quote.speaker else "")
        words += fold_words(quote.speaker_mention.text if quote.speaker_mention else "")
        return names_person(gold.surnames, words)
    if gold.country is None:
        return True
    actor = quote.speaker.actor if quote.speaker else None
    if actor is None:
        return False
    return gold.country in actor if gold.organisation else actor.startswith(gold.country)


def event_verdict(gold: GoldEvent, places: Ranges, events: tuple[Event, ...]) -> EventVerdict:
    """The gold event's candidates among ours and how far the best of them is right."""
    candidates = tuple(i for i, e in enumerate(events) if _overlap(_trigger(e), places))
    typed = [events[i] for i in candidates if type_right(events[i], gold)]
    sourced = [e for e in typed if actor_right(e.source, gold.source)]
    full = [e for e in sourced if actor_right(e.target, gold.target)]
    if not places:
        cause = NOT_IN_TEXT
    elif not candidates:
        cause = NO_CANDIDATE
    else:
        cause = RIGHT if full else WRONG_TARGET if sourced else WRONG_SOURCE if typed else WRONG_TYPE
    return EventVerdict(gold, places, candidates, bool(typed), bool(sourced), bool(full), cause)


def type_right(event: Event, gold: GoldEvent) -> bool:
    plover = event.plover.get("type") if event.plover else None
    return plover == gold.plover or event.cameo[:2] == gold.cameo_root


def actor_right(codes: tuple[str, ...], prefix: str | None) -> bool:
    """A code of ours starting with the gold actor's prefix (see ``actor_prefix``); ``None`` takes any."""
    return prefix is None or any(code.startswith(prefix) for code in codes)


def _trigger(event: Event) -> Ranges:
    return ((event.trigger.start, event.trigger.end),)


def _size(ranges: Ranges) -> int:
    return sum(end - start for start, end in ranges)


def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
