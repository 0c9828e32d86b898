"""An item-item model learnt from logged baskets: EASE (Steck, 2019), pruned to stay small.

:class:`chatrec.signals.ItemSignals` fits one with the other signals. Its scores enter retrieval
twice (issue 14): as a ranked list of their own in the reciprocal-rank pool (weight
:data:`LIST_WEIGHT`) and as two learned-fusion features. On ReDial's validation turns, with the
logs of ``eval redial --folds 2``, the two together raised the fusion's echo-free R@10 from .226
to .233 (p=.005) at an R@50 cost of .0015 (``bench/redial_report/i14g_item_model.md``).

Co-mention counts say "X and Y were named together". EASE learns, from every basket at once,
how well each item predicts each other item *given the rest of the basket*: a ridge regression
of every item column on all other item columns, in closed form,

    P = (X^T X + l2 I)^-1,    B = -P / diag(P),    diag(B) = 0,

where ``X`` is the 0/1 session x item matrix. A customer's items ``x`` (the ones they named
or liked, later ones weighing more) score every item as ``x @ B``. Popular items that go with
everything are discounted by the regression instead of by a hand-set shrinkage.

Only items named in the logs have a column: items the logs never named have no score (NaN in
:meth:`ItemModel.scores`), which the learned fusion reads as "no log data", never as "bad".
The matrix is kept sparse, each item's ``keep`` largest weights, so that it saves with the
item signals in a few megabytes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import linalg, sparse

__all__ = ["DEFAULT_DECAY", "DEFAULT_KEEP", "DEFAULT_L2", "DEFAULT_MAX_ITEMS", "LIST_WEIGHT", "ItemModel"]

logger = logging.getLogger(__name__)

#: Ridge strength; chosen on a split of ReDial's training dialogues (300 to 1000 equal there).
DEFAULT_L2 = 500.0
#: Weights kept per item (the largest in absolute value; 200 ranked as well as all on ReDial).
DEFAULT_KEEP = 200
#: Each earlier-named context item weighs this much of the one named after it.
DEFAULT_DECAY = 0.7
#: Weight of the item model's ranked list in the reciprocal-rank pool (dense and BM25 weigh 1).
LIST_WEIGHT = 1.0
#: Most items with a column (the most named ones): the fit inverts a square matrix of this size.
DEFAULT_MAX_ITEMS = 5000


class ItemModel:
    """EASE item-item weights over the items the logs named.

    Build with :meth:`fit`; :class:`chatrec.signals.ItemSignals` fits, saves and loads one with
    the other signals.

    Attributes:
        ids: The items with a column (named at least once in the logs), in a fixed order.
        weights: Sparse ``len(ids)`` x ``len(ids)`` matrix: ``weights[i, j]`` is how much item
            ``i`` in the context raises item ``j``.
    """

    def __init__(self, ids: Sequence[str], weights: sparse.spmatrix) -> None:
        self.ids = list(ids)
        self.weights = sparse.csr_matrix(weights, dtype=np.float32)
        self._position = {item_id: row for row, item_id in enumerate(self.ids)}
        if self.weights.shape != (len(self.ids), len(self.ids)):
            raise ValueError("item model weights do not match its ids")

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def fit(
        cls, baskets: Iterable[Sequence[str]], *, l2: float = DEFAULT_L2, keep: int = DEFAULT_KEEP,
        min_count: int = 1, max_items: int = DEFAULT_MAX_ITEMS,
    ) -> ItemModel:
        """Fit EASE on baskets of item ids (repeats inside a basket count once).

        Args:
            baskets: The items of each logged session.
            l2: Ridge strength (larger: closer to co-occurrence counts, less overfitting).
            keep: Weights kept per context item (0: all; the matrix is then dense in memory).
            min_count: Items named in fewer baskets get no column.
            max_items: Only the ``max_items`` most named items get a column (the fit's time
                grows with its cube, its memory with its square).

        Returns:
            The model (empty when no item is named ``min_count`` times).
        """
        if l2 <= 0:
            raise ValueError("the item model's l2 must be positive")
        rows: list[int] = []
        columns: list[int] = []
        position: dict[str, int] = {}
        n_baskets = 0
        for basket in baskets:
            for item_id in dict.fromkeys(str(i) for i in basket):
                rows.append(n_baskets)
                columns.append(position.setdefault(item_id, len(position)))
            n_baskets += 1
        if not position:
            return cls([], sparse.csr_matrix((0, 0), dtype=np.float32))
        x = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=(n_baskets, len(position))
        )
        x.data[:] = 1.0  # a repeated (basket, item) pair counts once
        counts = np.asarray(x.sum(axis=0)).ravel()
        chosen = np.flatnonzero(counts >= min_count)
        if len(chosen) > max_items:
            chosen = np.sort(chosen[np.argsort(-counts[chosen], kind="stable")[:max_items]])
        if not len(chosen):
            return cls([], sparse.csr_matrix((0, 0), dtype=np.float32))
        ids_by_column = [""] * len(position)
        for item_id, column in position.items():
            ids_by_column[column] = item_id
        x = x[:, chosen]
        gram = np.asarray((x.T @ x).todense(), dtype=np.float64)
        gram[np.diag_indices_from(gram)] += l2
        # The Gram matrix plus l2 I is symmetric positive definite: invert it through Cholesky.
        factor = linalg.cho_factor(gram, lower=False, overwrite_a=True, check_finite=False)
        precision = linalg.cho_solve(factor, np.eye(len(chosen)), overwrite_b=True, check_finite=False)
        weights = -precision / np.diag(precision)[None, :]
        np.fill_diagonal(weights, 0.0)
        ids = [ids_by_column[c] for c in chosen.tolist()]
        logger.info("item model: %d baskets, %d items, l2 %g", n_baskets, len(ids), l2)
        return cls(ids, _pruned(weights.astype(np.float32), keep))

    def position(self, item_id: str) -> int | None:
        """Row of an item, or None when the logs never named it."""
        return self._position.get(item_id)

    def scores(self, context_ids: Sequence[str], *, decay: float = DEFAULT_DECAY) -> np.ndarray:
        """How strongly each of the model's items goes with the context (aligned with ``ids``).

        Args:
            context_ids: Items the customer named or liked, oldest first; each earlier one
                weighs ``decay`` times the one after it. Items without a column add nothing.
            decay: In (0, 1]; 1 weighs all context items alike.

        Returns:
            ``x @ B`` over the model's items; zeros when no context item has a column.
        """
        context = [row for c in dict.fromkeys(context_ids) if (row := self._position.get(c)) is not None]
        if not context:
            return np.zeros(len(self.ids), dtype=np.float32)
        weight = decay ** np.arange(len(context) - 1, -1, -1, dtype=np.float32)
        return np.asarray(self.weights[context].T @ weight, dtype=np.float32).ravel()

    def aligned_scores(
        self, columns: np.ndarray, context_ids: Sequence[str], *, decay: float = DEFAULT_DECAY
    ) -> np.ndarray:
        """:meth:`scores` mapped onto a catalogue: ``columns[j]`` is item j's row here, -1 if none.

        Items without a row get NaN: the logs say nothing about them.
        """
        out = np.full(len(columns), np.nan, dtype=np.float32)
        has = columns >= 0
        out[has] = self.scores(context_ids, decay=decay)[columns[has]]
        return out

    def columns_for(self, item_ids: Sequence[str]) -> np.ndarray:
        """Each item's row in the model, -1 for items it has none for."""
        rows = [-1 if (row := self._position.get(i)) is None else row for i in item_ids]
        return np.asarray(rows, dtype=np.int64)

    def without(self, item_ids: Iterable[str]) -> ItemModel:
        """The model with these items' rows and columns removed (for cold-start evaluation).

        The other weights are not refitted: evaluations that hold items out of the logs fit the
        signals again on the reduced logs instead, when they can.
        """
        drop = {row for i in item_ids if (row := self._position.get(i)) is not None}
        if not drop:
            return self
        keep = np.asarray([row for row in range(len(self.ids)) if row not in drop], dtype=np.int64)
        return ItemModel([self.ids[row] for row in keep], self.weights[keep][:, keep])


def _pruned(weights: np.ndarray, keep: int) -> sparse.csr_matrix:
    """Each row's ``keep`` largest-magnitude weights as a sparse matrix (all of them when ``keep`` is 0)."""
    n = weights.shape[0]
    if keep <= 0 or keep >= n:
        return sparse.csr_matrix(weights)
    top = np.argpartition(-np.abs(weights), keep - 1, axis=1)[:, :keep]
    values = np.take_along_axis(weights, top, axis=1)
    rows = np.repeat(np.arange(n), keep)
    return sparse.csr_matrix((values.ravel(), (rows, top.ravel())), shape=weights.shape)
