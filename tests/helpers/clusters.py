"""Hand-built stories and events for the clustering tests (no model needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.records import Event, Origin, Place, Span, Story, StoryResult
from dateline.store import Store

#: wire copy long enough for shingles to mean something; each test varies it
BODY = (
    "Government forces launched an offensive against rebel positions near the northern town "
    "on Tuesday, officials said, in the heaviest fighting since the ceasefire collapsed last "
    "month. Residents reported artillery fire through the night and hundreds of families fled "
    "towards the border, according to local aid workers who asked not to be named. The army "
    "said it had retaken two villages and would press on until the region was secure."
)


def event(
    text: str,
    *,
    cameo: str = "190",
    source: tuple[str, ...] = ("SDNMIL",),
    target: tuple[str, ...] = ("SDNREB",),
    date: str | None = "2024-05-07",
    precision: str | None = "day",
    plover: str | None = "ASSAULT",
    modality: tuple[str, ...] = (),
    trigger: str = "launched",
    place: Place | None = None,
    place_precision: str | None = None,
) -> Event:
    start = text.index(trigger)
    return Event(
        cameo=cameo,
        cameo_name=f"code {cameo}",
        goldstein=-10.0,
        quad=4,
        plover=None if plover is None else {"type": plover},
        source=source,
        target=target,
        date=date,
        date_precision=precision,
        modality=modality,
        trigger=Span(start, start + len(trigger), trigger),
        sentence=Span(0, len(text), text),
        place=place,
        place_precision=place_precision,
    )


def place(text: str, word: str, geonameid: int) -> Place:
    """A resolved place mention of ``word`` in ``text`` (the gazetteer entry is made up)."""
    start = text.index(word)
    return Place(start, start + len(word), word, geonameid, word, "SDN", None, 15.0, 32.0, "PPL", 0.9, "test")


def story(
    story_id: str,
    text: str = BODY,
    *,
    published: str = "2024-05-07",
    source: str | None = "Wire",
    title: str | None = None,
    events: tuple[Event, ...] | None = None,
) -> StoryResult:
    record = Story(
        id=story_id,
        text=text,
        clean_text=text,
        repairs=(),
        origin=Origin("hand/made.txt", None, story_id),
        published=dt.date.fromisoformat(published),
        title=title,
        source=source,
    )
    events = (event(text),) if events is None else events
    # an event's place is one of its story's places (store/rows.py numbers it among them)
    places = tuple(dict.fromkeys(e.place for e in events if e.place is not None))
    return StoryResult(story=record, events=events, places=places)


def store_of(path: Path, results: list[StoryResult]) -> Path:
    with Store.open(path) as store:
        store.add_many(results)
    return path
