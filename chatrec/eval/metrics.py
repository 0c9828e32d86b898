"""Ranking and beyond-accuracy metrics, as pure functions.

Every function takes ranked item ids (best first) and the relevant ids, or ranks, and returns
a float; averaging over turns is the caller's business. A rank is 0-based (0 = first place);
``None`` means the item was not ranked at all.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence

import numpy as np

__all__ = [
    "catalogue_coverage",
    "hit_at_k",
    "intra_list_diversity",
    "mrr",
    "ndcg_at_k",
    "rank_of",
    "recall_at_k",
]


def _check_k(k: int) -> None:
    if k <= 0:
        raise ValueError(f"k must be positive, got {k}")


def rank_of(ranked: Sequence[str], relevant: Collection[str]) -> int | None:
    """0-based position of the first relevant id in ``ranked``, or None when absent."""
    for position, item_id in enumerate(ranked):
        if item_id in relevant:
            return position
    return None


def hit_at_k(ranked: Sequence[str], relevant: Collection[str], k: int) -> float:
    """1.0 when any relevant id is in the top ``k``, else 0.0."""
    _check_k(k)
    return 1.0 if any(item_id in relevant for item_id in ranked[:k]) else 0.0


def recall_at_k(ranked: Sequence[str], relevant: Collection[str], k: int) -> float:
    """Share of the relevant ids found in the top ``k`` (0.0 when nothing is relevant).

    With one relevant id, as in the ReDial protocol's (turn, target) pairs, this equals
    :func:`hit_at_k`.
    """
    _check_k(k)
    if not relevant:
        return 0.0
    top = set(ranked[:k])
    return sum(1 for item_id in set(relevant) if item_id in top) / len(set(relevant))


def ndcg_at_k(ranked: Sequence[str], relevant: Collection[str], k: int) -> float:
    """Binary-relevance NDCG of the top ``k``: DCG divided by the best possible DCG."""
    _check_k(k)
    wanted = set(relevant)
    if not wanted:
        return 0.0
    dcg = sum(1.0 / math.log2(position + 2) for position, item_id in enumerate(ranked[:k]) if item_id in wanted)
    ideal = sum(1.0 / math.log2(position + 2) for position in range(min(len(wanted), k)))
    return dcg / ideal


def mrr(ranked: Sequence[str], relevant: Collection[str]) -> float:
    """Reciprocal rank of the first relevant id (1.0 at the top, 0.0 when absent)."""
    position = rank_of(ranked, relevant)
    return 0.0 if position is None else 1.0 / (position + 1)


def catalogue_coverage(lists: Iterable[Sequence[str]], catalogue_size: int, k: int = 10) -> float:
    """Share of the catalogue that appears in at least one top-``k`` list.

    Args:
        lists: The recommendation lists shown (one per turn), best first.
        catalogue_size: Number of items in the catalogue.
        k: How much of each list counts.
    """
    _check_k(k)
    if catalogue_size <= 0:
        raise ValueError(f"catalogue_size must be positive, got {catalogue_size}")
    shown: set[str] = set()
    for ranked in lists:
        shown.update(ranked[:k])
    return len(shown) / catalogue_size


def intra_list_diversity(vectors: np.ndarray) -> float:
    """Mean pairwise cosine distance (1 - cosine) between the items of one list.

    Args:
        vectors: ``(n, dim)`` item embeddings of the list (normalised or not).

    Returns:
        0.0 for fewer than two items or identical items; up to 2.0 for opposite ones.
    """
    vectors = np.asarray(vectors, dtype=np.float64)
    n = vectors.shape[0]
    if n < 2:
        return 0.0
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.where(norms > 0, norms, 1.0)
    similarity = unit @ unit.T
    upper = similarity[np.triu_indices(n, k=1)]
    return float(np.mean(1.0 - upper))
