"""``process_paths``: every record stored or reported, and re-runs add nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dateline.pipeline import Pipeline
from dateline.processing import process_paths
from dateline.records import Problem, StoryResult

pytestmark = pytest.mark.slow


def test_every_record_is_stored_or_reported_and_reruns_add_nothing(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    stories = tmp_path / "in.jsonl"
    stories.write_text(
        '{"id": "a", "date": "2023-04-02", "text": "PARIS (AFP) - France and Italy signed a treaty."}\n'
        "this line is not JSON\n"
        '{"id": "b", "date": "sometime", "text": "The minister said talks would go on."}\n'
        '{"id": "c"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "store.duckdb"
    results: list[StoryResult] = []
    problems: list[Problem] = []
    counts = process_paths(
        [str(stories)], pipeline, on_result=results.append, on_problem=problems.append, db=db
    )
    assert (counts.processed, counts.failed, counts.warned) == (2, 2, 1)
    assert counts.ok
    assert sorted(r.story.id for r in results) == ["a", "b"]
    assert {p.code for p in problems} == {"E004", "E005", "E006"}
    again = process_paths(
        [str(stories)], pipeline, on_result=lambda r: None, on_problem=lambda p: None, db=db
    )
    assert again.processed == 2
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM stories").fetchall()[0][0] == 2
