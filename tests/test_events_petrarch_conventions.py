"""PETRARCH conventions the coder follows when a suite's own dictionaries are loaded.

Every actor, agent and verb block here is made up for the test (the island states Zembla,
Florin and Guilder), so the sentences resolve only through these dictionaries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.coding.arguments import fronted_list
from dateline.coding.coder import verb_negated
from dateline.petrarch_dicts import read_discard_dictionary
from dateline.pipeline import Pipeline
from dateline.records import Origin, RawStory, StoryResult
from dateline.settings import Settings

ACTORS = """\
ZEMBLA [ZEM]
+ZEMBLAN
FLORIN [FLR]
GUILDER [GLD]
MEXICO [FICMEX]
RURITANIA [RUR]
THE_TWIN_ISLES [TWA/TWB]
"""

AGENTS = """\
HARBOUR_WARDEN [~WRD]
OFFICIAL [~GOV]
MEDIA {} [~MED]
GOVERNMENT [~GOV]
SOLDIER [~MIL]
"""

VERBS = """\
--- LEAVE [012] ---
LEAVE

--- LEFT [042:043] ---
LEFT

--- SNUB [120] ---
SNUB
- NEITHER *  [057]
- QUIETLY *  [025]

--- BELIEVE [012] ---
BELIEVE

--- NOTE [010] ---
NOTE

--- RESENT [111] ---
RESENT

--- RECEIVE [033] ---
RECEIVE
- + * {A MESSAGE} $  [031]

--- HONOUR [051] ---
HONOUR
- * HARVEST ^ $  [017]

--- SHOOT [190] ---
SHOOT {SHOOTS SHOT SHOOTING}

--- BARTER [031] ---
BARTER
- * (FOR GRAIN)  [0311]

--- SEEM [---] ---
SEEM
- * ALLIED  [057]

--- FIRE [180] ---
FIRE

--- WELCOME [050] ---
WELCOME

--- WARN [130] ---
WARN

--- SHARE [050] ---
SHARE
- * SUPPER (IN ^) +  [017]
"""

DISCARDS = """\
# sentence-level, then story-level (+)
CRICKET_FINAL
+HURRICANE
"""

Triple = tuple[str, tuple[str, ...], tuple[str, ...]]


@pytest.fixture(scope="module")
def petr(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    folder = tmp_path_factory.mktemp("petr")
    files = []
    for name, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    actors, agents, verbs = files
    discards = folder / "discards.txt"
    discards.write_text(DISCARDS, encoding="utf-8")
    settings = Settings(
        actor_files=(actors,),
        agent_files=(agents,),
        verb_files=(verbs,),
        discard_files=(discards,),
        dictionaries_only=True,
    )
    yield Pipeline(settings)


def _code(pipeline: Pipeline, text: str) -> list[Triple]:
    raw = RawStory("t", text, Origin("t", 1, "t"), published=dt.date(2001, 5, 4))
    outcome = pipeline.process_one(raw)
    assert isinstance(outcome, StoryResult)
    return [(e.cameo, e.source, e.target) for e in outcome.events]


def test_a_form_listed_as_its_own_verb_wins_over_the_lemma(petr: Pipeline) -> None:
    """``left`` is the LEFT block's verb (a visit), not a form of LEAVE."""
    found = _code(petr, "Zembla left for Florin on Monday.")
    assert ("042", ("ZEM",), ("FLR",)) in found, found
    assert all(code != "012" for code, _, _ in found), found


def test_adverbs_and_list_markers_are_no_pre_verb_pattern_words(petr: Pipeline) -> None:
    adverb = _code(petr, "Zembla quietly snubbed Florin.")
    assert [code for code, _, _ in adverb] == ["120"], adverb
    listed = _code(petr, "Neither Zembla nor Guilder snubbed the parade honouring Florin on Sunday.")
    assert {code for code, _, _ in listed} == {"120"}, listed


def test_only_the_dictionaries_name_actors(petr: Pipeline) -> None:
    """Without the built-in tables a real name means what the suite's dictionary says."""
    found = _code(petr, "Mexico snubbed Zembla.")
    assert ("120", ("FICMEX",), ("ZEM",)) in found, found


def test_a_dictionary_agent_phrase_is_placed_in_its_country(petr: Pipeline) -> None:
    found = _code(petr, "The harbour wardens of Guilder snubbed the envoys of Florin on Sunday.")
    assert ("120", ("GLDWRD",), ("FLR",)) in found, found


def test_builtin_tables_are_on_by_default(pipeline: Pipeline, tmp_path: Path) -> None:
    assert not Settings().dictionaries_only
    assert pipeline.registry.resolve("Mexico") is not None


