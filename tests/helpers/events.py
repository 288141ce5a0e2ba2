"""Run a hand-written story through the real pipeline and pick its result or its events."""

from __future__ import annotations

import datetime as dt

from dateline.pipeline import Pipeline
from dateline.records import Event, Origin, RawStory, StoryResult

WEDNESDAY = dt.date(2021, 12, 15)


def processed(pipeline: Pipeline, text: str, published: dt.date = WEDNESDAY) -> StoryResult:
    """The whole result of one hand-written story."""
    result = pipeline.process_one(RawStory("t", text, Origin("test"), published=published))
    assert isinstance(result, StoryResult), result
    return result


def events_of(pipeline: Pipeline, text: str, published: dt.date = WEDNESDAY) -> tuple[Event, ...]:
    result = processed(pipeline, text, published)
    for event in result.events:
        assert result.story.text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end
    return result.events


def only(events: tuple[Event, ...], root: str) -> Event:
    found = [e for e in events if e.cameo.startswith(root)]
    assert len(found) == 1, [(e.cameo, e.source, e.target) for e in events]
    return found[0]
