"""Which CAMEO code and PLOVER type a phrase gets: expulsions, restrictions lifted or imposed,
counts of an event, parts of a whole, announced and cancelled acts (hand-written sentences, never gold
ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.events import events_of

pytestmark = pytest.mark.slow


def test_forcing_an_organisation_out_is_an_expulsion_sanction(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya forced the Red Cross out of the country.")
    assert (event.cameo, event.source, event.target) == ("166", ("KEN",), ("NGORCR",))
    assert event.plover is not None and event.plover["type"] == "SANCTION"


def test_deporting_people_stays_coercion(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Kenya deported three Ugandan journalists.")
    assert event.cameo == "174"
    assert event.plover is not None and event.plover["type"] == "COERCE"


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
def test_lifting_imposing_and_enforcing_restrictions(pipeline: Pipeline, text: str, code: str) -> None:
    assert code in [e.cameo for e in events_of(pipeline, text)]


def test_failing_to_agree_is_a_rejection(pipeline: Pipeline) -> None:
    (event,) = events_of(pipeline, "Chile and Peru failed to reach agreement on the border.")
    assert event.cameo[:2] == "12" and event.source == ("CHL", "PER")


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
