"""Connected components of an edge table, in SQL: min-label propagation with pointer jumping.

Story groups and event clusters both join items transitively (A~B and B~C put A, B, C in one
group), so both need components of a graph held in DuckDB. Each round gives every node the
smallest label among its neighbours, then replaces each label by that label's own label
(pointer jumping), which halves long chains; it stops when no label changes. Every round is
one set-based statement, never a Python loop over pairs.
"""

from __future__ import annotations

import duckdb


def connected_components(db: duckdb.DuckDBPyConnection, *, edges: str, out: str) -> int:
    """Write ``out(node, label)`` for every node of ``edges(a, b)``; label = the smallest node
    of its component. Returns the number of rounds taken. Table names come from code only."""
    db.execute(
        f"""CREATE OR REPLACE TEMP TABLE {out} AS
        SELECT node, min(node) AS label FROM (
            SELECT a AS node FROM {edges} UNION SELECT b FROM {edges}
        ) GROUP BY node"""
    )
    db.execute(
        f"""CREATE OR REPLACE TEMP TABLE {out}_links AS
        SELECT a AS node, b AS other FROM {edges} UNION SELECT b, a FROM {edges}"""
    )
    rounds = 0
    while True:
        rounds += 1
        db.execute(
            f"""CREATE OR REPLACE TEMP TABLE {out}_next AS
            WITH spread AS (
                SELECT l.node, min(n.label) AS label
                FROM {out}_links AS l JOIN {out} AS n ON n.node = l.other GROUP BY l.node
            ),
            stepped AS (
                SELECT c.node, least(c.label, coalesce(s.label, c.label)) AS label
                FROM {out} AS c LEFT JOIN spread AS s USING (node)
            )
            SELECT s.node, least(s.label, j.label) AS label
            FROM stepped AS s JOIN stepped AS j ON j.node = s.label"""
        )
        changed = db.execute(
            f"SELECT count(*) FROM {out}_next AS n JOIN {out} AS o USING (node) WHERE n.label <> o.label"
        ).fetchall()[0][0]
        db.execute(f"DROP TABLE {out}")
        db.execute(f"ALTER TABLE {out}_next RENAME TO {out}")
        if not changed:
            break
    db.execute(f"DROP TABLE {out}_links")
    return rounds
