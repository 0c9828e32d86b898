"""Learned fusion: a gradient-boosted ranker that re-orders the retrieval pool.

Reciprocal-rank fusion (RRF) adds up ranks with fixed weights. It cannot learn that a strong
co-mention outweighs a weak text match, or that an item the customer already named is rarely
the answer. A learned fusion can: a LightGBM LambdaRank model over per-candidate features
(each list's score, rank and gap to the pool's best; the signal components; whether the
customer named the item; how much the conversation says), trained on logged turns where the
chosen item is known. It re-orders the ``depth`` best items of the RRF pool, so it changes
which items are shown, not which items are eligible: filters and exclusions still hold.

Fit one with `chatrec eval fit-fusion` on logged dialogues (never on the ones you evaluate
on: the file records the dialogues it learnt from and `eval redial` refuses an overlap), then
set ``fusion_path``. The dense features depend on the embedder: fit with the one you serve.

Cold start (issue 14): the model reads whether an item has log data (``logged``) and its
imputed signals, but a model learnt from logs has seen few right answers without log data. So
its order is held to a floor: an item without log data never falls below twice its place in
the reciprocal-rank pool, which is itself cold-start safe (:func:`cold_start_order`).

The file is JSON: the LightGBM model as text plus its feature names, pool depth, training
groups and held-out metrics. Loading checks all of them and names what is wrong.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from chatrec.errors import InputError
from chatrec.item_neighbours import NEIGHBOUR_FEATURES, Neighbours

__all__ = [
    "COLD_START_FLOOR",
    "FEATURES",
    "FusionExample",
    "ITEM_MODEL_FEATURES",
    "LearnedFusion",
    "Pool",
    "PoolRanker",
    "PoolScores",
    "cold_start_order",
    "fit_fusion",
    "pool_features",
    "reciprocal_rank_fusion",
]

logger = logging.getLogger(__name__)

FORMAT = "chatrec-fusion"
# 4: the embedding-neighbour and year features (chatrec.item_neighbours); 5: the item model (issue 14)
VERSION = 5
#: Item-model features (issue 14, :mod:`chatrec.item_model`): its score (NaN: no log data) and rank.
ITEM_MODEL_FEATURES = ("item_model", "item_model_rank")
#: Signal components the features read (see :meth:`chatrec.signals.AlignedSignals.parts`).
SIGNAL_PARTS = ("co_mention", "two_hop", "popularity", "log_text")
#: Catalogue-taste components the features read (see :meth:`chatrec.catalogue_taste.CatalogueTaste.parts`).
CONTENT_PARTS = ("content", "attribute_words")
#: An item without log data falls at most to this multiple of its place in the fused pool
#: (:func:`cold_start_order`). 1 is the strict floor; 2 met issue 14's cold-start target as
#: well on ReDial (all 2,716 validation turns, a fifth of the films held out of the logs) and
#: gave back most of the overall recall 1 cost: see bench/redial_report/i14c_cold_start_fusion.md.
COLD_START_FLOOR = 2.0
#: Per-candidate features, in the model's column order.
FEATURES = (
    "dense", "dense_gap", "dense_rank",
    "lexical", "lexical_gap", "lexical_rank",
    "signals", "signals_gap", "signals_rank",
    "fused", "fused_rank",
    *SIGNAL_PARTS, "co_mention_rank", "two_hop_rank",
    "taste", "taste_rank", "named", "n_named", "has_text", "logged",
    *CONTENT_PARTS, "content_list_rank",
    *NEIGHBOUR_FEATURES,
    *ITEM_MODEL_FEATURES,
)


class PoolRanker(Protocol):
    """What ``Retriever.search`` needs of a fusion model: a pool depth and a scorer of pool features.

    A model may also set ``cold_start_floor`` (default :data:`COLD_START_FLOOR`, 0: none; see
    :meth:`Pool.reordered`).
    """

    depth: int

    def score(self, features: np.ndarray) -> np.ndarray:
        """One score per pool row (higher is better)."""
        ...


@dataclass
class PoolScores:
    """What retrieval knows about every catalogue item for one query (index order).

    Attributes:
        dense: Cosine similarity to the dense query.
        lexical: BM25 score (0 or -inf where no term matches), or None without a text query.
        signals: The weighted signals score (None without signals).
        parts: The signal components by name (see :data:`SIGNAL_PARTS`); missing ones are 0.
            ``parts["logged"]`` (1 where the logs have data on the item, 0 where its signals are
            imputed or absent) is the explicit "no log data" feature; missing: 0 everywhere.
        fused: The RRF score of the pool's items.
        taste: Similarity to the centroid of the items the customer named, or None.
        named: Whether the customer named each item.
        content: The catalogue-taste list's score (-inf outside it), or None without that list.
        neighbours: The catalogue and the items named, for the :data:`NEIGHBOUR_FEATURES`
            (None: similarities 0, years missing).
    """

    dense: np.ndarray
    lexical: np.ndarray | None
    signals: np.ndarray | None
    parts: Mapping[str, np.ndarray]
    fused: Mapping[int, float]
    taste: np.ndarray | None = None
    named: np.ndarray | None = None
    content: np.ndarray | None = None
    neighbours: Neighbours | None = None


def _rank_of(scores: np.ndarray, rows: np.ndarray, cap: int, positive: bool) -> np.ndarray:
    """``log1p`` of each row's rank among the items with a finite (and, if ``positive``, > 0) score, capped."""
    valid = np.isfinite(scores) & (scores > 0) if positive else np.isfinite(scores)
    ordered = np.sort(scores[valid])[::-1]
    # rank = number of valid items scoring strictly higher
    higher = np.searchsorted(-ordered, -scores[rows], side="left").astype(np.float32)
    higher = np.where(valid[rows], np.minimum(higher, cap), cap)
    return np.log1p(higher).astype(np.float32)


