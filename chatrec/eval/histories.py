"""New and returning customers: recall with 0, 1, 3 and 10 history items (leave the last one out).

For every customer with at least ``k + 1`` interactions, the last interaction is the target
and the ``k`` before it the history (fewer customers qualify as ``k`` grows; a ``k`` no
customer reaches is reported with 0 customers, never extrapolated). The ranking is the
product's retrieval call for a customer who has not said anything yet (empty query): the
history's embedding centroid mixed in with the ``profile_weight`` setting, item signals
(popularity, and co-mentions of the history items) fused as the product fuses them, history
items excluded. It is scored with the signals (``signals``), with the signals fused as before
the sparse-history fix (``signals_before``: items known only by their popularity enter the
signals' list, :attr:`chatrec.query.Query.prior_in_list`) and without (``no_signals``: the
history's centroid alone).

Item signals are fitted on the other customers' full histories (K-fold over customers), never
on the scored customer's own.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from chatrec.errors import InputError
from chatrec.query import Query
from chatrec.retrieval import Retriever
from chatrec.signals import ItemSignals, Session, SignalWeights

__all__ = ["HISTORY_SIZES", "evaluate_histories"]

logger = logging.getLogger(__name__)

#: History sizes the table reports.
HISTORY_SIZES = (0, 1, 3, 10)
#: The rows of each size: (name, with signals, fused as before the sparse-history fix).
SYSTEMS = (("signals", True, False), ("signals_before", True, True), ("no_signals", False, False))


def _taste(retriever: Retriever, history: Sequence[str]) -> np.ndarray | None:
    rows = [retriever.index.position(i) for i in history]
    if not rows:
        return None
    centroid = retriever.index.embeddings[rows].mean(axis=0)
    norm = float(np.linalg.norm(centroid))
    return (centroid / norm).astype(np.float32) if norm > 0 else None


def evaluate_histories(
    retriever: Retriever,
    histories: Mapping[str, Sequence[str]],
    *,
    sizes: Sequence[int] = HISTORY_SIZES,
    folds: int = 5,
    seed: int = 0,
    ks: Sequence[int] = (10, 50),
) -> dict[str, Any]:
    """Recall@K of the held-out last item per history size.

    Args:
        retriever: The catalogue's retriever.
        histories: Customer id to their item ids, oldest first (items outside the catalogue
            are dropped; repeats keep the last occurrence).
        sizes: History sizes to report.
        folds: Customer folds for fitting the signals.
        seed: Seed of the fold assignment.
        ks: Cut-offs.

    Returns:
        ``{"rows": [{"history_items", "customers", "signals": {"recall@K"...}, "signals_before": {...},
        "no_signals": {...}}],
        ...}`` (``recall@K`` None when no customer has that many history items).

    Raises:
        InputError: No customer has an item of the catalogue.
    """
    cleaned: dict[str, list[str]] = {}
    for user, items in histories.items():
        kept = list(dict.fromkeys(reversed([i for i in items if i in retriever.index])))[::-1]
        if kept:
            cleaned[user] = kept
    if not cleaned:
        raise InputError("no customer history names an item of the catalogue")
    users = sorted(cleaned)
    random.Random(seed).shuffle(users)
    fold_of = {user: number % folds for number, user in enumerate(users)}
    settings = retriever.settings
    ids = [item.id for item in retriever.index.items]
    empty = retriever.embedder.encode_queries([""])[0].astype(np.float32)
    hits: dict[tuple[int, str, int], int] = {}
    counts: dict[int, int] = dict.fromkeys(sizes, 0)
    for fold in range(folds):
        sessions = [Session(items=tuple(cleaned[u]), key=u) for u in users if fold_of[u] != fold]
        aligned = ItemSignals.fit(sessions, vocabulary=ids).aligned(ids, embeddings=retriever.index.embeddings)
        for user in (u for u in users if fold_of[u] == fold):
            items = cleaned[user]
            target = items[-1]
            for size in sizes:
                if len(items) < size + 1:
                    continue
                counts[size] += 1
                history = items[-1 - size : -1] if size else []
                taste = _taste(retriever, history)
                parts = aligned.parts(history, "")
                extra = aligned.scores(history, "", SignalWeights(), parts)
                for system, signals, before in SYSTEMS:
                    query = Query(
                        "", exclude_ids=tuple(history), vector=empty, taste=taste,
                        taste_weight=settings.profile_weight, signal_scores=extra if signals else None,
                        signal_weight=settings.signals_weight, signal_parts=parts if signals else None,
                        prior_in_list=before,
                    )
                    found = retriever.search(query, max(ks))
                    position = next((n for n, c in enumerate(found) if c.item.id == target), None)
                    for k in ks:
                        key = (size, system, k)
                        hits[key] = hits.get(key, 0) + int(position is not None and position < k)
    rows = []
    for size in sizes:
        row: dict[str, Any] = {"history_items": size, "customers": counts[size]}
        for system, *_ in SYSTEMS:
            row[system] = {f"recall@{k}": round(hits.get((size, system, k), 0) / counts[size], 4)
                           if counts[size] else None for k in ks}
        rows.append(row)
    return {"customers": len(cleaned), "catalogue_items": len(ids), "folds": folds, "rows": rows}
