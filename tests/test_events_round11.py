"""Round 11: which inner event nouns are events of their own (hand-written sentences, never gold ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .test_events import events_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Chile rejected Brazilian mediation between Peru and Bolivia.",
        "Chile said it would be ready to host talks between Peru and Bolivia.",
    ],
)
def test_a_proposed_inner_event_is_not_held(pipeline: Pipeline, text: str) -> None:
    events = events_of(pipeline, text)
    assert events and all(e.source == ("CHL",) or e.source == ("CHLGOV",) for e in events)


def test_a_welcomed_inner_event_is_still_held(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Chile welcomed talks between Peru and Bolivia.")
    assert any(e.cameo.startswith("04") and e.source == ("PER",) for e in events)
