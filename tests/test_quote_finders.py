"""The reported-speech finders: one list (``quoting.finders.FINDERS``), one signature, run in order
by the quote stage (hand-built parses, no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dateline.quoting.adjectives import find_adjective_cues
from dateline.quoting.finders import FINDERS, find_all
from dateline.quoting.lexicon import QuoteLexicon, load_lexicon
from dateline.quoting.scope import Scope
from dateline.settings import data_dir

WORDS = ["Voters", "are", "worried", "that", "prices", "will", "rise", "."]
HEADS = [1, 1, 1, 6, 6, 6, 2, 1]
DEPS = ["nsubj", "ROOT", "acomp", "mark", "nsubj", "aux", "ccomp", "punct"]
POS = ["NOUN", "AUX", "ADJ", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"]
LEMMAS = ["voter", "be", "worried", "that", "price", "will", "rise", "."]


@pytest.fixture(scope="module")
def lexicon() -> QuoteLexicon:
    return load_lexicon(data_dir())


def _scope(lexicon: QuoteLexicon, quoted: list[tuple[int, int]]) -> Scope:
    doc = Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS, lemmas=LEMMAS)
    return Scope(doc, doc.text, lexicon, quoted, lambda start, end: False, lambda name: None)


def test_every_finder_is_listed_once_by_name() -> None:
    names = [name for name, _ in FINDERS]
    assert len(names) == len(set(names)) == 9
    assert names[:2] == ["reported", "fronted"]  # fronted leaves alone the cues reported took


def test_the_stage_runs_only_the_listed_finders(lexicon: QuoteLexicon) -> None:
    scope = _scope(lexicon, [])
    (found,) = find_all(scope, (("adjectives", find_adjective_cues),))
    assert scope.text[slice(*found.content)] == "that prices will rise"
    assert found.found.speaker is not None and found.found.speaker.text == "Voters"
    assert find_all(scope, ()) == []


def test_a_token_finder_skips_cues_inside_quotation_marks(lexicon: QuoteLexicon) -> None:
    assert find_adjective_cues(_scope(lexicon, []), [])
    worried = WORDS.index("worried")
    start = len(" ".join(WORDS[:worried])) + 1
    assert find_adjective_cues(_scope(lexicon, [(start - 1, start + len("worried") + 1)]), []) == []
