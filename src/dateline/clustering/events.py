"""Event clusters: events from different stories that report one real-world event, in SQL.

1. Every event gets a *block*: its actors at country level (the first three letters of each
   code, so ``USAGOV`` and ``USAMIL`` agree), source and target sides apart unless the event is
   reciprocal or of a mutual kind (a meeting or a signed agreement: one report says A met B,
   another B met A), plus its modality (a threat does not join the attack it threatens). An event
   with no known country is left on its own.
2. Two events of one block with a day date link when the days are at most ``day_slack``
   apart, their types agree (same CAMEO root or same PLOVER type) and their places agree when
   both are known. Candidate pairs come from equi-joins on (block, week, root) and (block,
   week, PLOVER type), so the work grows with the events of a week, not with the store squared.
3. Clusters of day events are the connected components of those links; a component spanning
   more than ``2 * day_slack`` days (a chain of daily talks) is cut into runs of
   ``day_slack + 1`` days from its first day.
4. An event dated to a month or a year, or only by its story (the ``published_slack`` days
   before publication), covers an interval and joins the one cluster of day events in it with
   most reports; it never bridges two clusters. With no such cluster it joins the events of its
   block, root, precision and period.
5. Only blocks holding a new, changed or vanished event
   are recomputed; a recomputed component keeps the id of the existing cluster most of its
   members had, so a later batch joins existing clusters and a re-run changes nothing.
6. ``event_clusters`` is rebuilt from the members: canonical coding from the most specific
   member (longest CAMEO code, then most precise date, then longest actor codes, then the
   earliest report), the date most members give at the best precision, first report, and
   counts over stories that head their story group.
"""

from __future__ import annotations

import duckdb

from .components import connected_components
from .settings import ClusterSettings
from .tables import replace_changed

