"""Pairwise and B-cubed scores of a clustering against gold labels."""

from __future__ import annotations

import pytest

from dateline.evaluation.clusters import components, score_clusters, score_pairs


def test_a_perfect_clustering_scores_one() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    scores = score_clusters(gold, {"a": "x", "b": "x", "c": "y"})
    assert scores.pairs.f1 == 1.0 and scores.bcubed_f1 == 1.0


def test_merging_everything_costs_precision_not_recall() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 3}
    scores = score_clusters(gold, dict.fromkeys(gold, "all"))
    assert scores.pairs.recall == 1.0 and scores.pairs.precision == pytest.approx(1 / 6)
    assert scores.bcubed_recall == 1.0
    assert scores.bcubed_precision == pytest.approx((2 / 4 + 2 / 4 + 1 / 4 + 1 / 4) / 4)


def test_splitting_everything_costs_recall_not_precision() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    scores = score_clusters(gold, {item: item for item in gold})
    assert scores.bcubed_precision == 1.0 and scores.pairs.fp == 0
    assert scores.bcubed_recall == pytest.approx((1 / 3 * 3 + 1) / 4)
    assert scores.pairs.fn == 3


def test_every_gold_item_needs_a_prediction() -> None:
    with pytest.raises(ValueError, match="no predicted cluster"):
        score_clusters({"a": 1, "b": 1}, {"a": 1})


def test_labelled_pairs_count_agreements() -> None:
    counts = score_pairs([(True, True), (True, False), (False, True), (False, False)])
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)


def test_components_join_chains_of_pairs() -> None:
    labels = components("abcde", [("a", "b"), ("c", "b"), ("d", "e")])
    assert labels["a"] == labels["b"] == labels["c"] != labels["d"] == labels["e"]
