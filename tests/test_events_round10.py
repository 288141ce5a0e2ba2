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


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president told Uganda that it must withdraw its troops.",
        "The Kenyan president reminded Uganda that it should withdraw its troops.",
    ],
)
def test_an_obligation_told_to_someone_is_an_appeal_to_them(pipeline: Pipeline, text: str) -> None:
    appeals = [e for e in events_of(pipeline, text) if e.cameo.startswith("02")]
    assert [(e.source, e.target) for e in appeals] == [(("KENGOV",), ("UGA",))]


def test_a_promise_told_to_someone_stays_the_speakers(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Kenya told Uganda that it would withdraw its troops from the border.")
    assert all(e.source == ("KEN",) for e in events) and events


@pytest.mark.parametrize(
    ("text", "root", "target"),
    [
        ("Kenyan rebels issued a statement demanding that the government free their leader.", "10", "KENGOV"),
        ("Kenyan rebels issued a statement calling on Uganda to close its border.", "02", "UGA"),
    ],
)
def test_a_document_speaks_for_its_issuer(pipeline: Pipeline, text: str, root: str, target: str) -> None:
    events = [e for e in events_of(pipeline, text) if e.cameo.startswith(root)]
    assert [(e.source, e.target) for e in events] == [(("KENREB",), (target,))]


def test_a_participle_on_an_ordinary_noun_is_not_its_watchers_act(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Kenyan police watched a march supporting Ugandan refugees.")
    assert all(e.source != ("KENCOP",) or e.cameo[:2] != "05" for e in events)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Kenya announced it would cut all aid to Uganda.", "SANCTION"),
        ("Kenya said it would cut all aid to Uganda.", "THREATEN"),
        ("Kenya announced it would cut all aid to Uganda unless the shelling stops.", "THREATEN"),
        ("Kenya announced it would resume talks with Uganda.", "AGREE"),
    ],
)
def test_an_announced_hostile_act_is_a_decision(pipeline: Pipeline, text: str, plover: str) -> None:
    types = [e.plover["type"] for e in events_of(pipeline, text) if e.plover is not None]
    assert types == [plover]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kenyan diplomats returned to Nairobi for talks with Uganda.", "040"),
        ("Kenya returned to the negotiating table with the rebels.", "046"),
        ("Kenya returned the prisoners to Uganda.", "084"),
    ],
)
def test_returning_for_talks_is_consulting(pipeline: Pipeline, text: str, code: str) -> None:
    assert [e.cameo for e in events_of(pipeline, text)] == [code]
