"""What an appeal or demand noun states (hand-written sentences, never gold ones).

``its demand that X ...`` is one request to X, not X's act: the clause on the noun is the
demand's content, folded into it as a verb's complement is."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.events import events_of

pytestmark = pytest.mark.slow


def summary(pipeline: Pipeline, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(e.cameo[:2], e.source, e.target) for e in events_of(pipeline, text)]


def test_demand_noun_with_a_that_clause_is_a_request_to_its_subject(pipeline: Pipeline) -> None:
    text = "The World Bank repeated its demand that Kenya lift restrictions on imports."
    assert summary(pipeline, text) == [("10", ("IGOWBK",), ("KEN",))]


def test_clause_set_apart_from_the_demand_noun_is_still_its_content(pipeline: Pipeline) -> None:
    text = "The World Bank reiterated its demand on Monday that Kenya lift restrictions on imports."
    assert summary(pipeline, text) == [("10", ("IGOWBK",), ("KEN",))]


def test_demand_named_by_a_prepositional_verb_is_owned_by_its_subject(pipeline: Pipeline) -> None:
    text = "Chadian rebels insisted on their demand that Chad's government free political prisoners."
    assert summary(pipeline, text) == [("10", ("TCDREB",), ("TCDGOV",))]


def test_participle_on_a_noun_is_no_content(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Russian troops stationed in Moldova attacked Ukraine.")
    assert [(e.cameo[:2], e.source, e.target) for e in events] == [("19", ("RUSMIL",), ("UKR",))]
