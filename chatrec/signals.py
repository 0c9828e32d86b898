"""Item-to-item and popularity signals learnt from interaction logs.

"Customers who talked about X went for Y": from any sequence of baskets of item ids (the
items named in one conversation, one session's clicks, one order), count how often two items
occur together and how often each item occurs. A shop fits this from its own logs; for
ReDial it is fitted from the training dialogues (``chatrec eval fit-signals``).

Logs that also carry the customer's words before an item was chosen (a search query before a
purchase, a chat message before a recommendation) give each item a "log text": what customers
said when they went for it. Matching a new customer's words against those texts (BM25) finds
items whose own description never used those words.

At recommendation time, the items the customer named (or liked) give every catalogue item a
co-mention score, the popularity prior breaks ties for customers who named nothing, and the
log text matches their words. An EASE item model (:mod:`chatrec.item_model`) learnt from the
same baskets scores every logged item given the customer's items too. The signals are saved as
one ``.npz`` file, named by the ``signals_path`` setting.
"""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from chatrec.conversations import MENTION
from chatrec.errors import ConfigError, InputError
from chatrec.item_model import ItemModel
from chatrec.retrieval import BM25

__all__ = ["AlignedSignals", "ItemSignals", "Session", "SignalWeights", "redial_sessions"]

logger = logging.getLogger(__name__)

_FORMAT = 1
#: Most characters of log text kept per item.
_MAX_LOG_CHARS = 4000


@dataclass(frozen=True)
class Session:
    """One logged conversation or session.

    Attributes:
        items: The item ids it named (viewed, bought, talked about).
        key: Its id in the logs (kept to check that evaluation data was not fitted on).
        led_to: ``(item_id, text)`` pairs: what the customer said before that item was chosen.
    """

    items: tuple[str, ...]
    key: str = ""
    led_to: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SignalWeights:
    """How much each signal adds to a retrieval score.

    The defaults were chosen on ReDial turns cut from training dialogues a and b (signals
    cross-fitted), never on the validation turns.

    Attributes:
        co_mention: Weight of the co-mention score (0 turns it off).
        two_hop: Weight of the two-hop co-mention score: items that go with the items that go
            with the context (0 turns it off). It reaches items that were never named next to
            the customer's own, which matters when the logs are sparse.
        popularity: Weight of the popularity prior, in [0, 1] (0 turns it off).
        log_text: Weight of the log-text match, in [0, 1] (0 turns it off).
    """

    co_mention: float = 1.0
    two_hop: float = 1.0
    popularity: float = 0.03
    log_text: float = 0.05

    def __post_init__(self) -> None:
        if min(self.co_mention, self.two_hop, self.popularity, self.log_text) < 0:
            raise ValueError("signal weights cannot be negative")


