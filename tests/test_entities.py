"""The entities stage end to end on the seed story: people found, spans exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.pipeline import Pipeline
from dateline.reading import read_inputs
from dateline.records import StoryResult


@pytest.fixture(scope="module")
def seed_result(pipeline: Pipeline, seed_path: Path) -> StoryResult:
    outcome = next(iter(pipeline.process(read_inputs([str(seed_path)], pipeline.settings))))
    assert isinstance(outcome, StoryResult), outcome
    return outcome


@pytest.mark.slow
def test_seed_people_are_found(seed_result: StoryResult) -> None:
    people = {entity.text for entity in seed_result.entities if entity.label == "PERSON"}
    assert {"Xi Jinping", "Vladimir Putin", "Yuri Ushakov"} <= people


@pytest.mark.slow
def test_person_after_a_long_title_is_found(seed_result: StoryResult) -> None:
    text = seed_result.story.text
    title_end = text.index("Republic of China") + len("Republic of China")
    after = [e for e in seed_result.entities if e.start > title_end and e.label == "PERSON"]
    assert after and after[0].text == "Xi Jinping"


@pytest.mark.slow
def test_every_entity_span_indexes_the_original_text(seed_result: StoryResult) -> None:
    text = seed_result.story.text
    assert seed_result.entities
    for entity in seed_result.entities:
        assert text[entity.start : entity.end] == entity.text
        assert entity.text == entity.text.strip()
        if entity.label in {"PERSON", "ORG", "GPE", "LOC", "NORP"}:
            assert not entity.text.startswith(("the ", "The "))
