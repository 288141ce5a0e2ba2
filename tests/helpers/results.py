"""A hand-built story result using every field of the contract, for the store and batch tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateline.records import (
    Actor,
    CastMention,
    Dateline,
    Entity,
    Event,
    Member,
    Origin,
    Place,
    Quote,
    Repair,
    Span,
    Speaker,
    Story,
    StoryResult,
)

TEXT = (
    "OSLO (Wire): The Norw-egian premier met Sweden's king on Monday. "
    '"We will keep talking," the premier said, according to an aide.'
)


def span(text: str, needle: str, *, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def make_result(story_id: str = "s1", *, text: str = TEXT, published: str = "2024-03-04") -> StoryResult:
    """A hand-built result using every field the contract has, so round trips are complete."""
    premier = span(text, "premier")
    sweden = span(text, "Sweden")
    quote = span(text, "We will keep talking,")
    trigger = span(text, "met")
    oslo = Place(
        0, 4, "OSLO", 3143244, "Oslo", "NOR", "Oslo", 59.91273, 10.74609, "PPLC", 0.9, "dateline: only entry"
    )
    unknown = Place(
        sweden.start, sweden.end, sweden.text, None, None, None, None, None, None, None, 0.0, "none"
    )
    story = Story(
        id=story_id,
        text=text,
        clean_text=text.replace("Norw-egian", "Norwegian"),
        repairs=(Repair(*_bounds(text, "Norw-egian"), "Norw-egian", "Norwegian", "hyphen"),),
        origin=Origin("hand/made.txt", 3, story_id),
        published=dt.date.fromisoformat(published),
        dateline=Dateline("OSLO (Wire)", 0, 11, "Oslo", "NOR", "Wire", None),
        title="Premier meets king",
        url="https://example.org/a?b=1&c='2'",
        source="Wire",
        metadata={"desk": "nordic", "tags": ["a", "b"], "n": 2},
    )
    return StoryResult(
        story=story,
        entities=(
            Entity("OSLO", "GPE", 0, 4, "NOR", "Norway"),
            Entity(sweden.text, "GPE", sweden.start, sweden.end, "SWE", None),
            Entity("Monday", "DATE", *_bounds(text, "Monday")),
        ),
        actors=(
            Actor(
                "NORGOV",
                "Prime Minister",
                "NOR",
                "GOV",
                "Prime Minister of Norway",
                ((premier.start, premier.end), _bounds(text, "premier", nth=1)),
            ),
            Actor("SWEGOV", "King of Sweden", "SWE", "GOV", None, ((sweden.start, sweden.end),), "person"),
        ),
        quotes=(
            Quote(
                quote.text,
                quote.start,
                quote.end,
                "direct",
                span(text, "said"),
                span(text, "the premier"),
                Speaker("Prime Minister", "NORGOV", "c1"),
                via=Speaker("an aide", None, "c3"),
                reason="quote marks + cue",
                parts=(quote,),
            ),
            Quote("an aide", *_bounds(text, "an aide"), "indirect", None, None, None),
        ),
        events=(
            Event(
                "040",
                "Consult",
                1.0,
                1,
                {"type": "CONSULT", "mode": "visit", "context": ["diplomatic"]},
                ("NORGOV",),
                ("SWEGOV", "SWEELI"),
                "2024-03-04",
                "day",
                (),
                trigger,
                Span(13, 65, text[13:65]),
                source_text=(premier,),
                target_text=(sweden,),
                source_cast=("c1",),
                target_cast=("c2",),
                place=oslo,
                place_precision="dateline",
            ),
            Event(
                "0233",
                "Appeal for aid",
                None,
                None,
                None,
                ("NORGOV",),
                (),
                "2024-03",
                "month",
                ("future", "negated"),
                span(text, "talking"),
                Span(66, len(text), text[66:]),
                speaker="NORGOV",
                source_cast=("c1",),
            ),
        ),
        cast=make_cast(text),
        places=(oslo, unknown),
    )


def make_cast(text: str) -> tuple[Member, ...]:
    """Three members; the premier's mentions come in text order, the aide's before Sweden's seq."""

    def mention(needle: str, how: str, *, nth: int = 0) -> CastMention:
        found = span(text, needle, nth=nth)
        return CastMention(found.start, found.end, found.text, how)

    return (
        Member(
            "c1",
            "Prime Minister",
            "NORGOV",
            "person",
            "NOR",
            (
                mention("Norw-egian premier", "title: premier of NOR"),
                mention("the premier", "description: same title as c1"),
            ),
        ),
        Member("c2", "Sweden", "SWE", "country", "SWE", (mention("Sweden", "name"),)),
        Member("c3", "an aide", None, "person", None, (mention("an aide", "description: new person"),)),
    )


def _bounds(text: str, needle: str, *, nth: int = 0) -> tuple[int, int]:
    found = span(text, needle, nth=nth)
    return found.start, found.end


def without_cast(result: StoryResult) -> StoryResult:
    """The result as a store that knew no cast gives it back."""

    def speaker(who: Speaker | None) -> Speaker | None:
        return None if who is None else dataclasses.replace(who, cast=None)

    quotes = tuple(
        dataclasses.replace(quote, speaker=speaker(quote.speaker), via=speaker(quote.via))
        for quote in result.quotes
    )
    events = tuple(dataclasses.replace(e, source_cast=(), target_cast=()) for e in result.events)
    return dataclasses.replace(result, cast=(), quotes=quotes, events=events)
