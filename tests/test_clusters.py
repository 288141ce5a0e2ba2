"""Story groups and event clusters: copies counted once, one real-world event one cluster."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pytest

from dateline.cli import main
from dateline.clustering import ClusterSettings, cluster_store
from dateline.clustering import run as cluster_run
from dateline.clustering.inputs import store_inputs
from dateline.errors import DatelineError
from dateline.store import Store
from dateline.store.export import export_jsonl

from .helpers.clusters import BODY, event, place, store_of, story

REWRITE = BODY.replace(
    "Residents reported artillery fire through the night", "Witnesses described shelling until dawn"
)
OTHER = (
    "Trade ministers signed a customs agreement in the capital on Tuesday that removes tariffs "
    "on farm goods, officials launched a joint office to oversee it and said talks would go on."
)


def rows(path: Path, query: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as db:
        return db.execute(query).fetchall()


def groups(path: Path) -> dict[str, str]:
    return dict(rows(path, "SELECT story_id, group_id FROM story_groups"))  # type: ignore[arg-type]


def clusters(path: Path) -> dict[tuple[str, int], str]:
    found = rows(path, "SELECT story_id, seq, cluster_id FROM cluster_members")
    return {(str(s), int(str(q))): str(c) for s, q, c in found}


def test_a_republished_copy_joins_the_earliest_story_as_its_head(tmp_path: Path) -> None:
    db = store_of(
        tmp_path / "s.duckdb",
        [story("later", published="2024-05-08"), story("first"), story("rewrite", REWRITE)],
    )
    cluster_store(db)
    assert groups(db) == {"first": "first", "later": "first", "rewrite": "first"}
    heads = rows(db, "SELECT story_id FROM story_groups WHERE is_head")
    assert heads == [("first",)]


def test_different_stories_and_distant_rewrites_are_not_copies(tmp_path: Path) -> None:
    db = store_of(
        tmp_path / "s.duckdb",
        [story("a"), story("b", OTHER), story("c", REWRITE, published="2024-07-01")],
    )
    cluster_store(db)
    assert groups(db) == {"a": "a", "b": "b", "c": "c"}


def test_short_templates_with_different_headlines_are_not_copies(tmp_path: Path) -> None:
    notice = "Qtly div 10 cts vs 10 cts prior Pay April 30 Record April 21 Reuter"
    db = store_of(
        tmp_path / "s.duckdb",
        [
            story("x", notice, title="ACME CORP SETS QUARTERLY", events=()),
            story("y", notice + " ", title="ZENITH INC SETS PAYOUT", events=()),
        ],
    )
    cluster_store(db)
    assert groups(db) == {"x": "x", "y": "y"}


def test_reports_of_one_event_from_different_agencies_form_one_cluster(tmp_path: Path) -> None:
    army = event(OTHER, source=("SDNGOV",), target=("SDNREB",), trigger="launched")
    db = store_of(
        tmp_path / "s.duckdb",
        [story("afp", source="AFP"), story("ap", OTHER, source="AP", events=(army,))],
    )
    cluster_store(db)
    found = clusters(db)
    assert found[("afp", 0)] == found[("ap", 0)]
    assert rows(db, "SELECT reports, stories, sources, copies FROM event_clusters") == [(2, 2, 2, 0)]


@pytest.mark.parametrize(
    ("change", "joins"),
    [
        ({"target": ("ETHMIL",)}, False),
        ({"cameo": "040", "plover": "CONSULT"}, False),
        ({"modality": ("future",)}, False),
        ({"date": "2024-05-12"}, False),
        ({"date": "2024-05-08"}, True),
        ({"date": "2024-05", "precision": "month"}, True),
        ({"cameo": "193", "plover": "ASSAULT"}, True),
        ({"cameo": "180", "plover": "ASSAULT"}, True),
    ],
)
def test_events_join_when_actors_type_and_dates_agree(
    tmp_path: Path, change: dict[str, object], joins: bool
) -> None:
    other = event(OTHER, **change)  # type: ignore[arg-type]
    db = store_of(tmp_path / "s.duckdb", [story("a"), story("b", OTHER, events=(other,))])
    cluster_store(db)
    found = clusters(db)
    assert (found[("a", 0)] == found[("b", 0)]) is joins


def test_copies_are_members_but_do_not_add_to_counts(tmp_path: Path) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("first"), story("copy", published="2024-05-08")])
    cluster_store(db)
    assert rows(db, "SELECT reports, stories, copies FROM event_clusters") == [(1, 1, 1)]
    assert dict(rows(db, "SELECT story_id, counted FROM cluster_members")) == {"first": True, "copy": False}


def test_a_later_batch_joins_the_existing_cluster_and_reruns_change_nothing(tmp_path: Path) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a", source="AFP")])
    cluster_store(db)
    before = clusters(db)
    snapshot = rows(db, "SELECT * FROM event_clusters")
    cluster_store(db)
    assert clusters(db) == before and rows(db, "SELECT * FROM event_clusters") == snapshot
    store_of(db, [story("b", OTHER, source="AP", events=(event(OTHER),))])
    report = cluster_store(db)
    after = clusters(db)
    assert after[("a", 0)] == before[("a", 0)] == after[("b", 0)]
    assert report.blocks_recomputed == 1
    assert cluster_store(db).blocks_recomputed == 0 and clusters(db) == after


def test_a_full_recompute_gives_the_same_clusters(tmp_path: Path) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a"), story("b", OTHER, events=(event(OTHER),))])
    cluster_store(db)
    store_of(db, [story("c", REWRITE, published="2024-05-09")])
    cluster_store(db)
    incremental = clusters(db)
    cluster_store(db, full=True)
    assert clusters(db) == incremental


def test_a_changed_story_leaves_its_old_cluster(tmp_path: Path) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a"), story("b", OTHER, events=(event(OTHER),))])
    cluster_store(db)
    moved = event(OTHER, target=("ETHMIL",))
    store_of(db, [story("b", OTHER, events=(moved,))])
    cluster_store(db)
    found = clusters(db)
    assert found[("a", 0)] != found[("b", 0)]
    assert sorted(r[0] for r in rows(db, "SELECT stories FROM event_clusters")) == [1, 1]


def test_a_failed_run_leaves_the_previous_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a"), story("b", published="2024-05-08")])
    cluster_store(db)
    before = (groups(db), clusters(db))
    store_of(db, [story("c", OTHER, events=(event(OTHER),))])

    def killed(*args: object, **kwargs: object) -> int:
        raise duckdb.InterruptException("killed")

    monkeypatch.setattr(cluster_run, "cluster_events", killed)
    with pytest.raises(DatelineError, match="E026"):
        cluster_store(db)
    assert (groups(db), clusters(db)) == before
    monkeypatch.undo()
    cluster_store(db)
    assert "c" in groups(db)


@pytest.mark.parametrize(("precision", "apart"), [("city", True), ("dateline", False), ("country", False)])
def test_events_placed_in_different_cities_stay_apart_but_a_dateline_place_does_not_split(
    tmp_path: Path, precision: str, apart: bool
) -> None:
    # the same coding and day in two stories; only the event's place differs
    first = event(BODY, place=place(BODY, "town", 101), place_precision=precision)
    second = event(OTHER, place=place(OTHER, "capital", 202), place_precision=precision)
    results = [story("a", events=(first,)), story("b", OTHER, events=(second,))]
    db = store_of(tmp_path / "s.duckdb", results)
    cluster_store(db)
    found = clusters(db)
    assert (found[("a", 0)] != found[("b", 0)]) is apart


def test_an_events_table_without_place_seq_is_placed_by_its_own_place_column(tmp_path: Path) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a"), story("b", OTHER, events=(event(OTHER),))])
    with duckdb.connect() as con:
        # an events table without the store's place_seq, as from another tool
        con.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
        con.execute("CREATE TABLE stories AS SELECT * FROM src.stories")
        con.execute("CREATE TABLE places AS SELECT * FROM src.places")
        con.execute(
            "CREATE TABLE events AS SELECT * EXCLUDE (place_seq), "
            "CASE story_id WHEN 'a' THEN 1 ELSE 2 END AS place_geonameid FROM src.events"
        )
        store_inputs(con)
        placed = con.execute("SELECT story_id, place FROM cluster_events ORDER BY story_id").fetchall()
    assert placed == [("a", "1"), ("b", "2")]


def test_export_carries_group_and_event_cluster(tmp_path: Path) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a"), story("copy", published="2024-05-08")])
    cluster_store(db)
    stream = io.StringIO()
    with Store.open(db, read_only=True) as store:
        export_jsonl(store, stream)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert {line["id"]: line["group"] for line in lines} == {"a": "a", "copy": "a"}
    assert len({line["events"][0]["cluster"] for line in lines}) == 1


def test_the_cluster_command_reports_and_parquet_export_has_the_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a"), story("b", OTHER, events=(event(OTHER),))])
    assert main(["cluster", "--db", str(db), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["clusters"] == 1 and report["multi_story_clusters"] == 1
    assert main(["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    assert (tmp_path / "pq" / "cluster_members.parquet").is_file()


@pytest.mark.parametrize(
    ("tables", "clusters_found"), [(("stories", "events", "places"), 2), (("stories", "events"), 1)]
)
def test_clustering_reads_batch_shards_with_or_without_places(
    tmp_path: Path, tables: tuple[str, ...], clusters_found: int
) -> None:
    # two reports placed in different cities: apart when the shards carry the places table,
    # together when they are older shards without one
    first = event(BODY, place=place(BODY, "town", 101), place_precision="city")
    second = event(OTHER, place=place(OTHER, "capital", 202), place_precision="city")
    source = store_of(
        tmp_path / "s.duckdb", [story("a", events=(first,)), story("b", OTHER, events=(second,))]
    )
    shard = tmp_path / "out" / "shards" / "shard-000000"
    shard.mkdir(parents=True)
    with duckdb.connect(str(source), read_only=True) as con:
        for table in tables:
            con.execute(f"COPY {table} TO '{shard / table}.parquet' (FORMAT parquet)")
    report = cluster_store(tmp_path / "archive.duckdb", shards=tmp_path / "out")
    assert report.events == 2 and report.clusters == clusters_found


def test_thresholds_are_settings(tmp_path: Path) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a"), story("b", REWRITE)])
    cluster_store(db, settings=ClusterSettings(near_jaccard=0.99, near_containment=1.1))
    assert groups(db) == {"a": "a", "b": "b"}


def test_an_old_store_is_upgraded_to_hold_clusters(tmp_path: Path) -> None:
    db = store_of(tmp_path / "s.duckdb", [story("a")])
    with duckdb.connect(str(db)) as con:
        for table in ("story_groups", "event_clusters", "cluster_members"):
            con.execute(f"DROP TABLE {table}")
        con.execute("DELETE FROM schema_version")
        # version 5 (places) is the last one before the cluster tables
        con.execute("INSERT INTO schema_version VALUES (5, now()::TIMESTAMP)")
    assert cluster_store(db).clusters == 1
    assert rows(db, "SELECT max(version) FROM schema_version") == [(6,)]


def test_a_chain_of_daily_events_is_not_one_event(tmp_path: Path) -> None:
    days = [f"2024-05-{day:02d}" for day in range(1, 11)]
    reports = [story(f"d{i}", OTHER, events=(event(OTHER, date=day),)) for i, day in enumerate(days)]
    db = store_of(tmp_path / "s.duckdb", reports)
    cluster_store(db)
    spans = rows(
        db,
        "SELECT max(day) - min(day) FROM (SELECT m.cluster_id, e.date AS day FROM "
        "cluster_members AS m JOIN events AS e USING (story_id, seq)) GROUP BY cluster_id",
    )
    assert len(spans) > 1 and all(int(str(span[0])) <= 2 for span in spans)


def test_a_month_event_joins_one_cluster_without_bridging_two(tmp_path: Path) -> None:
    early = story("early", OTHER, events=(event(OTHER, date="2024-05-02"),))
    late = story("late", OTHER, events=(event(OTHER, date="2024-05-20"),))
    late_too = story("late2", OTHER, events=(event(OTHER, date="2024-05-21"),))
    month = story("month", events=(event(BODY, date="2024-05", precision="month"),))
    db = store_of(tmp_path / "s.duckdb", [early, late, late_too, month])
    cluster_store(db)
    found = clusters(db)
    assert found[("early", 0)] != found[("late", 0)] == found[("late2", 0)]
    assert found[("month", 0)] == found[("late", 0)]


def test_clustering_a_missing_store_is_an_error_not_a_new_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.duckdb"
    assert main(["cluster", "--db", str(missing)]) == 2
    assert "E013" in capsys.readouterr().err and not missing.exists()