def test_a_coded_verb_takes_its_complement_clause_subject_as_target(petr: Pipeline) -> None:
    found = _code(petr, "Zembla believes Florin and Guilder can cope with the long drought.")
    assert sorted(found) == [("012", ("ZEM",), ("FLR", "GLD"))], found


def test_the_complement_act_is_not_coded_apart(petr: Pipeline) -> None:
    """PETRARCH codes ``X noted that Y resented ...`` as X->Y with the dictionary's code alone."""
    found = _code(petr, "Zembla noted that Florin resented the refusal of Guilder to trade.")
    assert found == [("010", ("ZEM",), ("FLR",))], found


def test_fronted_content_is_no_complement(petr: Pipeline) -> None:
    found = _code(petr, "Zembla is about to snub Florin, a Guilder official noted on Sunday.")
    assert all(code != "010" for code, _, _ in found), found
    assert ("120", ("ZEM",), ("FLR",)) in found, found


def test_a_joint_code_is_kept_whole(petr: Pipeline) -> None:
    """PETRARCH reports ``[TWA/TWB]`` as one actor code, not its first part."""
    found = _code(petr, "The Twin Isles snubbed Florin on Sunday.")
    assert found == [("120", ("TWA/TWB",), ("FLR",))], found


def test_the_rest_of_a_list_hung_on_an_appositive_counts(petr: Pipeline) -> None:
    text = (
        "Mexico, the Ruritania, Zembla and Florin welcomed a resumption of formal diplomatic ties "
        "between Guilder and Ruritania after a long rift, the radio said on Friday."
    )
    doc = petr.context.nlp(text)
    assert any(t.dep_ == "appos" and any(c.dep_ == "conj" for c in t.children) for t in doc), "parse changed"
    sources = {source for _, sources, _ in _code(petr, text) for source in sources}
    assert {"FICMEX", "ZEM", "FLR"} <= sources, sources


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_a_list_parsed_as_a_modifier_of_its_last_item_is_a_list() -> None:
    """``Zembla, Florin and the evil awful Guilder`` with ``Zembla`` as a modifier of ``Guilder``."""
    doc = _parsed(
        ["Zembla", ",", "Florin", "and", "the", "evil", "awful", "Guilder", "snubbed", "Mexico"],
        [7, 0, 0, 2, 6, 6, 2, 8, 8, 8],
        ["nmod", "punct", "conj", "cc", "det", "amod", "conj", "nsubj", "ROOT", "dobj"],
        ["PROPN", "PUNCT", "PROPN", "CCONJ", "DET", "ADJ", "NOUN", "PROPN", "VERB", "PROPN"],
    )
    assert [t.text for t in fronted_list(doc[7])] == ["Zembla", "Florin"]
    assert fronted_list(doc[9]) == []


def test_a_skipped_phrase_is_no_target(petr: Pipeline) -> None:
    """``SUPPER (IN ^) +``: the place after ``in`` is passed over for the next actor."""
    found = _code(petr, "Zembla shared supper in Florin with the envoys of Guilder.")
    assert found == [("017", ("ZEM",), ("GLD",))], found


def test_a_negated_dictionary_act_is_no_event(petr: Pipeline) -> None:
    assert _code(petr, "Zembla did not snub Florin.") == []
    listed = _code(petr, "Neither Zembla nor Guilder snubbed the parade honouring Florin on Sunday.")
    assert listed, "a negated list of actors is not a negated verb"


def test_a_country_adjective_names_every_agent_of_its_list(petr: Pipeline) -> None:
    found = _code(petr, "The Zemblan media and government warned the envoys of Florin.")
    assert found == [("130", ("ZEMMED", "ZEMGOV"), ("FLR",))], found


def test_an_agent_placed_by_a_name_inside_a_compound(petr: Pipeline) -> None:
    """``soldiers from Zembla border posts``: the parser makes ``posts`` the object of ``from``."""
    found = _code(petr, "Soldiers from Zembla border posts warned the envoys of Florin.")
    assert found == [("130", ("ZEMMIL",), ("FLR",))], found