def _finite(values: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(values), values, 0.0).astype(np.float32)


def pool_features(rows: np.ndarray, pool: PoolScores, cap: int) -> np.ndarray:
    """The feature matrix (``len(rows)`` x ``len(FEATURES)``) of a pool of catalogue rows.

    Args:
        rows: Catalogue rows of the pool, in RRF order.
        pool: The query's scores.
        cap: Ranks beyond this count as this (the pool depth).
    """
    n = len(rows)
    columns: list[np.ndarray] = []
    for scores, positive in ((pool.dense, False), (pool.lexical, True), (pool.signals, True)):
        if scores is None:
            columns += [np.zeros(n, np.float32), np.zeros(n, np.float32), np.full(n, math.log1p(cap), np.float32)]
            continue
        values = _finite(scores[rows])
        columns += [values, values - (values.max() if n else 0.0), _rank_of(scores, rows, cap, positive)]
    columns.append(np.asarray([pool.fused.get(int(row), 0.0) for row in rows], dtype=np.float32))
    columns.append(np.log1p(np.arange(n, dtype=np.float32)))
    worst = np.full(n, math.log1p(cap), dtype=np.float32)
    for name in SIGNAL_PARTS:
        part = pool.parts.get(name)
        columns.append(np.zeros(n, np.float32) if part is None else _finite(part[rows]))
    for name in ("co_mention", "two_hop"):
        part = pool.parts.get(name)
        columns.append(worst if part is None else _rank_of(part, rows, cap, positive=True))
    columns.append(np.zeros(n, np.float32) if pool.taste is None else _finite(pool.taste[rows]))
    columns.append(worst if pool.taste is None else _rank_of(pool.taste, rows, cap, positive=False))
    named = pool.named if pool.named is not None else np.zeros(len(pool.dense), dtype=bool)
    columns.append(named[rows].astype(np.float32))
    columns.append(np.full(n, float(named.sum()), dtype=np.float32))
    columns.append(np.full(n, 0.0 if pool.lexical is None else 1.0, dtype=np.float32))
    logged = pool.parts.get("logged")
    columns.append(np.zeros(n, np.float32) if logged is None else np.asarray(logged[rows], dtype=np.float32))
    for name in CONTENT_PARTS:
        part = pool.parts.get(name)
        columns.append(np.zeros(n, np.float32) if part is None else _finite(part[rows]))
    columns.append(worst if pool.content is None else _rank_of(pool.content, rows, cap, positive=True))
    if pool.neighbours is None:
        columns += [np.zeros(n, np.float32)] * 3 + [np.full(n, np.nan, np.float32)] * 2
    else:
        described = pool.neighbours.features(rows)
        columns += [described[name] for name in NEIGHBOUR_FEATURES]
    model = pool.parts.get("item_model")
    if model is None:
        columns += [np.full(n, np.nan, np.float32), worst]
    else:
        # NaN stays NaN (the model has no column for the item: no log data, not a low score).
        rank = _rank_of(np.nan_to_num(model, nan=-np.inf), rows, cap, positive=True)
        columns += [np.asarray(model[rows], dtype=np.float32), rank]
    return np.stack(columns, axis=1) if n else np.zeros((0, len(FEATURES)), dtype=np.float32)


