"""Events inside other speech and events: what is told, proposed, welcomed, accused, agreed or made a
condition, and whether it is an event of its own (hand-written sentences, never gold ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.events import events_of

pytestmark = pytest.mark.slow


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


@pytest.mark.parametrize(
    "text",
    [
        "A small party said it will boycott the vote unless the Kenyan president agrees to step down.",
        "Fighting will resume unless Kenya agrees to withdraw its troops.",
        "The rebels will lay down their arms if Chad agrees to hold talks.",
    ],
)
def test_an_act_in_a_condition_has_not_taken_place(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.source]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya accused Uganda of sabotaging the negotiations between Sudan and Chad.",
        "Kenya accused Uganda of shelling Sudanese villages.",
    ],
)
def test_what_an_accusation_claims_is_not_an_event(pipeline: Pipeline, text: str) -> None:
    events = events_of(pipeline, text)
    assert [(e.cameo[:2], e.source, e.target) for e in events] == [("11", ("KEN",), ("UGA",))]


def test_what_an_appeal_asks_for_is_no_event_through_its_chain(pipeline: Pipeline) -> None:
    text = "The Kenyan president said that Uganda must be ready to mediate between Sudan and Chad."
    assert [(e.cameo, e.source, e.target) for e in events_of(pipeline, text)] == [
        ("026", ("KENGOV",), ("UGA",))
    ]


def test_a_possible_act_inside_an_agreement_is_its_content(pipeline: Pipeline) -> None:
    text = (
        "Kenyan and Ugandan officials agreed that their countries should cooperate to encourage "
        "Sudanese refugees to return home."
    )
    assert [e.cameo[:2] for e in events_of(pipeline, text)] == ["03"]


def test_a_stated_threat_is_still_an_event(pipeline: Pipeline) -> None:
    assert [e.cameo for e in events_of(pipeline, "Kenya said it would attack Uganda.")] == ["138"]
