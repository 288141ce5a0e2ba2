"""Many reports, one event: story groups (copies of one story) and event clusters (one
real-world event reported by several stories), computed in SQL over a store (docs/clusters.md).
"""

from __future__ import annotations

from .run import ClusterReport, cluster_connection, cluster_store
from .settings import DEFAULT_CLUSTER_SETTINGS, ClusterSettings

__all__ = [
    "DEFAULT_CLUSTER_SETTINGS",
    "ClusterReport",
    "ClusterSettings",
    "cluster_connection",
    "cluster_store",
]
