"""Every SQL statement the web API runs, with every value bound as a parameter.

Each function takes a DuckDB cursor (one per request, see ``database.py``) and returns plain
rows as dicts, so the routes only validate input and shape output. Filters are built from
fixed SQL fragments chosen in code; user input only ever reaches DuckDB as a bound value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

Row = dict[str, Any]

#: the periods a timeline can be grouped by, mapped to DuckDB ``date_trunc`` parts
INTERVALS = ("day", "week", "month", "year")
#: a code this long is a country (``CHN``); longer codes name one actor (``CHNGOV``)
COUNTRY_CODE_LENGTH = 3


@dataclass
class Where:
    """AND-ed SQL conditions and their parameters, built from fixed fragments only."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *values: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(values)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


@dataclass(frozen=True)
class Page:
    """A bounded slice of a result."""

    limit: int
    offset: int


def _rows(cursor: duckdb.DuckDBPyConnection, query: str, params: list[Any]) -> list[Row]:
    # fetchall: a half-read DuckDB result blocks the connection
    result = cursor.execute(query, params)
    names = [column[0] for column in result.description]
    return [dict(zip(names, values, strict=True)) for values in result.fetchall()]


def _count(cursor: duckdb.DuckDBPyConnection, query: str, params: list[Any]) -> int:
    return int(cursor.execute(query, params).fetchall()[0][0])


def _date_range(where: Where, column: str, start: dt.date | None, end: dt.date | None) -> None:
    if start is not None:
        where.add(f"{column} >= ?", start)
    if end is not None:
        where.add(f"{column} <= ?", end)


# -- stories ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryFilter:
    text: str | None = None
    source: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _story_where(spec: StoryFilter) -> Where:
    where = Where()
    if spec.text:
        # contains(), not LIKE: a '%' or '_' typed by the user is just a character
        where.add(
            "(contains(lower(s.text), lower(?)) OR contains(lower(coalesce(s.title, '')), lower(?)))",
            spec.text,
            spec.text,
        )
    if spec.source:
        where.add("lower(s.source) = lower(?)", spec.source)
    _date_range(where, "s.published", spec.date_from, spec.date_to)
    return where


def search_stories(cursor: duckdb.DuckDBPyConnection, spec: StoryFilter, page: Page) -> tuple[int, list[Row]]:
    """Stories matching ``spec``, newest first, with a short opening and record counts."""
    where = _story_where(spec)
    total = _count(cursor, f"SELECT count(*) FROM stories AS s {where.sql()}", where.params)
    query = f"""
        SELECT s.id, s.source, s.published, s.title, s.dateline_place AS place,
               left(s.text, 200) AS opening, length(s.text) AS chars,
               (SELECT count(*) FROM quotes AS q WHERE q.story_id = s.id) AS quotes,
               (SELECT count(*) FROM events AS e WHERE e.story_id = s.id) AS events
        FROM stories AS s {where.sql()}
        ORDER BY s.published DESC NULLS LAST, s.id
        LIMIT ? OFFSET ?"""
    return total, _rows(cursor, query, [*where.params, page.limit, page.offset])


def story_exists(cursor: duckdb.DuckDBPyConnection, story_id: str) -> bool:
    return _count(cursor, "SELECT count(*) FROM stories WHERE id = ?", [story_id]) > 0


# -- events ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    source: str | None = None
    target: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    modality: str | None = None
    story: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    #: where the event happened: the place's country (alpha-3), first-level division, and a
    #: bounding box (min lon, min lat, max lon, max lat; min lon > max lon crosses 180 degrees)
    place_country: str | None = None
    place_admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None


#: ``modality=asserted`` asks for events with no modality at all
ASSERTED = "asserted"


