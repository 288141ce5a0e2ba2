"""A plain-text overview of a store, for ``dateline summary`` and ``make demo``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .database import Store
from .rows import TABLES

#: rows shown in the "top" tables
TOP_N = 10
#: stories listed one per line before the rest is summarised as "... and N more"
STORY_LINES = 25
#: longest cell before it is shortened with an ellipsis, so columns stay aligned
MAX_CELL = 36

Cell = str | int | float | None

_TOP_ACTORS = """
SELECT code, mode(name), sum(mention_count) AS mentions, count(DISTINCT story_id)
FROM actors GROUP BY code ORDER BY mentions DESC, code LIMIT ?
"""
# republished copies (story_groups, filled by `dateline cluster`) do not count their events again
_TOP_CODES = """
SELECT cameo, mode(cameo_name), count(*) AS n, round(avg(goldstein), 1)
FROM events WHERE story_id NOT IN (SELECT story_id FROM story_groups WHERE NOT is_head)
GROUP BY cameo ORDER BY n DESC, cameo LIMIT ?
"""
_CLUSTER_COUNTS = """
SELECT (SELECT count(*) FROM story_groups WHERE is_head),
       (SELECT count(*) FROM story_groups WHERE NOT is_head),
       (SELECT count(*) FROM event_clusters WHERE stories > 0),
       (SELECT count(*) FROM event_clusters WHERE stories > 1)
"""
_TOP_CLUSTERS = """
SELECT cameo, cameo_name, array_to_string(source, '+') || ' -> ' || array_to_string(target, '+'),
       date, stories, sources, copies
FROM event_clusters WHERE stories > 1
ORDER BY stories DESC, sources DESC, date, cluster_id LIMIT ?
"""
_COPIES = """
SELECT story_id, group_id, how, round(similarity, 2) FROM story_groups
WHERE NOT is_head ORDER BY group_id, story_id LIMIT ?
"""
_TOP_PLACES = """
SELECT mode(name), country, feature, count(*) AS mentions, count(DISTINCT story_id),
       round(avg(confidence), 2)
FROM places WHERE geonameid IS NOT NULL
GROUP BY geonameid, country, feature ORDER BY mentions DESC, mode(name) LIMIT ?
"""
_EVENT_PLACES = """
SELECT coalesce(e.place_precision, 'none') AS precision, count(*) AS n,
       string_agg(DISTINCT p.name, ', ' ORDER BY p.name) AS places
FROM events e LEFT JOIN places p ON p.story_id = e.story_id AND p.seq = e.place_seq
GROUP BY precision ORDER BY n DESC, precision LIMIT ?
"""
_UNRESOLVED = "SELECT count(*) FROM places WHERE geonameid IS NULL"
_STORY_LINES = """
SELECT s.id, s.published, concat_ws(' ', s.dateline_place, '(' || s.dateline_agency || ')'),
       (SELECT count(*) FROM entities e WHERE e.story_id = s.id),
       (SELECT count(*) FROM actors a WHERE a.story_id = s.id),
       (SELECT count(*) FROM cast_members c WHERE c.story_id = s.id),
       (SELECT count(*) FROM quotes q WHERE q.story_id = s.id),
       (SELECT count(*) FROM events v WHERE v.story_id = s.id)
FROM stories s ORDER BY s.published NULLS LAST, s.id LIMIT ?
"""


def summarize_store(db: Path | str) -> str:
    """Counts, date range, top actors, event codes and places, and one line per story."""
    with Store.open(db, read_only=True) as store:
        return "\n".join(
            [
                *_overview(store),
                "",
                *_section(
                    "Top actors by mentions",
                    ("actor", "name", "mentions", "stories"),
                    _rows(store, _TOP_ACTORS, TOP_N),
                ),
                "",
                *_section(
                    "Top event codes",
                    ("cameo", "name", "events", "goldstein"),
                    _rows(store, _TOP_CODES, TOP_N),
                ),
                "",
                *_places(store),
                "",
                *_clusters(store),
                "",
                *_stories(store),
            ]
        )


def _places(store: Store) -> list[str]:
    """Top resolved places, how many mentions stayed unresolved, and where events were placed."""
    unresolved = store.connection.execute(_UNRESOLVED).fetchall()[0][0]
    top = _section(
        f"Top places by mentions ({unresolved} mentions unresolved)",
        ("place", "country", "feature", "mentions", "stories", "confidence"),
        _rows(store, _TOP_PLACES, TOP_N),
    )
    placed = _section(
        "Events by place precision", ("precision", "events", "places"), _rows(store, _EVENT_PLACES, TOP_N)
    )
    return [*top, "", *placed]


def _overview(store: Store) -> list[str]:
    counts = {table: store.count(table) for table in TABLES if table != "repairs"}
    query = "SELECT min(published), max(published) FROM stories"
    first, last = store.connection.execute(query).fetchall()[0]
    span = f"published {first} to {last}" if first else "no published dates"
    width = max(len(name) for name in counts)
    number = max(len(str(n)) for n in counts.values())
    lines = [f"Dateline store {store.path}"]
    for name, count in counts.items():
        extra = f"   {span}" if name == "stories" else ""
        lines.append(f"  {name:<{width}}  {count:>{number}}{extra}")
    return lines


def _clusters(store: Store) -> list[str]:
    """Story groups and event clusters (docs/clusters.md): what is counted once."""
    groups, copies, clusters, shared = store.connection.execute(_CLUSTER_COUNTS).fetchall()[0]
    lines = [
        f"Story groups {groups} ({copies} republished copies, not counted)",
        f"Event clusters {clusters} ({shared} reported by more than one story)",
        "",
        *_section(
            "Events reported by more than one story",
            ("cameo", "name", "actors", "date", "stories", "sources", "copies"),
            _rows(store, _TOP_CLUSTERS, TOP_N),
        ),
    ]
    if copies:
        headers = ("copy", "group (head)", "how", "similarity")
        lines += ["", *_section("Republished copies", headers, _rows(store, _COPIES, TOP_N))]
    return lines


def _stories(store: Store) -> list[str]:
    total = store.count("stories")
    rows = _rows(store, _STORY_LINES, STORY_LINES)
    headers = ("id", "published", "dateline", "entities", "actors", "cast", "quotes", "events")
    lines = _section("Stories", headers, rows)
    if total > len(rows):
        lines.append(f"  ... and {total - len(rows)} more")
    return lines


def _rows(store: Store, query: str, limit: int) -> list[tuple[Cell, ...]]:
    return [tuple(row) for row in store.connection.execute(query, [limit]).fetchall()]


def _section(title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[str]:
    if not rows:
        return [title, "  (none)"]
    return [title, *format_table(headers, rows)]


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[str]:
    """Aligned columns, numbers to the right, two spaces of indent; no colour codes."""
    cells = [[_cell(value) for value in row] for row in rows]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows) for i in range(len(headers))
    ]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)]
        return ("  " + "  ".join(parts)).rstrip()

    return [line(headers), *(line(row) for row in cells)]


def _cell(value: Cell | object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"
