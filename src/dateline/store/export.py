"""Write a store back out: Parquet (one file per table) or contract JSON Lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import pyarrow.parquet as pq

from ..errors import DatelineError, Errors
from .database import READ_CHUNK, Store
from .rows import CLUSTER_TABLES, ROW_ORDER, TABLES

#: export formats and what ``out`` means for each
FORMATS: dict[str, str] = {"parquet": "a folder (one .parquet file per table)", "jsonl": "a file, or '-'"}
#: rows per Arrow batch streamed to Parquet, so exporting a large store keeps memory flat
PARQUET_BATCH_ROWS = 50_000
#: sort order of each exported table, so exports of the same store are identical
_ORDER: dict[str, str] = {
    "stories": "id",
    **{t: ", ".join(("story_id", *c)) for t, c in ROW_ORDER.items()},
    "story_groups": "story_id",
    "event_clusters": "cluster_id",
    "cluster_members": "story_id, seq",
}


def export_store(db: Path | str, *, fmt: str, out: Path | str) -> int:
    """Export the store at ``db``; returns the number of stories written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    with Store.open(db, read_only=True) as store:
        if fmt == "parquet":
            return export_parquet(store, Path(out))
        with _text_out(str(out)) as stream:
            return export_jsonl(store, stream)


def export_parquet(store: Store, folder: Path) -> int:
    """One ``<table>.parquet`` per table in ``folder``, with the store's column types."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatelineError(Errors.E001, path=folder, reason=exc.strerror or str(exc)) from exc
    for table in (*TABLES, *CLUSTER_TABLES):
        # identifiers come from fixed tuples; there are no values to bind here
        relation = store.connection.sql(f"SELECT * FROM {table} ORDER BY {_ORDER[table]}")
        reader = relation.to_arrow_reader(PARQUET_BATCH_ROWS)
        with pq.ParquetWriter(folder / f"{table}.parquet", reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
    return store.count("stories")


def export_jsonl(store: Store, stream: TextIO) -> int:
    """One contract JSON object per story, rebuilt from the tables, in id order."""
    count = 0
    ids = store.ids()
    for first in range(0, len(ids), READ_CHUNK):
        chunk = ids[first : first + READ_CHUNK]
        groups, clusters = _cluster_fields(store, chunk)
        for result in store.results(chunk):
            payload = result.to_json()
            story_id = result.story.id
            # present once the store is clustered, absent before (as from a run without --db)
            if story_id in groups:
                payload["group"] = groups[story_id]
            for seq, event in enumerate(payload["events"]):
                if (story_id, seq) in clusters:
                    event["cluster"] = clusters[story_id, seq]
            stream.write(json.dumps(payload, ensure_ascii=False) + "\n")
            count += 1
    return count


def _cluster_fields(store: Store, ids: list[str]) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """The contract's ``group`` and ``events[].cluster`` of some stories (set by ``dateline cluster``)."""
    db = store.connection
    wanted = "(SELECT unnest(?::VARCHAR[]))"
    query = f"SELECT story_id, group_id FROM story_groups WHERE story_id IN {wanted}"
    groups = dict(db.execute(query, [ids]).fetchall())
    query = f"SELECT story_id, seq, cluster_id FROM cluster_members WHERE story_id IN {wanted}"
    members = db.execute(query, [ids]).fetchall()
    return groups, {(story_id, seq): cluster for story_id, seq, cluster in members}


@contextmanager
def _text_out(spec: str) -> Iterator[TextIO]:
    if spec == "-":
        yield sys.stdout
        return
    try:
        with open(spec, "w", encoding="utf-8") as stream:
            yield stream
    except OSError as exc:
        raise DatelineError(Errors.E001, path=spec, reason=exc.strerror or str(exc)) from exc
