"""Speakers across a whole story (issue #10): who "he" is, descriptions that name a person,
news outlets and people the story does not name. Invented sentences in the shapes of real
news stories, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.cast.lexicon import CastLexicon
from dateline.pipeline import Pipeline
from dateline.records import Quote, StoryResult
from dateline.settings import data_dir

from .helpers.cast import member_of
from .helpers.events import processed
from .helpers.quotes import holding


def _result(pipeline: Pipeline, text: str) -> StoryResult:
    return processed(pipeline, text, dt.date(2024, 3, 10))


def _speaker(result: StoryResult, words: str) -> str | None:
    quote: Quote = holding(result.quotes, words)
    return quote.speaker.name if quote.speaker is not None else None


@pytest.mark.slow
def test_a_person_named_inside_the_subject_is_not_the_subject(pipeline: Pipeline) -> None:
    text = (
        "Opposition leader Marko Petrovic said the vote was rigged.\n\n"
        "Stefan Ilic, a close ally of Petrovic, denounced the ruling as an attack on the republic. "
        '"We are absolutely right," he said on Wednesday.'
    )
    result = _result(pipeline, text)
    assert _speaker(result, "absolutely right") == "Stefan Ilic"
    assert _speaker(result, "was rigged") == "Marko Petrovic"


@pytest.mark.slow
def test_a_person_named_in_what_was_said_does_not_take_the_next_he(pipeline: Pipeline) -> None:
    text = (
        "Senator Tom Blake spoke to reporters on Monday.\n\n"
        "Blake said Governor John Harper was wrong to veto the bill. "
        '"We will fight this in every court," he said.'
    )
    assert _speaker(_result(pipeline, text), "every court") == "Tom Blake"


@pytest.mark.slow
def test_a_description_in_apposition_with_a_name_is_that_person(pipeline: Pipeline) -> None:
    text = (
        "Britain's health secretary, Tom Blake, told reporters that the new rules would last a month.\n\n"
        "Hospitals welcomed the decision."
    )
    result = _result(pipeline, text)
    assert _speaker(result, "would last a month") == "Tom Blake"
    assert member_of(result, "Britain's health secretary").name == "Tom Blake"


@pytest.mark.slow
def test_a_description_naming_a_persons_body_is_that_person(pipeline: Pipeline) -> None:
    text = (
        "President Sam Carter said the tariffs would stay in place.\n\n"
        "But Commerce Secretary Howard Blake said the steel tariffs would start on Wednesday. "
        "The Commerce chief also rejected fears of a recession. "
        '"Absolutely not," he said.'
    )
    result = _result(pipeline, text)
    assert member_of(result, "The Commerce chief").name == "Howard Blake"
    assert _speaker(result, "Absolutely not") == "Howard Blake"


@pytest.mark.slow
def test_a_name_hung_on_an_opening_like_phrase_is_the_subject(pipeline: Pipeline) -> None:
    text = (
        "President Sam Carter said the tariffs would stay in place.\n\n"
        "Like Blake, John Rossi, director of the National Economic Council, stressed the drug issue "
        "in an interview on Sunday. He said the tariffs were aimed at cutting overdose deaths."
    )
    assert _speaker(_result(pipeline, text), "overdose deaths") == "John Rossi"


@pytest.mark.slow
def test_a_news_outlet_is_of_its_own_country(pipeline: Pipeline) -> None:
    text = (
        "Thousands of protesters marched through Hong Kong on Sunday.\n\n"
        "The BBC reported that police fired tear gas near the government offices in Hong Kong."
    )
    result = _result(pipeline, text)
    bbc = member_of(result, "BBC")
    assert bbc.actor == "GBRMED"


@pytest.mark.slow
def test_people_the_story_does_not_name_speak_for_its_country(pipeline: Pipeline) -> None:
    text = (
        "Gunmen attacked a passenger train in Kenya on Tuesday, officials in Nairobi said.\n\n"
        "Another passenger said that he ran for his life after the gunmen stopped the train."
    )
    quote = holding(_result(pipeline, text).quotes, "ran for his life")
    assert quote.speaker is not None
    assert quote.speaker.name == "Another passenger"
    assert quote.speaker.actor == "KEN"


@pytest.mark.slow
def test_a_headline_description_is_the_person_named_after_it(pipeline: Pipeline) -> None:
    text = (
        "Finance minister: loan talks are on track\n\n"
        "Finance Minister Ahmed Karim said on Sunday that talks with lenders were going well. "
        "Prime Minister Omar Saleh welcomed the progress."
    )
    result = _result(pipeline, text)
    assert member_of(result, "Finance minister").name == "Ahmed Karim"


def test_news_outlets_load_with_country_codes() -> None:
    lexicon = CastLexicon.load(data_dir(), pronouns={}, titles=frozenset())
    assert lexicon.media["bbc"] == "GBR"
    assert all(len(code) == 3 and code.isupper() for code in lexicon.media.values())


@pytest.mark.slow
def test_a_subject_name_the_tagger_missed_takes_the_next_she(pipeline: Pipeline) -> None:
    text = (
        "“The danger has not passed,” agreed Omar Hakimov, an activist living in Australia.\n\n"
        "Nilawan Sukprasert, who heads a local rights group, echoed those concerns. "
        "She told VOA she visited the five men in prison the day after the others were deported."
    )
    assert _speaker(_result(pipeline, text), "visited the five men") == "Nilawan Sukprasert"
