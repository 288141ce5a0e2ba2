"""Event coding constructions through the real model, with small hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.pipeline import Pipeline
from dateline.records import Event, Origin, RawStory, StoryResult

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2021, 12, 15)


def events_of(pipeline: Pipeline, text: str, published: dt.date = WEDNESDAY) -> tuple[Event, ...]:
    result = pipeline.process_one(RawStory("t", text, Origin("test"), published=published))
    assert isinstance(result, StoryResult), result
    for event in result.events:
        assert result.story.text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end
    return result.events


def only(events: tuple[Event, ...], root: str) -> Event:
    found = [e for e in events if e.cameo.startswith(root)]
    assert len(found) == 1, [(e.cameo, e.source, e.target) for e in events]
    return found[0]


def test_noun_predicate_with_light_verb_and_prepositional_target(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "France held talks with Germany on Monday."), "04")
    assert (event.source, event.target) == (("FRA",), ("DEU",))
    assert event.plover is not None and event.plover["type"] == "CONSULT"
    assert (event.date, event.date_precision) == ("2021-12-13", "day")


def test_aid_to_country(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "France sent aid to Ukraine."), "07")
    assert (event.source, event.target) == (("FRA",), ("UKR",))


def test_compound_subject_is_one_reciprocal_event(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "France and Germany will meet next month."), "04")
    assert set(event.source) == {"FRA", "DEU"} and event.reciprocal
    assert "future" in event.modality
    assert (event.date, event.date_precision) == ("2022-01", "month")


def test_passive_voice_swaps_roles(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Germany was criticized by France."), "11")
    assert (event.source, event.target) == (("FRA",), ("DEU",))


def test_negation(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Japan did not agree to sign a treaty with France."), "03")
    assert "negated" in event.modality and event.target == ("FRA",)


def test_appeal_folds_its_content(pipeline: Pipeline) -> None:
    event = only(
        events_of(pipeline, "France called for strengthening cooperation between Germany and Japan."), "02"
    )
    assert event.source == ("FRA",) and set(event.target) == {"DEU", "JPN"}
    assert event.plover is None  # PLOVER drops CAMEO 02x; we keep it


def test_intent_becomes_cameo_03(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "France intends to strengthen cooperation with Germany."), "03")
    assert "intent" in event.modality and event.target == ("DEU",)


def test_hypothetical_bare_month_is_next_one(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "France and Germany could meet in February."), "04")
    assert (event.date, event.date_precision) == ("2022-02", "month")
    assert {"hypothetical", "future"} <= set(event.modality)


def test_reported_act_belongs_to_its_own_actors(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "A senior official said Germany attacked Japan last week.")
    event = only(events, "19")
    assert (event.source, event.target) == (("DEU",), ("JPN",))
    assert event.date_precision == "month"


def test_unresolved_target_is_kept_as_text(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "France accused certain forces of meddling."), "11")
    assert event.source == ("FRA",) and event.target == ()
    assert [span.text for span in event.target_text] == ["certain forces"]


def test_plain_statement_is_not_an_event(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "France said the weather was fine.") == ()


def test_agent_carried_through_compound_places(pipeline: Pipeline) -> None:
    text = "Lawmakers and officials in France and Germany welcomed the agreement with Iran."
    event = only(events_of(pipeline, text), "05")
    assert set(event.source) == {"FRALEG", "DEULEG", "FRAGOV", "DEUGOV"} and event.target == ("IRN",)


def test_agent_of_a_list_of_countries(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "The ambassadors of France, Italy and Spain met Ukraine."), "04")
    assert set(event.source) == {"FRAGOV", "ITAGOV", "ESPGOV"}


def test_passive_without_agent_takes_source_from_the_phrase(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "Iran was sharply criticized over its dispute with Iraq."), "11")
    assert (event.source, event.target) == (("IRQ",), ("IRN",))


def test_targetless_background_clause_is_not_an_event(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "France restored ties with Germany after crowds burned down its embassy.")
    assert [(e.cameo[:2], e.source, e.target) for e in events] == [("05", ("FRA",), ("DEU",))]


def test_target_of_an_infinitive_of_purpose(pipeline: Pipeline) -> None:
    event = only(events_of(pipeline, "France signed an agreement to supply Ukraine with wheat."), "05")
    assert (event.source, event.target) == (("FRA",), ("UKR",))


def test_one_event_per_verb_phrase(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "France condemned the attack on Mali.")
    assert len(events) == 1 and events[0].cameo.startswith("11"), events
