"""Hybrid retrieval over an index: dense (embeddings) and lexical (BM25), fused by rank.

Filters (price range, category, brand, attribute values: equality, membership, negation)
and excluded ids are applied before ranking, so every returned candidate satisfies them.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
from scipy import sparse

from chatrec.catalog import FIELDS, Item, item_text
from chatrec.embedding import Embedder, load_embedder
from chatrec.errors import ConfigError, InputError
from chatrec.fusion import PoolRanker, PoolScores, pool_features
from chatrec.index import ATTR_PREFIX, CatalogIndex, open_collection, open_index
from chatrec.settings import Settings

__all__ = ["BM25", "Candidate", "Filters", "Retriever", "tokenize"]

logger = logging.getLogger(__name__)

_TOKEN = re.compile(r"[a-z0-9]+")
_COMPOUND = re.compile(r"[a-z0-9]+(?:[-./][a-z0-9]+)+")
Mode = Literal["hybrid", "dense", "lexical"]


@dataclass(frozen=True)
class Filters:
    """Constraints every retrieved item must satisfy.

    Attributes:
        min_price: Lowest price allowed (items without a price fail a price filter).
        max_price: Highest price allowed.
        include: Field or attribute name (``category``, ``brand``, ``baseColour``, ...) to the
            values allowed (an item passes when its value, or one of its values, is among them).
            Compared case-insensitively.
        exclude: Field or attribute name to values that are not allowed.
    """

    min_price: float | None = None
    max_price: float | None = None
    include: dict[str, frozenset[str]] = field(default_factory=dict)
    exclude: dict[str, frozenset[str]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True when the filters allow every item."""
        return (
            self.min_price is None and self.max_price is None
            and not any(self.include.values()) and not any(self.exclude.values())
        )


@dataclass(frozen=True)
class Candidate:
    """A retrieved item with its scores.

    Attributes:
        item: The catalogue item.
        score: The fused retrieval score (higher is better).
        dense_score: Cosine similarity of query and item, or None when not ranked densely.
        lexical_score: BM25 score, or None when the item had no lexical match.
    """

    item: Item
    score: float
    dense_score: float | None = None
    lexical_score: float | None = None


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens, plus joined compounds so that "WH-1000XM4" matches "wh1000xm4"."""
    text = text.lower()
    tokens = _TOKEN.findall(text)
    for compound in _COMPOUND.findall(text):
        tokens.append(re.sub(r"[-./]", "", compound))
    return tokens


class BM25:
    """Okapi BM25 over a fixed set of documents, as one sparse matrix product per query.

    Scoring a query costs a sparse column sum instead of a Python loop over documents, so a
    44k-item catalogue answers in about a millisecond.
    """

    def __init__(self, documents: Sequence[str], k1: float = 1.2, b: float = 0.75) -> None:
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[float] = []
        lengths = np.zeros(len(documents), dtype=np.float32)
        for row, document in enumerate(documents):
            tokens = Counter(tokenize(document))
            lengths[row] = sum(tokens.values())
            for token, count in tokens.items():
                rows.append(row)
                cols.append(vocabulary.setdefault(token, len(vocabulary)))
                counts.append(count)
        self.vocabulary = vocabulary
        n_docs = max(len(documents), 1)
        tf = sparse.csr_matrix(
            (np.asarray(counts, dtype=np.float32), (rows, cols)), shape=(len(documents), len(vocabulary))
        )
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocabulary)).astype(np.float32)
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        average = float(lengths.mean()) if len(documents) else 1.0
        norm = k1 * (1.0 - b + b * lengths / max(average, 1e-6))
        tf = tf.tocoo()
        weights = tf.data * (k1 + 1.0) / (tf.data + norm[tf.row]) * idf[tf.col]
        # Column-major, so that a query's few terms are a cheap column slice.
        self.matrix = sparse.csc_matrix((weights, (tf.row, tf.col)), shape=tf.shape)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for the query (zeros where no term matches)."""
        columns = sorted({self.vocabulary[token] for token in tokenize(query) if token in self.vocabulary})
        if not columns:
            return np.zeros(self.matrix.shape[0], dtype=np.float32)
        return np.asarray(self.matrix[:, columns].sum(axis=1), dtype=np.float32).ravel()


