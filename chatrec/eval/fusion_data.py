"""Training data for the learned fusion, from logged turns, through the product's own retrieval.

Each logged turn is asked as the product asks it (:meth:`RedialEvaluation.product_query`);
the features are those of the real fused pool (:meth:`chatrec.retrieval.Retriever.pool`),
labelled by the items the recommender chose. Signals are cross-fitted: a turn's features never
use signals learnt from its own dialogue.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from chatrec.eval.redial import RedialEvaluation, cross_fitting_folds, without_items
from chatrec.eval.turns import RecTurn
from chatrec.fusion import FusionExample, LearnedFusion, fit_fusion
from chatrec.retrieval import Retriever
from chatrec.signals import ItemSignals, Session

__all__ = ["cross_fitted_examples", "fold_fusion", "fusion_examples"]


def fusion_examples(
    evaluation: RedialEvaluation, turns: Sequence[RecTurn], depth: int, bar: Any = None, *,
    exclude_named: bool = False, unchoosable: Collection[str] = (),
) -> list[FusionExample]:
    """Training data for a learned fusion: each turn's fused pool, its features and its targets.

    The queries are embedded in batches; a turn without words, linked targets or pool is skipped.
    With ``exclude_named``, the items the dialogue named are left out of each pool, as the
    product leaves them out of its query: the model learns to rank what may be shown.
    ``unchoosable``: items no logged turn could have chosen (not on offer while the logs were
    collected); they are left out of the training pools (see :func:`cross_fitted_examples`).
    """
    index = evaluation.index
    skip = np.asarray(sorted(index.position(i) for i in unchoosable if i in index), dtype=np.int64)
    queries = [evaluation.query_of(turn) for turn in turns]
    vectors = evaluation.retriever.embedder.encode_queries([q or " " for _, q in queries])
    examples: list[FusionExample] = []
    for turn, (utterances, query), text_vector in zip(turns, queries, vectors, strict=True):
        if bar is not None:
            bar.update(1)
        targets = {index.position(i) for title in turn.targets for i in evaluation.linker.lookup(title)}
        if not query or not targets:
            continue
        named = evaluation.named_in(utterances)
        asked = evaluation.product_query(query, text_vector, named)
        if exclude_named:
            asked = dataclasses.replace(asked, exclude_ids=tuple(named))
        rows, features = evaluation.retriever.pool(asked, depth, fusion_depth=depth, features=True).features(depth)
        if len(skip):
            keep = ~np.isin(rows, skip)
            rows, features = rows[keep], features[keep]
        if not len(rows):
            continue
        labels = np.asarray([int(row in targets) for row in rows.tolist()], dtype=np.int32)
        examples.append(FusionExample(features=features, labels=labels, group=turn.dialog_id))
    return examples


def cross_fitted_examples(
    retriever: Retriever,
    sessions: Sequence[Session],
    turns: Sequence[RecTurn],
    *,
    depth: int,
    folds: int = 5,
    progress: bool = False,
    unlogged_share: float = 0.2,
    seed: int = 0,
    vocabulary: Sequence[str] | None = None,
    exclude_named: bool = False,
    drop_unoffered: bool = True,
    **options: Any,
) -> list[FusionExample]:
    """Fusion training data from logged turns, each scored with signals that never saw its dialogue.

    So that the model learns what an item without logs looks like (its signals imputed from
    similar items, its ``logged`` feature 0) when it is the right answer, each fold's signals
    are also fitted without a random ``unlogged_share`` of the items its logs name: those
    items are new products as far as that fold's signals know (issue 14).

    Items outside ``vocabulary`` (added after the logs) are left out of the training pools: no
    logged turn could choose them, so as negatives they would teach only that an item without
    log data is never the answer, and the model buries every new product (issue 14, 600 ReDial
    turns with a fifth of the catalogue held out of the logs: R@10 on the held-out targets .066
    with them, .148 without them, .159 for the same system without signals). The simulated new
    items above are then the only items without log data the model learns from, chosen as often
    as the logged items they were drawn from.

    Args:
        retriever: The catalogue's retriever (with the embedder the fusion will serve with).
        sessions: The logs to fit signals on.
        turns: The logged recommendation turns (targets = what was chosen).
        depth: Pool size.
        folds: Cross-fitting groups.
        progress: Show a progress bar on stderr.
        unlogged_share: Share of the logged items each fold's signals do not see (0: none).
        seed: Seed of which items those are.
        vocabulary: Items on offer while the logs were collected (default: the catalogue);
            the hidden items are taken out of it too, as items added after the logs.
        exclude_named: Leave the named items out of each pool (see :func:`fusion_examples`).
        drop_unoffered: Leave the items outside ``vocabulary`` out of the training pools (False:
            keep them as negatives, as before).
        **options: Passed on to :class:`~chatrec.eval.redial.RedialEvaluation`.
    """
    from tqdm import tqdm

    examples: list[FusionExample] = []
    rng = random.Random(seed)
    offered = [item.id for item in retriever.index.items] if vocabulary is None else list(vocabulary)
    unchoosable = {item.id for item in retriever.index.items} - set(offered) if drop_unoffered else set()
    with tqdm(total=len(turns), desc="turns", unit="turn", disable=not progress) as bar:
        for fold_turns, kept in cross_fitting_folds(sessions, turns, folds):
            hidden: set[str] = set()
            if unlogged_share > 0:
                logged = sorted({i for session in kept for i in session.items})
                hidden = set(rng.sample(logged, int(len(logged) * unlogged_share)))
                kept = without_items(kept, hidden)
            signals = ItemSignals.fit(kept, [i for i in offered if i not in hidden])
            evaluation = RedialEvaluation(retriever, signals, **options)
            examples.extend(fusion_examples(evaluation, fold_turns, depth, bar=bar, exclude_named=exclude_named,
                                            unchoosable=unchoosable))
    return examples


def fold_fusion(
    retriever: Retriever, sessions: Sequence[Session], turns: Sequence[RecTurn], *, depth: int, folds: int, seed: int,
    unlogged_share: float = 0.2, vocabulary: Sequence[str] | None = None, exclude_named: bool = False,
) -> LearnedFusion:
    """A learned fusion fitted on logged turns (cross-fitted signals), for one evaluation fold
    (``exclude_named``: as served, the named items left out of each pool)."""
    examples = cross_fitted_examples(retriever, sessions, turns, depth=depth, folds=folds, seed=seed,
                                     unlogged_share=unlogged_share, vocabulary=vocabulary,
                                     exclude_named=exclude_named)
    return fit_fusion(examples, depth=depth, held_out=0.0, seed=seed)