def reciprocal_rank_fusion(
    lists: Sequence[np.ndarray], weights: Sequence[float], rrf_k: int
) -> dict[int, float]:
    """Reciprocal-rank fusion: each row's sum over the ranked lists of ``weight / (rrf_k + rank + 1)``."""
    fused: dict[int, float] = {}
    for rows, weight in zip(lists, weights, strict=True):
        for rank, row in enumerate(rows.tolist()):
            fused[row] = fused.get(row, 0.0) + weight / (rrf_k + rank + 1)
    return fused


@dataclass
class Pool:
    """The candidates of one query before the cut: in fused order, with their scores.

    Attributes:
        order: Catalogue rows, best first (reciprocal-rank fusion, or a learned model's order).
        fused: Each row's score in that order.
        dense: Every item's dense similarity (-inf where filtered out), or None.
        lexical: Every item's BM25 score (-inf where no match or filtered out), or None.
        scores: What a learned fusion reads about every item (None when not asked for).
    """

    order: list[int]
    fused: dict[int, float]
    dense: np.ndarray | None = None
    lexical: np.ndarray | None = None
    scores: PoolScores | None = None

    def features(self, depth: int) -> tuple[np.ndarray, np.ndarray]:
        """The pool's ``depth`` best rows and their feature matrix (``FEATURES`` columns).

        Raises:
            InputError: The pool was made without the scores the features need.
        """
        if self.scores is None:
            raise InputError("this pool was retrieved without fusion features (ask for them)")
        head = np.asarray(self.order[:depth], dtype=np.int64)
        return head, pool_features(head, self.scores, depth)

    def reordered(self, model: PoolRanker, k: int) -> Pool:
        """The pool with its ``model.depth`` best rows re-ordered by the model's scores.

        Rows beyond the model's depth keep their fused order, below every re-ordered row; the
        scores of the first ``k`` of them are made to sit under the model's lowest score.

        Items without log data (``parts["logged"]`` 0) are then held to the cold-start floor
        (:func:`cold_start_order`, stretched by the model's ``cold_start_floor``, default
        :data:`COLD_START_FLOOR`; 0: none).
        """
        head, features = self.features(model.depth)
        learnt = model.score(features)
        rest = self.order[model.depth :]
        floor = float(learnt.min()) - 1.0 if len(learnt) else 0.0
        ranking = np.argsort(-learnt, kind="stable")
        logged = None if self.scores is None else self.scores.parts.get("logged")
        stretch = float(getattr(model, "cold_start_floor", COLD_START_FLOOR))
        if logged is not None and stretch > 0:
            ranking = cold_start_order(ranking, np.asarray(logged)[head] <= 0, stretch)
        # Scores follow the (possibly floored) order: the j-th row takes the j-th best score.
        fused = dict(zip(head[ranking].tolist(), np.sort(learnt)[::-1].tolist(), strict=True))
        fused.update({row: floor - 1e-6 * rank for rank, row in enumerate(rest[:k])})
        order = head[ranking].tolist() + rest
        return Pool(order, fused, self.dense, self.lexical, self.scores)


