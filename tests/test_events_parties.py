"""Who an event's source and target are: languages and nationalities, capitals, possessives, what a
party leads, documents and complaints (hand-written sentences, never gold ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.events import events_of

pytestmark = pytest.mark.slow


def test_a_language_is_no_party(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Estonia lifted restrictions on the use of the Finnish language.")
    assert (event.cameo[:2], event.source, event.target) == ("08", ("EST",), ())


def test_a_nationality_adjective_on_a_party_still_names_it(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Finland lifted restrictions on Estonian imports.")
    assert event.target == ("EST",)


def test_a_capital_where_something_happens_is_a_place(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Chile and Peru held talks in Madrid.")
    assert (event.cameo[:2], event.target) == ("04", ())


def test_a_capital_as_a_party_is_its_government(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Chile held talks with Madrid.")
    assert event.target == ("ESPGOV",)


def test_a_capital_a_visit_arrives_in_is_the_host(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "The Chilean foreign minister arrived in Madrid for a visit.")
    assert (event.cameo[:2], event.target) == ("04", ("ESPGOV",))


def test_a_possessive_in_a_reported_clause_is_the_speaker(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Peru said its troops had completed their withdrawal from Chile.")
    assert [(e.cameo[:2], e.source, e.target) for e in events] == [("08", ("PER",), ("CHL",))]


def test_a_place_for_people_is_theirs(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "A camp for Chilean refugees was attacked by Peruvian militiamen.")
    assert [(e.cameo[:2], e.source[0][:3], e.target[0][:3]) for e in events] == [("19", "PER", "CHL")]


def test_a_complaint_is_about_whom_it_names_not_whom_it_is_made_to(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Chile complained to the United Nations about Peruvian air raids.")
    assert (event.cameo[:2], event.source, event.target) == ("11", ("CHL",), ("PER",))


def test_a_complaint_made_to_someone_alone_is_aimed_at_them(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Chile complained to Peru.")
    assert (event.cameo[:2], event.target) == ("11", ("PER",))


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
