"""The seed story end to end, an evaluation gate on the dev suites, and the coding-speed budget."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dateline.cleaning import clean_story
from dateline.coding.arguments import Resolver
from dateline.coding.coder import Coder, code_work, load_coder
from dateline.evaluation.events import evaluate
from dateline.pipeline import Pipeline
from dateline.reading import read_inputs
from dateline.records import RawStory, StoryResult
from dateline.repair import offsets_from_repairs
from dateline.settings import Settings
from dateline.work import Work

pytestmark = [pytest.mark.slow, pytest.mark.shared]

#: dev floors, pinned a little under the measured figures (see docs/events.md)
FLOORS = {
    # measured (with the suite's verb dictionary, round 5) 2_02: found 0.706, extras 0.249;
    # plover_gsr round 8: found 0.549, extras 0.356 (round 5: 0.451 / 0.600)
    "petr_validate_2_02": {"found": 0.69, "max_extras": 0.27},
    "plover_gsr": {"found": 0.52, "max_extras": 0.39},
}
#: coding may cost at most this share of the NLP (parse) time
SPEED_BUDGET = 0.10


def _seed(pipeline: Pipeline, seed_path: Path) -> StoryResult:
    raw = next(iter(read_inputs([str(seed_path)], pipeline.settings)))
    result = pipeline.process_one(raw)  # type: ignore[arg-type]
    assert isinstance(result, StoryResult), result
    return result


def _needs_real_registry(pipeline: Pipeline) -> None:
    if pipeline.registry.resolve("Russian President Vladimir Putin", label="PERSON") is None:
        pytest.skip("needs the full actor registry (titles and leaders)")


def test_seed_events_have_provenance(pipeline: Pipeline, seed_path: Path) -> None:
    result = _seed(pipeline, seed_path)
    assert result.events
    for event in result.events:
        assert result.story.text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end


def test_seed_story(pipeline: Pipeline, seed_path: Path) -> None:
    _needs_real_registry(pipeline)
    events = _seed(pipeline, seed_path).events
    consult = [e for e in events if e.cameo.startswith("04") and e.date == "2021-12-15"]
    assert any({"CHNGOV", "RUSGOV"} <= set(e.source) | set(e.target) for e in consult), (
        "video meeting between CHNGOV and RUSGOV"
    )
    assert any(
        e.cameo.startswith("03")
        and e.source[:1]
        and e.source[0].startswith("CHN")
        and any(t.startswith("RUS") for t in e.target)
        for e in events
    ), "intent to cooperate CHN -> RUS"
    assert any(e.cameo.startswith("02") and e.source and e.source[0].startswith("CHN") for e in events), (
        "appeal"
    )
    accuse = [e for e in events if e.cameo[:2] in {"11", "12"} and e.plover and e.plover["type"] == "ACCUSE"]
    assert any(
        e.source[0].startswith("CHN") and "certain forces" in " ".join(s.text for s in e.target_text)
        for e in accuse
    ), "accusation against certain forces"
    future = [e for e in events if e.cameo.startswith("04") and e.date == "2022-02"]
    assert future and "future" in future[0].modality and future[0].date_precision == "month"


def test_dev_floors(shared_data: Path) -> None:
    report = evaluate(shared_data / "event-gold" / "dev.jsonl", Settings()).to_json()["suites"]
    for suite, floor in FLOORS.items():
        assert report[suite]["found"] >= floor["found"], (suite, report[suite])
        assert report[suite]["extras_per_record"] <= floor["max_extras"], (suite, report[suite])
        assert report[suite]["no_events_kept_empty"] >= report[suite]["no_events_records"] - 1


def test_coding_costs_under_a_tenth_of_parsing(pipeline: Pipeline, seed_path: Path) -> None:
    """Time nlp() on the seed against the coder alone on the same parse (best of 5 each)."""
    raw = next(iter(read_inputs([str(seed_path)], pipeline.settings)))
    assert isinstance(raw, RawStory)
    story = clean_story(raw, pipeline.registry)
    nlp = pipeline.context.nlp
    parse = min(_timed(lambda: nlp(story.clean_text)) for _ in range(5))
    doc = nlp(story.clean_text)
    work = Work(story, doc, offsets_from_repairs(story.repairs, len(story.text)))
    coder = load_coder(pipeline.settings.data)
    code = min(
        _timed(lambda: code_work(work, _resolver(doc, pipeline, story.published, coder), coder))
        for _ in range(5)
    )
    assert code <= SPEED_BUDGET * parse, (code, parse)


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _resolver(doc: Doc, pipeline: Pipeline, on: dt.date | None, coder: Coder) -> Resolver:
    """The resolver as the events stage builds it (with the lexicon's place nouns)."""
    return Resolver(
        doc,
        pipeline.registry,
        on,
        place_heads=coder.lexicon.place_heads,
        abstract=frozenset(coder.lexicon.abstract),
        actor_nouns=coder.lexicon.actor_nouns,
    )