def _values_of(item: Item, name: str) -> tuple[str, ...]:
    value = item.field_value(name)
    if value is None:
        return ()
    if isinstance(value, tuple):
        return tuple(v.lower() for v in value)
    return (str(value).lower(),)


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` highest finite scores, best first."""
    finite = np.isfinite(scores)
    n = min(n, int(finite.sum()))
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    if n < scores.shape[0]:
        part = np.argpartition(-scores, n - 1)[:n]
    else:
        part = np.arange(scores.shape[0])
    part = part[np.isfinite(scores[part])]
    return part[np.argsort(-scores[part], kind="stable")]


class Retriever:
    """Hybrid search over an opened index.

    Dense similarity (exact, over the in-memory embedding matrix, or Chroma's own query with
    ``retrieval_backend="chroma"``) and BM25 are each ranked after the filters and exclusions
    are applied, then fused by reciprocal rank.
    """

    def __init__(self, index: CatalogIndex, embedder: Embedder, settings: Settings) -> None:
        if embedder.name != index.embedder_name:
            raise ConfigError(
                f"the index in {index.path} was built with the embedder {index.embedder_name!r}, "
                f"but {embedder.name!r} is configured: rebuild the index or change the setting"
            )
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._bm25: BM25 | None = None
        self._postings: dict[str, dict[str, np.ndarray]] = {}
        self._values: dict[str, Counter[str]] = {}
        self._prices = np.array(
            [math.nan if item.price is None else item.price for item in index.items], dtype=np.float64
        )
        self._collection: Any = None
        self._matrix: Any = None  # torch float16 copy of the embeddings, made on first search

    @classmethod
    def open(
        cls, settings: Settings, index_dir: Path | str | None = None, embedder: Embedder | None = None
    ) -> Retriever:
        """Open the index in ``index_dir`` (default: the setting) with the configured embedder."""
        index = open_index(index_dir or settings.index_dir)
        return cls(index, embedder or load_embedder(settings), settings)

    # --- vocabulary ------------------------------------------------------------------

    def fields(self) -> list[str]:
        """Filterable names: the item fields present in the catalogue, then attribute names."""
        names = [name for name in ("category", "brand") if self.values(name)]
        seen: dict[str, None] = {}
        for item in self.index.items:
            for key in item.attributes:
                seen.setdefault(key)
        return names + list(seen)

    def values(self, name: str) -> Counter[str]:
        """Every value of a field or attribute, with how many items have it (original case)."""
        cached = self._values.get(name)
        if cached is not None:
            return Counter(cached)
        counts: Counter[str] = Counter()
        for item in self.index.items:
            value = item.field_value(name)
            if value is None:
                continue
            if isinstance(value, tuple):
                counts.update(value)
            else:
                counts[str(value)] += 1
        self._values[name] = counts
        return Counter(counts)

    def _posting(self, name: str) -> dict[str, np.ndarray]:
        posting = self._postings.get(name)
        if posting is None:
            lists: dict[str, list[int]] = {}
            for row, item in enumerate(self.index.items):
                for value in _values_of(item, name):
                    lists.setdefault(value, []).append(row)
            posting = {value: np.asarray(rows, dtype=np.int64) for value, rows in lists.items()}
            self._postings[name] = posting
        return posting

    # --- filtering -------------------------------------------------------------------

    def allowed(self, filters: Filters | None = None, exclude_ids: Iterable[str] = ()) -> np.ndarray | None:
        """Boolean mask of the items that pass, or None when everything passes."""
        exclude = [self.index.position(item_id) for item_id in exclude_ids if item_id in self.index]
        if (filters is None or filters.is_empty()) and not exclude:
            return None
        mask = np.ones(len(self.index), dtype=bool)
        if filters is not None:
            if filters.min_price is not None:
                mask &= self._prices >= filters.min_price  # NaN compares False: unpriced items fail
            if filters.max_price is not None:
                mask &= self._prices <= filters.max_price
            for name, values in filters.include.items():
                if not values:
                    continue
                posting = self._posting(name)
                keep = np.zeros(len(self.index), dtype=bool)
                for value in values:
                    rows = posting.get(value.lower())
                    if rows is not None:
                        keep[rows] = True
                mask &= keep
            for name, values in filters.exclude.items():
                posting = self._posting(name)
                for value in values:
                    rows = posting.get(value.lower())
                    if rows is not None:
                        mask[rows] = False
        if exclude:
            mask[exclude] = False
        return mask

    def count(self, filters: Filters | None = None, exclude_ids: Iterable[str] = ()) -> int:
        """How many items pass the filters."""
        mask = self.allowed(filters, exclude_ids)
        return len(self.index) if mask is None else int(mask.sum())

    # --- search ----------------------------------------------------------------------

    @property
    def bm25(self) -> BM25:
        """The lexical index, built on first use (about a second for 44k items)."""
        if self._bm25 is None:
            self._bm25 = BM25([item_text(item) for item in self.index.items])
        return self._bm25

    def query_vector(
        self, query: str, profile_vector: np.ndarray | None = None, profile_weight: float = 0.3
    ) -> np.ndarray:
        """The normalised dense query: the query's embedding, pulled towards a profile."""
        vector = self.embedder.encode_queries([query])[0].astype(np.float32)
        if profile_vector is not None and profile_weight > 0:
            vector = (1.0 - profile_weight) * vector + profile_weight * profile_vector.astype(np.float32)
            norm = float(np.linalg.norm(vector))
            if norm > 0:
                vector = vector / norm
        return vector

    def search(
        self,
        query: str,
        k: int = 20,
        filters: Filters | None = None,
        exclude_ids: Iterable[str] = (),
        *,
        profile_vector: np.ndarray | None = None,
        profile_weight: float = 0.3,
        mode: Mode = "hybrid",
        query_vector: np.ndarray | None = None,
        extra_scores: np.ndarray | None = None,
        extra_weight: float = 1.0,
        fusion: PoolRanker | None = None,
        signal_parts: Mapping[str, np.ndarray] | None = None,
        named_ids: Sequence[str] = (),
    ) -> list[Candidate]:
        """The ``k`` best items for a query that pass the filters, best first.

        Args:
            query: The customer's words (may be empty: then only the profile or order counts).
            k: How many candidates to return.
            filters: Constraints every candidate satisfies.
            exclude_ids: Items never returned (rejected or already shown).
            profile_vector: A customer's taste (normalised embedding centroid), mixed into the
                dense query with ``profile_weight``.
            mode: ``hybrid`` (dense and BM25 fused), ``dense`` or ``lexical``.
            query_vector: A precomputed dense query, used instead of embedding ``query``.
            extra_scores: One score per catalogue item (index order) from another source,
                such as co-mention and popularity signals learnt from logs; its items with a
                positive score form a third ranked list in the fusion.
            extra_weight: Weight of that list's reciprocal ranks (the other two weigh 1).
            fusion: A learned fusion model (:mod:`chatrec.fusion`): it re-orders the best
                ``fusion.depth`` items of the RRF pool (hybrid mode only); their ``score`` is
                then the model's.
            signal_parts: The components of ``extra_scores`` by name, read by ``fusion``. With
                ``signal_parts["logged"]`` (0 for items without log data, such as products
                added after the logs), those items stay out of the signals list and their text
                lists' reciprocal ranks count ``1 + extra_weight / number of text lists`` times
                instead: the absence of logs neither raises nor buries an item.
            named_ids: Items the customer named in the conversation, read by ``fusion``.

        Returns:
            Up to ``k`` candidates; fewer when fewer items pass the filters.
        """
        if k <= 0:
            raise InputError(f"k must be positive, got {k}")
        mask = self.allowed(filters, exclude_ids)
        depth = max(k * 5, 100, fusion.depth if fusion is not None else 0)
        dense_scores: np.ndarray | None = None
        vector: np.ndarray | None = None
        lexical_scores: np.ndarray | None = None
        ranked_lists: list[np.ndarray] = []
        list_weights: list[float] = []
        if mode in ("hybrid", "dense"):
            vector = query_vector if query_vector is not None else self.query_vector(
                query, profile_vector, profile_weight
            )
            if self.settings.retrieval_backend == "chroma":
                dense_rows, dense_scores = self._chroma_dense(vector, depth, filters, mask)
            else:
                dense_scores = self._dense_scores(vector)
                if mask is not None:
                    dense_scores = np.where(mask, dense_scores, -np.inf)
                dense_rows = _top(dense_scores, depth)
            ranked_lists.append(dense_rows)
            list_weights.append(1.0)
        if mode in ("hybrid", "lexical") and query.strip():
            lexical_scores = self.bm25.scores(query)
            lexical_scores = np.where(lexical_scores > 0, lexical_scores, -np.inf)
            if mask is not None:
                lexical_scores = np.where(mask, lexical_scores, -np.inf)
            ranked_lists.append(_top(lexical_scores, depth))
            list_weights.append(1.0)
        text_lists = len(ranked_lists)
        logged = None if signal_parts is None else signal_parts.get("logged")
        if extra_scores is not None:
            if extra_scores.shape != (len(self.index),):
                raise InputError(f"extra_scores must have one score per item ({len(self.index)})")
            extra = np.where(extra_scores > 0, extra_scores, -np.inf)
            if mask is not None:
                extra = np.where(mask, extra, -np.inf)
            if logged is not None:
                extra = np.where(logged > 0, extra, -np.inf)  # items without log data: see below
            ranked_lists.append(_top(extra, depth))
            list_weights.append(extra_weight)
        if mode == "lexical" and not ranked_lists:
            return []
        fused: dict[int, float] = {}
        for rows, weight in zip(ranked_lists, list_weights, strict=True):
            for rank, row in enumerate(rows.tolist()):
                fused[row] = fused.get(row, 0.0) + weight / (self.settings.rrf_k + rank + 1)
        if extra_scores is not None and logged is not None and text_lists:
            # Cold start: the logs know nothing of these items, so their signals list counts as
            # much as their text lists do (an item "as good in the logs as in its text"): the
            # logs may raise an item, their silence never buries one.
            scale = 1.0 + extra_weight / text_lists
            for row in [row for row in fused if logged[row] <= 0]:
                fused[row] *= scale
        order = sorted(fused, key=lambda row: (-fused[row], row))
        if fusion is not None and mode == "hybrid" and vector is not None:
            pool = PoolScores(
                dense=dense_scores if dense_scores is not None and self.settings.retrieval_backend != "chroma"
                else self.index.embeddings @ vector.astype(np.float32),
                lexical=lexical_scores,
                signals=None if extra_scores is None else np.where(extra_scores > 0, extra_scores, -np.inf),
                parts=signal_parts or {},
                fused=fused,
                taste=None if profile_vector is None else self.index.embeddings @ profile_vector.astype(np.float32),
                named=self._named_mask(named_ids),
            )
            head = np.asarray(order[: fusion.depth], dtype=np.int64)
            learnt = fusion.score(pool_features(head, pool, fusion.depth))
            rest = order[fusion.depth :]  # beyond the pool: RRF order, below every pool item
            floor = float(learnt.min()) - 1.0 if len(learnt) else 0.0
            fused = dict(zip(head.tolist(), learnt.tolist(), strict=True))
            fused.update({row: floor - 1e-6 * rank for rank, row in enumerate(rest[: k])})
            order = head[np.argsort(-learnt, kind="stable")].tolist() + rest
        order = order[:k]
        return [
            Candidate(
                item=self.index.items[row],
                score=fused[row],
                dense_score=None if dense_scores is None or not np.isfinite(dense_scores[row])
                else float(dense_scores[row]),
                lexical_score=None if lexical_scores is None or not np.isfinite(lexical_scores[row])
                else float(lexical_scores[row]),
            )
            for row in order
        ]

    def _named_mask(self, named_ids: Sequence[str]) -> np.ndarray:
        named = np.zeros(len(self.index), dtype=bool)
        for item_id in named_ids:
            if item_id in self.index:
                named[self.index.position(item_id)] = True
        return named

    def _dense_scores(self, vector: np.ndarray) -> np.ndarray:
        """Cosine similarity of every item to the query, exact.

        Computed by torch over a float16 copy of the embeddings: the product is bound by memory
        bandwidth, so half the bytes is about half the time (1 ms for 44k x 384 here), and it
        avoids numpy's BLAS threads, which spin after each call and then compete with torch's
        threads embedding the next query (that made a 5 ms query embedding take 13 ms).
        Rankings agree with float32 up to ties closer than about 1e-3.
        """
        import torch

        if self._matrix is None:
            self._matrix = torch.from_numpy(self.index.embeddings).to(torch.float16)
        query = torch.from_numpy(np.ascontiguousarray(vector, dtype=np.float32)).to(torch.float16)
        return torch.mv(self._matrix, query).to(torch.float32).numpy()

    def _chroma_dense(
        self, vector: np.ndarray, depth: int, filters: Filters | None, mask: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Dense ranking by Chroma's own query; the mask is applied again to what it returns."""
        if self._collection is None:
            self._collection = open_collection(self.settings, self.index)
        where = self._chroma_where(filters)
        result = self._collection.query(
            query_embeddings=[vector.tolist()],
            n_results=min(depth * 2, len(self.index)),
            where=where,
            include=["distances"],
        )
        scores = np.full(len(self.index), -np.inf, dtype=np.float32)
        rows = []
        for item_id, distance in zip(result["ids"][0], result["distances"][0], strict=True):
            if item_id not in self.index:
                continue
            row = self.index.position(item_id)
            if mask is not None and not mask[row]:
                continue
            scores[row] = 1.0 - float(distance)
            rows.append(row)
        return np.asarray(rows[:depth], dtype=np.int64), scores

    def _chroma_where(self, filters: Filters | None) -> dict[str, Any] | None:
        """Chroma's ``where`` for the price range and the single-valued fields of the filters."""
        if filters is None or filters.is_empty():
            return None
        clauses: list[dict[str, Any]] = []
        if filters.min_price is not None:
            clauses.append({"price": {"$gte": filters.min_price}})
        if filters.max_price is not None:
            clauses.append({"price": {"$lte": filters.max_price}})
        for name, values in filters.include.items():
            key = name if name in FIELDS else ATTR_PREFIX + name
            spelled = self._spellings(name, values)
            if spelled:
                clauses.append({key: {"$in": spelled}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def _spellings(self, name: str, values: Iterable[str]) -> list[str]:
        wanted = {value.lower() for value in values}
        return [value for value in self.values(name) if value.lower() in wanted and "|" not in value]