def _coding_where(spec: EventFilter, alias: str) -> Where:
    """Conditions on actors and codes, for an events row or an event cluster called ``alias``."""
    where = Where()
    for column, value in ((f"{alias}.source", spec.source), (f"{alias}.target", spec.target)):
        if value:
            where.add(f"list_contains({column}, ?)", value)
    for column, value in ((f"{alias}.source", spec.source_country), (f"{alias}.target", spec.target_country)):
        if value:
            where.add(f"len(list_filter({column}, lambda code: left(code, 3) = ?)) > 0", value)
    for column, value in (("cameo", spec.cameo), ("root_code", spec.root), ("plover_type", spec.plover)):
        if value:
            where.add(f"{alias}.{column} = ?", value)
    return where


def _event_where(spec: EventFilter) -> Where:
    where = _coding_where(spec, "e")
    if spec.modality == ASSERTED:
        where.add("len(e.modality) = 0")
    elif spec.modality:
        where.add("list_contains(e.modality, ?)", spec.modality)
    if spec.story:
        where.add("e.story_id = ?", spec.story)
    _date_range(where, "coalesce(e.date, s.published)", spec.date_from, spec.date_to)
    _place_where(where, spec)
    return where


def _place_where(where: Where, spec: EventFilter) -> None:
    if spec.place_country:
        where.add("p.country = ?", spec.place_country)
    if spec.place_admin1:
        where.add("lower(p.admin1) = lower(?)", spec.place_admin1)
    if spec.bbox:
        west, south, east, north = spec.bbox
        where.add("p.lat BETWEEN ? AND ?", south, north)
        if west <= east:
            where.add("p.lon BETWEEN ? AND ?", west, east)
        else:
            where.add("(p.lon >= ? OR p.lon <= ?)", west, east)


def search_events(
    cursor: duckdb.DuckDBPyConnection, spec: EventFilter, page: Page, *, distinct: bool = False
) -> tuple[int, list[Row]]:
    """Events (one row per coded event, compound actors kept together), by date; with
    ``distinct``, one per real-world event (the canonical report of each cluster)."""
    where = _event_where(spec)
    if distinct:
        where.add(counted_once("e"))
    base = f"""FROM events AS e JOIN stories AS s ON s.id = e.story_id
        LEFT JOIN places AS p ON p.story_id = e.story_id AND p.seq = e.place_seq
        LEFT JOIN cluster_members AS m ON m.story_id = e.story_id AND m.seq = e.seq
        LEFT JOIN event_clusters AS c ON c.cluster_id = m.cluster_id {where.sql()}"""
    total = _count(cursor, f"SELECT count(*) {base}", where.params)
    query = f"""
        SELECT e.story_id, e.seq, coalesce(e.date, s.published) AS date, e.date_precision,
               e.cameo, e.cameo_name, e.root_code, e.goldstein, e.quad, e.plover_type,
               e.source, e.target, e.modality, e.trigger_text, e.trigger_start, e.trigger_end,
               substring(s.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
               p.text AS place_text, p.start_char AS place_start, p.end_char AS place_end,
               p.name AS place_name, p.country AS place_country, p.admin1 AS place_admin1,
               p.lat AS place_lat, p.lon AS place_lon, e.place_precision,
               m.cluster_id AS cluster, c.stories AS cluster_stories, c.sources AS cluster_sources
        {base}
        ORDER BY date, e.story_id, e.seq
        LIMIT ? OFFSET ?"""
    return total, _rows(cursor, query, [*where.params, page.limit, page.offset])


# -- quotes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteFilter:
    speaker: str | None = None
    text: str | None = None
    kind: str | None = None
    story: str | None = None


