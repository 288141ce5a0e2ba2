"""Story groups: exact copies by normalised-text hash, near copies by MinHash/LSH in SQL.

1. Each story's words: title and body (its dateline cut off, since one copy may carry another
   agency's), lower-cased, split on anything that is not a letter or digit.
2. Exact copies: equal hashes of those words.
3. Near copies: five-word shingles, ``bands * rows`` MinHash values per story (the minimum of
   a seeded hash over its shingles), and one LSH key per band; stories sharing a band key, or
   the same opening words, are candidates. Each candidate pair is verified on its exact
   shingle sets (Jaccard, or containment of the shorter story), on the figures both give
   (a recurring report, such as a daily market operation, repeats the words of yesterday's
   with other figures) and on publication dates.
4. Groups are the connected components of exact and verified pairs; the head is the earliest
   story (published, then id), and the group id is the head's id.

Everything reads the ``cluster_stories`` view (see ``inputs.py``) and writes ``story_groups``.
"""

from __future__ import annotations

import re

import duckdb

from .components import connected_components
from .settings import ClusterSettings
from .tables import replace_changed

_WORDS = r"""
CREATE OR REPLACE TEMP TABLE grp_words AS
SELECT id, published,
       list_filter(
           string_split(regexp_replace(lower(concat_ws(' ', title, body)), '[^\pL\pN]+', ' ', 'g'), ' '),
           lambda w: w <> ''
       ) AS words,
       list_filter(
           string_split(regexp_replace(lower(body), '[^\pL\pN]+', ' ', 'g'), ' '), lambda w: w <> ''
       )[1:$lead] AS lead,
       list_distinct(regexp_extract_all(concat_ws(' ', title, body), '\d(?:[\d.,/:-]*\d)?')) AS numbers
FROM (SELECT id, published, title, substring(text, coalesce(dateline_end, 0) + 1) AS body
      FROM cluster_stories)
"""
_SHINGLES = """
CREATE OR REPLACE TEMP TABLE grp_shingles AS
SELECT DISTINCT id, hash(words[i:i + $k - 1]) AS h
FROM grp_words, range(1, greatest(len(words) - $k + 1, 1) + 1) AS r(i)
WHERE len(words) > 0
"""
# boilerplate shingles (a sign-off, a standing phrase) say nothing about copies and would make
# every story a candidate of every other: signatures leave out those in many stories
_BANDS = """
CREATE OR REPLACE TEMP TABLE grp_bands AS
WITH telling AS (
    SELECT id, h FROM grp_shingles
    WHERE h NOT IN (SELECT h FROM grp_shingles GROUP BY h HAVING count(*) > $max_bucket)
),
signature AS (
    SELECT id, seed, min(hash(h, seed)) AS m
    FROM telling, range($hashes) AS s(seed) GROUP BY id, seed
)
SELECT id, band, key FROM (
    SELECT id, seed // $rows AS band, hash(list(m ORDER BY seed)) AS key
    FROM signature GROUP BY id, band
)
QUALIFY count(*) OVER (PARTITION BY band, key) <= $max_bucket
"""
_CANDIDATES = """
CREATE OR REPLACE TEMP TABLE grp_candidates AS
SELECT DISTINCT a.id AS a, b.id AS b
FROM grp_bands AS a JOIN grp_bands AS b ON a.band = b.band AND a.key = b.key AND a.id < b.id
UNION
SELECT a.id, b.id
FROM (SELECT id, lead, count(*) OVER (PARTITION BY lead) AS bucket FROM grp_words WHERE len(lead) > 0) AS a
JOIN grp_words AS b ON a.lead = b.lead AND a.id < b.id
WHERE a.bucket <= $max_bucket
"""
_VERIFIED = """
CREATE OR REPLACE TEMP TABLE grp_pairs AS
WITH sizes AS (SELECT id, count(*) AS n FROM grp_shingles GROUP BY id),
-- the first story's shingles per pair, materialised so the join keeps this order: joining
-- the shingle tables on their hashes first would pair every story sharing boilerplate
firsts AS MATERIALIZED (
    SELECT c.a, c.b, x.h FROM grp_candidates AS c JOIN grp_shingles AS x ON x.id = c.a
),
shared AS (
    SELECT f.a, f.b, count(*) AS n
    FROM firsts AS f JOIN grp_shingles AS y ON y.id = f.b AND y.h = f.h
    GROUP BY f.a, f.b
),
scored AS (
    SELECT s.a, s.b, s.n / (sa.n + sb.n - s.n) AS jaccard, s.n / least(sa.n, sb.n) AS containment,
           least(sa.n, sb.n) AS shorter
    FROM shared AS s JOIN sizes AS sa ON sa.id = s.a JOIN sizes AS sb ON sb.id = s.b
)
SELECT s.a, s.b, s.jaccard, 'near' AS how
FROM scored AS s
JOIN grp_words AS wa ON wa.id = s.a JOIN grp_words AS wb ON wb.id = s.b
WHERE (s.jaccard >= CASE WHEN s.shorter < $short THEN $short_jaccard ELSE $jaccard END
       OR (s.containment >= $containment AND s.shorter >= $min_contained))
  AND (least(len(wa.numbers), len(wb.numbers)) = 0
       OR len(list_distinct(wa.numbers || wb.numbers)) < $min_numbers
       OR len(list_intersect(wa.numbers, wb.numbers)) / least(len(wa.numbers), len(wb.numbers))
          >= $number_share)
  AND (wa.published IS NULL OR wb.published IS NULL
       OR abs(date_diff('day', wa.published, wb.published)) <= $window)
UNION ALL
SELECT head, id, 1.0, 'exact'
FROM (
    SELECT id, first_value(id) OVER (PARTITION BY digest ORDER BY published NULLS LAST, id) AS head
    FROM (SELECT id, published, md5(array_to_string(words, ' ')) AS digest
          FROM grp_words WHERE len(words) > 0)
)
WHERE id <> head
"""
_NODES = """
CREATE OR REPLACE TEMP TABLE grp_nodes AS
SELECT id, content_hash AS story_hash, row_number() OVER (ORDER BY published NULLS LAST, id) AS node
FROM cluster_stories
"""
_EDGES = """
CREATE OR REPLACE TEMP TABLE grp_edges AS
SELECT na.node AS a, nb.node AS b
FROM grp_pairs AS p JOIN grp_nodes AS na ON na.id = p.a JOIN grp_nodes AS nb ON nb.id = p.b
"""
_WRITE = """
CREATE OR REPLACE TEMP TABLE grp_new AS
WITH labelled AS (
    SELECT n.id, n.node, n.story_hash, coalesce(c.label, n.node) AS label FROM grp_nodes AS n
    LEFT JOIN grp_components AS c USING (node)
),
best AS (
    SELECT id, max(jaccard) AS similarity, arg_max(how, (jaccard, how = 'exact')) AS how
    FROM (SELECT a AS id, jaccard, how FROM grp_pairs UNION ALL SELECT b, jaccard, how FROM grp_pairs)
    GROUP BY id
)
SELECT l.id AS story_id, h.id AS group_id, l.node = l.label AS is_head,
       CASE WHEN l.node = l.label THEN 'head' ELSE coalesce(b.how, 'near') END AS how,
       b.similarity, count(*) OVER (PARTITION BY l.label) AS copies, l.story_hash
FROM labelled AS l JOIN grp_nodes AS h ON h.node = l.label LEFT JOIN best AS b ON b.id = l.id
"""
# stories added, changed or gone since the groups were written; none means nothing to redo
_STALE = """
SELECT count(*) FROM cluster_stories AS s FULL JOIN story_groups AS g ON g.story_id = s.id
WHERE s.id IS NULL OR g.story_id IS NULL OR g.story_hash <> s.content_hash
"""


