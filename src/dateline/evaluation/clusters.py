"""Scores of a clustering against hand labels: pairwise precision/recall and B-cubed.

Pairwise counts every pair of items: a true positive is a pair in one gold cluster that the
system also put together. B-cubed (Bagga and Baldwin, 1998) averages, over items, the share
of an item's predicted cluster that is in its gold cluster (precision) and the share of its
gold cluster that is in its predicted cluster (recall); unlike pairwise, a big cluster does
not outweigh many small ones. Both take two maps from item to cluster label over the same items.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .scoring import Counts


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Pairwise counts and B-cubed precision/recall of one clustering."""

    items: int
    pairs: Counts
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_precision, self.bcubed_recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_json(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "pairwise": {
                "tp": self.pairs.tp,
                "fp": self.pairs.fp,
                "fn": self.pairs.fn,
                "precision": round(self.pairs.precision, 4),
                "recall": round(self.pairs.recall, 4),
                "f1": round(self.pairs.f1, 4),
            },
            "bcubed": {
                "precision": round(self.bcubed_precision, 4),
                "recall": round(self.bcubed_recall, 4),
                "f1": round(self.bcubed_f1, 4),
            },
        }


def score_clusters(
    gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]
) -> ClusterScores:
    """Compare two clusterings of the same items (``predicted`` must label every gold item)."""
    missing = [item for item in gold if item not in predicted]
    if missing:
        raise ValueError(f"{len(missing)} gold items have no predicted cluster, e.g. {missing[0]!r}")
    items = list(gold)
    gold_of, pred_of = _members(items, gold), _members(items, predicted)
    both = Counter((gold[item], predicted[item]) for item in items)
    precision = recall = 0.0
    for item in items:
        shared = both[gold[item], predicted[item]]
        precision += shared / len(pred_of[predicted[item]])
        recall += shared / len(gold_of[gold[item]])
    count = len(items) or 1
    return ClusterScores(len(items), _pair_counts(gold_of, pred_of, both), precision / count, recall / count)


def score_pairs(labelled: Iterable[tuple[bool, bool]]) -> Counts:
    """Pairwise counts from (gold says same, system says same) per labelled pair."""
    tp = fp = fn = 0
    for gold_same, predicted_same in labelled:
        tp += gold_same and predicted_same
        fp += predicted_same and not gold_same
        fn += gold_same and not predicted_same
    return Counts(tp, fp, fn)


def _members(items: list[Hashable], labels: Mapping[Hashable, Hashable]) -> dict[Hashable, list[Hashable]]:
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for item in items:
        groups[labels[item]].append(item)
    return groups


def _pair_counts(
    gold_of: dict[Hashable, list[Hashable]],
    pred_of: dict[Hashable, list[Hashable]],
    both: Counter[tuple[Hashable, Hashable]],
) -> Counts:
    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in both.values())
    gold_pairs = sum(pairs(len(group)) for group in gold_of.values())
    pred_pairs = sum(pairs(len(group)) for group in pred_of.values())
    return Counts(tp, pred_pairs - tp, gold_pairs - tp)


def components(
    items: Iterable[Hashable], links: Iterable[tuple[Hashable, Hashable]]
) -> dict[Hashable, Hashable]:
    """Gold clusters from labelled same-pairs: each item's label is its component's first item."""
    parent: dict[Hashable, Hashable] = {item: item for item in items}

    def root(item: Hashable) -> Hashable:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb, key=str)] = min(ra, rb, key=str)
    return {item: root(item) for item in parent}


__all__ = ["ClusterScores", "components", "score_clusters", "score_pairs"]
