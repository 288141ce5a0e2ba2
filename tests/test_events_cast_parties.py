"""An act whose source or target is a participant the registry does not code takes the code the
cast gives it: a person's own, when a title gave one, else the story's country."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.events import events_of

pytestmark = pytest.mark.slow


def test_an_uncoded_person_accused_is_of_the_storys_country(pipeline: Pipeline) -> None:
    text = (
        "KAMPALA, Uganda (AP) — Ugandan police said on Monday they had questioned opposition figures. "
        "The police accused Peter Okello of inciting violence in the capital."
    )
    accusations = [e for e in events_of(pipeline, text) if e.cameo.startswith("11")]
    assert accusations, events_of(pipeline, text)
    assert accusations[0].target == ("UGA",), accusations
    assert accusations[0].target_text[0].text.endswith("Okello"), accusations


def test_a_target_found_by_the_coder_is_kept(pipeline: Pipeline) -> None:
    text = "KAMPALA, Uganda (AP) — Uganda accused Kenya of harbouring rebels."
    accusations = [e for e in events_of(pipeline, text) if e.cameo.startswith("11")]
    assert [(e.source, e.target) for e in accusations] == [(("UGA",), ("KEN",))], accusations


def test_an_uncoded_person_who_acts_is_of_the_storys_country(pipeline: Pipeline) -> None:
    text = "KAMPALA, Uganda (AP) — Peter Okello urged the government to hold talks with the opposition."
    appeals = [e for e in events_of(pipeline, text) if e.cameo.startswith("02")]
    assert appeals and appeals[0].source == ("UGA",), events_of(pipeline, text)
