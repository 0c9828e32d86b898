"""Ranking metrics: the numbers a reader of the benchmark table relies on."""

from __future__ import annotations

import math

import numpy as np
import pytest

from chatrec.eval.metrics import (
    catalogue_coverage,
    hit_at_k,
    intra_list_diversity,
    mrr,
    ndcg_at_k,
    rank_of,
    recall_at_k,
)

RANKED = ["a", "b", "c", "d", "e"]


def test_hit_and_recall_at_k() -> None:
    assert hit_at_k(RANKED, {"c"}, 3) == 1.0
    assert hit_at_k(RANKED, {"c"}, 2) == 0.0
    assert recall_at_k(RANKED, {"a", "e", "z"}, 5) == pytest.approx(2 / 3)
    assert recall_at_k(RANKED, {"b"}, 1) == 0.0
    assert recall_at_k(RANKED, set(), 5) == 0.0


def test_ndcg_rewards_higher_positions() -> None:
    assert ndcg_at_k(RANKED, {"a"}, 10) == 1.0
    assert ndcg_at_k(RANKED, {"b"}, 10) == pytest.approx(1 / math.log2(3))
    assert ndcg_at_k(RANKED, {"e"}, 3) == 0.0
    # Two relevant items in the top two is perfect.
    assert ndcg_at_k(RANKED, {"a", "b"}, 10) == pytest.approx(1.0)


def test_mrr_and_rank_of() -> None:
    assert mrr(RANKED, {"c"}) == pytest.approx(1 / 3)
    assert mrr(RANKED, {"z"}) == 0.0
    assert rank_of(RANKED, {"d", "b"}) == 1
    assert rank_of(RANKED, {"z"}) is None


def test_bad_k_is_refused() -> None:
    with pytest.raises(ValueError):
        recall_at_k(RANKED, {"a"}, 0)


def test_catalogue_coverage_counts_distinct_items_in_top_k() -> None:
    lists = [["a", "b", "c"], ["a", "d", "x"]]
    assert catalogue_coverage(lists, catalogue_size=10, k=2) == pytest.approx(3 / 10)
    assert catalogue_coverage(lists, catalogue_size=10, k=3) == pytest.approx(5 / 10)


def test_intra_list_diversity() -> None:
    same = np.array([[1.0, 0.0], [2.0, 0.0], [0.5, 0.0]])
    orthogonal = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert intra_list_diversity(same) == pytest.approx(0.0)
    assert intra_list_diversity(orthogonal) == pytest.approx(1.0)
    assert intra_list_diversity(orthogonal[:1]) == 0.0
