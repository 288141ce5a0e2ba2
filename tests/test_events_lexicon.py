"""The built-in verb/noun lexicon (``data/events/*.tsv``): well-formed rows, coverage of every CAMEO
root, and a few phrases per root coded end to end with small hand-written sentences."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from dateline.coding.lexicon import Lexicon
from dateline.coding.ontology import Ontology
from dateline.pipeline import Pipeline
from dateline.records import Event, Origin, RawStory, StoryResult
from dateline.settings import data_dir

FLAGS = {"recip", "speech", "intent", "light", "notarget", "stative"}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(data_dir() / "events")


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load(data_dir() / "ontology")


def _rows(name: str) -> list[list[str]]:
    text = (data_dir() / "events" / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]  # after the header line


@pytest.mark.parametrize("name", ["verbs.tsv", "nouns.tsv"])
def test_rows_are_unique_and_flags_known(name: str) -> None:
    rows = _rows(name)
    assert all(len(row) == 4 for row in rows)
    keys = Counter((row[0], row[1]) for row in rows)
    assert [k for k, n in keys.items() if n > 1 and k != ("offer", "-")] == []
    for row in rows:
        for flag in row[3].split(","):
            assert flag == "-" or flag in FLAGS or flag.startswith(("rev=", "tprep=")), row


def test_every_root_has_verbs_and_codes_exist(lexicon: Lexicon, ontology: Ontology) -> None:
    entries = [e for group in (*lexicon.verbs.values(), *lexicon.nouns.values()) for e in group]
    codes = [e.code for e in entries if e.code is not None]
    assert [c for c in codes if ontology.lookup(c) is None] == []
    roots = Counter(c[:2] for c in codes)
    assert all(roots[f"{n:02d}"] >= 3 for n in range(1, 21)), roots


def test_longer_pattern_wins(lexicon: Lexicon) -> None:
    entry = lexicon.match_verb("lift", {"blockade": object()})
    assert entry is not None and entry.code == "0872"
    bare = lexicon.match_verb("threaten", {})
    assert bare is not None and bare.code == "130"


def events_of(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    story = RawStory("t", text, Origin("test"), published=dt.date(2021, 12, 15))
    result = pipeline.process_one(story)
    assert isinstance(result, StoryResult), result
    return result.events


# (sentence, expected CAMEO code prefix, source, target) - one or two per root, hand-written
CASES = [
    ("Spain expressed concern about the situation in Morocco.", "012", ("ESP",), None),
    ("Kenya denied the allegations made by Uganda.", "016", ("KEN",), None),
    ("Peru sought help from Chile.", "023", ("PER",), None),
    ("Chile and Peru reached an agreement.", "03", ("CHL", "PER"), None),
    ("Poland spoke with Lithuania by phone.", "041", ("POL",), ("LTU",)),
    ("Brazil gave aid to Bolivia.", "07", ("BRA",), ("BOL",)),
    ("Ghana lifted the blockade of Togo.", "0872", ("GHA",), None),
    ("The Nepalese prime minister resigned.", "0831", ("NPLGOV",), None),
    ("Norway dispatched inspectors to Sweden.", "090", ("NOR",), None),
    ("Canada pressured Mexico to act.", "10", ("CAN",), ("MEX",)),
    ("Bolivia lodged a protest with Paraguay.", "114", ("BOL",), ("PRY",)),
    ("Egypt opposed the plan.", "12", ("EGY",), None),
    ("Iran threatened to impose sanctions on Germany.", "1312", ("IRN",), ("DEU",)),
    ("Serbia threatened to ban the party.", "1322", ("SRB",), None),
    ("Thousands of Kenyans began a hunger strike.", "142", ("KEN",), None),
    ("Greece put its army on alert.", "15", ("GRC",), None),
    ("Italy reduced aid to Libya.", "162", ("ITA",), ("LBY",)),
    ("Turkey imposed a curfew on the town.", "1723", ("TUR",), None),
    ("Jordan outlawed the party.", "1722", ("JOR",), None),
    ("Sudanese soldiers sexually assaulted women.", "1821", ("SDNMIL",), None),
    ("Syria violated the ceasefire.", "196", ("SYR",), None),
    ("Mali carried out ethnic cleansing.", "203", ("MLI",), None),
    # CAMEO coverage code by code
    ("Senegal claimed responsibility for the raid on Gambia.", "015", ("SEN",), None),
    ("Haiti appealed for humanitarian aid from Canada.", "0233", ("HTI",), ("CAN",)),
    ("Austria proposed talks with Hungary.", "036", ("AUT",), ("HUN",)),
    ("Oman offered to release the Yemeni prisoners.", "0353", ("OMN",), ("YEM",)),
    ("Qatar summoned the Bahraini ambassador.", "114", ("QAT",), ("BHRGOV",)),
    ("Algeria ruled out talks with Morocco.", "125", ("DZA",), ("MAR",)),
    ("Estonia accused Russia of invasion.", "1123", ("EST",), ("RUS",)),
    ("Belgium suspended military aid to Rwanda.", "1622", ("BEL",), ("RWA",)),
    ("Libya closed its embassy in Chad.", "161", ("LBY",), None),
    ("Burundi expelled the Belgian peacekeepers.", "1661", ("BDI",), None),
    ("Iraqi police fired tear gas at protesters.", "175", ("IRQCOP",), None),
    ("Turkey charged the Greek journalist with espionage.", "173", ("TUR",), None),
    ("Gunmen seized three French hostages.", "181", (), ("FRA",)),
    ("Ethiopian troops captured the town.", "192", ("ETHMIL",), None),
    ("Pakistan carried out a drone strike on Afghan villages.", "1952", ("PAK",), ("AFG",)),
    ("Iran threatened to use nuclear weapons against Israel.", "1385", ("IRN",), ("ISR",)),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "code", "source", "target"), CASES)
def test_phrase_is_coded(
    pipeline: Pipeline, text: str, code: str, source: tuple[str, ...], target: tuple[str, ...] | None
) -> None:
    events = events_of(pipeline, text)
    found = [e for e in events if e.cameo.startswith(code)]
    assert found, [(e.cameo, e.source, e.target) for e in events]
    event = found[0]
    assert set(event.source) == set(source)
    if target is not None:
        assert event.target == target


@pytest.mark.slow
def test_pattern_words_do_not_double_code(pipeline: Pipeline) -> None:
    """``break off relations`` is one 161 event; the noun ``relations`` is no event of its own."""
    events = events_of(pipeline, "Chad broke off diplomatic relations with Niger.")
    assert [e.cameo for e in events] == ["161"]
    assert events[0].target == ("NER",)


@pytest.mark.slow
def test_arriving_somewhere_is_not_hosting(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The Danish minister arrived in Finland on Monday.")
    assert [e.cameo for e in events] == ["042"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Iraq declared a cease-fire with Iran.", "0871"),
        ("Israel violated the cease-fire with Lebanon.", "196"),
    ],
)
def test_hyphenated_ceasefire_is_coded(pipeline: Pipeline, text: str, code: str) -> None:
    """``cease-fire`` is parsed as ``cease`` + ``fire``: the pattern words carry it, and the
    plain ``fire`` rows (``fired at``) do not turn it into an attack."""
    events = events_of(pipeline, text)
    assert [e.cameo for e in events] == [code]
