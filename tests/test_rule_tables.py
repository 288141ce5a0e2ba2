"""Rule data read through one checked reader (``rule_tables``), and each word list living once:
optional columns, verbs of saying shared by quotes and events, and the reporting phrases that the
quote cues read from their table."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from dateline.coding.lexicon import Lexicon
from dateline.errors import DatelineError
from dateline.quoting.cues import attribution, is_cue_token
from dateline.quoting.lexicon import QuoteLexicon, load_lexicon
from dateline.rule_tables import OPTIONAL, Column, read_table
from dateline.settings import data_dir


@pytest.fixture(scope="module")
def quotes() -> QuoteLexicon:
    return load_lexicon(data_dir())


def test_an_optional_column_may_be_empty_or_left_off_at_the_row_end(tmp_path: Path) -> None:
    table = tmp_path / "verbs.tsv"
    table.write_text("lemma\tkind\tnote\nsay\tspeech\nfind\t\tstance\n", encoding="utf-8")
    rows = read_table(table, {"lemma": None, "kind": OPTIONAL, "note": Column(frozenset({"stance"}), True)})
    assert rows == [
        {"lemma": "say", "kind": "speech", "note": ""},
        {"lemma": "find", "kind": "", "note": "stance"},
    ]


def test_a_required_column_left_off_is_an_error_naming_the_line(tmp_path: Path) -> None:
    table = tmp_path / "verbs.tsv"
    table.write_text("# comment\nlemma\tkind\tnote\nsay\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=r"verbs.tsv:3: 1 columns, the header names 3"):
        read_table(table, {"lemma": None, "kind": None, "note": OPTIONAL})


def test_verbs_of_saying_are_listed_once_for_quotes_and_events(quotes: QuoteLexicon) -> None:
    events = Lexicon.load(data_dir() / "events")
    say = events.match_verb("say", {})
    assert say is not None and say.is_speech and say.code == "010"
    assert events.match_verb("point", {}) is None  # a statement only with its particle
    pointed = events.match_verb("point", {"out": object()})
    assert pointed is not None and pointed.is_speech
    # listed for their statement role only: no quote cue
    assert events.match_verb("reaffirm", {}) is not None and not quotes.is_cue("reaffirm")
    assert quotes.is_speech("say")


def test_a_verb_of_saying_in_the_event_verbs_is_an_error(tmp_path: Path) -> None:
    shutil.copytree(data_dir() / "events", tmp_path / "events")
    shutil.copytree(data_dir() / "quotes", tmp_path / "quotes")
    with open(tmp_path / "events" / "verbs.tsv", "a", encoding="utf-8") as handle:
        handle.write("proclaim\t-\t010\tspeech\n")
    with pytest.raises(DatelineError, match=r"verbs.tsv:\d+: verbs of saying live in quotes/cue_verbs.tsv"):
        Lexicon.load(tmp_path / "events")


def _parse(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    pos = ["VERB" if dep == "ROOT" or dep == "pcomp" else "NOUN" for dep in deps]
    # an English vocabulary: the cues compare lower-case forms
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_according_to_is_a_cue_because_its_table_row_says_so(quotes: QuoteLexicon) -> None:
    words = ["Prices", "rose", ",", "according", "to", "officials"]
    doc = _parse(words, [1, 1, 1, 1, 3, 4], ["nsubj", "ROOT", "punct", "prep", "prep", "pobj"], words)
    according = doc[3]
    assert is_cue_token(according, quotes, speech_only=False)
    found = attribution(according, quotes)
    assert found.speaker is not None and found.speaker.text == "officials"
    without = dataclasses.replace(quotes, source_phrases=frozenset())
    assert not is_cue_token(according, without, speech_only=False)


def test_a_channel_verb_comes_from_its_table_row(quotes: QuoteLexicon) -> None:
    words = ["The", "ministry", "quoted", "him", "as", "saying", "so"]
    lemmas = ["the", "ministry", "quote", "he", "as", "say", "so"]
    deps = ["det", "nsubj", "ROOT", "dobj", "prep", "pcomp", "advmod"]
    doc = _parse(words, [1, 2, 2, 2, 2, 4, 5], deps, lemmas)
    found = attribution(doc[5], quotes)
    assert found.speaker is not None and found.speaker.text == "him"
    assert found.via is not None and found.via.text == "The ministry"
    without = dataclasses.replace(quotes, channel_phrases=frozenset())
    assert attribution(doc[5], without).via is None
