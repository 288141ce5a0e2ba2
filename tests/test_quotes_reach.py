"""Reported speech whose content the plain cue rules did not reach, hand-written sentences."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline

from .helpers.quotes import holding, reported_contents, story_quotes, with_cue

pytestmark = pytest.mark.slow


def test_cue_between_the_parts_of_a_quotation_keeps_its_own_content(pipeline: Pipeline) -> None:
    text = (
        "“The deal is a disaster for our town,” Mayor Ortiz said, referring to the trade pact "
        "with Mexico. “We will fight it in court.”"
    )
    quotes = story_quotes(pipeline, text)
    quote = with_cue(quotes, "referring to")
    assert quote.text == "the trade pact with Mexico"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Mayor Ortiz"
    later = holding(quotes, "We will fight it in court")
    assert later.kind == "direct" and later.speaker is not None and later.speaker.name == "Ortiz"


def test_clause_after_for_is_what_was_called_for(pipeline: Pipeline) -> None:
    text = "The senator called for the governor to resign immediately."
    quote = with_cue(story_quotes(pipeline, text), "called for")
    assert quote.text == "the governor to resign immediately"
    assert quote.cue is not None and quote.cue.text == "called for"


def test_call_on_someone_to_act_keeps_the_act(pipeline: Pipeline) -> None:
    text = "The union called on the mayor to reopen the talks."
    quote = with_cue(story_quotes(pipeline, text), "called on")
    assert quote.text == "the mayor to reopen the talks"


def test_parenthetical_cue_hung_on_the_subject_reports_the_whole_clause() -> None:
    # "The difference now, he told me, is that ...": the parser may hang the cue on the
    # subject noun; the parse is built by hand to pin that case
    words = [
        "The", "difference", "now", ",", "he", "told", "me", ",", "is", "that", "the", "bridge", "closed",
    ]  # fmt: skip
    heads = [1, 8, 1, 5, 5, 1, 5, 5, 8, 12, 11, 12, 8]
    deps = [
        "det", "nsubj", "advmod", "punct", "nsubj", "parataxis", "dobj", "punct",
        "ROOT", "mark", "det", "nsubj", "ccomp",
    ]  # fmt: skip
    pos = [
        "DET", "NOUN", "ADV", "PUNCT", "PRON", "VERB", "PRON", "PUNCT",
        "AUX", "SCONJ", "DET", "NOUN", "VERB",
    ]  # fmt: skip
    tags = ["DT", "NN", "RB", ",", "PRP", "VBD", "PRP", ",", "VBZ", "IN", "DT", "NN", "VBD"]
    lemmas = [w.lower() for w in words]
    lemmas[5], lemmas[8], lemmas[12] = "tell", "be", "close"
    assert reported_contents(words, heads, deps, pos, tags, lemmas, cue=5) == [
        "The difference now , he told me , is that the bridge closed"
    ]


def test_poll_in_front_frames_the_clause(pipeline: Pipeline) -> None:
    text = "In a new Marist poll, Senator Ortiz leads the mayor by six points."
    quote = with_cue(story_quotes(pipeline, text), "In")
    assert quote.text == "Senator Ortiz leads the mayor by six points"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "a new Marist poll"


def test_poll_at_the_end_frames_the_clause_before_it(pipeline: Pipeline) -> None:
    text = "Senator Ortiz has a narrow lead in the latest polls."
    quote = with_cue(story_quotes(pipeline, text), "in")
    assert quote.text == "Senator Ortiz has a narrow lead"


def test_poll_in_a_subordinate_clause_frames_nothing(pipeline: Pipeline) -> None:
    text = "Ortiz is ahead in the race because she is popular in the polls."
    assert not [q for q in story_quotes(pipeline, text) if q.cue is not None and q.cue.text == "in"]


def test_named_object_keeps_its_standing(pipeline: Pipeline) -> None:
    text = "The latest survey showed Ortiz with a six-point lead over the mayor."
    quote = with_cue(story_quotes(pipeline, text), "showed")
    assert quote.text == "Ortiz with a six-point lead over the mayor"


def test_participle_of_an_issued_statement_speaks_for_its_author(pipeline: Pipeline) -> None:
    text = "The harbour council issued a statement saying the ferry would resume in May."
    quote = with_cue(story_quotes(pipeline, text), "saying")
    assert quote.text == "the ferry would resume in May"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "The harbour council"


def test_participle_of_people_still_speaks_for_them(pipeline: Pipeline) -> None:
    text = "The survey found fishermen backing the new harbour plan."
    quote = with_cue(story_quotes(pipeline, text), "backing")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "fishermen"


def test_headline_label_of_a_poll_names_the_source(pipeline: Pipeline) -> None:
    text = "Poll: Ortiz Holds Narrow Lead Over Mayor\n\nThe race for the harbour seat is close."
    quote = with_cue(story_quotes(pipeline, text), ":")
    assert quote.text == "Ortiz Holds Narrow Lead Over Mayor"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Poll"


def test_lower_case_common_noun_is_no_label(pipeline: Pipeline) -> None:
    text = "The poll shows one thing clearly.\n\nsurvey: the harbour plan is unpopular"
    assert not [q for q in story_quotes(pipeline, text) if q.cue is not None and q.cue.text == ":"]


def test_received_stance_reports_its_target_and_source(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz drew strong support from older fishermen in the harbour towns."
    quote = with_cue(story_quotes(pipeline, text), "drew")
    assert quote.text == "Mayor Ortiz"
    assert quote.speaker_mention is not None and quote.speaker_mention.text.startswith("older fishermen")


def test_received_thing_that_is_no_stance_is_no_quote(pipeline: Pipeline) -> None:
    text = "Mayor Ortiz received many letters from older fishermen in the harbour towns."
    assert not [
        q for q in story_quotes(pipeline, text) if q.cue is not None and q.cue.text.startswith("received")
    ]


def test_clause_only_cue_reports_a_named_object_with_its_standing(pipeline: Pipeline) -> None:
    text = "The new survey found Ortiz with a narrow lead over the mayor."
    quote = with_cue(story_quotes(pipeline, text), "found")
    assert quote.text == "Ortiz with a narrow lead over the mayor"


def test_clause_only_cue_reports_its_infinitive(pipeline: Pipeline) -> None:
    text = "The council voted to close the harbour road in May."
    quote = with_cue(story_quotes(pipeline, text), "voted")
    assert quote.text == "to close the harbour road in May"


def test_aspectual_verb_reports_no_infinitive(pipeline: Pipeline) -> None:
    text = "Prices continued to rise in the harbour towns."
    assert not [q for q in story_quotes(pipeline, text) if q.cue is not None and q.cue.text == "continued"]


def test_complement_split_in_two_by_the_parser_stays_one(pipeline: Pipeline) -> None:
    text = "The host then asked Ortiz which states specifically she could win."
    quote = with_cue(story_quotes(pipeline, text), "asked")
    assert quote.text == "which states specifically she could win"


def test_if_clause_made_adverbial_is_what_was_asked() -> None:
    # "The reporter asked Ortiz if the harbour would close", with the "if" clause parsed as
    # an adverbial clause rather than a complement; the parse is built by hand
    words = ["The", "reporter", "asked", "Ortiz", "if", "the", "harbour", "would", "close"]
    heads = [1, 2, 2, 2, 8, 6, 8, 8, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "mark", "det", "nsubj", "aux", "advcl"]
    pos = ["DET", "NOUN", "VERB", "PROPN", "SCONJ", "DET", "NOUN", "AUX", "VERB"]
    tags = ["DT", "NN", "VBD", "NNP", "IN", "DT", "NN", "MD", "VB"]
    lemmas = ["the", "reporter", "ask", "Ortiz", "if", "the", "harbour", "would", "close"]
    assert reported_contents(words, heads, deps, pos, tags, lemmas, cue=2) == ["if the harbour would close"]
