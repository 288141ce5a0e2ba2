"""Truecasing of shouted lines and the NER rules, on hand-written text."""

from __future__ import annotations

import pytest

from dateline.casing import CasingLexicon, is_shouted, truecase
from dateline.pipeline import Pipeline

LEXICON = CasingLexicon.from_files([], ["Ruritania", "New Zealand", "NATO"])


def test_shouted_lines_are_detected() -> None:
    assert is_shouted("TENNIS - SMITH BEATS JONES IN FINAL .")
    assert not is_shouted("The minister said NATO would meet.")
    assert not is_shouted("UK")  # too short to judge


def test_truecase_keeps_length_and_other_lines() -> None:
    text = "RUGBY - RURITANIA BEAT NEW ZEALAND AT HOME .\nThe coach, Zbigniew Kowalczyk, was pleased."
    cased = truecase(text, LEXICON)
    assert len(cased) == len(text)
    assert cased.lower() == text.lower()
    assert cased.splitlines()[1] == text.splitlines()[1]
    assert cased.splitlines()[0] == "Rugby - Ruritania beat New Zealand at home ."


def test_truecase_follows_the_story_body() -> None:
    text = "KOWALCZYK HAPPY AFTER NATO TALKS\nOfficials said Kowalczyk met NATO envoys."
    first = truecase(text, LEXICON).splitlines()[0]
    assert first == "Kowalczyk happy after NATO talks"


def test_truecase_leaves_ordinary_text_alone() -> None:
    text = "BEIJING (TASS): China and Russia met.\n"
    assert truecase(text, LEXICON) == text


@pytest.mark.slow
def test_rules_tidy_spans_in_the_real_pipeline(pipeline: Pipeline) -> None:
    text = (
        "SOCCER - RURITANIA BEAT NEW ZEALAND .\n"
        "Ipswich 2 Norwich 1\n"
        "The chairman of the Harbourside Mining Corp said J. Tenterden had resigned.\n"
    )
    doc = pipeline.context.nlp(text)
    ents = {(ent.text, ent.label_) for ent in doc.ents}
    texts = {ent.text for ent in doc.ents}
    assert ("Ipswich", "ORG") in ents and ("Norwich", "ORG") in ents
    assert ("J. Tenterden", "PERSON") in ents
    assert not any(text.lower().startswith("the ") for text in texts)
    assert doc.text.lower() == text.lower()  # only letter case changes: offsets stay the input's