def search_quotes(cursor: duckdb.DuckDBPyConnection, spec: QuoteFilter, page: Page) -> tuple[int, list[Row]]:
    """Quotes by speaker (actor code or part of the name) and/or words they contain."""
    where = Where()
    if spec.speaker:
        where.add(
            "(q.speaker_actor = ? OR contains(lower(q.speaker_name), lower(?)))", spec.speaker, spec.speaker
        )
    if spec.text:
        where.add("contains(lower(q.text), lower(?))", spec.text)
    if spec.kind:
        where.add("q.kind = ?", spec.kind)
    if spec.story:
        where.add("q.story_id = ?", spec.story)
    base = f"FROM quotes AS q JOIN stories AS s ON s.id = q.story_id {where.sql()}"
    total = _count(cursor, f"SELECT count(*) {base}", where.params)
    query = f"""
        SELECT q.story_id, q.seq, s.published, q.kind, q.text, q.start_char, q.end_char,
               q.cue_text, q.speaker_name, q.speaker_actor, q.speaker_mention_text
        {base}
        ORDER BY s.published DESC NULLS LAST, q.story_id, q.seq
        LIMIT ? OFFSET ?"""
    return total, _rows(cursor, query, [*where.params, page.limit, page.offset])


# -- actors ----------------------------------------------------------------------------------


def search_actors(
    cursor: duckdb.DuckDBPyConnection, text: str | None, country: str | None, page: Page
) -> tuple[int, list[Row]]:
    """Actors by code prefix or name, with how often they appear, speak and act."""
    where = Where()
    if text:
        where.add("(starts_with(a.code, upper(?)) OR contains(lower(a.name), lower(?)))", text, text)
    if country:
        where.add("a.country = ?", country)
    grouped = f"""
        SELECT a.code, mode(a.name) AS name, mode(a.country) AS country, mode(a.sector) AS sector,
               mode(a.kind) AS kind, count(DISTINCT a.story_id) AS stories,
               sum(a.mention_count) AS mentions
        FROM actors AS a {where.sql()} GROUP BY a.code"""
    total = _count(cursor, f"SELECT count(*) FROM ({grouped})", where.params)
    query = f"""
        WITH found AS ({grouped}),
        acting AS (SELECT source_actor AS code, count(*) AS n FROM event_dyads GROUP BY 1),
        receiving AS (SELECT target_actor AS code, count(*) AS n FROM event_dyads GROUP BY 1),
        speaking AS (SELECT speaker_actor AS code, count(*) AS n FROM quotes GROUP BY 1)
        SELECT f.*, coalesce(acting.n, 0) AS events_as_source,
               coalesce(receiving.n, 0) AS events_as_target, coalesce(speaking.n, 0) AS quotes
        FROM found AS f
        LEFT JOIN acting USING (code) LEFT JOIN receiving USING (code) LEFT JOIN speaking USING (code)
        ORDER BY f.mentions DESC, f.code
        LIMIT ? OFFSET ?"""
    return total, _rows(cursor, query, [*where.params, page.limit, page.offset])


# -- dyads -----------------------------------------------------------------------------------


def _side(column: str, code: str) -> tuple[str, str]:
    """Match a country code against the actor's first letters, a longer code exactly."""
    if len(code) == COUNTRY_CODE_LENGTH:
        return f"left({column}, 3) = ?", code
    return f"{column} = ?", code


def _dyad_where(first: str, second: str, *, both_ways: bool) -> Where:
    a_src, a = _side("source_actor", first)
    b_tgt, b = _side("target_actor", second)
    forward = f"({a_src} AND {b_tgt})"
    where = Where()
    if not both_ways:
        where.add(forward, a, b)
        return where
    b_src, _ = _side("source_actor", second)
    a_tgt, _ = _side("target_actor", first)
    where.add(f"({forward} OR ({b_src} AND {a_tgt}))", a, b, b, a)
    return where


def _holds(column: str, code: str) -> tuple[str, str]:
    """An event's actor list names ``code`` (or, for a country code, one of its actors)."""
    if len(code) == COUNTRY_CODE_LENGTH:
        return f"len(list_filter({column}, lambda c: left(c, 3) = ?)) > 0", code
    return f"list_contains({column}, ?)", code


