"""How far the content of a cue's object reaches: as-, to-, for- and on-phrases after the object
(hand-written sentences)."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.quotes import story_quotes, with_cue

pytestmark = pytest.mark.slow


def test_as_with_an_adjective_parsed_as_a_clause_stays_with_the_object(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz portrayed the country as beset by crime."
    quote = with_cue(story_quotes(pipeline, text), "portrayed")
    assert quote.text == "the country as beset by crime"
    assert quote.kind == "indirect"


def test_as_clause_with_its_own_subject_is_the_time_of_the_act(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz praised the workers as he toured the plant."
    quote = with_cue(story_quotes(pipeline, text), "praised")
    assert quote.text == "the workers"


def test_infinitive_after_a_cue_noun_object_stays_in_the_object(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz backed his call to raise the minimum wage to $15 an hour."
    quote = with_cue(story_quotes(pipeline, text), "backed")
    assert quote.text == "his call to raise the minimum wage to $15 an hour"


def test_to_phrase_after_a_cue_noun_object_stays_in_the_object(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz criticized the union's opposition to expanding background checks."
    quote = with_cue(story_quotes(pipeline, text), "criticized")
    assert quote.text == "the union's opposition to expanding background checks"


def test_as_phrase_after_a_phrase_cue_object_is_what_was_said(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz referred to the new tower as a monument to greed."
    quote = with_cue(story_quotes(pipeline, text), "referred")
    assert quote.text == "the new tower as a monument to greed"


def test_for_phrase_after_a_phrase_cue_object_is_what_was_said(pipeline: Pipeline) -> None:
    text = "Aides railed against the senators for refusing to give the judge a hearing."
    quote = with_cue(story_quotes(pipeline, text), "railed")
    assert quote.text == "the senators for refusing to give the judge a hearing"


def test_for_phrase_of_time_after_a_phrase_cue_object_is_left_out(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz lashed out at the council for two hours on Monday."
    quote = with_cue(story_quotes(pipeline, text), "lashed")
    assert quote.text == "the council"


def test_on_phrase_naming_a_platform_is_where_it_was_said(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz attacked Vance on Twitter."
    quote = with_cue(story_quotes(pipeline, text), "attacked")
    assert quote.text == "Vance"


def test_on_phrase_naming_a_platform_hung_on_the_object_is_cut(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz attacked the governor on Twitter."
    quote = with_cue(story_quotes(pipeline, text), "attacked")
    assert quote.text == "the governor"


def test_on_phrase_naming_a_topic_stays(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz attacked the governor on taxes and schools."
    quote = with_cue(story_quotes(pipeline, text), "attacked")
    assert quote.text == "the governor on taxes and schools"


def test_to_phrase_naming_an_event_after_the_object_is_a_likeness(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz likened the crisis to World War II."
    quote = with_cue(story_quotes(pipeline, text), "likened")
    assert quote.text == "the crisis to World War II"
