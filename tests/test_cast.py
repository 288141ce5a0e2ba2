"""The story's cast through the real model: who each name, description and pronoun is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.pipeline import Pipeline
from dateline.records import StoryResult
from dateline.rule_tables import read_table

from .helpers.cast import member_of
from .helpers.events import processed
from .helpers.quotes import holding


def _result(pipeline: Pipeline, text: str, *, date: dt.date = dt.date(2021, 5, 4)) -> StoryResult:
    return processed(pipeline, text, date)


@pytest.mark.slow
def test_a_definite_description_is_the_latest_member_with_that_head_noun(pipeline: Pipeline) -> None:
    text = (
        "The Kenyan Interior Ministry ordered the closure of two refugee camps on Tuesday.\n\n"
        "Aid groups criticised the decision. The ministry said the camps would close by June."
    )
    result = _result(pipeline, text)
    ministry = member_of(result, "The ministry")
    assert ministry.name == "Kenyan Interior Ministry"
    assert any(m.text == "Kenyan Interior Ministry" for m in ministry.mentions)
    assert all(text[m.start : m.end] == m.text for m in ministry.mentions)


@pytest.mark.slow
def test_domestic_bodies_without_a_country_are_of_the_story_country(pipeline: Pipeline) -> None:
    text = (
        "LAGOS (Reuters) - Gunmen abducted 40 pupils from a school in the north of the country.\n\n"
        "Authorities said no ransom had been paid for their release."
    )
    result = _result(pipeline, text)
    authorities = member_of(result, "Authorities")
    assert authorities.actor is not None and authorities.actor.startswith("NGA")
    quote = holding(result.quotes, "no ransom")
    assert quote.speaker is not None and quote.speaker.actor == authorities.actor
    assert quote.speaker.cast == authorities.id


@pytest.mark.slow
def test_an_armed_group_described_later_is_the_group_named_before(pipeline: Pipeline) -> None:
    text = (
        "A bomb exploded outside a school in Kabul on Saturday, killing 12 people.\n\n"
        "The Taliban denied any part in the attack. The insurgent group said it condemned violence "
        "against civilians."
    )
    result = _result(pipeline, text)
    assert member_of(result, "The insurgent group").name == "Taliban"
    quote = holding(result.quotes, "condemned violence")
    assert quote.speaker is not None and quote.speaker.name == "Taliban"


@pytest.mark.slow
def test_a_national_title_gives_an_unlisted_person_a_country(pipeline: Pipeline) -> None:
    text = (
        "Congress is weighing new sanctions.\n\n"
        '"We have only a few friends remaining in the Congress," said former Turkish ambassador Mithat Rende.'
    )
    rende = member_of(_result(pipeline, text), "Mithat Rende")
    assert rende.kind == "person"
    assert rende.actor is not None and rende.actor.startswith("TUR")


@pytest.mark.slow
def test_a_possessor_is_not_the_speaker_of_the_description_it_modifies(pipeline: Pipeline) -> None:
    text = (
        "Antonio Guterres condemned the killings on Monday.\n\n"
        "“The violence must stop at once,” Guterres' spokesman told reporters in New York."
    )
    quote = holding(_result(pipeline, text, date=dt.date(2021, 3, 1)).quotes, "violence must stop")
    assert quote.speaker is not None
    assert quote.speaker.name != "Antonio Guterres"


@pytest.mark.slow
def test_a_pronoun_is_the_latest_person_in_subject_position(pipeline: Pipeline) -> None:
    text = (
        "Maria Keller, the mayor of the town, met the Finance Minister on Friday.\n\n"
        "She said the two had agreed to meet again."
    )
    keller = member_of(_result(pipeline, text), "She")
    assert keller.name == "Maria Keller"
    pronoun = next(m for m in keller.mentions if m.text == "She")
    assert pronoun.how.startswith("pronoun")


@pytest.mark.slow
def test_event_actors_carry_the_ids_of_their_cast_members(pipeline: Pipeline) -> None:
    text = "MOSCOW (TASS) - Russian President Vladimir Putin met Chinese President Xi Jinping on Monday."
    result = _result(pipeline, text)
    ids = {member.id for member in result.cast}
    coded = [event for event in result.events if event.source_cast]
    assert coded, [event.to_json() for event in result.events]
    assert all(set(event.source_cast) | set(event.target_cast) <= ids for event in coded)


def test_a_rule_table_row_of_the_wrong_width_names_its_line(tmp_path: Path) -> None:
    table = tmp_path / "nouns.tsv"
    table.write_text("# a comment\nnoun\trefers\nministry\tgovernment\nbroken row\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=r"nouns.tsv:4: 1 columns"):
        read_table(table, {"noun": None, "refers": frozenset({"government"})})


def test_a_rule_table_column_nobody_reads_is_an_error(tmp_path: Path) -> None:
    table = tmp_path / "nouns.tsv"
    table.write_text("noun\trefers\tunused\nministry\tgovernment\tx\n", encoding="utf-8")
    with pytest.raises(DatelineError, match="do not match the declared"):
        read_table(table, {"noun": None, "refers": None})


def test_a_rule_table_value_outside_its_range_is_an_error(tmp_path: Path) -> None:
    table = tmp_path / "nouns.tsv"
    table.write_text("noun\trefers\nministry\tplanet\n", encoding="utf-8")
    with pytest.raises(DatelineError, match="'refers' is 'planet'"):
        read_table(table, {"noun": None, "refers": frozenset({"government", "person"})})


@pytest.mark.slow
def test_a_word_of_office_names_whom_the_person_works_for(pipeline: Pipeline) -> None:
    text = (
        "Thailand deported the men last year.\n\n"
        "A spokesperson for the U.S. State Department said the deportations broke international law."
    )
    spokesperson = member_of(_result(pipeline, text), "A spokesperson")
    assert spokesperson.kind == "person"
    assert spokesperson.actor is not None and spokesperson.actor.startswith("USA")


@pytest.mark.slow
def test_an_unlisted_organisation_speaks_with_the_code_the_cast_gives_it(pipeline: Pipeline) -> None:
    text = (
        "LAGOS (Reuters) - Poultry prices rose again this month.\n\n"
        "The Kano Poultry Farmers Association said feed imports had been blocked at the border."
    )
    result = _result(pipeline, text)
    quote = holding(result.quotes, "feed imports")
    member = member_of(result, "Kano Poultry Farmers Association")
    assert member.actor is not None and member.actor.startswith("NGA")
    assert quote.speaker is not None and quote.speaker.actor == member.actor