def cold_start_order(ranking: np.ndarray, unlogged: np.ndarray, stretch: float = 1.0) -> np.ndarray:
    """A learned ranking of a pool in which no item without log data falls far below its fused place.

    The pool comes in reciprocal-rank order, which is cold-start safe (an item without log data
    has its text lists scaled up for the signals list it cannot enter: see
    :meth:`chatrec.retrieval.Retriever.pool`). A learned model reads the ``logged`` feature and
    the imputed signals, and learns from logs in which such items are rarely the answer; left
    alone it buried them (issue 14). So each such item takes the better of its learned place and
    its fused place (times ``stretch``); logged items keep their learned order around them (logs
    may raise an item, their absence never buries one).

    Args:
        ranking: Pool positions (0 = best fused) in the model's order, best first.
        unlogged: Per pool position, whether the item has no log data.
        stretch: An item at fused place ``p`` falls at most to place ``stretch * p``.

    Returns:
        The pool positions in the new order.
    """
    if not unlogged.any():
        return ranking
    slot = np.empty(len(ranking), dtype=np.float64)
    slot[ranking] = np.arange(len(ranking))
    positions = np.arange(len(ranking))
    # An item on the same slot as a logged one goes ahead of it.
    slot = np.where(unlogged, np.minimum(slot, stretch * positions) - 0.5, slot)
    return np.argsort(slot, kind="stable")


@dataclass
class FusionExample:
    """One logged turn as training data: its pool's features and which rows were chosen.

    Attributes:
        features: ``len(pool)`` x ``len(FEATURES)``.
        labels: 1 where the pool item was chosen, else 0.
        group: The dialogue or session it came from (held-out splits keep groups whole).
    """

    features: np.ndarray
    labels: np.ndarray
    group: str