_EVENTS = """
CREATE OR REPLACE TEMP TABLE clu_events AS
WITH coded AS (
    SELECT e.*, s.published, s.content_hash AS story_hash,
           coalesce(g.is_head, true) AS counted,
           list_sort(list_distinct(list_transform(e.source, lambda c: left(c, 3)))) AS src,
           list_sort(list_distinct(list_transform(e.target, lambda c: left(c, 3)))) AS tgt,
           coalesce(e.date, s.published) AS day,
           CASE WHEN e.date IS NULL THEN 'published' ELSE coalesce(e.date_precision, 'day') END AS precision
    FROM cluster_events AS e
    JOIN cluster_stories AS s ON s.id = e.story_id
    LEFT JOIN story_groups AS g ON g.story_id = e.story_id
)
SELECT story_id, seq, cameo, root_code, plover_type, place, story_hash, counted,
       trigger_text, trigger_start, trigger_end,
       CASE WHEN reciprocal OR len(list_filter($mutual, lambda p: starts_with(cameo, p))) > 0
            THEN '=' || array_to_string(list_sort(list_distinct(src || tgt)), '+')
            ELSE array_to_string(src, '+') || '>' || array_to_string(tgt, '+') END
       || '|' || array_to_string(list_sort(modality), '+') AS block,
       len(list_filter(src || tgt, lambda c: c <> '---')) > 0 AND day IS NOT NULL AS linkable,
       precision = 'day' AS precise, day, precision,
       CASE precision
           WHEN 'month' THEN date_trunc('month', day)::DATE
           WHEN 'year' THEN date_trunc('year', day)::DATE
           WHEN 'published' THEN (day - $published_slack)::DATE
           ELSE day END AS lo,
       CASE precision
           WHEN 'month' THEN (date_trunc('month', day) + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE
           WHEN 'year' THEN (date_trunc('year', day) + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE
           WHEN 'published' THEN day
           ELSE (day + $day_slack)::DATE END AS hi,
       row_number() OVER (ORDER BY published NULLS LAST, story_id, seq) AS node
FROM coded
"""
# blocks to recompute: those of events not clustered yet or whose story changed, and those of
# members whose event is gone or changed
_DIRTY = """
CREATE OR REPLACE TEMP TABLE clu_dirty AS
SELECT e.block FROM clu_events AS e
LEFT JOIN cluster_members AS m ON m.story_id = e.story_id AND m.seq = e.seq
WHERE $full OR m.cluster_id IS NULL OR m.story_hash <> e.story_hash OR m.block <> e.block
UNION
SELECT m.block FROM cluster_members AS m
LEFT JOIN clu_events AS e ON e.story_id = m.story_id AND e.seq = m.seq
WHERE e.story_id IS NULL OR m.story_hash <> e.story_hash
"""
_WEEKS = """
CREATE OR REPLACE TEMP TABLE clu_weeks AS
SELECT e.node, e.block, e.root_code, e.plover_type, e.place, e.precise, e.lo, e.hi, e.day, w.week
FROM clu_events AS e SEMI JOIN clu_dirty AS d ON d.block = e.block,
     unnest(generate_series(date_trunc('week', e.lo), date_trunc('week', e.hi), INTERVAL 7 DAY)) AS w(week)
WHERE e.linkable
"""
# precise (day) events link when their days are at most day_slack apart: both cover the week
# of the later day, and the interval test then checks the distance
_EDGES = """
CREATE OR REPLACE TEMP TABLE clu_edges AS
WITH precise AS (SELECT * FROM clu_weeks WHERE precise)
SELECT DISTINCT a.node AS a, b.node AS b
FROM precise AS a JOIN precise AS b
  ON a.block = b.block AND a.week = b.week AND a.root_code = b.root_code AND a.node < b.node
WHERE a.lo <= b.hi AND b.lo <= a.hi AND (a.place IS NULL OR b.place IS NULL OR a.place = b.place)
UNION
SELECT a.node, b.node
FROM precise AS a JOIN precise AS b
  ON a.block = b.block AND a.week = b.week AND a.plover_type = b.plover_type AND a.node < b.node
WHERE a.lo <= b.hi AND b.lo <= a.hi AND (a.place IS NULL OR b.place IS NULL OR a.place = b.place)
"""
# a chain of day events (talks on Monday, Tuesday, Wednesday ...) is one component but not one
# event: a component spanning more than 2 * day_slack days is cut into runs of day_slack + 1
# days from its first day
_PRECISE = """
CREATE OR REPLACE TEMP TABLE clu_precise AS
WITH labelled AS (
    SELECT e.node, e.day, coalesce(c.label, e.node) AS label
    FROM clu_events AS e SEMI JOIN clu_dirty AS d ON d.block = e.block
    LEFT JOIN clu_components AS c ON c.node = e.node
    WHERE e.precise AND e.linkable
),
spans AS (
    SELECT *, min(day) OVER (PARTITION BY label) AS first, max(day) OVER (PARTITION BY label) AS last
    FROM labelled
),
cut AS (
    SELECT node, day, label,
           CASE WHEN date_diff('day', first, last) <= 2 * $day_slack THEN 0
                ELSE date_diff('day', first, day) // ($day_slack + 1) END AS run
    FROM spans
)
SELECT node, day, min(node) OVER (PARTITION BY label, run) AS final FROM cut
"""
# a month, year or undated event does not bridge day events (one "in March" would join every
# meeting of that March): it joins the one cluster of day events of its block and type inside
# its interval that has most reports (then the earliest), or else the events of its block, root,
# precision and period
_IMPRECISE = """
CREATE OR REPLACE TEMP TABLE clu_imprecise AS
WITH homes AS (
    SELECT i.node, p.final, count(*) OVER (PARTITION BY i.node, p.final) AS size, p.day
    FROM clu_weeks AS i JOIN clu_weeks AS w
      ON w.block = i.block AND w.week = i.week AND w.precise
         AND (w.root_code = i.root_code OR w.plover_type = i.plover_type)
    JOIN clu_precise AS p ON p.node = w.node
    WHERE NOT i.precise AND w.day BETWEEN i.lo AND i.hi
      AND (i.place IS NULL OR w.place IS NULL OR i.place = w.place)
),
best AS (
    SELECT node, final FROM homes
    QUALIFY row_number() OVER (PARTITION BY node ORDER BY size DESC, day, final) = 1
)
SELECT e.node, coalesce(b.final, min(e.node) OVER (
           PARTITION BY e.block, e.root_code, e.precision, e.lo, b.final IS NULL)) AS final
FROM clu_events AS e SEMI JOIN clu_dirty AS d ON d.block = e.block
LEFT JOIN best AS b ON b.node = e.node
WHERE NOT e.precise AND e.linkable
"""
# every event of a dirty block with its component label (its own node when it links to none)
_LABELS = """
CREATE OR REPLACE TEMP TABLE clu_labels AS
SELECT e.story_id, e.seq, e.node, e.block, e.counted, e.story_hash,
       e.trigger_text, e.trigger_start, e.trigger_end, coalesce(p.final, i.final, e.node) AS label
FROM clu_events AS e SEMI JOIN clu_dirty AS d ON d.block = e.block
LEFT JOIN clu_precise AS p ON p.node = e.node
LEFT JOIN clu_imprecise AS i ON i.node = e.node
"""
# naming: each old cluster goes to the component holding most of its (unchanged) members;
# a component takes the old id it won with most members, or else a new id from its members
_NAMES = """
CREATE OR REPLACE TEMP TABLE clu_names AS
WITH votes AS (
    SELECT m.cluster_id, l.label, count(*) AS n
    FROM clu_labels AS l JOIN cluster_members AS m
      ON m.story_id = l.story_id AND m.seq = l.seq AND m.story_hash = l.story_hash
    GROUP BY ALL
),
won AS (
    SELECT cluster_id, label, n FROM votes
    QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY n DESC, label) = 1
),
kept AS (
    SELECT label, cluster_id FROM won
    QUALIFY row_number() OVER (PARTITION BY label ORDER BY n DESC, cluster_id) = 1
),
fresh AS (
    SELECT label, 'c' || left(md5(string_agg(story_id || '#' || seq, ' ' ORDER BY node)), 15) AS cluster_id
    FROM clu_labels WHERE label NOT IN (SELECT label FROM kept) GROUP BY label
)
SELECT * FROM kept UNION ALL SELECT * FROM fresh
"""
_REPLACE_MEMBERS = """
DELETE FROM cluster_members WHERE block IN (SELECT block FROM clu_dirty)
   OR NOT EXISTS (SELECT 1 FROM clu_events AS e WHERE e.story_id = cluster_members.story_id
                  AND e.seq = cluster_members.seq AND e.story_hash = cluster_members.story_hash);
INSERT INTO cluster_members
SELECT l.story_id, l.seq, n.cluster_id, l.counted, l.block, l.story_hash,
       l.trigger_text, l.trigger_start, l.trigger_end
FROM clu_labels AS l JOIN clu_names AS n USING (label);
"""
# counting follows story groups, which may change without any event changing
_COUNTED = """
UPDATE cluster_members SET counted = e.counted
FROM clu_events AS e
WHERE e.story_id = cluster_members.story_id AND e.seq = cluster_members.seq
  AND e.counted <> cluster_members.counted
"""
_SUMMARY = """
CREATE OR REPLACE TEMP TABLE clu_new AS
WITH members AS (
    SELECT m.cluster_id, m.counted, m.block, e.*, s.published,
           coalesce(nullif(s.source, ''), s.dateline_agency) AS agency,
           CASE e.date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2 ELSE 3 END
               + CASE WHEN e.date IS NULL THEN 4 ELSE 0 END AS precise
    FROM cluster_members AS m
    JOIN cluster_events AS e ON e.story_id = m.story_id AND e.seq = m.seq
    JOIN cluster_stories AS s ON s.id = m.story_id
),
canonical AS (
    SELECT * FROM members
    QUALIFY row_number() OVER (
        PARTITION BY cluster_id
        ORDER BY length(cameo) DESC, precise,
                 length(array_to_string(source || target, '')) DESC,
                 counted DESC, published NULLS LAST, story_id, seq
    ) = 1
),
counts AS (
    SELECT cluster_id,
           min(published) AS first_reported,
           arg_min(story_id, (published IS NULL, published, story_id)) AS first_story_id,
           count(*) FILTER (WHERE counted) AS reports,
           count(DISTINCT story_id) FILTER (WHERE counted) AS stories,
           count(DISTINCT agency) FILTER (WHERE counted) AS sources,
           count(*) FILTER (WHERE NOT counted) AS copies,
           max(place) AS place
    FROM members GROUP BY cluster_id
),
-- the date most counted reports give at the best precision any gives (the earliest on a tie)
dated AS (
    SELECT cluster_id, arg_max(day, (n, -epoch(day))) AS day
    FROM (
        SELECT cluster_id, coalesce(date, published) AS day, count(*) FILTER (WHERE counted) AS n
        FROM (SELECT *, min(precise) OVER (PARTITION BY cluster_id) AS best FROM members)
        WHERE precise = best
        GROUP BY cluster_id, day
    ) GROUP BY cluster_id
)
SELECT c.cluster_id, c.cameo, c.cameo_name, c.root_code, c.plover_type, c.goldstein, c.quad,
       c.source, c.target, d.day, c.date_text, c.date_precision, n.place,
       n.first_reported, n.first_story_id, n.reports, n.stories, n.sources, n.copies,
       c.story_id, c.seq, c.block
FROM canonical AS c JOIN counts AS n USING (cluster_id) JOIN dated AS d USING (cluster_id)
"""