def group_stories(db: duckdb.DuckDBPyConnection, settings: ClusterSettings, *, full: bool = False) -> bool:
    """Rebuild ``story_groups`` from ``cluster_stories`` (the caller holds the transaction)
    when a story was added, changed or removed since (or ``full``); True if it was rebuilt."""
    if not full and not db.execute(_STALE).fetchall()[0][0]:
        return False
    values = {
        "lead": settings.lead_words,
        "k": settings.shingle_words,
        "hashes": settings.minhash_bands * settings.minhash_rows,
        "rows": settings.minhash_rows,
        "max_bucket": settings.max_lead_bucket,
        "jaccard": settings.near_jaccard,
        "containment": settings.near_containment,
        "short": settings.short_story_shingles,
        "short_jaccard": settings.short_jaccard,
        "min_contained": settings.min_contained_shingles,
        "window": settings.copy_window_days,
        "min_numbers": settings.min_numbers,
        "number_share": settings.number_share,
    }
    for statement in (_WORDS, _SHINGLES, _BANDS, _CANDIDATES, _VERIFIED, _NODES, _EDGES):
        db.execute(statement, _used(statement, values))
    connected_components(db, edges="grp_edges", out="grp_components")
    db.execute(_WRITE)
    replace_changed(db, table="story_groups", new="grp_new", key="story_id")
    for table in ("grp_words", "grp_shingles", "grp_bands", "grp_candidates", "grp_pairs", "grp_edges"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    return True


def _used(statement: str, values: dict[str, int | float]) -> dict[str, int | float]:
    """The named parameters one statement refers to (DuckDB refuses unused ones)."""
    return {name: value for name, value in values.items() if re.search(rf"\${name}\b", statement)}
