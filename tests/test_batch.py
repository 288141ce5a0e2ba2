"""Batch runs without the model: a stand-in pipeline drives the real shard, manifest and runner code."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dateline.batch import BatchConfig, count_items, run_batch
from dateline.batch.loading import load_shard
from dateline.batch.manifest import as_ranges
from dateline.batch.progress import BatchProgress, LogLines
from dateline.batch.shards import (
    REJECTS_SCHEMA,
    ShardData,
    ShardMeta,
    done_shards,
    read_tables,
    shard_dirs,
    write_shard,
)
from dateline.errors import DatelineError
from dateline.records import Entity, Origin, Story, StoryResult
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.arrow import result_tables, table_schemas, tables_results

from .helpers.batch import FakeEngine


def write_corpus(path: Path, count: int, *, bad_every: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            if bad_every and number % bad_every == 3:
                handle.write('{"id": "broken", "text": \n')
                continue
            fail = " FAIL" if bad_every and number % bad_every == 5 else ""
            record = {"id": f"story-{number:03d}", "text": f"Paris talks number {number}.{fail}"}
            handle.write(json.dumps(record) + "\n")
    return path


def config(corpus: Path, out: Path, **options: object) -> BatchConfig:
    return BatchConfig(inputs=(str(corpus),), out=out, shard_size=4, **options)  # type: ignore[arg-type]


def table(out: Path, name: str) -> list[dict[str, object]]:
    rows = [row for _, path in shard_dirs(out) for row in pq.read_table(path / f"{name}.parquet").to_pylist()]
    for row in rows:
        row.pop("stored_at", None)
    return rows


def test_shards_hold_every_item_once(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 18, bad_every=7)
    report = run_batch(config(corpus, tmp_path / "out"), engine=FakeEngine())
    assert (report.items, report.shards) == (18, 5)
    assert report.balanced and report.rejected == 5  # 3 unreadable lines + 2 failed at 'events'
    ids = [row["id"] for row in table(tmp_path / "out", "stories")]
    assert len(ids) == len(set(ids)) == report.stored
    rejects = [json.loads(line) for line in (tmp_path / "out" / "rejects.jsonl").read_text().splitlines()]
    assert [r["seq"] for r in rejects] == sorted(r["seq"] for r in rejects)
    assert {r["stage"] for r in rejects} == {"read", "events"}
    assert all(r["origin_path"] == str(corpus) for r in rejects)


def test_shard_meta_times_the_work_in_wall_and_cpu_seconds(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 8)
    run_batch(config(corpus, tmp_path / "out"), engine=FakeEngine())
    for _, path in shard_dirs(tmp_path / "out"):
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        assert meta["words"] == 4 * 4  # "Paris talks number N." per story
        assert meta["started"] <= meta["finished"]
        assert meta["cpu_seconds"] >= 0 and meta["seconds"] >= 0


def test_interrupted_batch_resumes_to_the_same_records(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 30, bad_every=9)
    whole = run_batch(config(corpus, tmp_path / "whole"), engine=FakeEngine())
    first = FakeEngine(stop_after=3)
    with pytest.raises(KeyboardInterrupt):
        run_batch(config(corpus, tmp_path / "parts"), engine=first)
    assert done_shards(tmp_path / "parts") == {0, 1, 2}
    second = FakeEngine()
    resumed = run_batch(config(corpus, tmp_path / "parts"), engine=second)
    assert second.processed == [3, 4, 5, 6, 7]  # only what was missing
    assert (resumed.items, resumed.stored, resumed.rejected) == (whole.items, whole.stored, whole.rejected)
    for name in ("stories", "entities", "rejects"):
        assert table(tmp_path / "parts", name) == table(tmp_path / "whole", name)


def test_half_written_shard_is_redone(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 8)
    out = tmp_path / "out"
    run_batch(config(corpus, out), engine=FakeEngine())
    # simulate a kill during the write of shard 1: the files sit in tmp/, the shard folder is absent
    (out / "shards" / "shard-000001").rename(out / "tmp-orphan")
    (out / "tmp").mkdir(exist_ok=True)
    (out / "tmp-orphan").rename(out / "tmp" / "shard-000001.999")
    engine = FakeEngine()
    report = run_batch(config(corpus, out), engine=engine)
    assert engine.processed == [1]
    assert report.stored == 8 and not (out / "tmp").exists()


def test_rerun_adds_nothing_and_loads_the_store_once(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 10, bad_every=6)
    db = tmp_path / "s.duckdb"
    first = run_batch(config(corpus, tmp_path / "out", db=db), engine=FakeEngine())
    engine = FakeEngine()
    again = run_batch(config(corpus, tmp_path / "out", db=db), engine=engine)
    assert engine.processed == []
    assert again.db_written == 0 and first.db_written == first.stored
    with Store.open(db, read_only=True) as store:
        assert store.count("stories") == first.stored
        assert store.count("entities") == first.stored


def test_other_inputs_or_options_are_refused_unless_restarted(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 6)
    out = tmp_path / "out"
    run_batch(config(corpus, out), engine=FakeEngine())
    changed = BatchConfig(inputs=(str(corpus),), out=out, shard_size=5)
    with pytest.raises(DatelineError, match=r"E019.*shard_size"):
        run_batch(changed, engine=FakeEngine())
    write_corpus(corpus, 7)  # the input file itself changed
    with pytest.raises(DatelineError, match=r"E019.*fingerprint"):
        run_batch(config(corpus, out), engine=FakeEngine())
    report = run_batch(config(corpus, out, restart=True), engine=FakeEngine())
    assert report.items == 7 and report.shards == 2


def test_dictionary_options_are_part_of_the_batch(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 6)
    out = tmp_path / "out"
    run_batch(config(corpus, out), engine=FakeEngine())
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- PROTEST [141] ---\nPICKET\n")
    with_verbs = config(corpus, out, settings=Settings(verb_files=(verbs,)))
    with pytest.raises(DatelineError, match=r"E019.*verb_files"):
        run_batch(with_verbs, engine=FakeEngine())


def test_a_manifest_written_before_the_dictionary_fields_still_resumes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 6)
    out = tmp_path / "out"
    run_batch(config(corpus, out), engine=FakeEngine())
    manifest = out / "manifest.json"
    data = json.loads(manifest.read_text())
    for key in ("verb_files", "discard_files", "dictionaries_only"):
        del data["identity"][key]
    manifest.write_text(json.dumps(data))
    assert run_batch(config(corpus, out), engine=FakeEngine()).items == 6


def test_stdin_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatelineError, match="E021"):
        run_batch(BatchConfig(inputs=("-",), out=tmp_path / "out"), engine=FakeEngine())


def test_tables_round_trip_to_results() -> None:
    origin = Origin("x.jsonl", 1, "a")
    story = Story("a", "Paris said.", "Paris said.", (), origin)
    result = StoryResult(story, entities=(Entity("Paris", "GPE", 0, 5),))
    import datetime as dt

    tables = result_tables([result], table_schemas(), stored_at=dt.datetime(2024, 1, 1))
    assert tables_results(tables) == [result]


def test_cast_survives_the_shard_files_and_the_store_load(tmp_path: Path) -> None:
    import datetime as dt

    from .helpers.results import make_result

    results = [make_result("a"), make_result("b")]
    tables = result_tables(results, table_schemas(), stored_at=dt.datetime(2024, 1, 1))
    meta = ShardMeta(index=0, first_seq=0, items=2, stored=2, rejected=0, warnings=0)
    shard = write_shard(tmp_path, ShardData(meta, tables, REJECTS_SCHEMA.empty_table()))
    assert pq.read_table(shard / "cast_mentions.parquet").num_rows == 8
    with Store.open(tmp_path / "s.duckdb") as store:
        assert load_shard(store, tmp_path, 0, shard) == 2
        assert list(store.results()) == results


def test_a_shard_written_before_the_cast_still_loads(tmp_path: Path) -> None:
    import datetime as dt

    from .helpers.results import make_result, without_cast

    tables = result_tables([make_result("a")], table_schemas(), stored_at=dt.datetime(2024, 1, 1))
    meta = ShardMeta(index=0, first_seq=0, items=1, stored=1, rejected=0, warnings=0)
    shard = write_shard(tmp_path, ShardData(meta, tables, REJECTS_SCHEMA.empty_table()))
    for name in ("cast_members", "cast_mentions"):
        (shard / f"{name}.parquet").unlink()
    old_columns = {"quotes": ["speaker_cast", "via_cast"], "events": ["source_cast", "target_cast"]}
    for name, columns in old_columns.items():
        file = shard / f"{name}.parquet"
        pq.write_table(pq.read_table(file).drop_columns(columns), file)
    assert tables_results(read_tables(shard)) == [without_cast(make_result("a"))]


def test_ranges_and_counting(tmp_path: Path) -> None:
    assert as_ranges([5, 0, 1, 2, 7, 6]) == [[0, 2], [5, 7]]
    corpus = write_corpus(tmp_path / "c.jsonl", 11)
    (tmp_path / "wire.txt").write_text("LONDON - A story.\n", encoding="utf-8")
    assert count_items([str(corpus), str(tmp_path / "wire.txt")]) == 12
    assert count_items([str(corpus)], limit_bytes=10) is None


def test_log_lines_report_rate_and_eta(tmp_path: Path) -> None:
    lines: list[str] = []

    class Sink:
        def write(self, text: str) -> None:
            lines.append(text)

        def flush(self) -> None:
            pass

    log = LogLines(Sink(), every=0.0)  # type: ignore[arg-type]
    log(BatchProgress(done=50, total=100, processed=50, stored=40, rejected=10, elapsed=10.0))
    assert "50/100 items" in lines[0] and "5.0 stories/s" in lines[0] and "ETA 0m10s" in lines[0]


def test_ray_engine_without_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail as if not installed
    corpus = write_corpus(tmp_path / "c.jsonl", 3)
    with pytest.raises(DatelineError, match=r"E020.*pip install 'dateline\[ray\]'"):
        run_batch(config(corpus, tmp_path / "out", engine="ray"))