def _candidates(first: str, second: str, *, both_ways: bool) -> Where:
    """Events that may hold the dyad, found on the lists before they are unnested (20x faster)."""
    (a_src, a), (b_tgt, b) = _holds("e.source", first), _holds("e.target", second)
    where = Where()
    if not both_ways:
        where.add(f"({a_src} AND {b_tgt})", a, b)
        return where
    (b_src, _), (a_tgt, _) = _holds("e.source", second), _holds("e.target", first)
    where.add(f"(({a_src} AND {b_tgt}) OR ({b_src} AND {a_tgt}))", a, b, b, a)
    return where


def dyad_timeline(
    cursor: duckdb.DuckDBPyConnection,
    first: str,
    second: str,
    *,
    interval: str,
    both_ways: bool,
    date_from: dt.date | None,
    date_to: dt.date | None,
    distinct: bool = False,
) -> list[Row]:
    """Dyads (as in the ``event_dyads`` view) between two actors per period and QuadClass;
    with ``distinct``, each real-world event (event cluster) counts once."""
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
    candidates = _candidates(first, second, both_ways=both_ways)
    if distinct:
        candidates.add(counted_once("e"))
    dyads = _dyad_where(first, second, both_ways=both_ways)
    dyads.add("date IS NOT NULL")
    _date_range(dyads, "date", date_from, date_to)
    query = f"""
        WITH found AS (
            SELECT e.source, e.target, e.quad, e.goldstein, coalesce(e.date, s.published) AS date
            FROM events AS e JOIN stories AS s ON s.id = e.story_id {candidates.sql()}
        ),
        pairs AS (
            SELECT src.actor AS source_actor, tgt.actor AS target_actor, quad, goldstein, date
            FROM found, unnest(found.source) AS src(actor), unnest(found.target) AS tgt(actor)
        )
        SELECT date_trunc(?, date)::DATE AS period, quad, count(*) AS events,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM pairs {dyads.sql()}
        GROUP BY ALL ORDER BY period, quad"""
    return _rows(cursor, query, [*candidates.params, interval, *dyads.params])


@dataclass(frozen=True)
class NetworkFilter:
    country: str | None = None
    by_country: bool = False
    min_events: int = 1
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    #: count each real-world event (event cluster) once rather than every report
    distinct: bool = False


def actor_network(cursor: duckdb.DuckDBPyConnection, spec: NetworkFilter, *, limit: int) -> list[Row]:
    """Weighted directed edges: who acts towards whom, how often, how cooperatively."""
    where = Where()
    where.add("target_actor IS NOT NULL")
    where.add("source_actor <> target_actor")
    if spec.country:
        where.add("(source_country = ? OR target_country = ?)", spec.country, spec.country)
    _date_range(where, "date", spec.date_from, spec.date_to)
    if spec.distinct:
        where.add(counted_once("event_dyads"))
    source, target = (
        ("source_country", "target_country") if spec.by_country else ("source_actor", "target_actor")
    )
    query = f"""
        SELECT {source} AS source, {target} AS target, count(*) AS events,
               round(avg(goldstein), 2) AS mean_goldstein,
               count(*) FILTER (WHERE quad IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad IN (3, 4)) AS conflict
        FROM event_dyads {where.sql()}
        GROUP BY ALL HAVING count(*) >= ? AND {source} <> {target}
        ORDER BY events DESC, source, target
        LIMIT ?"""
    return _rows(cursor, query, [*where.params, spec.min_events, limit])


# -- story groups and event clusters ---------------------------------------------------------

#: an event counts once in "clusters" mode: it is the canonical report of a cluster that a
#: group head reports, or it has not been clustered yet (``dateline cluster`` not run since)
COUNTED_ONCE = """(
    EXISTS (SELECT 1 FROM event_clusters AS c
            WHERE c.canonical_story_id = {alias}.story_id AND c.canonical_seq = {alias}.seq AND c.stories > 0)
    OR NOT EXISTS (SELECT 1 FROM cluster_members AS m
                   WHERE m.story_id = {alias}.story_id AND m.seq = {alias}.seq))"""
#: ``distinct`` and ``count`` values: one row per real-world event, or one per report
COUNT_MODES = ("clusters", "reports")


