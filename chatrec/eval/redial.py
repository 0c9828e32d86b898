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
- ``product-owned``: the product's turn as served: items named earlier never shown, except
  those the seeker's last message asks for by name (:mod:`chatrec.ownership`), shown first.

With the raw dialogues (``--dialogues``), every system also reports ``seen_in_top10``: per
turn, the top-10 items the seeker had named earlier and had seen or disliked by their
questionnaire (:mod:`chatrec.eval.owned`).

Items named in the context stay in the ranking (as in the published evaluations: about 9% of
the targets were already named earlier in the dialogue), except in ``chatrec-exclude``. A target named by several catalogue items (same title) counts as found at
the best rank of any of them.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from chatrec.catalogue_taste import CatalogueTaste
from chatrec.errors import InputError
from chatrec.eval.metrics import catalogue_coverage, intra_list_diversity, ndcg_at_k
from chatrec.eval.owned import SeekerSaid, seeker_said
from chatrec.eval.turns import RecTurn, dialogue_rec_turns, dialogue_roles, load_turns, sample_turns
from chatrec.fusion import COLD_START_FLOOR, LearnedFusion
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
    "holdout_items",
    "load_turns",
    "parse_systems",
    "sample_turns",
    "summarise",
    "without_items",
    "without_targets",
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
        impute: Items without log data take their signals from their most similar logged
            items (:class:`~chatrec.signals.AlignedSignals`); False: they score 0, as before
            issue 14 (the ablation of the cold-start-safe signals).
        owned: Never rank the items the dialogue named, except those the seeker's last
            message asks for by name, which come first (the product's turn).
        prior_in_list: Items the signals know only by popularity enter the signals' list
            even with a taste (:attr:`chatrec.query.Query.prior_in_list`: the fusion before the
            sparse-history fix).
        served_fusion: Rank with the learned fusion fitted as the product serves: named items
            left out of each training pool, so that it learns to rank what may be shown.
        cold_start_floor: With a learned fusion, items without log data fall at most to this
            multiple of their fused place (:func:`chatrec.fusion.cold_start_order`); 0: the ablation.
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
    impute: bool = True
    owned: bool = False
    prior_in_list: bool = False
    served_fusion: bool = False
    cold_start_floor: float = COLD_START_FLOOR


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
        System("product-rrf-noimpute", text="hybrid", items_in_query=True, signals=True, product=True,
               rrf_only=True, impute=False),
        System("product-nosignals", text="hybrid", items_in_query=True, product=True, rrf_only=True),
        System("product-exclude", text="hybrid", items_in_query=True, signals=True, product=True,
               exclude_mentioned=True),
        System("product-rrf-exclude", text="hybrid", items_in_query=True, signals=True, product=True,
               rrf_only=True, exclude_mentioned=True),
        System("product-owned", text="hybrid", items_in_query=True, signals=True, product=True, owned=True),
        System("product-owned-served", text="hybrid", items_in_query=True, signals=True, product=True, owned=True,
               served_fusion=True),
        System("product-nofloor", text="hybrid", items_in_query=True, signals=True, product=True,
               cold_start_floor=0.0),
        System("product-exclude-nofloor", text="hybrid", items_in_query=True, signals=True, product=True,
               exclude_mentioned=True, cold_start_floor=0.0),
        System("product-floor1", text="hybrid", items_in_query=True, signals=True, product=True,
               cold_start_floor=1.0),
        System("product-exclude-floor1", text="hybrid", items_in_query=True, signals=True, product=True,
               exclude_mentioned=True, cold_start_floor=1.0),
        System("product-floor3", text="hybrid", items_in_query=True, signals=True, product=True,
               cold_start_floor=3.0),
        System("product-exclude-floor3", text="hybrid", items_in_query=True, signals=True, product=True,
               exclude_mentioned=True, cold_start_floor=3.0),
        System("product-exclude-nosignals", text="hybrid", items_in_query=True, product=True, rrf_only=True,
               exclude_mentioned=True),
        System("product-exclude-prior", text="hybrid", items_in_query=True, signals=True, product=True,
               exclude_mentioned=True, prior_in_list=True),
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


#: Subsets of (turn, target) pairs every metric is also reported on (key: flag that selects them).
PAIR_SUBSETS = {
    "echo_free": "the target was not named earlier in the dialogue",
    "named_earlier": "the target was named earlier in the dialogue (an echo)",
    "no_log_data": "the target has no log data (added after the logs, or held out of them)",
    "never_named_in_logs": "the logs never named the target (no log data, or on offer and never named)",
    "held_out": "the target is among the items --holdout-items removed from every log",
}


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
        named: Per pair: the target was named earlier in the dialogue.
        logged: Per pair: the signals have log data on the target (False without signals).
        named_in_logs: Per pair: the signals' logs named the target at least once.
        held_out: Per pair: the target is a held-out item (``--holdout-items``).
        top_no_log: Per turn: share of the top-10 slots taken by items without log data.
        top_never_named: Per turn: share of the top-10 slots taken by items the logs never named.
        seen_shown: Per turn: top-10 items the seeker had named earlier and had seen or
            disliked (empty without the questionnaires).
    """

    system: System
    ranks: list[int] = field(default_factory=list)
    top_lists: list[list[str]] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    diversity: list[float] = field(default_factory=list)
    ndcg: list[float] = field(default_factory=list)
    named: list[bool] = field(default_factory=list)
    logged: list[bool] = field(default_factory=list)
    held_out: list[bool] = field(default_factory=list)
    top_no_log: list[float] = field(default_factory=list)
    named_in_logs: list[bool] = field(default_factory=list)
    top_never_named: list[float] = field(default_factory=list)
    seen_shown: list[int] = field(default_factory=list)

    def _pair_metrics(self, select: np.ndarray | None = None) -> dict[str, Any]:
        """Recall@1/10/50, NDCG@10, MRR and the pair count over the selected pairs (all when None)."""
        ranks = np.asarray(self.ranks, dtype=np.int64)
        ndcg = np.asarray(self.ndcg, dtype=np.float64)
        if select is not None:
            ranks, ndcg = ranks[select], ndcg[select]

        def mean(values: np.ndarray) -> float:
            return round(float(np.mean(values)), 4) if len(values) else 0.0

        return {
            "recall@1": mean(ranks < 1), "recall@10": mean(ranks < 10), "recall@50": mean(ranks < 50),
            "ndcg@10": mean(ndcg), "mrr": mean(1.0 / (ranks + 1.0)), "pairs": int(len(ranks)),
        }

    def metrics(self, catalogue_size: int) -> dict[str, Any]:
        """Recall@1/10/50, NDCG@10, MRR, coverage, diversity and latency as a JSON-able dict.

        Every pair metric is also given per subset (:data:`PAIR_SUBSETS`): ``echo_free``
        (targets not named earlier) and ``named_earlier`` always, ``no_log_data`` when the
        system used signals, ``held_out`` when items were held out; each with its ``pairs``.
        ``top10_no_log_share`` is the mean share of top-10 slots taken by items without log data.
        """
        ranks = np.asarray(self.ranks, dtype=np.int64)
        named = np.asarray(self.named, dtype=bool)
        latency = np.asarray(self.latencies_ms, dtype=np.float64)

        def mean(values: Iterable[float]) -> float:
            values = list(values)
            return round(float(np.mean(values)), 4) if values else 0.0

        subsets: dict[str, dict[str, Any]] = {}
        if len(named) == len(ranks):
            subsets["echo_free"] = self._pair_metrics(~named)
            subsets["named_earlier"] = self._pair_metrics(named)
        if self.system.signals and len(self.logged) == len(ranks) and not all(self.logged):
            subsets["no_log_data"] = self._pair_metrics(~np.asarray(self.logged, dtype=bool))
        if self.system.signals and len(self.named_in_logs) == len(ranks):
            subsets["never_named_in_logs"] = self._pair_metrics(~np.asarray(self.named_in_logs, dtype=bool))
        if any(self.held_out) and len(self.held_out) == len(ranks):
            subsets["held_out"] = self._pair_metrics(np.asarray(self.held_out, dtype=bool))
        return {
            **self._pair_metrics(),
            **subsets,
            "coverage@10": round(catalogue_coverage(self.top_lists, catalogue_size, k=10), 4)
            if self.top_lists else 0.0,
            "diversity@10": mean(self.diversity),
            "top10_no_log_share": mean(self.top_no_log) if self.top_no_log else None,
            "top10_never_named_share": mean(self.top_never_named) if self.top_never_named else None,
            "latency_ms_p50": round(float(np.percentile(latency, 50)), 2) if len(latency) else None,
            "latency_ms_p95": round(float(np.percentile(latency, 95)), 2) if len(latency) else None,
            "recall_curve": {str(k): mean(ranks < k) for k in CURVE_KS},
            **({"seen_in_top10": {
                "items": int(sum(self.seen_shown)), "turns": len(self.seen_shown),
                "per_turn": mean(self.seen_shown), "turns_with_any": mean(n > 0 for n in self.seen_shown),
            }} if self.seen_shown and len(self.seen_shown) == len(self.top_lists) else {}),
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
        held_out: Catalogue ids removed from every log (``--holdout-items``): pairs whose
            target is one of them are also reported on their own (``held_out``).
        seen: Dialogue id to the movies its seeker had seen or disliked
            (:func:`chatrec.eval.owned.seen_by_dialogue`): each system's top 10 is checked
            against the ones the seeker named earlier (``seen_in_top10``).
        served_fusion: The learned fusion fitted with the named items left out of its pools,
            for the ``served_fusion`` systems.
        catalogue: The catalogue-taste model the product systems read (default: built from the
            index when the settings' ``content_weight`` is above 0; give one to share it).
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
        held_out: Iterable[str] = (),
        seen: Mapping[str, frozenset[str]] | None = None,
        served_fusion: LearnedFusion | None = None,
        catalogue: CatalogueTaste | None = None,
    ) -> None:
        self.retriever = retriever
        self.served_fusion = served_fusion
        self.seen = seen
        self.held_out = set(held_out)
        self.fusion = fusion
        self.index = retriever.index
        self.ids = [item.id for item in self.index.items]
        self.linker = TitleLinker(
            self.index.items, priors=dict(zip(self.ids, signals.popularity(self.ids).tolist(), strict=True))
            if signals is not None else None,
        )
        self.signals = signals
        self.aligned: AlignedSignals | None = (
            signals.aligned(self.ids, embeddings=self.index.embeddings) if signals is not None else None
        )
        self._aligned_raw: AlignedSignals | None = None
        settings = retriever.settings
        self.catalogue = catalogue if catalogue is not None or settings.content_weight <= 0 else CatalogueTaste(
            self.index.items)
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
                mentioned: list[str], exclude: Sequence[str] = ()) -> np.ndarray:
        """Score of every catalogue item for one turn (higher is better); ``exclude``: items the
        product's query leaves out (a product system)."""
        n = len(self.ids)
        if system.product:
            fusion = None if system.rrf_only else self.served_fusion if system.served_fusion else self.fusion
            if fusion is not None and system.cold_start_floor != fusion.cold_start_floor:
                fusion = dataclasses.replace(fusion, cold_start_floor=system.cold_start_floor)
            return self._product_scores(query, text_vector, mentioned, fusion, self._aligned_for(system),
                                        prior_in_list=system.prior_in_list, exclude=exclude)
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

    def _aligned_for(self, system: System) -> AlignedSignals | None:
        """The signals a system reads: None without signals, unimputed for ``impute=False``."""
        if not system.signals or self.signals is None:
            return None
        if system.impute:
            return self.aligned
        if self._aligned_raw is None:
            self._aligned_raw = self.signals.aligned(self.ids)
        return self._aligned_raw

    def product_query(
        self, query: str, text_vector: np.ndarray, mentioned: list[str], aligned: AlignedSignals | None = None,
        *, no_signals: bool = False,
    ) -> Query:
        """The product's query for a turn (as ``ChatRec`` makes it), with its text already embedded.

        Args:
            aligned: The signals to read (default: the evaluation's, imputed for items without
                log data; the unimputed ones of the ``impute=False`` ablation drop the
                ``logged`` part, as before issue 14).
            no_signals: Read no signals at all (the ``product-nosignals`` ablation).
        """
        aligned = None if no_signals else self.aligned if aligned is None else aligned
        asked = make_query(
            query, index=self.index, settings=self.retriever.settings, named_ids=mentioned,
            signals=aligned, weights=self.weights, vector=text_vector, catalogue=self.catalogue,
        )
        if asked.signal_parts is not None and aligned is self._aligned_raw:
            parts = {name: values for name, values in asked.signal_parts.items() if name != "logged"}
            asked = dataclasses.replace(asked, signal_parts=parts)
        return asked

    def _product_scores(
        self, query: str, text_vector: np.ndarray | None, mentioned: list[str], fusion: LearnedFusion | None,
        aligned: AlignedSignals | None, *, prior_in_list: bool = False, exclude: Sequence[str] = (),
    ) -> np.ndarray:
        """Scores from the product's retrieval call; items outside its top 100 score -inf."""
        scores = np.full(len(self.ids), -np.inf)
        if text_vector is None:
            return scores
        asked = self.product_query(query, text_vector, mentioned, aligned, no_signals=aligned is None)
        if prior_in_list or exclude:
            asked = dataclasses.replace(asked, prior_in_list=prior_in_list, exclude_ids=tuple(exclude))
        found = self.retriever.search(asked, 100, fusion=fusion)
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
            flags: list[tuple[bool, bool, bool, bool]] = []  # named earlier, logged, held out, named in logs
            said = " ".join(utterances)
            seeker = seeker_said(turn.context, self.linker) if self.seen is not None or any(
                s.owned for s in systems) else None
            seen_titles = self._seen_titles(turn.dialog_id, seeker)
            known = self.aligned.known if self.aligned is not None else None
            named_in_logs = self.aligned.named_in_logs if self.aligned is not None else None
            for title in turn.targets:
                counts["targets"] += 1
                linked = self.linker.lookup(title)
                if not linked:
                    counts["unlinked_targets"] += 1
                    continue
                rows = [self.index.position(i) for i in linked]
                named = bool(set(linked) & set(mentioned)) or title in said
                counts["targets_already_named"] += int(named)
                targets.append(rows)
                flags.append((named, known is not None and bool(known[rows].any()),
                              any(i in self.held_out for i in linked),
                              named_in_logs is not None and bool(named_in_logs[rows].any())))
            for system in systems:
                begun = time.perf_counter()
                # The product's turn leaves the named items out of its query (asked-for ones excepted).
                leave_out = [i for i in mentioned if i not in seeker.asks] if system.owned and seeker else []
                scores = self._scores(system, query, text_vector, mentioned, leave_out)
                if system.exclude_mentioned and mentioned:
                    scores[[self.index.position(i) for i in mentioned]] = -np.inf
                if system.owned and seeker is not None:
                    scores = self._owned(scores, mentioned, seeker.asks)
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
                if seen_titles is not None:
                    result.seen_shown.append(sum(self.index.get(i).title in seen_titles for i in top))
                result.diversity.append(intra_list_diversity(self.index.embeddings[order[:10]]))
                if known is not None and named_in_logs is not None:
                    result.top_no_log.append(float(np.mean(~known[order[:10]])))
                    result.top_never_named.append(float(np.mean(~named_in_logs[order[:10]])))
                for rows, (named, logged, held, in_logs) in zip(targets, flags, strict=True):
                    result.ranks.append(int(rank[rows].min()))
                    result.ndcg.append(ndcg_at_k(top, {self.ids[row] for row in rows}, 10))
                    result.named.append(named)
                    result.logged.append(logged)
                    result.held_out.append(held)
                    result.named_in_logs.append(in_logs)
            counts["turns"] += 1
            if bar is not None:
                bar.update(1)

    def _seen_titles(self, dialog_id: str, seeker: SeekerSaid | None) -> set[str] | None:
        """Titles the seeker named earlier and had seen or disliked (None without questionnaires)."""
        if self.seen is None or seeker is None:
            return None
        seen = self.seen.get(dialog_id, frozenset())
        return {self.index.get(i).title for i in seeker.named & seen if i in self.index}

    def _owned(self, scores: np.ndarray, mentioned: Sequence[str], asks: Sequence[str]) -> np.ndarray:
        """The product's turn: named items never ranked, except those asked for by name, first."""
        scores = scores.copy()
        asked = [i for i in asks if i in self.index]
        hidden = [self.index.position(i) for i in mentioned if i not in set(asked)]
        if hidden:
            scores[hidden] = -np.inf
        for number, item_id in enumerate(asked):
            scores[self.index.position(item_id)] = 1e9 - number
        return scores

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
        summary = summarise(results, counts, systems, len(self.ids))
        summary["catalogue_no_log_share"] = self.no_log_share()
        summary["catalogue_never_named_share"] = self.never_named_share()
        return summary

    def no_log_share(self) -> float | None:
        """Share of the catalogue without log data (None without signals)."""
        return None if self.aligned is None else round(float(np.mean(~self.aligned.known)), 4)

    def never_named_share(self) -> float | None:
        """Share of the catalogue the signals' logs never named (None without signals)."""
        return None if self.aligned is None else round(float(np.mean(~self.aligned.named_in_logs)), 4)


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
    held_out: Iterable[str] = (),
    unlogged_share: float = 0.2,
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
        held_out: Catalogue ids removed from every log first (item cold start): from the
            sessions the signals are fitted on and from the targets the fusion learns from.
        unlogged_share: Share of logged items each fusion fit sees as having no log data
            (see :func:`cross_fitted_examples`).
        **options: Passed on to :class:`RedialEvaluation`.

    Returns:
        See :func:`summarise`; ``signals_sessions`` gives the mean number of sessions per fit,
        ``fusion_turns`` the mean number of logged turns per fusion fit,
        ``catalogue_no_log_share`` the mean share of the catalogue without log data per fit.
    """
    from tqdm import tqdm

    from chatrec.eval.fusion_data import fold_fusion

    held = set(held_out)
    vocabulary = [item.id for item in retriever.index.items if item.id not in held]
    if held:
        sessions = without_items(sessions, held)
        if fusion_turns is not None:
            fusion_turns = without_targets(fusion_turns, {item.title for item in retriever.index.items
                                                          if item.id in held})
    results: dict[str, SystemResult] = {}
    counts: Counter[str] = Counter()
    fitted: list[int] = []
    timed_left = timed_turns
    splits = cross_fitting_folds(sessions, turns, folds)
    fusion_sizes: list[int] = []
    shares: list[tuple[float, float, int]] = []
    with tqdm(total=len(turns), desc="turns", unit="turn", disable=not progress) as bar:
        for fold_turns, kept in splits:
            fitted.append(len(kept))
            if fusion_turns is not None:
                fold_dialogues = {turn.dialog_id for turn in fold_turns}
                logged = [turn for turn in fusion_turns if turn.dialog_id not in fold_dialogues]
                if any(system.served_fusion for system in systems):
                    options["served_fusion"] = fold_fusion(
                        retriever, kept, logged, depth=fusion_depth, folds=max(folds, 5), seed=fusion_seed,
                        unlogged_share=unlogged_share, vocabulary=vocabulary, exclude_named=True)
                options["fusion"] = fold_fusion(retriever, kept, logged, depth=fusion_depth, folds=max(folds, 5),
                                                seed=fusion_seed, unlogged_share=unlogged_share,
                                                vocabulary=vocabulary)
                fusion_sizes.append(len(logged))
            evaluation = RedialEvaluation(retriever, ItemSignals.fit(kept, vocabulary), held_out=held, **options)
            evaluation.score_turns(fold_turns, systems, results, counts, timed_turns=timed_left, bar=bar)
            share, never = evaluation.no_log_share(), evaluation.never_named_share()
            if share is not None and never is not None:
                shares.append((share, never, len(fold_turns)))
            timed_left = max(0, timed_left - len(fold_turns))
    summary = summarise(results, counts, systems, len(retriever.index))
    summary["signals_sessions"] = int(np.mean(fitted)) if fitted else 0
    overlap = {session.key for session in sessions} & {turn.dialog_id for turn in turns}
    summary["folds"] = folds if overlap else 1
    if fusion_sizes:
        summary["fusion_turns"] = int(np.mean(fusion_sizes))
    total = max(sum(n for *_, n in shares), 1)
    summary["catalogue_no_log_share"] = round(sum(v * n for v, _, n in shares) / total, 4) if shares else None
    summary["catalogue_never_named_share"] = round(sum(v * n for _, v, n in shares) / total, 4) if shares else None
    summary["held_out_items"] = len(held)
    return summary


def holdout_items(item_ids: Sequence[str], fraction: float, seed: int = 0) -> set[str]:
    """A seeded random ``fraction`` of ``item_ids``: the items an item cold-start run removes from the logs.

    Raises:
        InputError: ``fraction`` is not in [0, 1).
    """
    if not 0.0 <= fraction < 1.0:
        raise InputError(f"the held-out fraction must be in [0, 1), got {fraction}")
    ordered = sorted(set(item_ids))
    count = int(round(len(ordered) * fraction))
    return set(random.Random(seed).sample(ordered, count)) if count else set()


def without_items(sessions: Iterable[Session], item_ids: set[str]) -> list[Session]:
    """The sessions as if their logs had never named ``item_ids`` (items and log texts dropped)."""
    return [
        Session(
            items=tuple(i for i in session.items if i not in item_ids), key=session.key,
            led_to=tuple((i, text) for i, text in session.led_to if i not in item_ids),
        )
        for session in sessions
    ]


def without_targets(turns: Iterable[RecTurn], titles: set[str]) -> list[RecTurn]:
    """The turns with these target titles dropped; a turn left without targets is dropped."""
    kept = []
    for turn in turns:
        targets = tuple(title for title in turn.targets if title not in titles)
        if targets:
            kept.append(RecTurn(turn.dialog_id, turn.turn_id, turn.context, targets))
    return kept


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