class ItemSignals:
    """Co-mention counts, popularity and log texts over a vocabulary of item ids.

    Build with :meth:`fit`, store with :meth:`save`, read back with :meth:`load`.

    Attributes:
        ids: The item ids seen in the logs, in a fixed order.
        counts: How many sessions named each id (aligned with ``ids``).
        co: Symmetric sparse matrix: ``co[i, j]`` is the number of sessions naming both.
        n_sessions: How many sessions were read.
        log_texts: What customers said before each item was chosen (aligned with ``ids``).
        keys: The ids of the sessions fitted on (may be empty).
        item_model: The EASE item model fitted on the same sessions, or None (signals files
            written before it).
    """

    def __init__(
        self,
        ids: Sequence[str],
        counts: np.ndarray,
        co: sparse.spmatrix,
        n_sessions: int,
        log_texts: Sequence[str] | None = None,
        keys: Sequence[str] = (),
        item_model: ItemModel | None = None,
    ) -> None:
        self.ids = list(ids)
        self.item_model = item_model
        self.counts = np.asarray(counts, dtype=np.float32)
        self.co = sparse.csr_matrix(co, dtype=np.float32)
        self.n_sessions = int(n_sessions)
        self.log_texts = list(log_texts) if log_texts is not None else [""] * len(self.ids)
        self.keys = [key for key in keys if key]
        self._position = {item_id: row for row, item_id in enumerate(self.ids)}
        if len(self._position) != len(self.ids):
            raise ValueError("duplicate ids in item signals")
        if not (len(self.counts) == len(self.log_texts) == len(self.ids) == self.co.shape[0] == self.co.shape[1]):
            raise ValueError("item signals arrays do not match the ids")

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._position

    def position(self, item_id: str) -> int | None:
        """Row of an item id in the signals, or None when the logs never named it."""
        return self._position.get(item_id)

    @classmethod
    def fit(
        cls, sessions: Iterable[Session | Sequence[str]], vocabulary: Iterable[str] = (), *, item_model: bool = True
    ) -> ItemSignals:
        """Count co-mentions, mentions and log texts over logged sessions, and fit the item model.

        Args:
            sessions: :class:`Session` s, or plain baskets of item ids; repeats inside a
                session count once, and a session key seen before is skipped.
            vocabulary: Items that were on offer while the logs were collected (usually the
                catalogue at fit time): those the logs never name are known to have drawn no
                interest (count 0). An item outside the vocabulary and the logs, such as a
                product added later, has no log data at all (see :class:`AlignedSignals`).
            item_model: Also fit an EASE item model (:class:`chatrec.item_model.ItemModel`) on
                the sessions' baskets.

        Returns:
            The fitted signals (possibly empty).
        """
        position: dict[str, int] = {}
        counts: Counter[int] = Counter()
        pairs: Counter[tuple[int, int]] = Counter()
        texts: dict[int, list[str]] = {}
        keys: list[str] = []
        baskets: list[tuple[str, ...]] = []
        n_sessions = 0
        seen_keys: set[str] = set()
        for session in sessions:
            if not isinstance(session, Session):
                session = Session(items=tuple(str(item_id) for item_id in session))
            if session.key:
                if session.key in seen_keys:
                    continue  # the same logged session twice (ReDial's parts share 131 dialogues)
                seen_keys.add(session.key)
            rows = sorted({position.setdefault(str(item_id), len(position)) for item_id in session.items})
            baskets.append(tuple(str(item_id) for item_id in session.items))
            n_sessions += 1
            keys.append(session.key)
            counts.update(rows)
            for a, first in enumerate(rows):
                for second in rows[a + 1 :]:
                    pairs[(first, second)] += 1
            for item_id, text in session.led_to:
                if text.strip():
                    row = position.setdefault(str(item_id), len(position))
                    texts.setdefault(row, []).append(text.strip())
        for item_id in vocabulary:
            position.setdefault(str(item_id), len(position))
        n = len(position)
        if pairs:
            keys_array = np.asarray(list(pairs.keys()), dtype=np.int64)
            values = np.asarray(list(pairs.values()), dtype=np.float32)
            upper = sparse.coo_matrix((values, (keys_array[:, 0], keys_array[:, 1])), shape=(n, n))
            co = (upper + upper.T).tocsr()
        else:
            co = sparse.csr_matrix((n, n), dtype=np.float32)
        ids = [""] * n
        for item_id, row in position.items():
            ids[row] = item_id
        count_array = np.zeros(n, dtype=np.float32)
        for row, count in counts.items():
            count_array[row] = count
        log_texts = [" ".join(texts.get(row, []))[:_MAX_LOG_CHARS] for row in range(n)]
        logger.info("item signals: %d sessions, %d items, %d pairs", n_sessions, n, len(pairs))
        model = ItemModel.fit(baskets) if item_model else None
        return cls(ids, count_array, co, n_sessions, log_texts, keys, model)

    # --- persistence -----------------------------------------------------------------

    def save(self, path: Path | str) -> Path:
        """Write the signals to one ``.npz`` file (its folder is created)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"format": _FORMAT, "n_sessions": self.n_sessions}
        model = self.item_model
        extra: dict[str, Any] = {}  # Any: savez_compressed also takes allow_pickle (a bool) by keyword
        if model is not None:
            extra = {
                "item_model_ids": np.asarray(model.ids, dtype=np.str_), "item_model_data": model.weights.data,
                "item_model_indices": model.weights.indices, "item_model_indptr": model.weights.indptr,
            }
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                meta=np.asarray(json.dumps(meta)),
                ids=np.asarray(self.ids, dtype=np.str_),
                counts=self.counts,
                co_data=self.co.data,
                co_indices=self.co.indices,
                co_indptr=self.co.indptr,
                log_texts=np.asarray(self.log_texts, dtype=np.str_),
                keys=np.asarray(self.keys, dtype=np.str_),
                **extra,
            )
        return path

    @classmethod
    def load(cls, path: Path | str) -> ItemSignals:
        """Read signals written by :meth:`save`.

        Raises:
            ConfigError: The file is missing or not a signals file.
        """
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"item signals file {path} does not exist (fit it with `chatrec eval fit-signals`)")
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                ids = [str(value) for value in data["ids"]]
                n = len(ids)
                co = sparse.csr_matrix((data["co_data"], data["co_indices"], data["co_indptr"]), shape=(n, n))
                model = None
                if "item_model_ids" in data:  # files written before the item model have none
                    model_ids = [str(value) for value in data["item_model_ids"]]
                    m = len(model_ids)
                    weights = (data["item_model_data"], data["item_model_indices"], data["item_model_indptr"])
                    model = ItemModel(model_ids, sparse.csr_matrix(weights, shape=(m, m)))
                signals = cls(
                    ids,
                    data["counts"],
                    co,
                    int(meta.get("n_sessions", 0)),
                    [str(value) for value in data["log_texts"]],
                    [str(value) for value in data["keys"]],
                    model,
                )
        except (OSError, KeyError, ValueError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{path} is not an item signals file: {exc}") from exc
        if meta.get("format") != _FORMAT:
            raise ConfigError(f"{path} has signals format {meta.get('format')}, expected {_FORMAT}")
        return signals

    # --- scores ----------------------------------------------------------------------

    def popularity(self, item_ids: Sequence[str]) -> np.ndarray:
        """Popularity prior of each item: ``log(1 + mentions) / log(1 + most mentions)``, in [0, 1].

        Items never seen in the logs get 0.
        """
        top = float(self.counts.max()) if len(self.counts) else 0.0
        out = np.zeros(len(item_ids), dtype=np.float32)
        if top <= 0:
            return out
        for position, item_id in enumerate(item_ids):
            row = self._position.get(item_id)
            if row is not None:
                out[position] = math.log1p(float(self.counts[row])) / math.log1p(top)
        return out

    def co_mention(
        self, item_ids: Sequence[str], context_ids: Sequence[str], *, shrink: float = 2.0
    ) -> np.ndarray:
        """How strongly each of ``item_ids`` goes with the items in ``context_ids``.

        For every context item ``c`` and candidate ``j``: ``co(c, j) / (count(c) + shrink)``,
        an estimate of "P(j is named | c is named)" damped for rarely seen ``c``, summed
        over the context and divided by its size. Context items unknown to the logs add
        nothing.

        Args:
            item_ids: The items to score (usually the whole catalogue, in index order).
            context_ids: Items the customer named or liked.
            shrink: Pseudo-count that damps items seen only a few times.

        Returns:
            Array aligned with ``item_ids``, zeros when no context item is known.
        """
        return self.aligned(item_ids).co_mention(context_ids, shrink=shrink)

    def aligned(
        self, item_ids: Sequence[str], embeddings: np.ndarray | None = None, neighbours: int = 10
    ) -> AlignedSignals:
        """A view of the signals over a catalogue's ids, for fast repeated scoring.

        With ``embeddings`` (normalised, aligned with ``item_ids``), items the logs never named
        take their signals from their ``neighbours`` most similar logged items (see
        :class:`AlignedSignals`).
        """
        return AlignedSignals(self, item_ids, embeddings, neighbours)

    def without(self, item_ids: Iterable[str]) -> ItemSignals:
        """These signals as if the logs had never named ``item_ids`` (for cold-start evaluation)."""
        drop = {row for item_id in item_ids if (row := self.position(item_id)) is not None}
        if not drop:
            return self
        keep = np.asarray([row for row in range(len(self.ids)) if row not in drop], dtype=np.int64)
        return ItemSignals(
            [self.ids[row] for row in keep], self.counts[keep], self.co[keep][:, keep], self.n_sessions,
            [self.log_texts[row] for row in keep], self.keys,
            None if self.item_model is None else self.item_model.without(item_ids),
        )


class AlignedSignals:
    """Signals mapped once onto a catalogue's order, so that scoring a turn is a few vector ops.

    Items the logs never named (a product added yesterday) have no log data. Left at zero,
    every signal would rank them below every logged item, and a shop with logs would never
    recommend a new product. With ``embeddings``, each signal of such an item is instead
    imputed from its ``neighbours`` most similar logged items (mean of their values): a new
    item is raised as far as the items it resembles, no further. ``known`` says which items
    have log data of their own (the learned fusion reads it as a feature): items the logs named,
    and items of the fit's ``vocabulary`` that were on offer and never named (their zero is
    evidence, not absence of data); ``named_in_logs`` only the former. The item model's score
    (``parts["item_model"]``) is never imputed: NaN where the model has no column for an item.

    Args:
        signals: The fitted signals.
        item_ids: The catalogue's ids, in the order scores are wanted (the index's order).
        embeddings: Normalised item embeddings aligned with ``item_ids`` (None: no imputation,
            items without logs score 0).
        neighbours: Logged neighbours an item without logs takes its signals from.
    """

    def __init__(
        self, signals: ItemSignals, item_ids: Sequence[str], embeddings: np.ndarray | None = None,
        neighbours: int = 10,
    ) -> None:
        self.signals = signals
        self.item_ids = list(item_ids)
        self._columns = np.asarray(
            [-1 if (row := signals.position(i)) is None else row for i in self.item_ids], dtype=np.int64
        )
        self._known = self._columns >= 0
        self.known: np.ndarray = self._known.copy()
        counts = np.zeros(len(self.item_ids), dtype=np.float32)
        counts[self._known] = signals.counts[self._columns[self._known]]
        self.named_in_logs: np.ndarray = counts > 0
        self._neighbours = _logged_neighbours(embeddings, self._known, neighbours) if embeddings is not None else None
        self.popularity = self._impute(signals.popularity(self.item_ids))
        self._bm25: BM25 | None = None
        model = signals.item_model
        self._model_columns = model.columns_for(self.item_ids) if model is not None else None

    def _impute(self, values: np.ndarray) -> np.ndarray:
        """``values`` with each unlogged item's entry replaced by the mean over its logged neighbours."""
        if self._neighbours is None:
            return values
        unknown, neighbours = self._neighbours
        out = np.array(values, dtype=np.float32, copy=True)
        out[unknown] = values[neighbours].mean(axis=1)
        return out

    def co_mention(self, context_ids: Sequence[str], *, shrink: float = 2.0) -> np.ndarray:
        """Co-mention score of every catalogue item given the context items.

        See :meth:`ItemSignals.co_mention`.
        """
        return self.co_mentions(context_ids, shrink=shrink)[0]

    def co_mentions(self, context_ids: Sequence[str], *, shrink: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
        """One-hop and two-hop co-mention scores of every catalogue item.

        The one-hop score ``s1(j)`` is :meth:`ItemSignals.co_mention`. The two-hop score
        applies the same step to it: ``s2(j) = sum_k s1(k) * co(k, j) / (count(k) + shrink)``,
        "items that go with the items that go with the context".

        Returns:
            ``(one_hop, two_hop)``, each aligned with the catalogue; zeros when no context
            item is known to the logs.
        """
        signals = self.signals
        rows = [row for c in dict.fromkeys(context_ids) if (row := signals.position(c)) is not None]
        one = np.zeros(len(self.item_ids), dtype=np.float32)
        two = np.zeros(len(self.item_ids), dtype=np.float32)
        if not rows:
            return one, two
        damping = 1.0 / (signals.counts + shrink)
        first = np.asarray(signals.co[rows].T @ damping[rows], dtype=np.float32).ravel() / len(rows)
        second = np.asarray(signals.co.T @ (first * damping), dtype=np.float32).ravel()
        known = self._columns[self._known]
        one[self._known] = first[known]
        two[self._known] = second[known]
        return one, two

    def log_text(self, query: str) -> np.ndarray:
        """BM25 match of ``query`` against each item's log text, scaled so the best is 1."""
        if self._bm25 is None:
            texts = self.signals.log_texts
            self._bm25 = BM25([texts[row] if row >= 0 else "" for row in self._columns.tolist()])
        scores = self._bm25.scores(query)
        top = float(scores.max()) if len(scores) else 0.0
        return scores / top if top > 0 else scores

    def parts(self, context_ids: Sequence[str], query: str) -> dict[str, np.ndarray]:
        """Each signal of every item, unweighted: ``co_mention``, ``two_hop``, ``popularity``, ``log_text``,
        ``logged`` and, with an item model, ``item_model`` (NaN for items it has no column for).

        Args:
            context_ids: Items the customer named or liked.
            query: The customer's recent words (may be empty: the log-text score is then 0).
        """
        one, two = self.co_mentions(context_ids)
        log_text = self.log_text(query) if query.strip() else np.zeros(len(self.item_ids), dtype=np.float32)
        parts = {
            "co_mention": self._impute(one), "two_hop": self._impute(two), "popularity": self.popularity,
            "log_text": self._impute(log_text), "logged": self.known.astype(np.float32),
        }
        model = self.signals.item_model
        if model is not None and self._model_columns is not None:
            parts["item_model"] = model.aligned_scores(self._model_columns, context_ids)
        return parts

    def scores(
        self, context_ids: Sequence[str], query: str, weights: SignalWeights,
        parts: Mapping[str, np.ndarray] | None = None,
    ) -> np.ndarray:
        """The weighted sum of co-mention (one and two hops), popularity and log-text scores of every item.

        Args:
            context_ids: Items the customer named or liked.
            query: The customer's recent words (may be empty).
            weights: How much each signal counts.
            parts: The result of :meth:`parts` for the same context and query, when already
                computed (saves computing it twice).
        """
        if parts is not None:
            total = (weights.popularity * parts["popularity"] + weights.co_mention * parts["co_mention"]
                     + weights.two_hop * parts["two_hop"] + weights.log_text * parts["log_text"])
            return np.asarray(total, dtype=np.float32)
        total = weights.popularity * self.popularity
        if weights.co_mention > 0 or weights.two_hop > 0:
            one, two = self.co_mentions(context_ids)
            total = total + weights.co_mention * self._impute(one) + weights.two_hop * self._impute(two)
        if weights.log_text > 0 and query.strip():
            total = total + weights.log_text * self._impute(self.log_text(query))
        return np.asarray(total, dtype=np.float32)

    def top(
        self, context_ids: Sequence[str], query: str, weights: SignalWeights, k: int = 20,
        exclude_ids: Iterable[str] = (),
    ) -> list[tuple[str, float]]:
        """The ``k`` items the signals rate highest, as ``(item_id, score)``, best first.

        A recommender merges these with the retriever's candidates, so that items that only
        the logs connect to the conversation can still be shown.
        """
        scores = self.scores(context_ids, query, weights).astype(np.float64)
        skip = set(exclude_ids)
        order = np.argsort(-scores, kind="stable")
        picked: list[tuple[str, float]] = []
        for row in order.tolist():
            if len(picked) >= k or scores[row] <= 0:
                break
            if self.item_ids[row] not in skip:
                picked.append((self.item_ids[row], float(scores[row])))
        return picked


def _logged_neighbours(
    embeddings: np.ndarray, known: np.ndarray, neighbours: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Rows of the unlogged items and, for each, its ``neighbours`` most similar logged rows."""
    unknown = np.flatnonzero(~known)
    logged = np.flatnonzero(known)
    if not len(unknown) or not len(logged) or neighbours < 1:
        return None
    n = min(neighbours, len(logged))
    matrix = np.asarray(embeddings, dtype=np.float32)
    chosen = np.empty((len(unknown), n), dtype=np.int64)
    for start in range(0, len(unknown), 1024):
        block = unknown[start : start + 1024]
        similarity = matrix[block] @ matrix[logged].T
        top = np.argpartition(-similarity, n - 1, axis=1)[:, :n]
        chosen[start : start + len(block)] = logged[top]
    return unknown, chosen


def redial_sessions(
    path: Path | str, known_ids: Mapping[str, object] | set[str] | None = None, context_utterances: int = 3
) -> list[Session]:
    """Sessions from a raw ReDial dialogue file (``train_part_*.jsonl``).

    A session's items are the movies of ``movieMentions``; its log texts pair every movie the
    recommender names with the seeker's last ``context_utterances`` messages before it.

    Args:
        path: A raw ReDial file, one dialogue per line.
        known_ids: Keep only these ids (for example the catalogue's), when given.
        context_utterances: Seeker messages kept as the text that led to a recommendation.

    Raises:
        InputError: The file is missing or not ReDial JSON lines.
    """
    path = Path(path)
    sessions: list[Session] = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read dialogues {path}: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                mentions = record["movieMentions"] or {}
                messages = record["messages"]
                seeker = record.get("initiatorWorkerId")
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number} is not a ReDial dialogue ({exc})") from exc
            keep = (lambda item_id: item_id in known_ids) if known_ids is not None else (lambda item_id: True)
            items = tuple(str(item_id) for item_id in mentions if keep(str(item_id)))
            said: list[str] = []
            led_to: list[tuple[str, str]] = []
            for message in messages:
                text = str(message.get("text", ""))
                if message.get("senderWorkerId") == seeker:
                    said.append(MENTION.sub(" ", text))
                    continue
                recent = " ".join(said[-context_utterances:])
                for item_id in MENTION.findall(text):
                    if keep(item_id) and recent.strip():
                        led_to.append((item_id, recent))
            sessions.append(Session(items=items, key=str(record.get("conversationId", "")), led_to=tuple(led_to)))
    return sessions