_WORK_TABLES = (
    "clu_events", "clu_dirty", "clu_weeks", "clu_edges", "clu_components", "clu_precise",
    "clu_imprecise", "clu_labels",
)  # fmt: skip


def cluster_events(db: duckdb.DuckDBPyConnection, settings: ClusterSettings, *, full: bool = False) -> int:
    """Update ``cluster_members`` and rebuild ``event_clusters`` (the caller holds the
    transaction); ``full`` recomputes every block. Returns the number of blocks recomputed."""
    slack = {
        "day_slack": settings.day_slack,
        "published_slack": settings.published_slack,
        "mutual": list(settings.mutual_codes),
    }
    db.execute(_EVENTS, slack)
    db.execute(_DIRTY, {"full": full})
    dirty = int(db.execute("SELECT count(*) FROM clu_dirty").fetchall()[0][0])
    if dirty:
        for statement in (_WEEKS, _EDGES):
            db.execute(statement)
        connected_components(db, edges="clu_edges", out="clu_components")
        db.execute(_PRECISE, {"day_slack": settings.day_slack})
        db.execute(_IMPRECISE)
        db.execute(_LABELS)
        db.execute(_NAMES)
        db.execute(_REPLACE_MEMBERS)
    db.execute(_COUNTED)
    db.execute(_SUMMARY)
    replace_changed(db, table="event_clusters", new="clu_new", key="cluster_id")
    for table in (*_WORK_TABLES, "clu_names"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    return dirty
