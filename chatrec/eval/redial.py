"""The static ReDial protocol: rank the whole catalogue from a dialogue's context alone.

For every recommendation turn and every target title in its ``rec`` list, the catalogue is
ranked from the ``context`` (the earlier utterances) and the target's rank recorded;
Recall@K, NDCG@10 and MRR are means over (turn, target) pairs. Several systems (baselines and
ablations of chatrec's pipeline) are scored in one pass, on the same turns:

- ``popularity``: the popularity prior alone.
- ``bm25``, ``dense``, ``hybrid``: the retriever's lexical, dense and fused rankings of the
  dialogue text (the same scores and reciprocal-rank fusion as :class:`~chatrec.retrieval.Retriever`).
- ``hybrid+items``: the dense query pulled towards the items named in the dialogue (linked
  with :class:`~chatrec.linking.TitleLinker`).
- ``signals``: co-mentions, popularity and log text (:mod:`chatrec.signals`) alone.
- ``chatrec``: everything above (the product's retrieval stage); ``chatrec-exclude`` the same
  but never ranking the items the dialogue already named.
- ``chatrec+llm0`` / ``chatrec+llm``: the top ``n_candidates`` re-ranked by the LLM, zero-shot
  (no adapter) or with the LoRA adapter of the settings.
- ``product``: the product's own retrieval call (with the learned fusion when one is given,
  ``product-rrf`` the same call with reciprocal-rank fusion); ``product+llm0`` / ``product+llm`` its top
  ``n_candidates`` re-ranked by the LLM, zero-shot or with the settings' adapter.

Items named in the context stay in the ranking (as in the published evaluations: about 9% of
the targets were already named earlier in the dialogue), except in ``chatrec-exclude``. A target named by several catalogue items (same title) counts as found at
the best rank of any of them.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from chatrec.errors import InputError
from chatrec.eval.metrics import catalogue_coverage, intra_list_diversity, ndcg_at_k
from chatrec.eval.turns import RecTurn, dialogue_rec_turns, dialogue_roles, load_turns, sample_turns
from chatrec.fusion import LearnedFusion
from chatrec.linking import TitleLinker
from chatrec.query import Query, make_query, pulled_towards, taste_vector
from chatrec.retrieval import Candidate, Retriever
from chatrec.signals import AlignedSignals, ItemSignals, Session, SignalWeights

__all__ = [
    "SYSTEMS",
    "RecTurn",
    "RedialEvaluation",
    "System",
    "SystemResult",
    "cross_fitted_run",
    "cross_fitting_folds",
    "dialogue_rec_turns",
    "dialogue_roles",
    "load_turns",
    "parse_systems",
    "sample_turns",
    "summarise",
]

logger = logging.getLogger(__name__)

TextMode = Literal["none", "lexical", "dense", "hybrid"]
#: Cut-offs of the recall curve kept in the results (for the report's plot).
CURVE_KS = (1, 2, 3, 5, 10, 20, 30, 50, 75, 100)


@dataclass(frozen=True)
class System:
    """One ranking system of the comparison: which components it uses.

    Attributes:
        name: Short name used on the command line and in the report.
        text: How the dialogue text is matched against item texts.
        items_in_query: Pull the dense query towards the items named in the dialogue.
        signals: Add co-mention, popularity and log-text scores.
        popularity_only: Rank by the popularity prior only.
        exclude_mentioned: Never rank items the dialogue already named.
        ranker: ``llm`` re-ranks the top candidates with the LLM.
        adapter: LoRA adapter for the LLM ranker (``none`` = zero-shot, None = the settings').
        product: Rank with the product's own call, ``Retriever.search`` as ``ChatRec`` makes it
            (hybrid fusion, the dense query pulled towards the last three items named, the
            signals as a weighted third list), keeping its top 100.
        rrf_only: For a product system: reciprocal-rank fusion even when a learned fusion is
            configured (the ablation of the learned fusion).
    """

    name: str
    text: TextMode = "hybrid"
    items_in_query: bool = False
    signals: bool = False
    popularity_only: bool = False
    exclude_mentioned: bool = False
    ranker: Literal["retrieval", "llm"] = "retrieval"
    adapter: str | None = None
    product: bool = False
    rrf_only: bool = False


#: The systems ``eval redial --systems`` knows, in the order of the ablation.
SYSTEMS: dict[str, System] = {
    system.name: system
    for system in (
        System("popularity", text="none", popularity_only=True),
        System("bm25", text="lexical"),
        System("dense", text="dense"),
        System("hybrid", text="hybrid"),
        System("hybrid+items", text="hybrid", items_in_query=True),
        System("signals", text="none", signals=True),
        System("chatrec", text="dense", items_in_query=True, signals=True),
        System("chatrec-exclude", text="dense", items_in_query=True, signals=True, exclude_mentioned=True),
        System("chatrec+llm0", text="dense", items_in_query=True, signals=True, ranker="llm", adapter="none"),
        System("chatrec+llm", text="dense", items_in_query=True, signals=True, ranker="llm"),
        System("product", text="hybrid", items_in_query=True, signals=True, product=True),
        System("product-rrf", text="hybrid", items_in_query=True, signals=True, product=True, rrf_only=True),
        System("product+llm0", text="hybrid", items_in_query=True, signals=True, product=True, ranker="llm",
               adapter="none"),
        System("product+llm", text="hybrid", items_in_query=True, signals=True, product=True, ranker="llm"),
    )
}
#: What ``eval redial`` scores without ``--systems``: the product's pipeline (``product+llm``
#: when the settings' ``use_llm`` is on or ``--ranker llm`` is given).
DEFAULT_SYSTEMS = ("product",)


def parse_systems(spec: str | Sequence[str]) -> list[System]:
    """Systems from a comma-separated list of names (see :data:`SYSTEMS`).

    Raises:
        InputError: An unknown name.
    """
    names = [name.strip() for name in (spec.split(",") if isinstance(spec, str) else spec) if name.strip()]
    unknown = [name for name in names if name not in SYSTEMS]
    if unknown or not names:
        raise InputError(
            f"unknown system(s) {', '.join(unknown) or '(none given)'}; known: {', '.join(SYSTEMS)}"
        )
    return [SYSTEMS[name] for name in dict.fromkeys(names)]


@dataclass
class SystemResult:
    """What one system scored.

    Attributes:
        system: The system.
        ranks: 0-based rank of each linked (turn, target) pair's target.
        top_lists: The top-10 item ids of each turn.
        latencies_ms: Time to rank each turn (shared linking and embedding included).
        diversity: Intra-list diversity of each turn's top 10.
        ndcg: NDCG@10 of each pair.
    """

    system: System
    ranks: list[int] = field(default_factory=list)
    top_lists: list[list[str]] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    diversity: list[float] = field(default_factory=list)
    ndcg: list[float] = field(default_factory=list)

    def metrics(self, catalogue_size: int) -> dict[str, Any]:
        """Recall@1/10/50, NDCG@10, MRR, coverage, diversity and latency as a JSON-able dict."""
        ranks = np.asarray(self.ranks, dtype=np.int64)
        pairs = len(ranks)

        def mean(values: Iterable[float]) -> float:
            values = list(values)
            return round(float(np.mean(values)), 4) if values else 0.0

        latency = np.asarray(self.latencies_ms, dtype=np.float64)
        return {
            "recall@1": mean(ranks < 1),
            "recall@10": mean(ranks < 10),
            "recall@50": mean(ranks < 50),
            "ndcg@10": mean(self.ndcg),
            "mrr": mean(1.0 / (ranks + 1.0)),
            "pairs": pairs,
            "coverage@10": round(catalogue_coverage(self.top_lists, catalogue_size, k=10), 4)
            if self.top_lists else 0.0,
            "diversity@10": mean(self.diversity),
            "latency_ms_p50": round(float(np.percentile(latency, 50)), 2) if len(latency) else None,
            "latency_ms_p95": round(float(np.percentile(latency, 95)), 2) if len(latency) else None,
            "recall_curve": {str(k): mean(ranks < k) for k in CURVE_KS},
        }


class RedialEvaluation:
    """Scores systems on recommendation turns against a retriever's catalogue.

    Args:
        retriever: The catalogue's retriever (index and embedder).
        signals: Item signals (co-mentions, popularity, log texts), or None; needed by the
            systems that use them.
        weights: How much each signal counts.
        ranker_factory: Builds the LLM ranker for an adapter (``"none"`` or None); needed by
            the ``llm`` systems. Called once per adapter.
        query_utterances: Most recent utterances that make the text query.
        item_weight: Share of the linked items' mean embedding in the dense query.
        text_weight: Weight of the text score next to the signals.
        n_candidates: Candidates handed to the LLM ranker.
        fusion: A learned fusion model for the ``product`` systems (None: RRF, as configured).
    """

    def __init__(
        self,
        retriever: Retriever,
        signals: ItemSignals | None = None,
        *,
        weights: SignalWeights | None = None,
        ranker_factory: Callable[[str | None], Any] | None = None,
        query_utterances: int = 4,
        item_weight: float = 0.5,
        text_weight: float = 0.1,
        n_candidates: int = 20,
        fusion: LearnedFusion | None = None,
    ) -> None:
        self.retriever = retriever
        self.fusion = fusion
        self.index = retriever.index
        self.ids = [item.id for item in self.index.items]
        self.linker = TitleLinker(
            self.index.items, priors=dict(zip(self.ids, signals.popularity(self.ids).tolist(), strict=True))
            if signals is not None else None,
        )
        self.signals = signals
        self.aligned: AlignedSignals | None = signals.aligned(self.ids) if signals is not None else None
        self.weights = weights or SignalWeights()
        self.ranker_factory = ranker_factory
        self.query_utterances = query_utterances
        self.item_weight = item_weight
        self.text_weight = text_weight
        self.n_candidates = n_candidates
        self._rankers: dict[str | None, Any] = {}

    # --- one turn ----------------------------------------------------------------------

    def _rrf(self, scores: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
        """Reciprocal-rank-fusion contribution of a full ranking (0 where ``valid`` is False)."""
        order = np.argsort(-scores, kind="stable")
        ranks = np.empty(len(scores), dtype=np.float64)
        ranks[order] = np.arange(len(scores))
        contribution = 1.0 / (self.retriever.settings.rrf_k + ranks + 1.0)
        if valid is not None:
            contribution = np.where(valid, contribution, 0.0)
        return contribution

    def _scores(self, system: System, query: str, text_vector: np.ndarray | None,
                mentioned: list[str]) -> np.ndarray:
        """Score of every catalogue item for one turn (higher is better)."""
        n = len(self.ids)
        if system.product:
            return self._product_scores(query, text_vector, mentioned, None if system.rrf_only else self.fusion)
        if system.popularity_only:
            return self._require_signals(system).popularity.astype(np.float64)
        total = np.zeros(n, dtype=np.float64)
        dense: np.ndarray | None = None
        if system.text in ("dense", "hybrid") and text_vector is not None:
            vector = text_vector
            if system.items_in_query:
                taste = taste_vector(self.index, None, mentioned, last=len(mentioned))
                vector = pulled_towards(vector, taste, self.item_weight)
            dense = self.index.embeddings @ vector.astype(np.float32)
        if system.text == "dense" and dense is not None:
            total += dense if not system.signals else self.text_weight * dense
        elif system.text == "lexical":
            total += self.retriever.bm25.scores(query)
        elif system.text == "hybrid" and dense is not None:
            lexical = self.retriever.bm25.scores(query)
            fused = self._rrf(dense) + self._rrf(lexical, lexical > 0)
            # Scaled so that first place in both lists is about 1, comparable with the signals.
            total += fused * (self.retriever.settings.rrf_k + 1) / 2 * (self.text_weight if system.signals else 1.0)
        if system.signals and (self.aligned is not None or system.text == "none"):
            # Without signals configured, a system that also matches text runs on text alone.
            total += self._require_signals(system).scores(mentioned, query, self.weights)
        return total

    def product_query(self, query: str, text_vector: np.ndarray, mentioned: list[str]) -> Query:
        """The product's query for a turn (as ``ChatRec`` makes it), with its text already embedded."""
        return make_query(
            query, index=self.index, settings=self.retriever.settings, named_ids=mentioned,
            signals=self.aligned, weights=self.weights, vector=text_vector,
        )

    def _product_scores(
        self, query: str, text_vector: np.ndarray | None, mentioned: list[str], fusion: LearnedFusion | None
    ) -> np.ndarray:
        """Scores from the product's retrieval call; items outside its top 100 score -inf."""
        scores = np.full(len(self.ids), -np.inf)
        if text_vector is None:
            return scores
        found = self.retriever.search(self.product_query(query, text_vector, mentioned), 100, fusion=fusion)
        for rank, candidate in enumerate(found):
            scores[self.index.position(candidate.item.id)] = -float(rank)
        return scores

    def _require_signals(self, system: System) -> AlignedSignals:
        if self.aligned is None:
            raise InputError(
                f"system {system.name!r} needs item signals: give --signals FILE or --dialogues FILE "
                "(or set signals_path)"
            )
        return self.aligned

    def _ranker(self, adapter: str | None) -> Any:
        if adapter not in self._rankers:
            if self.ranker_factory is None:
                raise InputError("the llm systems need a ranker (none configured)")
            self._rankers[adapter] = self.ranker_factory(adapter)
        return self._rankers[adapter]

    def _rerank(self, system: System, turn: RecTurn, order: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """The order with its head re-ranked by the LLM."""
        from chatrec.ranking import RankingContext

        head = order[: self.n_candidates]
        candidates = [Candidate(item=self.index.items[row], score=float(scores[row])) for row in head.tolist()]
        ranked = self._ranker(system.adapter).rank(RankingContext(turns=dialogue_roles(turn.context)), candidates)
        new_head = np.asarray([self.index.position(r.candidate.item.id) for r in ranked], dtype=np.int64)
        return np.concatenate([new_head, order[self.n_candidates :]])

    # --- the run -------------------------------------------------------------------------

    def named_in(self, utterances: Sequence[str]) -> list[str]:
        """Catalogue items the utterances name, first mention first."""
        return list(dict.fromkeys(m.item_id for text in utterances for m in self.linker.find(text)))

    def query_of(self, turn: RecTurn) -> tuple[list[str], str]:
        """A turn's non-empty utterances and its text query (the last ``query_utterances`` of them)."""
        utterances = [text for text in turn.context if text.strip()]
        return utterances, " ".join(utterances[-self.query_utterances :])

    def score_turns(
        self,
        turns: Sequence[RecTurn],
        systems: Sequence[System],
        results: dict[str, SystemResult],
        counts: Counter[str],
        *,
        timed_turns: int = 100,
        bar: Any = None,
    ) -> None:
        """Score ``turns`` with every system, adding to ``results`` and ``counts``.

        The first ``timed_turns`` turns run as a live system would (one query embedded at a
        time) and give the latencies; the others embed their queries in batches, for speed.
        """
        needs_dense = any(s.text in ("dense", "hybrid") for s in systems)
        batched: dict[int, np.ndarray] = {}
        if needs_dense and len(turns) > timed_turns:
            rest = list(range(timed_turns, len(turns)))
            queries = [self.query_of(turns[i])[1] or " " for i in rest]
            vectors = self.retriever.embedder.encode_queries(queries)
            batched = dict(zip(rest, vectors, strict=True))
        for number, turn in enumerate(turns):
            timed = number < timed_turns
            started = time.perf_counter()
            utterances, query = self.query_of(turn)
            mentioned = self.named_in(utterances)
            text_vector = None
            if needs_dense and query:
                text_vector = self.retriever.embedder.encode_queries([query])[0] if timed else batched[number]
            shared_ms = (time.perf_counter() - started) * 1000.0
            targets: list[list[int]] = []
            for title in turn.targets:
                counts["targets"] += 1
                linked = self.linker.lookup(title)
                if not linked:
                    counts["unlinked_targets"] += 1
                    continue
                if set(linked) & set(mentioned):
                    counts["targets_already_named"] += 1
                targets.append([self.index.position(i) for i in linked])
            for system in systems:
                begun = time.perf_counter()
                scores = self._scores(system, query, text_vector, mentioned)
                if system.exclude_mentioned and mentioned:
                    scores[[self.index.position(i) for i in mentioned]] = -np.inf
                order = np.argsort(-scores, kind="stable")
                if system.ranker == "llm":
                    order = self._rerank(system, turn, order, scores)
                result = results.setdefault(system.name, SystemResult(system))
                if timed:
                    result.latencies_ms.append(shared_ms + (time.perf_counter() - begun) * 1000.0)
                rank = np.empty(len(order), dtype=np.int64)
                rank[order] = np.arange(len(order))
                top = [self.ids[row] for row in order[:10].tolist()]
                result.top_lists.append(top)
                result.diversity.append(intra_list_diversity(self.index.embeddings[order[:10]]))
                for rows in targets:
                    result.ranks.append(int(rank[rows].min()))
                    result.ndcg.append(ndcg_at_k(top, {self.ids[row] for row in rows}, 10))
            counts["turns"] += 1
            if bar is not None:
                bar.update(1)

    def run(
        self, turns: Sequence[RecTurn], systems: Sequence[System], progress: bool = False, timed_turns: int = 100
    ) -> dict[str, Any]:
        """Score every system on every turn with this evaluation's signals.

        Returns:
            See :func:`summarise`.
        """
        from tqdm import tqdm

        results: dict[str, SystemResult] = {}
        counts: Counter[str] = Counter()
        with tqdm(total=len(turns), desc="turns", unit="turn", disable=not progress) as bar:
            self.score_turns(turns, systems, results, counts, timed_turns=timed_turns, bar=bar)
        return summarise(results, counts, systems, len(self.ids))


def summarise(
    results: dict[str, SystemResult], counts: Counter[str], systems: Sequence[System], catalogue_size: int
) -> dict[str, Any]:
    """The JSON-able outcome of a run.

    Returns:
        The first system's metrics at the top level (``recall@1``, ``recall@10``,
        ``recall@50``, ``ndcg@10``, ``mrr``, ``pairs``, coverage, diversity, latency), counts of
        turns, targets and unlinked targets, and every system's metrics, target ranks and
        latencies under ``systems``.
    """
    per_system = {
        system.name: {
            **results[system.name].metrics(catalogue_size),
            "ranks": results[system.name].ranks,
            "latencies_ms": [round(v, 2) for v in results[system.name].latencies_ms],
        }
        for system in systems
        if system.name in results
    }
    first = per_system.get(systems[0].name, {})
    summary = {key: value for key, value in first.items() if key not in ("ranks", "latencies_ms")}
    return {
        **summary,
        "system": systems[0].name,
        "turns": counts["turns"],
        "targets": counts["targets"],
        "unlinked_targets": counts["unlinked_targets"],
        "targets_already_named": counts["targets_already_named"],
        "catalogue_items": catalogue_size,
        "systems": per_system,
    }


def cross_fitted_run(
    retriever: Retriever,
    sessions: Sequence[Session],
    turns: Sequence[RecTurn],
    systems: Sequence[System],
    *,
    folds: int = 5,
    progress: bool = False,
    timed_turns: int = 100,
    fusion_turns: Sequence[RecTurn] | None = None,
    fusion_depth: int = 200,
    fusion_seed: int = 0,
    **options: Any,
) -> dict[str, Any]:
    """Score turns with signals that never saw their own dialogue (K-fold cross-fitting).

    The evaluated dialogues are split into ``folds`` groups; the turns of each group are
    scored with signals fitted on every session except that group's dialogues (matched by
    session key = dialogue id). Logs that do not hold the evaluated dialogues give one fit.

    With ``fusion_turns``, each group also gets its own learned fusion (:mod:`chatrec.fusion`),
    fitted on those logged turns minus the group's dialogues, with signals that never saw the
    group either: the product systems are then scored as if the group's conversations had
    never been logged.

    Args:
        retriever: The catalogue's retriever.
        sessions: The logs to fit signals on (may include the evaluated dialogues).
        turns: The recommendation turns.
        systems: The systems to compare.
        folds: Number of groups (more: more training data per fit, more fits).
        progress: Show a progress bar on stderr.
        timed_turns: Turns (in total) timed one query at a time for the latency figures.
        fusion_turns: Logged turns to fit a fusion model on in each group (None: no fitting).
        fusion_depth: Pool depth of those models.
        fusion_seed: Seed of their fits (LightGBM's bagging).
        **options: Passed on to :class:`RedialEvaluation`.

    Returns:
        See :func:`summarise`; ``signals_sessions`` gives the mean number of sessions per fit,
        ``fusion_turns`` the mean number of logged turns per fusion fit.
    """
    from tqdm import tqdm

    from chatrec.eval.fusion_data import fold_fusion

    results: dict[str, SystemResult] = {}
    counts: Counter[str] = Counter()
    fitted: list[int] = []
    timed_left = timed_turns
    splits = cross_fitting_folds(sessions, turns, folds)
    fusion_sizes: list[int] = []
    with tqdm(total=len(turns), desc="turns", unit="turn", disable=not progress) as bar:
        for fold_turns, kept in splits:
            fitted.append(len(kept))
            if fusion_turns is not None:
                held = {turn.dialog_id for turn in fold_turns}
                logged = [turn for turn in fusion_turns if turn.dialog_id not in held]
                options["fusion"] = fold_fusion(retriever, kept, logged, depth=fusion_depth, folds=folds,
                                                seed=fusion_seed)
                fusion_sizes.append(len(logged))
            evaluation = RedialEvaluation(retriever, ItemSignals.fit(kept), **options)
            evaluation.score_turns(fold_turns, systems, results, counts, timed_turns=timed_left, bar=bar)
            timed_left = max(0, timed_left - len(fold_turns))
    summary = summarise(results, counts, systems, len(retriever.index))
    summary["signals_sessions"] = int(np.mean(fitted)) if fitted else 0
    overlap = {session.key for session in sessions} & {turn.dialog_id for turn in turns}
    summary["folds"] = folds if overlap else 1
    if fusion_sizes:
        summary["fusion_turns"] = int(np.mean(fusion_sizes))
    return summary


def cross_fitting_folds(
    sessions: Sequence[Session], turns: Sequence[RecTurn], folds: int
) -> list[tuple[list[RecTurn], list[Session]]]:
    """``(turns of a group, sessions without that group's dialogues)`` for each of ``folds`` groups.

    Logs that hold none of the turns' dialogues give one group: every turn, every session.

    Raises:
        InputError: ``folds`` is below 1.
    """
    if folds < 1:
        raise InputError(f"folds must be at least 1, got {folds}")
    evaluated = sorted({turn.dialog_id for turn in turns})
    if not {session.key for session in sessions} & set(evaluated):
        return [(list(turns), list(sessions))] if turns else []
    fold_of = {dialog_id: number % folds for number, dialog_id in enumerate(evaluated)}
    splits = []
    for fold in range(folds):
        held = {dialog_id for dialog_id, f in fold_of.items() if f == fold}
        fold_turns = [turn for turn in turns if turn.dialog_id in held]
        if fold_turns:
            splits.append((fold_turns, [session for session in sessions if session.key not in held]))
    return splits
