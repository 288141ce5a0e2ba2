"""PETRARCH verb dictionaries (``--verbs``): the loader, and the coder using them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.cleaning import clean_story
from dateline.coding.arguments import Resolver
from dateline.coding.coder import code_work, load_coder
from dateline.coding.verb_patterns import parse_verbs
from dateline.pipeline import Pipeline
from dateline.records import Origin, RawStory
from dateline.repair import offsets_from_repairs
from dateline.work import Work

#: a tiny hand-written dictionary in the PETRARCH format
DICTIONARY = """\
# a comment
&TIES
+TRADE
+MILITARY_AID

--- SEVER  [160] ---
SEVER {SEVERS SEVERED}
+CUT_OFF
- * {&TIES LINKS}   [161]   # contiguous phrase
- + * (FROM $)      [163]
- % *               [---]

--- VISIT [042:043] ---
VISIT
"""


def _entries(lemma: str) -> list:
    return [e for name, e in parse_verbs(DICTIONARY.splitlines()) if name == lemma]


def test_block_default_and_forms() -> None:
    names = {name for name, _ in parse_verbs(DICTIONARY.splitlines())}
    assert {"sever", "severs", "severed", "cut", "visit"} <= names
    default = next(e for e in _entries("sever") if "default" in e.flags)
    assert default.code == "160" and not default.slots


def test_pairs_and_null_codes() -> None:
    visit = _entries("visit")[0]
    assert (visit.code, visit.reverse) == ("042", "043")
    recip = next(e for e in _entries("sever") if "recip" in e.flags)
    assert recip.code is None


def test_synset_phrase_is_contiguous() -> None:
    phrase = next(e for e in _entries("sever") if e.code == "161" and e.slots[0][0][0].text != "off")
    words = [[w.text for w in alt] for alt in phrase.slots[0]]
    assert ["trade", "links"] in words and ["military", "aid", "links"] in words
    assert all(w.follows for alt in phrase.slots[0] for w in alt[1:])


def test_roles_from_markers() -> None:
    placed = next(e for e in _entries("sever") if e.code == "163")
    assert (placed.source_role, placed.target_role) == ("prep:from", "subject")


def test_phrasal_verb_needs_its_particle() -> None:
    cut = _entries("cut")
    assert cut and all(e.slots and e.slots[0][0][0].text == "off" for e in cut)


def test_coder_prefers_dictionary_pattern(pipeline: Pipeline, tmp_path: Path) -> None:
    verbs = tmp_path / "verbs.txt"
    verbs.write_text(DICTIONARY, encoding="utf-8")
    text = "France severed trade links with Germany on Monday."
    raw = RawStory("t", text, Origin("t", 1, "t"), published=dt.date(2020, 3, 2))
    story = clean_story(raw, pipeline.registry)
    doc = pipeline.context.nlp(story.clean_text)
    work = Work(story, doc, offsets_from_repairs(story.repairs, len(story.text)))
    coder = load_coder(pipeline.settings.data, (verbs,))
    events = code_work(work, Resolver(doc, pipeline.registry, story.published), coder)
    assert any(e.cameo == "161" and e.source == ("FRA",) and e.target == ("DEU",) for e in events), events


SCOPED = """\
&TOPICS
+TRADE

--- POSTPONE [161] ---
POSTPONE
+CALL_OFF {+CALLED_OFF +CALLS_OFF}
- % *  [120]
- * TALKS (ON &TOPICS)  [036]
"""


def _code(
    text: str, pipeline: Pipeline, tmp_path: Path
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    verbs = tmp_path / "scoped.txt"
    verbs.write_text(SCOPED, encoding="utf-8")
    raw = RawStory("t", text, Origin("t", 1, "t"), published=dt.date(2020, 3, 2))
    story = clean_story(raw, pipeline.registry)
    doc = pipeline.context.nlp(story.clean_text)
    work = Work(story, doc, offsets_from_repairs(story.repairs, len(story.text)))
    coder = load_coder(pipeline.settings.data, (verbs,))
    events = code_work(work, Resolver(doc, pipeline.registry, story.published), coder)
    return [(e.cameo, e.source, e.target) for e in events]


def test_phrasal_forms_are_verbs_with_their_particle() -> None:
    found = {(name, e.slots[0][0][0].text) for name, e in parse_verbs(SCOPED.splitlines()) if e.slots}
    assert ("called", "off") in found and ("call", "off") in found


def test_compound_marker_needs_a_list_subject(pipeline: Pipeline, tmp_path: Path) -> None:
    both = _code("France and Germany postponed the summit.", pipeline, tmp_path)
    assert [c for c, _, _ in both] == ["120"], both
    one = _code("France postponed the summit with Germany.", pipeline, tmp_path)
    assert [c for c, _, _ in one] == ["161"], one


def test_preposition_phrase_words_follow_their_preposition(pipeline: Pipeline, tmp_path: Path) -> None:
    inside = _code("France postponed talks on trade with Germany.", pipeline, tmp_path)
    assert ("036", ("FRA",), ("DEU",)) in inside, inside
    outside = _code("France postponed trade talks on Monday with Germany.", pipeline, tmp_path)
    assert all(code != "036" for code, _, _ in outside), outside