@dataclass
class LearnedFusion:
    """A fitted fusion model and what it was fitted on.

    Attributes:
        model: The LightGBM model as text.
        depth: Pool size it re-orders.
        trained_groups: Dialogues or sessions it learnt from.
        meta: Anything else recorded at fit time (embedder, counts, held-out metrics).
        cold_start_floor: Hold items without log data to this multiple of their fused place at
            least (:func:`cold_start_order`); 0 only to measure what the floor does.
    """

    model: str
    depth: int = 200
    trained_groups: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    cold_start_floor: float = COLD_START_FLOOR
    _booster: Any = field(default=None, repr=False, compare=False)

    @property
    def booster(self) -> Any:
        """The LightGBM booster (parsed once)."""
        if self._booster is None:
            import lightgbm

            self._booster = lightgbm.Booster(model_str=self.model)
        return self._booster

    def score(self, features: np.ndarray) -> np.ndarray:
        """Model score of each pool row (higher is better)."""
        if len(features) == 0:
            return np.zeros(0, dtype=np.float64)
        return np.asarray(self.booster.predict(features, num_threads=1), dtype=np.float64)

    def save(self, path: Path | str) -> Path:
        """Write the model file (atomically: a failed write leaves the old file intact)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "format": FORMAT, "version": VERSION, "features": list(FEATURES), "depth": self.depth,
            "trained_groups": self.trained_groups, "meta": self.meta, "model": self.model,
        }
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return path

    @classmethod
    def load(cls, path: Path | str) -> LearnedFusion:
        """Read a model file written by :meth:`save`.

        Raises:
            InputError: The file is missing, not JSON, not a fusion model, made for other
                features, or its model text does not parse.
        """
        path = Path(path)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"cannot read fusion model {path}: {exc.strerror or exc}") from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"fusion model {path} is not JSON ({exc}); fit it again with `chatrec eval fit-fusion`") from exc
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise InputError(f"{path} is not a chatrec fusion model (no \"format\": \"{FORMAT}\")")
        if document.get("version") != VERSION or document.get("features") != list(FEATURES):
            raise InputError(
                f"fusion model {path} was fitted for other features (version {document.get('version')}); "
                "fit it again with `chatrec eval fit-fusion`"
            )
        model = document.get("model")
        depth = document.get("depth")
        if not isinstance(model, str) or not isinstance(depth, int) or depth < 1:
            raise InputError(f"fusion model {path} lacks its model text or pool depth")
        fusion = cls(
            model=model, depth=depth, trained_groups=[str(g) for g in document.get("trained_groups") or []],
            meta=dict(document.get("meta") or {}),
        )
        import lightgbm

        try:
            booster = fusion.booster
        except lightgbm.basic.LightGBMError as exc:
            raise InputError(f"fusion model {path}: the model text does not parse ({exc})") from exc
        if booster.num_feature() != len(FEATURES):
            raise InputError(f"fusion model {path} reads {booster.num_feature()} features, not {len(FEATURES)}")
        return fusion


def _held_out_recall(examples: Sequence[FusionExample], scores: Sequence[np.ndarray], ks: Sequence[int]) -> dict[str, float]:
    """Recall@k of the chosen items over examples, ranking each pool by ``scores``."""
    hits = {k: 0 for k in ks}
    pairs = 0
    for example, score in zip(examples, scores, strict=True):
        order = np.argsort(-score, kind="stable")
        position = np.empty(len(order), dtype=np.int64)
        position[order] = np.arange(len(order))
        for row in np.flatnonzero(example.labels):
            pairs += 1
            for k in ks:
                hits[k] += int(position[row] < k)
    return {f"recall@{k}": hits[k] / pairs if pairs else 0.0 for k in ks} | {"pairs": pairs}


def fit_fusion(
    examples: Sequence[FusionExample],
    *,
    depth: int,
    trees: int = 300,
    held_out: float = 0.2,
    seed: int = 0,
    threads: int = 2,
) -> LearnedFusion:
    """Fit a LambdaRank model on logged turns.

    A share of the groups (whole dialogues) is held out first: a model fitted on the rest is
    scored on it, under RRF and under the model, and those figures go to ``meta``. The model
    returned is then fitted on every group, with the same settings.

    The settings (300 trees of 7 leaves, learning rate 0.03) were chosen by 5-fold
    cross-validation over the dialogues of ReDial's parts a and b; early stopping on a held-out
    share was noisier and stopped too soon (12 to 120 trees).

    Args:
        examples: Turns with their pools; those whose chosen items are not in the pool teach
            nothing to a ranker and are dropped.
        depth: Pool size the examples were built with.
        trees: Boosting rounds.
        held_out: Share of groups held out for the reported metrics (0: none).
        seed: Seed of the split and of LightGBM.
        threads: LightGBM threads.

    Raises:
        InputError: Too few usable examples (fewer than 20 turns with a chosen item in the pool).
    """
    import lightgbm

    usable = [e for e in examples if e.labels.any() and len(e.labels) > 1]
    if len(usable) < 20:
        raise InputError(
            f"only {len(usable)} logged turns have their chosen item in the retrieval pool: too few to "
            "fit a fusion model (give more dialogues or logs)"
        )
    params = {
        "objective": "lambdarank", "lambdarank_truncation_level": 60, "learning_rate": 0.03, "num_leaves": 7,
        "min_data_in_leaf": 50, "bagging_fraction": 0.8, "bagging_freq": 1, "feature_fraction": 0.8,
        "seed": seed, "deterministic": True, "force_row_wise": True, "num_threads": threads, "verbosity": -1,
    }

    def train(part: Sequence[FusionExample]) -> LearnedFusion:
        data = lightgbm.Dataset(
            np.concatenate([e.features for e in part]), label=np.concatenate([e.labels for e in part]),
            group=[len(e.labels) for e in part], feature_name=list(FEATURES),
        )
        booster = lightgbm.train(params, data, num_boost_round=trees)
        return LearnedFusion(model=booster.model_to_string(), depth=depth)

    meta: dict[str, Any] = {"turns": len(examples), "usable_turns": len(usable), "trees": trees}
    groups = sorted({e.group for e in usable})
    n_held = int(len(groups) * held_out)
    if n_held >= 1 and len(groups) - n_held >= 1:
        held = set(np.random.default_rng(seed).choice(groups, size=n_held, replace=False).tolist())
        valid = [e for e in usable if e.group in held]
        partial = train([e for e in usable if e.group not in held])
        ks = (1, 10, 50)
        meta.update({
            "held_out_turns": len(valid),
            "held_out_rrf": _held_out_recall(valid, [-np.arange(len(e.labels), dtype=np.float64) for e in valid], ks),
            "held_out_fusion": _held_out_recall(valid, [partial.score(e.features) for e in valid], ks),
        })
        logger.info("fusion held-out R@10 %.3f (RRF %.3f) on %d turns", meta["held_out_fusion"]["recall@10"],
                    meta["held_out_rrf"]["recall@10"], len(valid))
    fusion = train(usable)
    fusion.trained_groups = sorted({e.group for e in examples})
    fusion.meta = meta
    return fusion
