"""Training data for the learned fusion, from logged turns, through the product's own retrieval.

Each logged turn is asked as the product asks it (:meth:`RedialEvaluation.product_query`);
the features are those of the real fused pool (:meth:`chatrec.retrieval.Retriever.pool`),
labelled by the items the recommender chose. Signals are cross-fitted: a turn's features never
use signals learnt from its own dialogue.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from chatrec.eval.redial import RedialEvaluation, cross_fitting_folds
from chatrec.eval.turns import RecTurn
from chatrec.fusion import FusionExample, LearnedFusion, fit_fusion
from chatrec.retrieval import Retriever
from chatrec.signals import ItemSignals, Session

__all__ = ["cross_fitted_examples", "fold_fusion", "fusion_examples"]


def fusion_examples(
    evaluation: RedialEvaluation, turns: Sequence[RecTurn], depth: int, bar: Any = None
) -> list[FusionExample]:
    """Training data for a learned fusion: each turn's fused pool, its features and its targets.

    The queries are embedded in batches; a turn without words, linked targets or pool is skipped.
    """
    index = evaluation.index
    queries = [evaluation.query_of(turn) for turn in turns]
    vectors = evaluation.retriever.embedder.encode_queries([q or " " for _, q in queries])
    examples: list[FusionExample] = []
    for turn, (utterances, query), text_vector in zip(turns, queries, vectors, strict=True):
        if bar is not None:
            bar.update(1)
        targets = {index.position(i) for title in turn.targets for i in evaluation.linker.lookup(title)}
        if not query or not targets:
            continue
        asked = evaluation.product_query(query, text_vector, evaluation.named_in(utterances))
        rows, features = evaluation.retriever.pool(asked, depth, fusion_depth=depth, features=True).features(depth)
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
    **options: Any,
) -> list[FusionExample]:
    """Fusion training data from logged turns, each scored with signals that never saw its dialogue.

    Args:
        retriever: The catalogue's retriever (with the embedder the fusion will serve with).
        sessions: The logs to fit signals on.
        turns: The logged recommendation turns (targets = what was chosen).
        depth: Pool size.
        folds: Cross-fitting groups.
        progress: Show a progress bar on stderr.
        **options: Passed on to :class:`~chatrec.eval.redial.RedialEvaluation`.
    """
    from tqdm import tqdm

    examples: list[FusionExample] = []
    with tqdm(total=len(turns), desc="turns", unit="turn", disable=not progress) as bar:
        for fold_turns, kept in cross_fitting_folds(sessions, turns, folds):
            evaluation = RedialEvaluation(retriever, ItemSignals.fit(kept), **options)
            examples.extend(fusion_examples(evaluation, fold_turns, depth, bar=bar))
    return examples


def fold_fusion(
    retriever: Retriever, sessions: Sequence[Session], turns: Sequence[RecTurn], *, depth: int, folds: int, seed: int
) -> LearnedFusion:
    """A learned fusion fitted on logged turns (cross-fitted signals), for one evaluation fold."""
    examples = cross_fitted_examples(retriever, sessions, turns, depth=depth, folds=folds)
    return fit_fusion(examples, depth=depth, held_out=0.0, seed=seed)
