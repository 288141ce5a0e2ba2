"""The quotes stage through the real model: constructions, cues and speakers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.pipeline import Pipeline
from dateline.reading import read_inputs
from dateline.records import StoryResult

from .helpers.quotes import holding, story_quotes

pytestmark = pytest.mark.slow


def test_quote_then_named_speaker(pipeline: Pipeline) -> None:
    text = (
        "Mary Johnson runs the harbour board.\n\n“We will open the new dock next spring,” Mary Johnson said."
    )
    quote = holding(story_quotes(pipeline, text), "open the new dock")
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.name == "Mary Johnson"
    assert text[quote.start : quote.end] == quote.text


def test_pronoun_prefers_previous_speaker_over_nearest_name(pipeline: Pipeline) -> None:
    text = (
        "Peter Lindqvist met Anna Berg in Oslo on Monday.\n\n"
        "“The talks went very well for both of our teams,” Peter Lindqvist said after meeting Anna Berg.\n\n"
        "“We expect a signed agreement within a month,” he added."
    )
    quote = holding(story_quotes(pipeline, text), "signed agreement")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "he"
    assert quote.speaker is not None and quote.speaker.name == "Peter Lindqvist"
    assert quote.reason and "previous speaker" in quote.reason


def test_interrupted_quote_is_two_quotes_under_one_cue(pipeline: Pipeline) -> None:
    text = "Carlos Mendez spoke.\n\n“We intend,” Carlos Mendez said, “to cooperate with every neighbour.”"
    quotes = [q for q in story_quotes(pipeline, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["We intend,", "to cooperate with every neighbour."]
    assert all(
        q.cue is not None and q.cue.text == "said" and q.cue.start == quotes[0].cue.start for q in quotes
    )
    assert all(q.speaker is not None and q.speaker.name == "Carlos Mendez" for q in quotes)


def test_multi_paragraph_quote(pipeline: Pipeline) -> None:
    text = (
        "Helen Park spoke on Friday.\n\n“The first part of the plan is ready now.\n\n"
        "“The second part comes later this year,” Helen Park said."
    )
    quotes = story_quotes(pipeline, text)
    first, second = holding(quotes, "first part"), holding(quotes, "second part")
    assert first is not second and first.cue == second.cue  # one quote per paragraph, one attribution
    assert first.speaker is not None and first.speaker.name == "Helen Park"


def test_partial_quote_inside_a_sentence(pipeline: Pipeline) -> None:
    text = "As Omar Haddad pointed out, the two firms, “guided by common sense,” agreed to share the costs."
    quote = holding(story_quotes(pipeline, text), "guided by common sense")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name == "Omar Haddad"


def test_partial_quote_keeps_the_earlier_cue_over_a_later_one(pipeline: Pipeline) -> None:
    from dateline.quoting.direct import Parsed, attribute_marked
    from dateline.quoting.marks import find_marked

    text = "The mayor called the new bridge “a waste of money” for the town, an aide said."
    lexicon = pipeline.context.quote_lexicon
    findings = attribute_marked(Parsed.of(pipeline.context.nlp(text), text), find_marked(text), lexicon)
    spans = [text[f.segments[0][0] : f.segments[-1][1]] for f in findings]
    assert spans == ["the new bridge “a waste of money” for the town"]
    found = findings[0].found
    assert found is not None and text[found.cue[0] : found.cue[1]] == "called"


def test_reported_speech_with_that(pipeline: Pipeline) -> None:
    text = "Lena Fischer told reporters that the factory would reopen in March after the repairs."
    quote = holding(story_quotes(pipeline, text), "the factory would reopen")
    assert quote.kind == "indirect"
    assert quote.cue is not None and quote.cue.text == "told"
    assert quote.speaker is not None and quote.speaker.name == "Lena Fischer"


def test_according_to(pipeline: Pipeline) -> None:
    text = "According to Rosa Alvarez, the bridge will be closed for two more weeks."
    quote = holding(story_quotes(pipeline, text), "the bridge will be closed")
    assert quote.cue is not None and quote.cue.text == "According to"
    assert quote.speaker is not None and quote.speaker.name == "Rosa Alvarez"


def test_clause_before_cue(pipeline: Pipeline) -> None:
    text = "The two sides should keep talking about the border for another year, Ivan Petrov said."
    quote = holding(story_quotes(pipeline, text), "keep talking")
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == "Ivan Petrov"


def test_called_for(pipeline: Pipeline) -> None:
    text = "Sofia Rossi called for stronger rules on river pollution in the north."
    quote = holding(story_quotes(pipeline, text), "stronger rules")
    assert quote.cue is not None and quote.cue.text == "called for"


def test_channel_quoted_him_as_saying(pipeline: Pipeline) -> None:
    text = (
        "David Miller visited the port on Tuesday.\n\n"
        "“We will build two more ships before the winter,” the Transport Ministry quoted him as saying."
    )
    quote = holding(story_quotes(pipeline, text), "two more ships")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "him"
    assert quote.speaker is not None and quote.speaker.name == "David Miller"
    assert quote.via is not None and "Ministry" in quote.via.name
    assert quote.cue is not None and quote.cue.text == "quoted him as saying"


def test_was_quoted_as_saying(pipeline: Pipeline) -> None:
    text = (
        "Maria Costa opened the fair.\n\n"
        "“Trade is the best cure for distrust between nations,” she was quoted as saying."
    )
    quote = holding(story_quotes(pipeline, text), "best cure")
    assert quote.speaker is not None and quote.speaker.name == "Maria Costa"


def test_organisation_speaker(pipeline: Pipeline) -> None:
    text = "The Finance Ministry said that the new tax would apply from January."
    quote = holding(story_quotes(pipeline, text), "the new tax")
    assert quote.speaker is not None and "Finance Ministry" in quote.speaker.name


def test_scare_quotes_alone_are_not_quotes(pipeline: Pipeline) -> None:
    text = "The so-called “reform” package passed the chamber on Thursday evening."
    assert not [q for q in story_quotes(pipeline, text) if q.text == "reform"]


@pytest.mark.shared
def test_seed_story(pipeline: Pipeline, seed_path: Path) -> None:
    (result,) = list(pipeline.process(read_inputs([str(seed_path)], pipeline.settings)))
    assert isinstance(result, StoryResult)
    quotes = result.quotes
    assert sum(q.kind == "direct" for q in quotes) >= 7
    xi = [
        "In the current situation",  # he said
        "China intends to maintain close contacts",  # Xi Jinping added
        "We also intend to strengthen cooperation",  # the Chinese Foreign Ministry quoted him as saying
        "Russian-Chinese energy cooperation",  # he stated
        "China and Russia need to take more joint actions",  # he was quoted as saying
        "Both sides should support all SCO member states",  # he said
        "in the past years, China and Russia",  # Xi noted that
        "certain forces are interfering",  # He noted that
    ]
    for words in xi:
        quote = holding(quotes, words)
        assert quote.speaker is not None and quote.speaker.name == "Xi Jinping", (words, quote.reason)
    channel = holding(quotes, "We also intend to strengthen cooperation")
    assert channel.via is not None and "Foreign Ministry" in channel.via.name
    ushakov = holding(quotes, "literally all pressing and important problems")
    assert ushakov.speaker is not None and ushakov.speaker.name == "Yuri Ushakov"
    told = holding(quotes, "the conversation between the heads of state")
    assert told.speaker is not None and told.speaker.name == "Yuri Ushakov"


@pytest.mark.shared
def test_seed_speaker_codes_when_registry_knows_them(pipeline: Pipeline, seed_path: Path) -> None:
    if pipeline.registry.resolve("Xi Jinping", label="PERSON") is None:
        pytest.skip("the registry does not know Xi Jinping yet")
    (result,) = list(pipeline.process(read_inputs([str(seed_path)], pipeline.settings)))
    assert isinstance(result, StoryResult)
    for quote in result.quotes:
        if quote.speaker is not None and quote.speaker.name == "Xi Jinping":
            assert quote.speaker.actor == "CHNGOV"


def test_speaker_label_before_a_colon(pipeline: Pipeline) -> None:
    text = "Transcript of the show.\n\nNORA VANCE: We are ready to count every single ballot tonight."
    quote = holding(story_quotes(pipeline, text), "ready to count")
    assert quote.speaker_mention is not None and "VANCE" in quote.speaker_mention.text
    assert quote.cue is not None and quote.cue.text == ":"


def test_stance_verb_object(pipeline: Pipeline) -> None:
    text = "Gina Lorenz endorsed the new school funding plan on Tuesday."
    quote = holding(story_quotes(pipeline, text), "the new school funding plan")
    assert quote.kind == "indirect"
    assert quote.cue is not None and quote.cue.text == "endorsed"
    assert quote.speaker is not None and quote.speaker.name == "Gina Lorenz"


def test_noun_cue_with_possessor(pipeline: Pipeline) -> None:
    text = "Tomas Berg spoke on Monday. His claim that the tunnel would be finished by June surprised nobody."
    quote = holding(story_quotes(pipeline, text), "the tunnel would be finished")
    assert quote.cue is not None and quote.cue.text == "claim"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "His"
    assert quote.speaker is not None and quote.speaker.name == "Tomas Berg"


def test_clause_holding_partial_quotes_is_one_direct_quote(pipeline: Pipeline) -> None:
    text = 'Sales were "flat for a month" while buyers waited for a "calmer market," Ruth Adler said.'
    quote = holding(story_quotes(pipeline, text), "Sales were")
    assert quote.kind == "direct" and "calmer market" in quote.text
    assert quote.speaker is not None and quote.speaker.name == "Ruth Adler"


def test_dateline_is_not_a_speaker_label(pipeline: Pipeline) -> None:
    text = (
        "OSLO (NTB): The harbour tunnel will stay closed until the spring thaw.\n\n"
        "Work crews found cracks in the roof last week."
    )
    quotes = story_quotes(pipeline, text)
    assert not [q for q in quotes if q.cue is not None and q.cue.text == ":"], [q.text for q in quotes]


def test_place_and_agency_shape_is_not_a_label_but_a_name_and_network_is() -> None:
    from dateline.quoting.labelled import is_dateline_shape

    places = {"Lisbon": "PRT", "Kyiv": "UKR"}.get
    assert is_dateline_shape("LISBON (Lusa)", places)
    assert is_dateline_shape("KYIV /Ukrinform/", places)
    assert not is_dateline_shape("DANA FELLOWS (CNN)", places)
    assert not is_dateline_shape("Lisbon", places)


def test_modal_stance_inside_reported_content_is_not_its_own_attribution(pipeline: Pipeline) -> None:
    text = (
        "The two river councils should back the new flood barrier and share its costs, "
        "Karin Holm said on Monday."
    )
    quotes = story_quotes(pipeline, text)
    assert not [q for q in quotes if q.cue is not None and q.cue.text == "back"], [
        (q.cue and q.cue.text, q.text) for q in quotes
    ]
    quote = holding(quotes, "new flood barrier")
    assert quote.speaker is not None and quote.speaker.name == "Karin Holm"


def test_one_quotation_one_speaker_keeps_the_outer_frame(pipeline: Pipeline) -> None:
    text = (
        "Lars Eriksen spoke to reporters after the summit.\n\n"
        "According to him, the two ministers discussed “every open question on fishing quotas” – "
        "from the northern waters to the southern coast."
    )
    quotes = [q for q in story_quotes(pipeline, text) if "every open question" in q.text]
    assert len(quotes) == 1, [(q.cue and q.cue.text, q.text) for q in quotes]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Lars Eriksen"


def test_titled_name_keeps_the_registry_person(pipeline: Pipeline) -> None:
    ref = pipeline.registry.resolve("Vladimir Putin", on=dt.date(2021, 12, 15), label="PERSON")
    if ref is None:
        pytest.skip("the registry does not know Vladimir Putin")
    text = (
        "Russian President Vladimir Putin met the governors in Moscow.\n\n"
        "Later, Putin discussed new regional budgets and road repairs with the governors."
    )
    quotes = [q for q in story_quotes(pipeline, text) if q.speaker is not None]
    assert quotes, "no attribution found"
    for quote in quotes:
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.actor) == (ref.name, ref.code), quote.reason


def test_appearance_verb_is_a_sourceless_attribution(pipeline: Pipeline) -> None:
    text = "The new ferry schedule appears to be causing long delays for commuters."
    quote = holding(story_quotes(pipeline, text), "causing long delays")
    assert quote.cue is not None and quote.cue.text == "appears"
    assert quote.speaker is None and quote.speaker_mention is None
    assert "ferry schedule" in quote.text


def test_reported_content_keeps_a_conjoined_verb_but_not_a_comment(pipeline: Pipeline) -> None:
    text = (
        "Nadia Petrov said the visitors stayed for lunch but left before the speeches, "
        "a claim the organisers later disputed."
    )
    quote = holding(story_quotes(pipeline, text), "stayed for lunch")
    assert "left before the speeches" in quote.text
    assert "organisers" not in quote.text


def test_second_cue_between_quotations_splits_them(pipeline: Pipeline) -> None:
    text = (
        "Greta Olsen spoke after the vote.\n\n"
        "“The volunteers did most of the counting,” she said, adding, “We owe them a great deal of thanks.”"
    )
    quotes = [q for q in story_quotes(pipeline, text) if q.kind == "direct"]
    first = holding(tuple(quotes), "volunteers did most")
    assert "great deal of thanks" not in first.text
    second = holding(tuple(quotes), "great deal of thanks")
    assert second.speaker is not None and second.speaker.name == "Greta Olsen"


def test_cited_object_is_the_content_not_a_channel(pipeline: Pipeline) -> None:
    text = "Inspector Ruth Lang cited two interviews with the harbour pilots in her report."
    quote = holding(story_quotes(pipeline, text), "two interviews")
    assert quote.speaker is not None and "Ruth Lang" in quote.speaker.name
    assert quote.via is None


def test_speaker_phrase_and_content_never_hold_the_dateline(pipeline: Pipeline) -> None:
    text = (
        "LISBON, May 3 (Reuters) - Portuguese Trade Minister Elsa Brunner said on Monday that "
        "exporters should keep their prices stable through the summer."
    )
    quote = holding(story_quotes(pipeline, text), "keep their prices stable")
    assert quote.speaker_mention is not None and "LISBON" not in quote.speaker_mention.text
    assert "Reuters" not in quote.text
    assert quote.speaker is not None and quote.speaker.name == "Elsa Brunner"


def test_spokesperson_for_a_body_is_not_the_previous_speaker(pipeline: Pipeline) -> None:
    text = (
        "“The port will stay open all winter,” Mayor Henrik Dahl said on Monday.\n\n"
        "A spokesperson for the Norwegian Coastal Administration said the ice breakers were ready."
    )
    quote = holding(story_quotes(pipeline, text), "ice breakers were ready")
    assert quote.speaker is None or "Dahl" not in quote.speaker.name, quote.reason


def test_stance_adjective_with_complement(pipeline: Pipeline) -> None:
    text = "Farmers met in Leeds.\n\nEllen Marsh was worried that the new levy would close small dairies."
    quote = holding(story_quotes(pipeline, text), "the new levy would close small dairies")
    assert quote.cue is not None and quote.cue.text == "worried"
    assert quote.speaker_mention is not None and "Ellen Marsh" in quote.speaker_mention.text
    assert "was worried" not in quote.text


def test_light_verb_idiom_is_a_cue(pipeline: Pipeline) -> None:
    text = (
        "The council met on Tuesday.\n\nMayor Tom Reddy took aim at the county budget for its cuts to buses."
    )
    quote = holding(story_quotes(pipeline, text), "the county budget")
    assert quote.cue is not None and quote.cue.text.startswith("took aim at")
    assert quote.speaker_mention is not None and "Tom Reddy" in quote.speaker_mention.text


def test_phrase_head_counts_only_with_its_preposition(pipeline: Pipeline) -> None:
    text = (
        "The vote was close.\n\nSenator Ruth Okafor sided with the miners on the pension plan. "
        "Senator Ruth Okafor sided the boxes neatly by the door."
    )
    quotes = story_quotes(pipeline, text)
    quote = holding(quotes, "the miners")
    assert quote.cue is not None and quote.cue.text == "sided with"
    assert not [q for q in quotes if "the boxes" in q.text]


def test_reporters_aside_after_a_comma_ends_the_content(pipeline: Pipeline) -> None:
    text = (
        "The hearing ended late.\n\nJudge Alan Pryce said the ruling would stand, "
        "which has angered the tenants for months."
    )
    quote = holding(story_quotes(pipeline, text), "the ruling would stand")
    assert "angered" not in quote.text


def test_object_cast_as_a_quotation_is_attributed(pipeline: Pipeline) -> None:
    text = "The debate ran long.\n\nGovernor Lena Ortiz openly admires her rival as “a real fighter.”"
    quotes = story_quotes(pipeline, text)
    quote = holding(quotes, "a real fighter")
    assert "her rival" in quote.text
    assert quote.cue is not None and quote.cue.text == "admires"


def test_partial_quotation_content_ends_before_a_time_phrase(pipeline: Pipeline) -> None:
    text = (
        "The rally was loud.\n\nSenator Rita Vance called the tax plan “a gift to the rich” "
        "during a stop in Dayton."
    )
    quote = holding(story_quotes(pipeline, text), "a gift to the rich")
    assert "Dayton" not in quote.text
    assert "the tax plan" in quote.text


def test_partial_quotation_content_ends_before_a_participle(pipeline: Pipeline) -> None:
    text = (
        "The council met on Monday.\n\nMayor Tom Reyes said the budget was “fully balanced,” "
        "prompting a sharp reply from the council."
    )
    quote = holding(story_quotes(pipeline, text), "fully balanced")
    assert "prompting" not in quote.text
    assert "the budget was" in quote.text


def test_partial_quotation_content_ends_before_an_appositive(pipeline: Pipeline) -> None:
    text = (
        "The vote is next week.\n\nGovernor Ana Ruiz praised the “clean water pledge,” "
        "a program her rival had opposed for years."
    )
    quote = holding(story_quotes(pipeline, text), "clean water pledge")
    assert "her rival" not in quote.text


def test_later_quotation_keeps_the_tail_in_the_content(pipeline: Pipeline) -> None:
    text = (
        "The debate ended.\n\nCandidate Mia Holt said that Smith was “a lightweight” while Jones is “a liar.”"
    )
    quote = holding(story_quotes(pipeline, text), "a lightweight")
    assert "a liar" in quote.text


def test_quotation_after_a_new_sentence_with_its_own_cue_is_not_an_interruption(pipeline: Pipeline) -> None:
    text = (
        "Greta Olsen spoke after the vote.\n\n“The bridge will open in May,” Greta Olsen said. "
        "Then she warned: “The tolls will rise.”"
    )
    quotes = [q for q in story_quotes(pipeline, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The bridge will open in May,", "The tolls will rise."]
    assert [q.cue.text if q.cue else None for q in quotes] == ["said", "warned"]


def test_partial_quotation_clause_keeps_a_second_that_clause(pipeline: Pipeline) -> None:
    text = (
        "The board met on Friday.\n\nIn a short statement on Sunday, the harbour board said the pilots’ "
        "conduct was “entirely avoidable” and that the inspectors would continue to examine the collision."
    )
    quote = holding(story_quotes(pipeline, text), "entirely avoidable")
    assert "examine the collision" in quote.text


def test_later_quotation_inside_a_widened_clause_is_not_a_finding_of_its_own(pipeline: Pipeline) -> None:
    from dateline.quoting.direct import Parsed, attribute_marked
    from dateline.quoting.marks import find_marked

    text = "Mayor Ines Duarte argued that being careful “is a duty” and that “no district owns the budget.”"
    lexicon = pipeline.context.quote_lexicon
    findings = attribute_marked(Parsed.of(pipeline.context.nlp(text), text), find_marked(text), lexicon)
    spans = [text[f.segments[0][0] : f.segments[-1][1]] for f in findings]
    assert spans == ["that being careful “is a duty” and that “no district owns the budget"]


def test_partial_quotation_right_after_the_cue_takes_the_cues_object(pipeline: Pipeline) -> None:
    """The parser may hang the opening mark on the cue itself; the object still holds the quotation."""
    from spacy.tokens import Doc

    from dateline.quoting.direct import Parsed, attribute_marked
    from dateline.quoting.marks import find_marked

    words = ["Inspectors", "reported", "“", "forty", "leaks", "”", "along", "the", "pier", "."]
    spaces = [True, True, False, True, False, True, True, True, False, False]
    heads = [1, 1, 1, 4, 1, 4, 4, 8, 6, 1]
    deps = ["nsubj", "ROOT", "punct", "nummod", "dobj", "punct", "prep", "det", "pobj", "punct"]
    pos = ["NOUN", "VERB", "PUNCT", "NUM", "NOUN", "PUNCT", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["NNS", "VBD", "``", "CD", "NNS", "''", "IN", "DT", "NN", "."]
    lemmas = ["inspector", "report", "“", "forty", "leak", "”", "along", "the", "pier", "."]
    doc = Doc(
        pipeline.context.nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        sent_starts=[True] + [False] * 9,
    )
    text = doc.text
    findings = attribute_marked(Parsed.of(doc, text), find_marked(text), pipeline.context.quote_lexicon)
    assert [text[f.segments[0][0] : f.segments[-1][1]] for f in findings] == ["forty leaks” along the pier"]


def test_partial_quotation_in_a_that_clause_of_an_unlisted_verb(pipeline: Pipeline) -> None:
    text = (
        "The vote was close.\n\nRafael Ortiz grumbled that the new ring road was “a costly detour” "
        "for the valley towns."
    )
    quote = holding(story_quotes(pipeline, text), "costly detour")
    assert quote.text == "that the new ring road was “a costly detour” for the valley towns"
    assert quote.speaker is not None and quote.speaker.name == "Rafael Ortiz"


def test_quoted_title_after_a_possessive_is_no_quote(pipeline: Pipeline) -> None:
    text = "Speaking on the station’s “Morning Tide,” Ana Ruiz said the pier would reopen in May."
    quotes = story_quotes(pipeline, text)
    assert not [q for q in quotes if "Morning Tide" in q.text], [q.text for q in quotes]
    assert holding(quotes, "the pier would reopen").kind == "indirect"


def test_quoted_nickname_after_as_stays_a_quote(pipeline: Pipeline) -> None:
    text = "Critics cited his remarks as “Captain Chaos” in the debate."
    assert holding(story_quotes(pipeline, text), "Captain Chaos").kind == "direct"


def test_cue_of_a_new_sentence_after_a_full_quotation_is_not_its_cue(pipeline: Pipeline) -> None:
    text = (
        "The council met on Monday.\n\n“The bridge is safe,” Tomas Berg said. “Everyone can cross it.” "
        "Later, Mayor Ines Duarte said the tolls would rise."
    )
    quote = holding(story_quotes(pipeline, text), "Everyone can cross it")
    assert quote.speaker is not None and quote.speaker.name == "Tomas Berg"
    assert quote.cue is None or quote.cue.start < quote.start  # Tomas Berg's "said", not the mayor's


def test_participle_after_a_quotation_does_not_take_it(pipeline: Pipeline) -> None:
    text = (
        "Hugo Lenz said on the station’s “Morning Tide,” adding, "
        "“The pier opens in May and the ferries return.”"
    )
    quotes = [q for q in story_quotes(pipeline, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The pier opens in May and the ferries return."]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Hugo Lenz"


@pytest.mark.parametrize(
    "aside", [", an admission that angered the island councils", ", which angered the island councils"]
)
def test_reporters_aside_after_a_widened_partial_quotation_is_left_out(
    pipeline: Pipeline, aside: str
) -> None:
    text = (
        f"The ferry board met.\n\nNadia Petrov said the ferries would run “slightly late” on Sundays{aside}."
    )
    quote = holding(story_quotes(pipeline, text), "slightly late")
    assert quote.text == "the ferries would run “slightly late” on Sundays"


def test_apposition_that_quotes_again_stays_in_the_content(pipeline: Pipeline) -> None:
    text = (
        "The envoy spoke.\n\nTom Berg pledged “cooperation” toward shared goals, "
        "a “deep and lasting” bond and a “close” partnership."
    )
    quote = holding(story_quotes(pipeline, text), "cooperation")
    assert "deep and lasting" in quote.text


def test_cue_after_a_long_speaker_phrase(pipeline: Pipeline) -> None:
    text = (
        "The harbour vote was close.\n\n“The pier will open in May and the ferries will follow,” "
        "the chairman of the island harbour committee, Senator Tomas Berg of Maine, said."
    )
    quote = holding(story_quotes(pipeline, text), "The pier will open")
    assert quote.cue is not None and quote.cue.text == "said"


def test_title_case_slogan_after_that_is_a_quote(pipeline: Pipeline) -> None:
    quote = holding(story_quotes(pipeline, "Tom Berg said that “Mexico Will Pay.”"), "Mexico Will Pay")
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "said"


def test_paragraph_of_quotation_after_a_bare_attribution_continues_it(pipeline: Pipeline) -> None:
    text = (
        "The harbour vote was close.\n\n“The pier will open in May,” Tomas Berg said.\n\n"
        "“The ferries will follow in June, and the fares will not rise.”\n\n"
        "The council meets again on Friday."
    )
    quotes = [q for q in story_quotes(pipeline, text) if q.kind == "direct"]
    # each quoted paragraph is a quote of its own, continuing under the same cue and speaker
    assert [q.text for q in quotes] == [
        "The pier will open in May,",
        "The ferries will follow in June, and the fares will not rise.",
    ]
    first, second = quotes
    assert second.cue is not None and first.cue is not None and second.cue.start == first.cue.start
    assert second.speaker is not None and second.speaker.name == "Tomas Berg"


def test_paragraph_of_quotation_after_a_longer_attribution_stands_apart(pipeline: Pipeline) -> None:
    text = (
        "The harbour vote was close.\n\n“The pier will open in May,” Tomas Berg wrote in a memo to the "
        "island councils.\n\n“The ferries will follow in June, and the fares will not rise.”"
    )
    quotes = [q for q in story_quotes(pipeline, text) if q.kind == "direct"]
    assert len(quotes) == 2, [q.text for q in quotes]
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Tomas Berg"


def test_a_manner_verb_in_quotative_inversion_attributes_the_quotation(pipeline: Pipeline) -> None:
    text = (
        "The camps will close in June.\n\n"
        '"I am not ready to go back," fretted Amina Yusuf, who has lived in the camp for 20 years.'
    )
    quote = holding(story_quotes(pipeline, text), "not ready to go back")
    assert quote.cue is not None and quote.cue.text == "fretted"
    assert quote.speaker is not None and quote.speaker.name == "Amina Yusuf"
