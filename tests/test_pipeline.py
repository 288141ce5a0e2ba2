"""End to end: the seed story through the real pipeline (issue #2's acceptance checks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.pipeline import Pipeline
from dateline.reading import read_inputs
from dateline.records import Problem, StoryResult

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline, seed_path: Path) -> StoryResult:
    outcomes = list(pipeline.process(read_inputs([str(seed_path)], pipeline.settings)))
    assert len(outcomes) == 1
    result = outcomes[0]
    assert isinstance(result, StoryResult), result
    return result


def test_seed_metadata(seed: StoryResult) -> None:
    story = seed.story
    assert story.published is not None and story.published.isoformat() == "2021-12-15"
    assert story.dateline is not None
    assert story.dateline.place == "Beijing"
    assert story.dateline.agency == "TASS"
    assert story.dateline.country == "CHN"
    assert story.text[story.dateline.start : story.dateline.end] == story.dateline.text
    assert story.source == "TASS"


def test_seed_repairs_split_words_only(seed: StoryResult) -> None:
    joined = {(r.before, r.after) for r in seed.story.repairs if r.kind == "hyphen"}
    assert {("ag-ainst", "against"), ("Ch-ina", "China"), ("t-he", "the"), ("hu-man", "human")} <= joined
    for compound in ("Russian-Chinese", "Asia-Pacific"):
        assert compound in seed.story.clean_text
    for repair in seed.story.repairs:
        assert seed.story.text[repair.start : repair.end] == repair.before


def test_seed_people_have_actor_codes(seed: StoryResult) -> None:
    people = {e.text: e.actor for e in seed.entities if e.label == "PERSON"}
    assert people.get("Xi Jinping") == "CHNGOV"
    assert people.get("Vladimir Putin") == "RUSGOV"
    assert people.get("Yuri Ushakov") == "RUSGOV"


def test_seed_actors_and_organisations(seed: StoryResult) -> None:
    codes = {actor.code for actor in seed.actors}
    assert {"CHNGOV", "RUSGOV"} <= codes
    organisations = {e.text: e.actor for e in seed.entities if e.actor and e.actor.startswith("IGO")}
    assert any("SCO" in text or "Shanghai" in text for text in organisations)
    assert any("Collective Security" in text or "CSTO" in text for text in organisations)


def test_every_span_points_into_the_original_text(seed: StoryResult) -> None:
    text = seed.story.text
    for entity in seed.entities:
        assert text[entity.start : entity.end] == entity.text
    for actor in seed.actors:
        for start, end in actor.mentions:
            assert 0 <= start < end <= len(text)
    for quote in seed.quotes:
        assert text[quote.start : quote.end] == quote.text
    for event in seed.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_problems_do_not_stop_the_batch(pipeline: Pipeline, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("WASHINGTON (Reuters) - The senator said the bill would pass.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    outcomes = list(pipeline.process(read_inputs([str(tmp_path)], pipeline.settings)))
    assert sum(isinstance(o, StoryResult) for o in outcomes) == 1
    problems = [o for o in outcomes if isinstance(o, Problem)]
    assert len(problems) == 1 and "empty.txt" in problems[0].origin.path


def test_new_words_do_not_stay_in_the_vocabulary(pipeline: Pipeline) -> None:
    from dateline.records import Origin, RawStory

    strings = pipeline.context.nlp.vocab.strings
    before = len(strings)
    text = "The Zorbulanian envoy Qwixtor Blemmings met officials of Vrantovia on Tuesday."
    outcome = pipeline.process_one(RawStory(id="novel", text=text, origin=Origin("inline")))
    assert isinstance(outcome, StoryResult)
    assert any("Blemmings" in e.text for e in outcome.entities)
    assert len(strings) == before  # a long run keeps flat memory (spaCy memory zones)


def test_the_dateline_is_not_the_first_sentence_s_subject(pipeline: Pipeline) -> None:
    doc = pipeline.context.nlp("OSLO (Reuters) - Norway and Sweden will hold talks with Finland next week.")
    first_words = [sent[0].text for sent in doc.sents]
    assert "Norway" in first_words
    subjects = {t.text for t in doc if t.dep_ in {"nsubj", "nsubjpass"}}
    assert "OSLO" not in subjects


def test_the_process_command_imports_no_server_store_or_web_readers() -> None:
    # issue #15: start-up is paid by every `dateline process`; these are imported only when used
    import subprocess
    import sys

    code = (
        "import sys, dateline.cli, dateline.processing, dateline.reading; "
        "dateline.cli._parser(); print(' '.join(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {name.split(".")[0] for name in done.stdout.split()}
    unwanted = {"fastapi", "uvicorn", "duckdb", "pyarrow", "ray", "trafilatura", "feedparser", "warcio"}
    assert not loaded & unwanted