def test_a_negation_on_an_adverb_negates_the_verb() -> None:
    doc = _parsed(
        ["Zembla", "did", "not", "ever", "warn", "Florin"],
        [4, 4, 3, 4, 4, 4],
        ["nsubj", "aux", "neg", "advmod", "ROOT", "dobj"],
        ["PROPN", "AUX", "PART", "ADV", "VERB", "PROPN"],
    )
    assert verb_negated(doc[4])
    plain = _parsed(
        ["Zembla", "warned", "Florin"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PROPN"]
    )
    assert not verb_negated(plain[1])


def test_only_the_dictionary_gives_codes(petr: Pipeline) -> None:
    """``praise`` and ``talks`` are in the built-in lexicon, not in this verb dictionary."""
    assert _code(petr, "Zembla praised Florin on Monday.") == []
    assert _code(petr, "Zembla held talks with Florin on Monday.") == []


def test_builtin_lexicon_codes_without_the_flag(pipeline: Pipeline) -> None:
    raw = RawStory(
        "t", "France praised Germany on Monday.", Origin("t", 1, "t"), published=dt.date(2001, 5, 4)
    )
    outcome = pipeline.process_one(raw)
    assert isinstance(outcome, StoryResult) and outcome.events


def test_an_act_near_someone_targets_them(petr: Pipeline) -> None:
    found = _code(petr, "Zembla fired two shells near a patrol boat from Florin on Monday.")
    assert found == [("180", ("ZEM",), ("FLR",))], found


def test_the_phrase_of_a_pattern_word_gives_the_target(petr: Pipeline) -> None:
    """``SEEM * ALLIED``: the target is in the phrase of the pattern's word (``allied to X``)."""
    found = _code(petr, "Zembla seemed allied to Florin on Monday.")
    assert found == [("057", ("ZEM",), ("FLR",))], found


def test_a_subjectless_adverbial_clause_has_no_source(petr: Pipeline) -> None:
    """``after leaving X``: PETRARCH takes a source from the verb's own subject only."""
    found = _code(petr, "Zembla fired shells at Florin after leaving Guilder.")
    assert found == [("180", ("ZEM",), ("FLR",))], found
    infinitive = _code(petr, "Zembla vowed to warn Florin on Monday.")
    assert ("130", ("ZEM",), ("FLR",)) in infinitive, infinitive


def test_a_preposition_phrase_pattern_skips_determiners_only(petr: Pipeline) -> None:
    plain = _code(petr, "Zembla bartered for the grain of Florin on Monday.")
    assert [code for code, _, _ in plain] == ["0311"], plain
    modified = _code(petr, "Zembla bartered for cheap grain with Florin on Monday.")
    assert [code for code, _, _ in modified] == ["031"], modified


def test_a_passive_without_by_takes_its_source_from_the_verb_phrase(petr: Pipeline) -> None:
    """UD-PETRARCH reads the source of a passive from the verb's other phrases, places included."""
    found = _code(petr, "A Guilder envoy was shot dead in Zembla on Monday.")
    assert found == [("190", ("ZEM",), ("GLD",))], found


def test_a_source_after_the_pattern_words(petr: Pipeline) -> None:
    """``+ * {A MESSAGE} $``: the source is the next actor after the pattern's words."""
    found = _code(petr, "Guilder received a message from Zembla on Monday.")
    assert found == [("031", ("ZEM",), ("GLD",))], found


def test_a_source_after_the_verb_leaves_the_subject_as_target(petr: Pipeline) -> None:
    """``* HARVEST ^ $``: one phrase skipped, the next is the source, the subject the target."""
    found = _code(petr, "Guilder honoured the harvest with Florin next week at Zembla.")
    assert found == [("017", ("ZEM",), ("GLD",))], found


def test_discard_phrases_drop_a_sentence_or_a_story(petr: Pipeline) -> None:
    assert _code(petr, "Zembla snubbed Florin at the Cricket Final on Sunday.") == []
    kept = _code(petr, "Zembla snubbed Florin on Sunday. The cricket was rained off.")
    assert kept == [("120", ("ZEM",), ("FLR",))], kept
    assert _code(petr, "Zembla snubbed Florin on Sunday. A hurricane then hit Guilder.") == []


def test_discard_dictionary_reader(tmp_path: Path) -> None:
    path = tmp_path / "discards.txt"
    path.write_text(DISCARDS + "TEST_MATCH  # a comment\n", encoding="utf-8")
    entries = read_discard_dictionary(path).entries
    assert [(e.words, e.story) for e in entries] == [
        (("cricket", "final"), False),
        (("hurricane",), True),
        (("test", "match"), False),
    ]


def test_a_passive_subject_hung_on_the_auxiliary(petr: Pipeline) -> None:
    """``X was heavily and unjustly warned``: the parser puts ``X`` under ``was`` as nsubj."""
    text = "Florin was heavily and unjustly warned over its quarrel with Zembla."
    doc = petr.context.nlp(text)
    assert doc[0].head.lower_ == "was", "parse changed"
    assert _code(petr, text) == [("130", ("ZEM",), ("FLR",))]
