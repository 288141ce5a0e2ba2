"""The DuckDB store: schema, idempotence, bulk path, export, summary and errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from dateline.errors import DatelineError
from dateline.records import (
    Entity,
    Origin,
    RawStory,
    StoryResult,
)
from dateline.store import TABLES, Store, export_store, summarize_store
from dateline.store.export import export_jsonl
from dateline.store.rows import CLUSTER_TABLES, period_start

from .helpers.results import TEXT, make_result, without_cast


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


def table_counts(path: Path) -> dict[str, int]:
    with Store.open(path, read_only=True) as store:
        return {table: store.count(table) for table in TABLES}


def test_round_trip_rebuilds_the_contract_json(db: Path) -> None:
    result = make_result()
    with Store.open(db) as store:
        assert store.add(result)
        stored = store.get("s1")
    assert stored is not None
    assert stored.to_json() == result.to_json()
    assert stored == result  # provenance fields outside the contract survive too


def test_every_stored_span_indexes_the_text(db: Path) -> None:
    with Store.open(db) as store:
        store.add(make_result())
        con = store.connection
        text = con.execute("SELECT text FROM stories").fetchall()[0][0]
        for table in ("entities", "quotes"):
            rows = con.execute(f"SELECT text, start_char, end_char FROM {table}").fetchall()
            for value, start, end in rows:
                assert text[start:end] == value
        query = "SELECT trigger_text, trigger_start, trigger_end FROM events"
        for value, start, end in con.execute(query).fetchall():
            assert text[start:end] == value


def test_same_story_twice_is_stored_once(db: Path) -> None:
    with Store.open(db) as store:
        assert store.add(make_result())
        first = store.connection.execute("SELECT stored_at FROM stories").fetchall()
        assert not store.add(make_result())
        assert store.connection.execute("SELECT stored_at FROM stories").fetchall() == first
    counts = table_counts(db)
    assert counts == {
        "stories": 1,
        "repairs": 1,
        "entities": 3,
        "actors": 2,
        "quotes": 2,
        "events": 2,
        "cast_members": 3,
        "cast_mentions": 4,
        "places": 2,
    }


def test_rerun_in_a_new_session_adds_nothing(db: Path) -> None:
    results = [make_result(f"s{i}") for i in range(5)]
    with Store.open(db) as store:
        assert store.add_many(results) == 5
    before = table_counts(db)
    with Store.open(db) as store:
        assert store.add_many(results) == 0
    assert table_counts(db) == before


def test_changed_story_replaces_the_old_version_whole(db: Path) -> None:
    old = make_result()
    new = dataclasses.replace(old, entities=old.entities[:1], events=(), quotes=old.quotes[1:])
    with Store.open(db) as store:
        store.add(old)
        assert store.add(new)
        assert store.get("s1") == new
    counts = table_counts(db)
    assert (counts["stories"], counts["entities"], counts["events"], counts["quotes"]) == (1, 1, 0, 1)


def test_last_result_for_an_id_wins_within_a_batch(db: Path) -> None:
    first = make_result("dup", published="2020-01-01")
    second = make_result("dup", published="2021-01-01")
    with Store.open(db) as store:
        assert store.add_many([first, make_result("other"), second]) == 2
        stored = store.get("dup")
    assert stored is not None and stored.story.published == dt.date(2021, 1, 1)


def test_failed_batch_is_rolled_back_whole(db: Path) -> None:
    good = make_result("a")
    bad_entity = Entity(None, "GPE", 0, 4)  # type: ignore[arg-type]  # violates NOT NULL on purpose
    bad = dataclasses.replace(make_result("b"), entities=(bad_entity,))
    changed = dataclasses.replace(good, entities=())
    with Store.open(db) as store:
        store.add(good)
        with pytest.raises(DatelineError) as caught:
            store.add_many([changed, bad])
        assert caught.value.code == "E013"
        assert store.get("a") == good
        assert store.get("b") is None


def test_hostile_strings_are_stored_as_values(db: Path) -> None:
    hostile = "x'); DROP TABLE stories; --"
    result = make_result(hostile)
    with Store.open(db) as store:
        store.add(result)
        assert store.ids() == [hostile]
        assert store.get(hostile) == result


def test_event_columns_support_queries_by_actor_date_and_code(db: Path) -> None:
    with Store.open(db) as store:
        store.add(make_result())
        con = store.connection
        rows = con.execute(
            "SELECT cameo, root_code, date, plover_type, plover_context FROM events ORDER BY seq"
        ).fetchall()
        assert rows[0] == ("040", "04", dt.date(2024, 3, 4), "CONSULT", ["diplomatic"])
        assert rows[1][:4] == ("0233", "02", dt.date(2024, 3, 1), None)
        dyads = con.execute(
            "SELECT seq, source_actor, target_actor FROM event_dyads ORDER BY seq, target_actor NULLS LAST"
        ).fetchall()
        assert dyads == [(0, "NORGOV", "SWEELI"), (0, "NORGOV", "SWEGOV"), (1, "NORGOV", None)]
        query = "SELECT count(*) FROM events WHERE list_contains(target, ?)"
        hits = con.execute(query, ["SWEGOV"]).fetchall()
        assert hits == [(1,)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-15", dt.date(2021, 12, 15)),
        ("2021-12-15T08:00:00", dt.date(2021, 12, 15)),
        ("2021-12", dt.date(2021, 12, 1)),
        ("2021", dt.date(2021, 1, 1)),
        ("last week", None),
        ("2021-13-01", None),
        (None, None),
    ],
)
def test_event_dates_sort_by_the_first_day_of_their_period(
    value: str | None, expected: dt.date | None
) -> None:
    assert period_start(value) == expected


def test_parquet_export_writes_one_file_per_table(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:
        store.add_many([make_result("a"), make_result("b")])
    out = tmp_path / "parquet"
    assert export_store(db, fmt="parquet", out=out) == 2
    assert sorted(p.stem for p in out.glob("*.parquet")) == sorted((*TABLES, *CLUSTER_TABLES))
    assert pq.read_table(out / "events.parquet").num_rows == 4
    stories = pq.read_table(out / "stories.parquet").to_pylist()
    assert [row["id"] for row in stories] == ["a", "b"]
    assert json.loads(stories[0]["metadata"]) == make_result().story.metadata


def test_jsonl_export_equals_the_processed_json(db: Path, tmp_path: Path) -> None:
    results = [make_result(name) for name in ("b", "a", "c")]
    with Store.open(db) as store:
        store.add_many(results)
    out = tmp_path / "out.jsonl"
    assert export_store(db, fmt="jsonl", out=out) == 3
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert exported == [r.to_json() for r in sorted(results, key=lambda r: r.story.id)]


def test_jsonl_export_to_stdout(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db) as store:
        store.add(make_result())
    assert export_store(db, fmt="jsonl", out="-") == 1
    assert json.loads(capsys.readouterr().out) == make_result().to_json()


def test_export_streams_more_stories_than_one_read_chunk(db: Path) -> None:
    results = [make_result(f"s{i:04d}") for i in range(1201)]
    with Store.open(db) as store:
        store.add_many(results)
        stream = io.StringIO()
        assert export_jsonl(store, stream) == 1201
    assert stream.getvalue().count("\n") == 1201


def test_summary_reads_well(db: Path) -> None:
    with Store.open(db) as store:
        store.add_many([make_result("first", published="2024-01-02"), make_result("second")])
    text = summarize_store(db)
    lines = text.splitlines()
    overview = {line.split()[0]: line.split()[1:] for line in lines[1 : lines.index("")]}
    assert overview["stories"] == ["2", "published", "2024-01-02", "to", "2024-03-04"]
    assert overview["cast_members"] == ["6"] and overview["cast_mentions"] == ["8"]
    actor_line = next(line for line in lines if line.strip().startswith("NORGOV"))
    assert actor_line.split()[-2:] == ["4", "2"]  # 2 mentions in each of 2 stories
    assert any(line.split()[:2] == ["040", "Consult"] for line in lines)
    story_lines = [line for line in lines if line.strip().startswith(("first", "second"))]
    assert [line.split()[0] for line in story_lines] == ["first", "second"]
    header = next(line for line in lines if line.split()[:2] == ["id", "published"])
    assert header.split()[3:] == ["entities", "actors", "cast", "quotes", "events"]
    assert story_lines[0].split()[1:] == ["2024-01-02", "Oslo", "(Wire)", "3", "2", "3", "2", "2"]
    assert "\x1b" not in text


def test_summary_of_an_empty_store(db: Path) -> None:
    Store.open(db).close()
    text = summarize_store(db)
    assert "no published dates" in text
    assert "(none)" in text


def assert_e013(path: Path, *, read_only: bool = False) -> str:
    with pytest.raises(DatelineError) as caught:
        Store.open(path, read_only=read_only)
    assert caught.value.code == "E013"
    return str(caught.value)


def test_a_file_that_is_not_duckdb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("just some text, not a database\n" * 100, encoding="utf-8")
    assert "not a DuckDB database file" in assert_e013(path)


def test_a_missing_file_is_refused_for_reading(tmp_path: Path) -> None:
    assert "no such file" in assert_e013(tmp_path / "absent.duckdb", read_only=True)
    with pytest.raises(DatelineError):
        summarize_store(tmp_path / "absent.duckdb")


def test_a_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE stuff (x INTEGER)")
    con.close()
    assert "not a Dateline store" in assert_e013(path)


def test_a_store_of_another_schema_version_is_refused(db: Path) -> None:
    from dateline.store import SCHEMA_VERSION

    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE schema_version SET version = version + 1")
    con.close()
    assert f"schema version {SCHEMA_VERSION + 1}" in assert_e013(db)


def test_a_store_locked_by_another_process_is_refused(db: Path) -> None:
    Store.open(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
            " sys.stdin.read()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        assert "locked" in assert_e013(db)
    finally:
        holder.communicate("", timeout=30)


@pytest.mark.slow
def test_pipeline_result_round_trips_through_the_store(pipeline: object, db: Path, tmp_path: Path) -> None:
    from dateline.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    raw = RawStory(
        "e2e",
        "PARIS (Wire): French President Emmanuel Macron met German officials in Berlin on Tuesday.",
        Origin("inline"),
        published=dt.date(2024, 5, 7),
        source="Wire",
    )
    result = pipeline.process_one(raw)
    assert isinstance(result, StoryResult)
    with Store.open(db) as store:
        store.add(result)
        store.add(result)
    out = tmp_path / "e2e.jsonl"
    assert export_store(db, fmt="jsonl", out=out) == 1
    assert json.loads(out.read_text(encoding="utf-8")) == result.to_json()
    assert table_counts(db)["entities"] == len(result.entities) > 0


def test_writer_buffers_single_results_into_batches(db: Path) -> None:
    with Store.open(db) as store:
        with store.writer(batch_size=3) as writer:
            for i in range(7):
                writer.add(make_result(f"w{i}"))
                if i == 1:
                    assert store.count("stories") == 0  # still buffered
                if i == 2:
                    assert store.count("stories") == 3  # first batch written
        assert writer.written == 7
        assert store.count("stories") == 7


def documented_queries() -> list[tuple[str, list[str]]]:
    """The ```sql blocks of docs/storage.md with their ``-- params:`` line."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "storage.md").read_text(encoding="utf-8")
    blocks = [part.split("```", 1)[0] for part in doc.split("```sql\n")[1:]]
    queries = []
    for block in blocks:
        first, _, query = block.partition("\n")
        assert first.startswith("-- params:"), block
        queries.append((query, json.loads(first.removeprefix("-- params:"))))
    return queries


def test_documented_queries_run_and_find_rows(db: Path) -> None:
    queries = documented_queries()
    assert len(queries) >= 3
    with Store.open(db) as store:
        store.add(make_result())
        for query, params in queries:
            assert store.connection.execute(query, params).fetchall(), query


def downgrade(db: Path, version: int) -> None:
    """Make a store look as the given older schema version wrote it (its rows stay)."""
    with duckdb.connect(str(db)) as con:
        con.execute("DROP VIEW event_dyads")
        for index in ("quotes_story", "quotes_speaker", "events_story", "events_cameo", "events_date"):
            con.execute(f"DROP INDEX {index}")
        for table in ("cast_members", "cast_mentions"):
            con.execute(f"DROP TABLE {table}")
        for table, column in (
            ("quotes", "speaker_cast"),
            ("quotes", "via_cast"),
            ("events", "source_cast"),
            ("events", "target_cast"),
            *([("events", "reciprocal")] if version < 2 else []),
        ):
            con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [version])


def test_cast_rows_point_into_the_text_and_join_to_quotes_and_events(db: Path) -> None:
    with Store.open(db) as store:
        store.add(make_result())
        con = store.connection
        text = con.execute("SELECT text FROM stories").fetchall()[0][0]
        mentions = con.execute("SELECT text, start_char, end_char FROM cast_mentions").fetchall()
        assert len(mentions) == 4
        for value, start, end in mentions:
            assert text[start:end] == value
        speakers = con.execute(
            "SELECT m.name, m.kind FROM quotes AS q JOIN cast_members AS m"
            " ON m.story_id = q.story_id AND m.member_id = q.speaker_cast"
        ).fetchall()
        assert speakers == [("Prime Minister", "person")]
        targets = con.execute(
            "SELECT e.seq, m.actor FROM events AS e, unnest(e.target_cast) AS t(id)"
            " JOIN cast_members AS m ON m.story_id = e.story_id AND m.member_id = t.id"
        ).fetchall()
        assert targets == [(0, "SWE")]
        per_member = con.execute(
            "SELECT m.member_id, count(*) FROM cast_members AS m JOIN cast_mentions AS x"
            " ON x.story_id = m.story_id AND x.member_seq = m.seq GROUP BY ALL ORDER BY 1"
        ).fetchall()
        assert per_member == [("c1", 2), ("c2", 1), ("c3", 1)]


def test_a_version_2_store_is_upgraded_in_place_and_keeps_its_stories(db: Path) -> None:
    from dateline.store import SCHEMA_VERSION

    with Store.open(db) as store:
        store.add(make_result("old"))
    downgrade(db, 2)  # a version-2 store kept the story but not its cast
    with pytest.raises(DatelineError, match="upgrade"):
        Store.open(db, read_only=True)
    with Store.open(db) as store:
        # rows stored before the cast read back with no cast ids
        assert store.get("old") == without_cast(make_result("old"))
        # and re-processing the same story stores its cast, although its JSON is unchanged
        assert store.add(make_result("old"))
        assert store.get("old") == make_result("old")
        assert not store.add(make_result("old"))
        assert store.add(make_result("new"))
        assert store.count("cast_members") == 6
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] == SCHEMA_VERSION
        dyads = con.execute("SELECT count(*) FROM event_dyads").fetchall()[0][0]
    assert dyads == 6  # the view is back: 3 dyads per story


def test_a_version_1_store_is_upgraded_when_opened_for_writing(tmp_path: Path) -> None:
    from dateline.store import SCHEMA_VERSION

    db = tmp_path / "old.duckdb"
    with Store.open(db):
        pass
    downgrade(db, 1)
    with pytest.raises(DatelineError, match="upgrade"):
        Store.open(db, read_only=True)
    with Store.open(db):
        pass
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] == SCHEMA_VERSION
        columns = {row[0] for row in con.execute("DESCRIBE events").fetchall()}
    assert {"reciprocal", "source_cast", "target_cast"} <= columns


def test_a_store_without_places_is_upgraded_and_keeps_its_events(tmp_path: Path) -> None:
    db = tmp_path / "v2.duckdb"
    with Store.open(db) as store:
        store.add(make_result())
    with duckdb.connect(str(db)) as con:  # make it look like a store written before places
        con.execute("DROP VIEW event_dyads")
        for index in ("events_story", "events_cameo", "events_date", "places_story"):
            con.execute(f"DROP INDEX {index}")
        con.execute("DROP TABLE places")
        con.execute("ALTER TABLE events DROP COLUMN place_seq")
        con.execute("ALTER TABLE events DROP COLUMN place_precision")
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (2, now()::TIMESTAMP)")
    with Store.open(db) as store:
        (event, _) = store.get("s1").events  # type: ignore[union-attr]
        assert event.place is None and store.count("places") == 0
        store.add(make_result(text=TEXT + " "))
        assert store.get("s1").events[0].place_precision == "dateline"  # type: ignore[union-attr]


def test_an_event_place_round_trips_as_one_of_the_story_places(db: Path) -> None:
    original = make_result()
    with Store.open(db) as store:
        store.add(original)
        back = store.get("s1")
    assert back is not None and back.places == original.places
    assert back.events[0].place is back.places[0] and back.events[0].place_precision == "dateline"
    assert back.to_json() == original.to_json()
