"""Round 9: expelling an organisation against deporting people, languages named by a nationality,
and verbs that undo a restriction (hand-written sentences, never gold ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .test_events import events_of

pytestmark = pytest.mark.slow


def test_forcing_an_organisation_out_is_an_expulsion_sanction(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya forced the Red Cross out of the country.")
    assert (event.cameo, event.source, event.target) == ("166", ("KEN",), ("NGORCR",))
    assert event.plover is not None and event.plover["type"] == "SANCTION"


def test_deporting_people_stays_coercion(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya deported three Ugandan journalists.")
    assert event.cameo == "174"
    assert event.plover is not None and event.plover["type"] == "COERCE"


def test_a_language_is_no_party(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Estonia lifted restrictions on the use of the Finnish language.")
    assert (event.cameo[:2], event.source, event.target) == ("08", ("EST",), ())


def test_a_nationality_adjective_on_a_party_still_names_it(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Finland lifted restrictions on Estonian imports.")
    assert event.target == ("EST",)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The court revoked the ban on the opposition party.", "0812"),
        ("Kenya cancelled restrictions on foreign travel.", "081"),
        ("The army shortened the curfew in the capital.", "0813"),
        ("Norway ended its mediation between the two factions.", "165"),
        ("Sweden scrapped its sanctions against Chile.", "085"),
        ("Chilean police prevented a demonstration by students.", "172"),
        ("The European Union tightened its sanctions on Peru.", "163"),
        ("Sweden banned all aid to Peru.", "162"),
        ("Chilean police broke up a protest by students.", "175"),
    ],
)
def test_round_9_news_phrases(pipeline: Pipeline, text: str, code: str) -> None:
    assert code in [e.cameo for e in events_of(pipeline, text)]


def test_failing_to_agree_is_a_rejection(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Chile and Peru failed to reach agreement on the border.")
    assert event.cameo[:2] == "12" and event.source == ("CHL", "PER")


def test_a_capital_where_something_happens_is_a_place(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Chile and Peru held talks in Madrid.")
    assert (event.cameo[:2], event.target) == ("04", ())


def test_a_capital_as_a_party_is_its_government(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Chile held talks with Madrid.")
    assert event.target == ("ESPGOV",)


def test_a_capital_a_visit_arrives_in_is_the_host(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "The Chilean foreign minister arrived in Madrid for a visit.")
    assert (event.cameo[:2], event.target) == ("04", ("ESPGOV",))


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Chile and Peru launched ten days of naval exercises.", "06"),
        ("Chile and Peru held a new round of talks.", "04"),
        ("Peruvian rebels launched a wave of attacks on Chilean police.", "19"),
    ],
)
def test_a_count_or_stretch_of_an_event_is_the_event(pipeline: Pipeline, text: str, root: str) -> None:
    assert root in [e.cameo[:2] for e in events_of(pipeline, text)]


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
