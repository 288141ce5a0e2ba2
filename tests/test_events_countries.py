"""Actors PLOVER codes by country: unnamed actors of a one-country sentence, objects of an
infinitive, and trailing attributions (hand-written sentences, never gold ones)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .test_events import events_of, only

pytestmark = pytest.mark.slow


def test_trailing_attribution_is_no_accusation(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Germany attacked Japan, officials in Spain said.")
    assert [(e.cameo[:2], e.source, e.target) for e in events] == [("19", ("DEU",), ("JPN",))]


def test_leading_report_of_a_hostile_act_stays_an_accusation(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Spain said that Germany attacked Japan."), "11")
    assert (event.source, event.target) == (("ESP",), ("DEU",))


def test_unnamed_source_takes_the_one_country_of_the_sentence(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "The army shelled rebel positions near Kandahar."), "19")
    assert event.source == ("AFGMIL",)


def test_unnamed_person_acted_on_is_of_the_sentence_country(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "The rebels freed Colonel Juma Otieno in Kenya."), "08")
    assert event.source == ("KENREB",) and event.target == ("KEN",)


def test_unnamed_source_is_not_of_its_target_country(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Gunmen kidnapped three Italian engineers."), "18")
    assert event.source == () and event.target == ("ITA",)


def test_party_left_unnamed_on_purpose_stays_unresolved(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Kenya accused foreign powers of meddling."), "11")
    assert event.target == () and [s.text for s in event.target_text] == ["foreign powers"]


def test_object_of_an_infinitive_is_the_target(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "The Kenyan court allowed opposition leader Juma Otieno to run."), "08")
    assert event.source == ("KENJUD",) and event.target == ("KEN",)


def test_subject_of_a_permitted_infinitive_is_the_target(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Chile allowed Bolivia to use its ports."), "08")
    assert (event.source, event.target) == (("CHL",), ("BOL",))
