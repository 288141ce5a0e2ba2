"""Text repair before NLP: hyphens, mojibake, whitespace, and offsets back into the original."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import DatelineError
from dateline.hyphenation import Evidence, HyphenLexicon, Place, default_lexicon, judge
from dateline.repair import apply_repairs, clean_text, offsets_from_repairs

SPLITS = ["ag-ainst", "Ch-ina", "t-he", "hu-man", "re-port", "be-cause", "AG-AINST", "a-bout", "in-come"]
COMPOUNDS = [
    "Asia-Pacific",
    "Russian-Chinese",
    "well-known",
    "co-operation",
    "anti-China",
    "follow-up",
    "long-term",
    "re-election",
    "e-mail",
    "pre-war",
    "non-profit",
    "self-defense",
    "X-ray",
    "mid-December",
    "ex-president",
    "so-called",
    "vice-president",
    "cease-fire",
    "Russia-Ukraine",
    "Jean-Claude",
    "Al-Assad",
    "market-place",
    "go-ahead",
    "non-refundable",
    "MS-DOS",
    "T-bills",
]


@pytest.mark.parametrize("split", SPLITS)
def test_stray_hyphen_inside_a_word_is_joined(split: str) -> None:
    cleaned = clean_text(f"They spoke {split} it.")
    assert cleaned.text == f"They spoke {split.replace('-', '')} it."
    assert [r.kind for r in cleaned.repairs] == ["hyphen"]


@pytest.mark.parametrize("compound", COMPOUNDS)
def test_real_compound_keeps_its_hyphen(compound: str) -> None:
    text = f"They spoke of the {compound} matter."
    assert clean_text(text).text == text


def test_twenty_first_century_and_chains_are_left_alone() -> None:
    text = "A 20th-century, year-on-year, state-of-the-art view."
    assert clean_text(text).repairs == ()


def test_repair_records_the_original_span() -> None:
    text = "The fight ag-ainst it."
    (repair,) = clean_text(text).repairs
    assert (repair.start, repair.end, repair.before, repair.after) == (10, 18, "ag-ainst", "against")
    assert text[repair.start : repair.end] == repair.before


def test_a_word_broken_at_a_line_end_is_joined() -> None:
    cleaned = clean_text("to deepen their coopera-\ntion in trade")
    assert cleaned.text == "to deepen their cooperation in trade"


def test_a_compound_broken_at_a_line_end_keeps_its_hyphen() -> None:
    cleaned = clean_text("the vice-\npresident said")
    assert cleaned.text == "the vice-president said"


def test_mojibake_is_fixed_with_minimal_edits() -> None:
    text = "The cafÃ© owner said â€œyesâ€\x9d today."
    cleaned = clean_text(text)
    assert cleaned.text == "The café owner said “yes” today."
    assert all(r.kind == "mojibake" for r in cleaned.repairs)
    assert [r.before for r in cleaned.repairs] == ["Ã©", "â€œ", "â€\x9d"]


def test_hard_wraps_inside_a_paragraph_become_spaces() -> None:
    line = "Showers continued throughout the week in the cocoa zone, alleviating"
    text = f"{line}\nthe drought.\n    The dry period means a late crop.\n\nNext paragraph."
    cleaned = clean_text(text)
    assert cleaned.text.startswith(f"{line} the drought.\n    The dry")
    assert "crop.\n\nNext" in cleaned.text


def test_short_lines_and_headlines_keep_their_breaks() -> None:
    text = "BEIJING TALKS END WITH A JOINT STATEMENT ON TRADE AND SECURITY\nThe talks ended.\nShort\nline."
    assert clean_text(text).text == text


def test_space_runs_and_odd_spaces_become_one_space() -> None:
    cleaned = clean_text("two  spaces,\tand\u00a0a no-break\u200b one")
    assert cleaned.text == "two spaces,\tand a no-break one"
    assert {r.kind for r in cleaned.repairs} == {"whitespace", "invisible"}


def test_judge_uses_the_text_as_evidence() -> None:
    lexicon = default_lexicon()
    assert not judge("Comiss", "aria", lexicon).join
    cleaned = clean_text("Comissaria Smith said. Later Comiss-aria added more.")
    assert "Comiss-aria" not in cleaned.text


def test_lexicon_reads_roles_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    table = tmp_path / "hyphen_lexicon.tsv"
    table.write_text("# a comment\n\nword\trole\nAnti\tstrong_prefix\n", encoding="utf-8")
    assert HyphenLexicon.load(table).has("anti", "strong_prefix")
    table.write_text("word\trole\nanti\tstrong_prefix\nbogus\tnot_a_role\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=r"hyphen_lexicon.tsv:3: column 'role' is 'not_a_role'"):
        HyphenLexicon.load(table)


# --- properties -------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "word",
        "Ch",
        "ina",
        "ag",
        "ainst",
        "co",
        "operation",
        "-",
        "-",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u00a0",
        "\u200b",
        "\u00ad",
        "Ã©",
        "â€œ",
        "â€",
        "é",
        "20th",
        ".",
        ",",
        '"',
        "A long enough line of ordinary text to count as a hard wrapped line",
    ]
)
TEXTS = st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=30).map("".join))
_WORD = re.compile(r"\w+")


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_repairs_are_sorted_disjoint_and_located(text: str) -> None:
    cleaned = clean_text(text)
    previous_end = 0
    for repair in cleaned.repairs:
        assert previous_end <= repair.start < repair.end <= len(text)
        assert text[repair.start : repair.end] == repair.before
        previous_end = repair.end
    assert apply_repairs(text, cleaned.repairs) == cleaned.text
    rebuilt = offsets_from_repairs(cleaned.repairs, len(text))
    assert rebuilt.edits == cleaned.offsets.edits


@given(TEXTS, st.data())
@settings(max_examples=300, deadline=None)
def test_every_clean_span_maps_into_the_original(text: str, data: st.DataObject) -> None:
    cleaned = clean_text(text)
    start = data.draw(st.integers(0, len(cleaned.text)))
    end = data.draw(st.integers(start, len(cleaned.text)))
    orig_start, orig_end = cleaned.offsets.span(start, end)
    assert 0 <= orig_start <= orig_end <= len(text)


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_an_unrepaired_word_maps_to_the_same_characters(text: str) -> None:
    cleaned = clean_text(text)
    edits = cleaned.offsets.edits
    for match in _WORD.finditer(cleaned.text):
        start, end = match.span()
        touched = any(
            (e.clean_start < end and e.clean_end > start) or (start < e.clean_start < end) for e in edits
        )
        if not touched:
            orig_start, orig_end = cleaned.offsets.span(start, end)
            assert text[orig_start:orig_end] == match.group(0)


@given(st.lists(st.sampled_from(["against", "China", "human", "cooperation", "the"]), min_size=1), st.data())
@settings(max_examples=100, deadline=None)
def test_injected_splits_of_common_words_are_repaired(words: list[str], data: st.DataObject) -> None:
    split = [
        f"{w[:cut]}-{w[cut:]}"
        for w in words
        for cut in [data.draw(st.integers(1, len(w) - 1))]
        if f"{w[:cut]}-{w[cut:]}" not in {"co-operation"}  # the British spelling is a real compound
    ]
    originals = [w.replace("-", "") for w in split]
    assert clean_text(" ".join(split)).text == " ".join(originals)


def test_seed_story_gets_its_four_split_words_repaired(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    cleaned = clean_text(text)
    joined = sorted(r.after for r in cleaned.repairs if r.kind == "hyphen")
    assert joined == ["China", "against", "human", "the"]
    assert "Asia-Pacific" in cleaned.text
    assert "Russian-Chinese" in cleaned.text


@pytest.mark.parametrize(
    ("left", "right", "join"),
    [
        ("NO", "TE", True),  # all capitals, the closed form is a common word
        ("PHILIP", "PINES", True),
        ("FT", "SE", False),  # two short codes, no common closed form
        ("MS", "DOS", False),
        ("Bugo", "wski", True),  # a name no word list knows, cut into two stumps
        ("fl", "yr", False),  # vowelless halves are abbreviations, not stumps
        ("Fair", "child", True),  # a capital before a lower-case half: a name cut in two
        ("wide", "spread", False),  # two content words with a rarer closed form: a compound
        ("all", "in", False),  # a prefix before a little word, rare closed form
        ("M", "no", False),  # a letter before a little word that spells no word
        ("mini", "mum", True),  # a prefix and a word whose closed form is the commoner word
    ],
)
def test_judge_rules_of_round_two(left: str, right: str, join: bool) -> None:
    assert judge(left, right, default_lexicon()).join is join


def test_stumps_used_as_words_in_the_text_are_not_stumps() -> None:
    lexicon = default_lexicon()
    assert judge("Bugo", "wski", lexicon).join
    evidence = Evidence(frozenset({"bugo", "wski"}), {})
    assert not judge("Bugo", "wski", lexicon, evidence).join


def test_a_prefixed_form_is_kept_even_if_the_text_also_writes_it_closed() -> None:
    text = "The after-tax charge cut aftertax profit."
    assert clean_text(text).text == text


# --- round three: the story as evidence, where a hyphen sits, jingles, weak prefixes -----------


def test_a_closed_form_written_elsewhere_in_the_story_joins_a_word_pair() -> None:
    assert not judge("land", "slide", default_lexicon()).join  # alone, two words: a compound
    cleaned = clean_text("A landslide hit the town. The land-slide cut the road.")
    assert "The landslide cut" in cleaned.text


def test_a_prefixed_form_next_to_its_closed_form_is_still_a_spelling_choice() -> None:
    text = "The pre-tax figure and the pretax margin."
    assert clean_text(text).text == text


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Acme Holdings Corp <AC-MH> said it", "<ACMH>"),
        ("Acme Holdings Plc <AC-MH.L> said it", "<ACMH.L>"),
        ("the Joint Grain Board (JG-B) said", "(JGB)"),
        ("the Banque Nationale du Commerce (B-NC) said", "(BNC)"),
    ],
)
def test_capitals_in_ticker_brackets_or_spelt_by_initials_join(text: str, joined: str) -> None:
    assert joined in clean_text(text).text


def test_capitals_in_brackets_that_spell_nothing_before_them_stay() -> None:
    text = "said Senator Ann Smith (D-NY) and the Northern Grain Institute (IG-N)."
    assert clean_text(text).text == text


@pytest.mark.parametrize(
    ("left", "right", "join"),
    [
        ("hodge", "podge", False),  # rhyming jingle
        ("zig", "zag", False),  # ablaut jingle
        ("mer", "ger", True),  # rhymes, but the closed form is a common word
        ("re", "assure", False),  # weak prefix, uncommon closed form rarer than the word
        ("over", "priced", False),
        ("mis", "match", False),
        ("re", "port", True),  # the closed form is the commoner word
        ("Jean", "pierre", False),  # two words whose closed form is barely known
    ],
)
def test_judge_rules_of_round_three(left: str, right: str, join: bool) -> None:
    assert judge(left, right, default_lexicon()).join is join


def test_a_rare_word_pair_hyphenated_twice_is_attested_but_a_repeated_split_is_not() -> None:
    text = "One back-bencher spoke, then another back-bencher."
    assert clean_text(text).text == text
    assert clean_text("one bil-lion and two bil-lion").text == "one billion and two billion"


def test_where_a_hyphen_sits_changes_nothing_for_lower_case_words() -> None:
    lexicon = default_lexicon()
    assert judge("ag", "ainst", lexicon, place=Place("<", ">")).join
