"""Round 10: parts of a whole before a pattern's noun (hand-written sentences, never gold ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .test_events import events_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Sweden suspended part of a military aid program for Kenya.",
        "Sweden suspended a portion of its development aid program for Kenya.",
    ],
)
def test_a_part_of_a_whole_does_not_hide_the_pattern_noun(pipeline: Pipeline, text: str) -> None:
    codes = [(e.cameo[:3], e.source, e.target) for e in events_of(pipeline, text)]
    assert ("162", ("SWE",), ("KEN",)) in codes
