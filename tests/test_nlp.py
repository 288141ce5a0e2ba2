"""Truecasing of shouted lines and the NER rules, on hand-written text."""

from __future__ import annotations

import pytest
import spacy

from dateline.casing import CasingLexicon, case_votes, is_shouted, truecase
from dateline.ner_rules import TokenView
from dateline.nlp import RULER_NAME
from dateline.pipeline import Pipeline

LEXICON = CasingLexicon.from_files([], ["Ruritania", "New Zealand", "NATO"])


def test_shouted_lines_are_detected() -> None:
    assert is_shouted("TENNIS - SMITH BEATS JONES IN FINAL .")
    assert not is_shouted("The minister said NATO would meet.")
    assert not is_shouted("UK")  # too short to judge


def test_shouted_needs_enough_capitals_and_few_small_letters() -> None:
    assert is_shouted("ABCD")
    assert not is_shouted("ABC")  # three letters are too few to judge
    assert is_shouted("ABCDEFGHIj")  # nine capitals to one small letter
    assert not is_shouted("ABCDEFGHij")
    assert not is_shouted("")


def test_case_votes_skip_sentence_starts_and_unwanted_words() -> None:
    lines = ["Officials said. Officials met officials and officials: Officials"]
    votes = case_votes(lines, {"officials"})
    assert votes == {"officials": "lower"}  # the three capitalised ones open a line or a sentence
    assert case_votes(lines)["met"] == "lower"  # without a filter every word is counted


def test_case_votes_tie_goes_to_the_form_seen_first() -> None:
    assert case_votes(["the Bank and the bank"])["bank"] == "title"
    assert case_votes(["the bank and the Bank"])["bank"] == "lower"


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


@pytest.mark.slow
def test_results_list_entrants_and_given_names_are_people(pipeline: Pipeline) -> None:
    text = (
        "ROWING - REGATTA RESULTS .\n"
        "1. Zbigniew Kowalczyk ( Ruritania ) 6:01.2\n"
        "2. Oskar Pelletrand ( France ) 6:03.9\n"
        "Coach Sergei Vantroyen said Vantroyen was pleased .\n"
    )
    doc = pipeline.context.nlp(text)
    people = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    assert "Oskar Pelletrand" in people  # a full name with a country in brackets
    assert "Sergei Vantroyen" in people  # a known given name
    lone = [ent for ent in doc.ents if ent.text == "Vantroyen"]
    assert lone and lone[0].label_ == "PERSON"  # the surname of someone named in full
    assert not any(ent.text.lower() == "rowing" for ent in doc.ents)  # a headline topic is no name


@pytest.mark.slow
def test_table_teams_stay_clubs_while_the_dateline_town_is_a_place(pipeline: Pipeline) -> None:
    text = (
        "BASEBALL - STANDINGS .\nPORTSLADE 1996-05-04\nW L PCT\n"
        "PORTSLADE 71 63 .530\nKINGSBRIDGE 69 66 .511\n"
    )
    doc = pipeline.context.nlp(text)
    labels = [(ent.text, ent.label_) for ent in doc.ents if ent.text in {"Portslade", "Kingsbridge"}]
    assert ("Kingsbridge", "ORG") in labels
    assert labels.count(("Portslade", "ORG")) == 1  # the table row; the dateline's is not a club


@pytest.mark.slow
def test_dotted_country_abbreviation_is_not_an_initial(pipeline: Pipeline) -> None:
    doc = pipeline.context.nlp("Officials said the U.S. Treasury and the U.S. economy were sound.\n")
    assert not any(ent.label_ == "PERSON" for ent in doc.ents)
    assert any(ent.text == "U.S." and ent.label_ == "GPE" for ent in doc.ents)


def test_token_view_matches_the_tokens() -> None:
    doc = spacy.blank("en")("Mr. O'Neill  met\nNATO chiefs in São Paulo, twice.")
    view = TokenView.of(doc)
    assert view.texts == [token.text for token in doc]
    assert view.title == [token.is_title for token in doc]
    assert view.alpha == [token.is_alpha for token in doc]
    assert view.spaced == [bool(token.whitespace_) for token in doc]
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert view.span_text(start, end) == doc[start:end].text
    assert TokenView.of(spacy.blank("en")("")).texts == []


@pytest.mark.slow
def test_ruler_patterns_are_tokenized_without_running_the_model(pipeline: Pipeline) -> None:
    # the patterns are added with every other component switched off; all come back on
    nlp = pipeline.context.nlp
    assert nlp.has_pipe(RULER_NAME) and RULER_NAME in nlp.pipe_names
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


# Words the model's attribute ruler treats apart: contractions of two tokens, "it" as subject and
# object, "there is", "but" as an adverb, auxiliaries, determiners as pronouns, spaces.
RULED_TEXT = (
    "I ai n't gon na do it, but y' all got ta see.  There is a man who said he did it.\n\n"
    "Let 's say that it was done. Which one was it? It is not nothin' to them; "
    "they have had what they had, and c'm on, we do n't know."
)


@pytest.mark.slow
def test_the_attribute_table_sets_what_spacys_attribute_ruler_sets(pipeline: Pipeline) -> None:
    from dateline.attribute_rules import COMPONENT, RULER
    from dateline.nlp import model_name

    nlp = pipeline.context.nlp
    assert COMPONENT in nlp.pipe_names and RULER not in nlp.pipe_names
    stock = spacy.load(model_name(pipeline.settings))
    ours, theirs = nlp(RULED_TEXT), stock(RULED_TEXT)
    assert [t.text for t in ours] == [t.text for t in theirs]
    for mine, spacys in zip(ours, theirs, strict=True):
        assert (mine.pos_, mine.tag_, mine.dep_, str(mine.morph), mine.lemma_) == (
            spacys.pos_,
            spacys.tag_,
            spacys.dep_,
            str(spacys.morph),
            spacys.lemma_,
        ), mine.text