def counted_once(alias: str) -> str:
    """The condition above for the events (or event_dyads) row called ``alias``."""
    return COUNTED_ONCE.format(alias=alias)


def _cluster_where(spec: EventFilter) -> Where:
    where = _coding_where(spec, "c")
    if spec.modality == ASSERTED:
        where.add("split_part(c.block, '|', 2) = ''")
    elif spec.modality:
        where.add("list_contains(string_split(split_part(c.block, '|', 2), '+'), ?)", spec.modality)
    if spec.story:
        where.add("c.cluster_id IN (SELECT cluster_id FROM cluster_members WHERE story_id = ?)", spec.story)
    _date_range(where, "c.date", spec.date_from, spec.date_to)
    # a cluster is where any of its reports places the event
    places = Where()
    _place_where(places, spec)
    if places.clauses:
        where.add(
            f"""c.cluster_id IN (SELECT m.cluster_id FROM cluster_members AS m
                JOIN events AS e ON e.story_id = m.story_id AND e.seq = m.seq
                JOIN places AS p ON p.story_id = e.story_id AND p.seq = e.place_seq {places.sql()})""",
            *places.params,
        )
    return where


def search_clusters(
    cursor: duckdb.DuckDBPyConnection, spec: EventFilter, page: Page, *, min_stories: int = 1
) -> tuple[int, list[Row]]:
    """Event clusters (one row per real-world event, canonical coding), most reported first."""
    where = _cluster_where(spec)
    where.add("c.stories >= ?", min_stories)
    base = f"FROM event_clusters AS c {where.sql()}"
    total = _count(cursor, f"SELECT count(*) {base}", where.params)
    query = f"""
        SELECT c.cluster_id, c.date, c.date_precision, c.cameo, c.cameo_name, c.root_code,
               c.goldstein, c.quad, c.plover_type, c.source, c.target, c.place, c.first_reported,
               c.first_story_id, c.reports, c.stories, c.sources, c.copies
        {base}
        ORDER BY c.stories DESC, c.date, c.cluster_id
        LIMIT ? OFFSET ?"""
    return total, _rows(cursor, query, [*where.params, page.limit, page.offset])


def cluster_detail(cursor: duckdb.DuckDBPyConnection, cluster_id: str) -> Row | None:
    """One cluster and its member reports, each with its story, trigger and sentence spans."""
    found = _rows(cursor, "SELECT * FROM event_clusters WHERE cluster_id = ?", [cluster_id])
    if not found:
        return None
    members = _rows(
        cursor,
        """SELECT m.story_id, m.seq, m.counted, s.source, s.published, s.title,
                  e.cameo, e.cameo_name, e.source AS actors_source, e.target AS actors_target,
                  e.date_text AS date, e.date_precision, e.modality,
                  e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end,
                  substring(s.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
                  g.group_id
           FROM cluster_members AS m
           JOIN events AS e ON e.story_id = m.story_id AND e.seq = m.seq
           JOIN stories AS s ON s.id = m.story_id
           LEFT JOIN story_groups AS g ON g.story_id = m.story_id
           WHERE m.cluster_id = ?
           ORDER BY s.published NULLS LAST, m.story_id, m.seq""",
        [cluster_id],
    )
    return {**found[0], "members": members}


def story_clusters(cursor: duckdb.DuckDBPyConnection, story_id: str) -> tuple[Row | None, dict[int, Row]]:
    """A story's group, and for each of its events the cluster it joined with its counts."""
    groups = _rows(
        cursor, "SELECT group_id, is_head, copies FROM story_groups WHERE story_id = ?", [story_id]
    )
    events = _rows(
        cursor,
        """SELECT m.seq, m.cluster_id, c.stories, c.sources, c.reports
           FROM cluster_members AS m JOIN event_clusters AS c USING (cluster_id)
           WHERE m.story_id = ?""",
        [story_id],
    )
    return (groups[0] if groups else None), {row.pop("seq"): row for row in events}
