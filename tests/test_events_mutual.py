"""Mutual acts (talks, ceasefires, meetings): whose they are and when they are reciprocal
(hand-written sentences, never gold ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.events import events_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan monitors are watching over a ceasefire between Sudan and Chad.",
        "Kenyan monitors, who are deployed to oversee a ceasefire between Sudan and Chad, left the region.",
    ],
)
def test_a_mutual_act_between_parties_is_theirs_not_the_watchers(pipeline: Pipeline, text: str) -> None:
    ceasefires = [e for e in events_of(pipeline, text) if e.cameo.startswith("087")]
    assert [(e.source, e.target) for e in ceasefires] == [(("SDN",), ("TCD",))]


def test_a_mutual_act_held_by_someone_keeps_its_holder(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Kenya held talks between Sudan and Chad.")
    assert [(e.source, e.target) for e in events] == [(("KEN",), ("SDN", "TCD"))]


def test_an_intent_to_meet_is_one_sides_word(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Kenyan rebels said they would meet the Ugandan president.")
    assert [(e.cameo, e.reciprocal) for e in events] == [("036", False)]


@pytest.mark.parametrize(
    ("text", "reciprocal"),
    [
        ("Kenyan rebels met the Ugandan president.", False),
        ("Kenya held talks with Uganda.", False),
        ("Kenya and Uganda met on Monday.", True),
        ("Kenya welcomed talks between Sudan and Chad.", True),
    ],
)
def test_a_mutual_act_is_mutual_among_a_compound_or_a_between_phrase(
    pipeline: Pipeline, text: str, reciprocal: bool
) -> None:
    meetings = [e for e in events_of(pipeline, text) if e.cameo.startswith("04")]
    assert [e.reciprocal for e in meetings] == [reciprocal]
