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


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("U.S. and Russian negotiators returned to Geneva for talks.", ("USA", "RUS")),
        ("Kenya said US and British forces must leave.", ("USAMIL", "GBRMIL")),
    ],
)
def test_a_name_joined_to_an_adjective_modifies_the_head_with_it(
    pipeline: Pipeline, text: str, parties: tuple[str, ...]
) -> None:
    events = events_of(pipeline, text)
    assert any(e.source == parties or e.target == parties for e in events)


def test_a_participle_parsed_as_subject_gives_way_to_its_noun(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The Red Cross operating in Kenya said Ugandan forces must leave.")
    assert [(e.source, e.target) for e in events] == [(("NGORCR",), ("UGAMIL",))]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Turkey gave aid to the Kenyan-led coalition.", ("KEN",)),
        ("Turkey refused to give aid to the Kenyan-led war against Uganda.", ("KEN",)),
    ],
)
def test_what_a_party_leads_is_that_partys(pipeline: Pipeline, text: str, target: tuple[str, ...]) -> None:
    assert any(e.source == ("TUR",) and e.target == target for e in events_of(pipeline, text))


def test_forces_led_by_a_party_keep_their_sector(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Kenyan-led forces shelled Ugandan villages.")
    assert [e.source for e in events] == [("KENMIL",)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A Kenyan minister has cancelled a planned visit to Uganda.", "161"),
        ("Kenya cancelled its meeting with the Ugandan president.", "161"),
        ("Kenya cancelled talks with Uganda.", "164"),
        ("Kenya called off negotiations with Uganda.", "164"),
    ],
)
def test_cancelling_a_planned_exchange_reduces_relations(pipeline: Pipeline, text: str, code: str) -> None:
    events = events_of(pipeline, text)
    assert [(e.cameo, e.target[0][:3]) for e in events] == [(code, "UGA")]
    assert events[0].plover is not None and events[0].plover["type"] == "SANCTION"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kenya defended the right of Ugandan troops to fire on militants.", ("UGAMIL",)),
        ("Kenya defended Uganda's interests.", ("UGA",)),
    ],
)
def test_defending_a_partys_good_defends_the_party(
    pipeline: Pipeline, text: str, target: tuple[str, ...]
) -> None:
    assert [(e.cameo, e.target) for e in events_of(pipeline, text)] == [("052", target)]


def test_defending_an_ownerless_good_is_still_no_event(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Kenya defended the right to protest.") == ()


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
