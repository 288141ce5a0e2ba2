"""Precision on wire copy, with small hand-written sentences (real model)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.pipeline import Pipeline
from dateline.records import Event, Origin, RawStory, StoryResult

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2021, 12, 15)


def coded(pipeline: Pipeline, text: str) -> tuple[tuple[Event, ...], str]:
    result = pipeline.process_one(RawStory("t", text, Origin("test"), published=WEDNESDAY))
    assert isinstance(result, StoryResult), result
    return result.events, result.story.text


def summary(events: tuple[Event, ...]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(e.cameo, e.source, e.target) for e in events]


def test_idiomatic_object_makes_no_material_event(pipeline: Pipeline) -> None:
    events, _ = coded(pipeline, "Spain and Portugal must seize the chance for a closer partnership.")
    assert not [e for e in events if e.quad in {2, 4}], summary(events)


def test_material_act_on_a_concrete_object_stays(pipeline: Pipeline) -> None:
    events, _ = coded(pipeline, "Turkey seized two Greek ships.")
    assert [e.cameo[:2] for e in events] == ["17"], summary(events)


def test_abstract_goods_are_not_protected_materially_or_defended_verbally(pipeline: Pipeline) -> None:
    events, _ = coded(pipeline, "Poland vowed to protect the interests of Lithuania.")
    assert not [e for e in events if e.cameo[:2] == "07"], summary(events)
    events, _ = coded(pipeline, "Austria defended the principles of the alliance with Hungary.")
    assert not [e for e in events if e.cameo == "052"], summary(events)


def test_gerund_after_from_has_the_object_as_subject(pipeline: Pipeline) -> None:
    text = "Canada wants to stop armed gangs from interfering in the internal affairs of Haiti."
    events, story = coded(pipeline, text)
    meddling = [e for e in events if e.cameo == "128"]
    assert meddling, summary(events)
    event = meddling[0]
    assert event.source == () and "CAN" not in event.target
    assert [story[s.start : s.end] for s in event.source_text] == ["armed gangs"]
    assert "hypothetical" in event.modality


def test_unresolved_source_is_kept_as_text(pipeline: Pipeline) -> None:
    events, story = coded(
        pipeline, "Certain circles are interfering in the internal affairs of Chile and Peru."
    )
    event = next(e for e in events if e.cameo == "128")
    assert event.source == () and set(event.target) == {"CHL", "PER"}
    assert [story[s.start : s.end] for s in event.source_text] == ["Certain circles"]


def test_date_of_a_relative_clause_dates_its_own_event(pipeline: Pipeline) -> None:
    text = "Spain and Italy discussed trade and future summits, one of which could take place in March 2022."
    events, _ = coded(pipeline, text)
    discussed = [e for e in events if e.trigger.text == "discussed"]
    assert discussed and discussed[0].date == "2021-12-15" and "future" not in discussed[0].modality
    summits = [e for e in events if e.trigger.text.startswith("summits")]
    assert summits, summary(events)
    assert (summits[0].date, summits[0].date_precision) == ("2022-03", "month")
    assert {"future", "hypothetical"} <= set(summits[0].modality)
    assert set(summits[0].source) == {"ESP", "ITA"} and summits[0].reciprocal


def test_domain_noun_is_no_target_text(pipeline: Pipeline) -> None:
    events, story = coded(pipeline, "Spain and Italy developed cooperation in the field of solar energy.")
    assert events
    for event in events:
        assert "the field" not in [story[s.start : s.end] for s in event.target_text]


def test_call_for_joint_action_is_intent_not_appeal(pipeline: Pipeline) -> None:
    text = "The Spanish foreign minister said that Spain and Italy should deepen their cooperation."
    events, _ = coded(pipeline, text)
    said = [e for e in events if e.trigger.text == "said"]
    assert said and said[0].cameo.startswith("03") and said[0].target == ("ITA",), summary(events)


def test_hyphenated_pair_names_both_actors(pipeline: Pipeline) -> None:
    events, _ = coded(pipeline, "Spanish-Italian talks began in Rome.")
    assert events and set(events[0].source) == {"ESP", "ITA"}, summary(events)


def test_the_two_countries_refers_back_to_a_pair(pipeline: Pipeline) -> None:
    text = "Spain and Italy signed a trade deal. The two countries will also hold talks on fishing."
    events, _ = coded(pipeline, text)
    talks = [e for e in events if e.cameo[:2] in {"03", "04"}]
    assert talks and set(talks[-1].source) == {"ESP", "ITA"}, summary(events)


def test_no_circumstances_negates(pipeline: Pipeline) -> None:
    events, _ = coded(pipeline, "Norway will under no circumstances attack Sweden.")
    assert events and all("negated" in e.modality or e.cameo.startswith("12") for e in events), summary(
        events
    )


def test_a_long_story_of_paired_phrases_does_not_recurse(pipeline: Pipeline) -> None:
    # each "the two sides" looks back for an earlier pair; chained over a long story this once
    # recursed past Python's stack and the events stage failed
    sentence = "Talks between Arlen and Brevik went on, and the two sides met again with the two sides. "
    text = "GENEVA (Reuters) - " + sentence * 300
    outcome = pipeline.process_one(
        RawStory(id="pairs", text=text, origin=Origin("inline"), published=dt.date(2024, 5, 2))
    )
    assert isinstance(outcome, StoryResult), outcome
