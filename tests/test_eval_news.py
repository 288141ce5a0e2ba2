"""``dateline eval news``: the product owner's whole-story rules on hand-built gold and predictions,
and a gate on the VOA and Wikinews dev gold (``shared/data``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.cli import main
from dateline.errors import DatelineError
from dateline.evaluation.news import CorpusReport, evaluate_corpora
from dateline.evaluation.news_gold import (
    GoldEvent,
    GoldQuote,
    GoldStory,
    actor_prefix,
    corpus_name,
    half_of,
    occurrences,
    read_gold,
    stories_folder,
)
from dateline.evaluation.news_listing import story_listing
from dateline.evaluation.news_match import (
    NO_CANDIDATE,
    NO_OVERLAP,
    RIGHT,
    SMALL_OVERLAP,
    UNRESOLVED,
    WRONG_SPEAKER,
    WRONG_TARGET,
    WRONG_TYPE,
    event_verdict,
    match_quotes,
    score_story,
    speaker_right,
)
from dateline.evaluation.news_names import surnames
from dateline.pipeline import Pipeline
from dateline.records import Event, Quote, Span, Speaker
from dateline.settings import Settings

COUNTRIES = frozenset({"USA", "RUS", "CHN", "FRA", "IRQ"})


def quote(
    text: str,
    body: str,
    *,
    kind: str = "direct",
    name: str | None = None,
    actor: str | None = None,
    mention: str | None = None,
) -> Quote:
    """Our quote over the first place ``text`` occurs in ``body``."""
    start = body.index(text)
    span = None
    if mention is not None:
        at = body.index(mention)
        span = Span(at, at + len(mention), mention)
    speaker = Speaker(name, actor) if name is not None else None
    return Quote(text, start, start + len(text), kind, None, span, speaker, reason="test")


def event(
    trigger: str,
    body: str,
    *,
    cameo: str,
    plover: str | None = None,
    source: tuple[str, ...] = (),
    target: tuple[str, ...] = (),
) -> Event:
    start = body.index(trigger)
    span = Span(start, start + len(trigger), trigger)
    return Event(
        cameo,
        "",
        None,
        None,
        {"type": plover} if plover else None,
        source,
        target,
        None,
        None,
        (),
        span,
        Span(0, len(body), body),
    )


def gold_quote(
    text: str,
    *,
    kind: str = "direct",
    speaker: str = "Vladimir Putin",
    country: str | None = "RUS",
    person: bool = True,
    organisation: bool = False,
) -> GoldQuote:
    return GoldQuote(text, kind, speaker, country, surnames(speaker, country) if person else (), organisation)


def gold_event(
    text: str,
    *,
    plover: str = "ACCUSE",
    root: str = "11",
    source: str | None = "USA",
    target: str | None = "RUS",
) -> GoldEvent:
    return GoldEvent(text, plover, root, actor_prefix(source, COUNTRIES), actor_prefix(target, COUNTRIES))


def ranges(body: str, *texts: str) -> list[tuple[tuple[int, int], ...]]:
    return [occurrences(body, t) for t in texts]


def our_ranges(body: str, *texts: str) -> list[tuple[tuple[int, int], ...]]:
    return [occurrences(body, t)[:1] for t in texts]


BODY = (
    'Putin said the talks were over. "We will not accept this deal at all, whatever they offer," he told '
    "reporters on Monday, adding that Moscow would answer in kind."
)


# quotes: which of ours finds a gold quote


def test_quote_found_when_overlap_is_half_of_both() -> None:
    gold = (gold_quote("the talks were over", kind="indirect"),)
    assert match_quotes(
        gold, ranges(BODY, "the talks were over"), our_ranges(BODY, "said the talks were over")
    ) == {0: 0}


def test_indirect_quote_inside_a_much_longer_span_is_not_found() -> None:
    gold = (gold_quote("the talks were over", kind="indirect"),)
    long = BODY[: BODY.index("whatever")]
    assert match_quotes(gold, ranges(BODY, "the talks were over"), [((0, len(long)),)]) == {}


def test_direct_partial_quotation_covered_by_our_clause_is_found() -> None:
    gold = (gold_quote("We will not accept this deal at all"),)
    clause = 'We will not accept this deal at all, whatever they offer," he told reporters on Monday'
    assert match_quotes(gold, ranges(BODY, gold[0].text), our_ranges(BODY, clause)) == {0: 0}


def test_direct_cover_needs_nine_tenths_of_the_gold_quote() -> None:
    text = "We will not accept this deal at all, whatever they offer"
    gold = (gold_quote(text),)
    start = BODY.index(text)
    # ours runs on to the end of the story: the gold quote is well under half of it
    nearly = [((start + len(text) // 20, len(BODY)),)]  # drops the first 5% of the gold quote
    half = [((start + len(text) // 5, len(BODY)),)]  # drops the first 20%
    assert match_quotes(gold, ranges(BODY, text), nearly) == {0: 0}
    assert match_quotes(gold, ranges(BODY, text), half) == {}
    assert match_quotes((gold_quote(text, kind="indirect"),), ranges(BODY, text), nearly) == {}


def test_one_quote_of_ours_finds_one_gold_quote_only() -> None:
    first, second = "We will not accept this deal at all", "whatever they offer"
    gold = (gold_quote(first), gold_quote(second))
    ours = our_ranges(BODY, "We will not accept this deal at all, whatever they offer")
    assert match_quotes(gold, ranges(BODY, first, second), ours) == {0: 0}


def test_quote_marks_and_trailing_comma_of_ours_do_not_count_against_the_match() -> None:
    gold_text = "We will not accept this deal at all, whatever they offer"
    ours = quote('"' + gold_text + ',"', BODY)
    verdict = score_story(
        GoldStory("s.txt", "even", (gold_quote(gold_text, kind="indirect"),), ()), BODY, (ours,), ()
    )
    assert verdict.quotes[0].match == 0


def test_missed_quote_says_whether_anything_of_ours_overlapped() -> None:
    gold = (
        gold_quote("Moscow would answer in kind", kind="indirect"),
        gold_quote("the talks were over", kind="indirect"),
    )
    ours = (quote("that Moscow would answer in kind", BODY, kind="indirect"),)
    shrunk = (quote("Moscow", BODY, kind="indirect"),)
    verdict = score_story(GoldStory("s.txt", "even", gold, ()), BODY, shrunk, ())
    assert [q.cause for q in verdict.quotes] == [SMALL_OVERLAP, NO_OVERLAP]
    assert score_story(GoldStory("s.txt", "even", gold, ()), BODY, ours, ()).quotes[0].match == 0


def test_our_unmatched_quotes_are_counted() -> None:
    gold = (gold_quote("the talks were over", kind="indirect"),)
    ours = (quote("the talks were over", BODY, kind="indirect"), quote("Moscow would answer in kind", BODY))
    assert score_story(GoldStory("s.txt", "odd", gold, ()), BODY, ours, ()).unmatched_quotes == 1


# quotes: the speaker


def test_person_is_right_by_surname_in_our_speaker_or_mention() -> None:
    gold = gold_quote("x")
    assert speaker_right(gold, quote("talks", BODY, name="Vladimir Putin", actor="RUSGOV"))
    assert speaker_right(gold, quote("talks", BODY, mention="Putin"))
    assert not speaker_right(gold, quote("talks", BODY, name="Sergey Lavrov", actor="RUSGOV", mention="he"))


def test_surname_folds_accents_and_allows_one_letter_of_spelling() -> None:
    body = "Erdoğan spoke; Zelenskyy spoke; Lam spoke."
    assert speaker_right(
        gold_quote("x", speaker="Recep Tayyip Erdogan"), quote("spoke", body, mention="Erdoğan")
    )
    assert speaker_right(
        gold_quote("x", speaker="Volodymyr Zelensky"), quote("spoke", body, mention="Zelenskyy")
    )
    assert not speaker_right(
        gold_quote("x", speaker="Jimmy Lai", country="CHN"), quote("spoke", body, mention="Lam")
    )


def test_surname_article_and_family_name_first() -> None:
    body = "Sudani spoke; Sun spoke."
    assert speaker_right(
        gold_quote("x", speaker="Mohammed Shia al-Sudani", country="IRQ"),
        quote("spoke", body, mention="Sudani"),
    )
    assert speaker_right(
        gold_quote("x", speaker="Sun Lijun", country="CHN"), quote("spoke", body, mention="Sun")
    )
    assert not speaker_right(
        gold_quote("x", speaker="Sun Lijun", country="USA"), quote("spoke", body, mention="Sun")
    )


def test_body_is_right_by_country_prefix_or_organisation_code() -> None:
    ministry = gold_quote("x", speaker="Russian Foreign Ministry", person=False)
    assert speaker_right(ministry, quote("talks", BODY, name="Russian Foreign Ministry", actor="RUSGOVFOR"))
    assert not speaker_right(ministry, quote("talks", BODY, name="State Department", actor="USAGOV"))
    assert not speaker_right(ministry, quote("talks", BODY, mention="he"))
    un = gold_quote("x", speaker="United Nations", country="UNO", person=False, organisation=True)
    assert speaker_right(un, quote("talks", BODY, name="United Nations", actor="IGOUNO"))


def test_joint_speaker_without_country_accepts_whatever_we_give() -> None:
    analysts = gold_quote("x", speaker="analysts", country=None, person=False)
    assert speaker_right(analysts, quote("talks", BODY))


def test_found_quote_with_unresolved_mention_is_reported_as_such() -> None:
    gold = GoldStory("s.txt", "odd", (gold_quote("the talks were over", kind="indirect"),), ())
    named = quote("the talks were over", BODY, kind="indirect", mention="Putin")
    pronoun = quote("the talks were over", BODY, kind="indirect", mention="he")
    assert score_story(gold, BODY, (named,), ()).quotes[0].speaker_right
    verdict = score_story(gold, BODY, (pronoun,), ()).quotes[0]
    assert (verdict.match, verdict.speaker_right, verdict.cause) == (0, False, UNRESOLVED)


# events


EVENTS_BODY = "Washington condemned Moscow on Monday. Russia struck the city of Kyiv overnight."


def test_event_type_right_by_plover_or_cameo_root() -> None:
    gold = gold_event("Washington condemned Moscow")
    by_plover = event(
        "condemned", EVENTS_BODY, cameo="120", plover="ACCUSE", source=("USAGOV",), target=("RUS",)
    )
    by_root = event("condemned", EVENTS_BODY, cameo="112", source=("USAGOV",), target=("RUS",))
    wrong = event(
        "condemned", EVENTS_BODY, cameo="042", plover="CONSULT", source=("USAGOV",), target=("RUS",)
    )
    place = occurrences(EVENTS_BODY, gold.text)
    assert event_verdict(gold, place, (by_plover,)).cause == RIGHT
    assert event_verdict(gold, place, (by_root,)).actors_right
    assert event_verdict(gold, place, (wrong,)).cause == WRONG_TYPE


def test_event_candidates_need_a_trigger_on_the_gold_text() -> None:
    gold = gold_event("Washington condemned Moscow")
    elsewhere = event("struck", EVENTS_BODY, cameo="112", source=("USAGOV",), target=("RUS",))
    verdict = event_verdict(gold, occurrences(EVENTS_BODY, gold.text), (elsewhere,))
    assert verdict.cause == NO_CANDIDATE
    assert not verdict.type_right


def test_source_and_target_must_be_right_on_the_same_candidate() -> None:
    gold = gold_event("Washington condemned Moscow")
    place = occurrences(EVENTS_BODY, gold.text)
    source_only = event("condemned", EVENTS_BODY, cameo="111", source=("USAGOV",), target=())
    target_only = event("Washington condemned", EVENTS_BODY, cameo="111", source=("FRA",), target=("RUSGOV",))
    verdict = event_verdict(gold, place, (source_only, target_only))
    assert (verdict.type_right, verdict.source_right, verdict.actors_right) == (True, True, False)
    assert verdict.cause == WRONG_TARGET


def test_null_gold_target_accepts_an_empty_target_and_organisations_take_igo() -> None:
    gold = gold_event("Washington condemned Moscow", source="UNO", target=None)
    place = occurrences(EVENTS_BODY, gold.text)
    ours = event("condemned", EVENTS_BODY, cameo="111", source=("IGOUNO",))
    assert event_verdict(gold, place, (ours,)).actors_right
    assert not event_verdict(
        gold, place, (event("condemned", EVENTS_BODY, cameo="111", source=("UNO",)),)
    ).source_right


def test_unmatched_events_are_ours_on_no_gold_text_of_their_type() -> None:
    gold = GoldStory("s.txt", "even", (), (gold_event("Washington condemned Moscow"),))
    ours = (
        event("condemned", EVENTS_BODY, cameo="111"),
        event("condemned", EVENTS_BODY, cameo="042", plover="CONSULT"),
        event("struck", EVENTS_BODY, cameo="190", plover="ASSAULT"),
    )
    assert score_story(gold, EVENTS_BODY, (), ours).unmatched_events == 2


# the report and the gold files


def test_halves_add_up_to_all_and_listing_names_the_misses() -> None:
    report = CorpusReport("voa", "gold.jsonl")
    quotes = (gold_quote("the talks were over", kind="indirect"), gold_quote("Moscow would answer in kind"))
    ours = (quote("the talks were over", BODY, kind="indirect", name="Sergey Lavrov", actor="RUSGOV"),)
    for name, half in (("a.txt", "even"), ("b.txt", "odd"), ("c.txt", "odd")):
        report.add(score_story(GoldStory(name, half, quotes, ()), BODY, ours, ()), BODY)
    figures = report.to_json()
    assert figures["all"]["stories"] == figures["even"]["stories"] + figures["odd"]["stories"] == 3
    assert figures["all"]["quotes"]["indirect"]["found"] == 1.0
    assert figures["all"]["quotes"]["indirect"]["speaker_right"] == 0.0
    listing = "\n".join(story_listing(report.verdicts[0], BODY))
    assert "Sergey Lavrov" in listing and "Moscow would answer in kind" in listing
    misses = report.to_json(show=True)["misses"][0]["quotes"]
    assert [m["cause"] for m in misses] == [WRONG_SPEAKER, NO_OVERLAP]
    assert misses[0]["ours"][0]["speaker"]["name"] == "Sergey Lavrov"


def test_half_is_the_parity_of_the_file_hash() -> None:
    import hashlib

    names = [f"{n}.txt" for n in range(40)]
    assert {half_of(n) for n in names} == {"even", "odd"}
    for name in names:
        parity = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 2
        assert half_of(name) == ("even" if parity == 0 else "odd")


def test_missing_stories_folder_is_a_clear_error(tmp_path: Path) -> None:
    gold = tmp_path / "voa" / "gold.jsonl"
    gold.parent.mkdir()
    gold.write_text('{"file": "1.txt", "quotes": [], "events": [], "people": []}\n', encoding="utf-8")
    with pytest.raises(DatelineError) as error:
        stories_folder(gold)
    assert "E024" in str(error.value) and "stories" in str(error.value)
    assert corpus_name(gold) == "voa"


def test_other_tasks_refuse_news_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "ner", "--gold", "a.conll", "--gold", "b.conll"]) == 2
    assert "one --gold" in capsys.readouterr().err


def test_gold_files_read_with_people_and_organisations(shared_data: Path) -> None:
    for corpus in ("voa", "wikinews"):
        stories = read_gold(shared_data / corpus / "gold.jsonl", COUNTRIES | {"TUR", "GBR", "DEU"})
        assert {s.half for s in stories} == {"even", "odd"}
        assert any(q.surnames for s in stories for q in s.quotes)
        assert all(q.kind in ("direct", "indirect") for s in stories for q in s.quotes)


# the gate: both dev corpora, whole (about 20 s of CPU)

#: measured when pinned (session 3, after the cast, the quote split and the event rounds): VOA direct
#: speaker 0.736, indirect 0.683, events 0.450 / 0.371 / 0.264; Wikinews 0.692 / 0.604 / 0.396 / 0.310 /
#: 0.196 (docs/evaluation.md; before the cast: VOA 0.597 / 0.635 / 0.352 / 0.261 / 0.166)
FLOORS = {
    "voa": {"direct": 0.77, "indirect": 0.72, "type_right": 0.44, "source_right": 0.38, "actors_right": 0.25},
    "wikinews": {
        "direct": 0.73,
        "indirect": 0.69,
        "type_right": 0.40,
        "source_right": 0.34,
        "actors_right": 0.22,
    },
}


@pytest.mark.slow
@pytest.mark.shared
def test_whole_story_figures_stay_above_floors(shared_data: Path, pipeline: Pipeline) -> None:
    golds = [shared_data / corpus / "gold.jsonl" for corpus in FLOORS]
    report = evaluate_corpora(golds, Settings(), pipeline=pipeline).to_json()
    for corpus, floors in FLOORS.items():
        figures = report["corpora"][corpus]["all"]
        assert figures["failures"] == 0
        assert figures["events"]["gold_not_in_text"] == 0
        for kind in ("direct", "indirect"):
            assert figures["quotes"][kind]["gold_not_in_text"] == 0
            assert figures["quotes"][kind]["speaker_right"] >= floors[kind], (corpus, kind, figures["quotes"])
        for name in ("type_right", "source_right", "actors_right"):
            assert figures["events"][name] >= floors[name], (corpus, name, figures["events"])
