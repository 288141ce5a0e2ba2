"""``dateline eval geo``: the scoring on a hand-made gold file, and the gate on the shared gold."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dateline.evaluation.geo import ACCURATE_KM, Tally, _km, evaluate, half_of
from dateline.pipeline import Pipeline
from dateline.settings import Settings

#: floors on the development share of each corpus, over both halves (measured: docs/places.md);
#: acc@161 over all gold toponyms counts a missed toponym as wrong
FLOORS = {
    "GeoWebNews all": {"recall": 0.78, "acc161_all": 0.73, "acc161_found": 0.92, "precision": 0.93},
    "GeoVirus all": {"recall": 0.88, "acc161_all": 0.70, "acc161_found": 0.78, "precision": 0.80},
}
#: the place stage's CPU time must stay within this share of the pipeline's
MAX_PLACE_SHARE = 0.05


def test_distances_are_great_circle_kilometres() -> None:
    assert _km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.1)
    assert _km(51.5, -0.13, 48.86, 2.35) == pytest.approx(343, abs=2)


def test_a_missed_toponym_counts_against_accuracy_over_all_but_not_among_found() -> None:
    tally = Tally()
    tally.add(None, (None, None))
    tally.add(ACCURATE_KM - 1, ("FRA", "FRA"))
    tally.add(ACCURATE_KM + 1, ("FRA", "DEU"))
    figures = tally.figures()
    assert figures["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["acc161_all"] == pytest.approx(1 / 3, abs=1e-3)
    assert figures["acc161_found"] == pytest.approx(1 / 2)
    assert figures["country_accuracy"] == pytest.approx(1 / 2)


def test_halves_split_by_the_ids_hash() -> None:
    halves = {half_of(f"doc-{n}") for n in range(20)}
    assert halves == {"even", "odd"} and half_of("doc-1") == half_of("doc-1")


@pytest.mark.slow
def test_a_hand_made_gold_file_is_scored(tmp_path: Path, pipeline: Pipeline) -> None:
    text = "Protesters gathered in Paris on Sunday, and more marched in Lyon."
    paris, lyon = text.index("Paris"), text.index("Lyon")
    toponyms = [
        {"start": paris, "end": paris + 5, "text": "Paris", "lat": 48.85, "lon": 2.35},
        {"start": lyon, "end": lyon + 4, "text": "Lyon", "lat": -33.0, "lon": 151.0},  # deliberately wrong
    ]
    gold = tmp_path / "tiny.jsonl.gz"
    with gzip.open(gold, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "t1", "corpus": "Tiny", "text": text, "toponyms": toponyms}) + "\n")
    figures = evaluate(gold, Settings()).to_json()["slices"]["Tiny all"]
    assert figures["recall"] == 1.0 and figures["acc161_all"] == 0.5 and figures["precision"] == 1.0


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("corpus", ["GeoWebNews", "GeoVirus"])
def test_geo_gate_on_the_development_gold(shared_data: Path, corpus: str) -> None:
    report = evaluate(shared_data / "geo" / f"{corpus}.dev.jsonl.gz", Settings())
    figures = report.to_json()
    for name, floors in FLOORS.items():
        if name.startswith(corpus):
            for key, floor in floors.items():
                assert figures["slices"][name][key] >= floor, (name, key, figures["slices"][name])
    assert figures["place_stage_share"] <= MAX_PLACE_SHARE


@pytest.mark.slow
def test_show_misses_lists_missed_and_misplaced_toponyms(tmp_path: Path) -> None:
    text = "Protesters gathered in Paris on Sunday, and more marched in Lyon."
    paris, lyon = text.index("Paris"), text.index("Lyon")
    toponyms = [
        {"start": 0, "end": 10, "text": "Protesters", "lat": 0.0, "lon": 0.0},  # deliberately not a place
        {"start": paris, "end": paris + 5, "text": "Paris", "lat": 48.85, "lon": 2.35},
        {"start": lyon, "end": lyon + 4, "text": "Lyon", "lat": -33.0, "lon": 151.0},  # deliberately wrong
    ]
    gold = tmp_path / "tiny.jsonl"
    gold.write_text(json.dumps({"id": "t1", "corpus": "Tiny", "text": text, "toponyms": toponyms}) + "\n")
    half = half_of("t1")
    report = evaluate(gold, Settings(), half=half, show=True)
    kinds = [line.split()[0] for line in report.misses[1:]]
    assert report.misses[0] == f"t1 ({half})" and kinds == ["MISS", "FAR"]
    other = "odd" if half == "even" else "even"
    assert evaluate(gold, Settings(), half=other).articles == 0
