"""ChatRec: the conversational recommender, composed from its parts.

ChatRec loads, wires and saves: :meth:`ChatRec.open` builds the parts (the catalogue search,
the ranker, the explainer, the policy, ...) once, under one lock; a turn is the sequence of
steps in :mod:`chatrec.turn`; the new state and turns are stored. ChatRec holds no
conversation in memory: every session lives in the store, so instances can be shared
between threads and restarted freely.
"""

from __future__ import annotations

import re

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from chatrec import memory, observability
from chatrec.catalog import Item
from chatrec.dialogue import DialogueState, Reacted
from chatrec.errors import InputError
from chatrec.explain import Explainer
from chatrec.fusion import LearnedFusion
from chatrec.labels import Labels
from chatrec.policy import ElicitationPolicy, attribute_weights
from chatrec.prompting import PromptLibrary
from chatrec.ranking import Ranker
from chatrec.reply import Reply
from chatrec.retrieval import Retriever
from chatrec.session_store_pg import open_session_store
from chatrec.sessions import FEEDBACK_KINDS, LocalSessionLocks, SessionLocks, SessionStore
from chatrec.settings import Settings, load_settings
from chatrec.signals import AlignedSignals, ItemSignals
from chatrec.turn import Linker, Parts, Turn, answer, prepare
from chatrec.understanding import ValueMatcher
from chatrec.wording import Phrases

__all__ = ["ChatRec"]

logger = logging.getLogger(__name__)

#: Fields with more distinct values than this are never asked about.
_MAX_ASKABLE_VALUES = 300
#: i12h: an unpaired UTF-16 half ("\ud800" in JSON) is no text: it cannot be stored or encoded.
_SURROGATE = re.compile("[\ud800-\udfff]")


_MARKUP = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|</?[a-zA-Z][\w:-]*(?:\s[^<>]{0,200})?/?>", re.IGNORECASE | re.DOTALL)


def _without_markup(text: str) -> str:
    """The message without HTML tags ("<script>alert(1)</script> shoes" asks for shoes; it was read as off topic);
    a message that is only markup is kept as it is, to be answered as one."""
    if "<" not in text:
        return text
    bare = " ".join(_MARKUP.sub(" ", text).split())
    return bare or text


def _check_text(name: str, value: str | None) -> None:
    """i12h: a clear error, not a crash in the session store, for text that cannot be encoded."""
    if isinstance(value, str) and _SURROGATE.search(value):
        raise InputError(f"the {name} has invalid characters (unpaired UTF-16 surrogates)")


class ChatRec:
    """The conversational recommender behind every front end.

    Args:
        settings: All settings.
        retriever: The catalogue search (default: the index in ``settings.index_dir``).
        ranker: Orders candidates (default: the LLM ranker when ``settings.use_llm``, else
            retrieval order).
        explainer: Writes each item's reason (default: LLM or attribute template, likewise).
        store: Sessions and histories (default: PostgreSQL at ``settings.database_url`` when set,
            else SQLite at ``settings.db_path``).
        phrases: The assistant's wording (default: ``dialogue_*.txt`` of ``settings.prompts_dir``,
            else of the shipped ``prompts/``).
        policy: The ask-or-recommend policy (default: weighted information gain over the index).
        vocabulary: The catalogue's values, for understanding messages (default: from the index).
        locks: One message at a time per session (default: the store's own when it has
            ``hold``, PostgreSQL's advisory locks across processes; else this process's
            :class:`~chatrec.sessions.LocalSessionLocks`).

    The parts not given are built by :meth:`open`, which front ends call at start-up (so a
    missing index fails there) and which is called on first use otherwise.

    Example:
        >>> rec = ChatRec.from_settings()
        >>> reply = rec.respond("I need running shoes", session_id="s1", user_id="u42")
    """

    def __init__(
        self,
        settings: Settings,
        *,
        retriever: Retriever | None = None,
        ranker: Ranker | None = None,
        explainer: Explainer | None = None,
        store: SessionStore | None = None,
        phrases: Phrases | None = None,
        policy: ElicitationPolicy | None = None,
        vocabulary: ValueMatcher | None = None,
        locks: SessionLocks | None = None,
    ) -> None:
        self.settings = settings
        self.store = store if store is not None else open_session_store(settings)
        self.phrases = phrases or Phrases(settings.prompts_dir)
        self._retriever, self._ranker, self._explainer = retriever, ranker, explainer
        self._policy, self._vocabulary = policy, vocabulary
        self._parts: Parts | None = None
        self._open_lock = threading.Lock()
        # A store shared by several processes (PostgreSQL) locks sessions across them.
        shared: Any = self.store if callable(getattr(self.store, "hold", None)) else None
        self.session_locks: SessionLocks = locks if locks is not None else shared or LocalSessionLocks()
        # The in-process LLM frees tensors of every size each turn: keep malloc from hoarding them.
        self._release_memory = self.uses_llm() and not settings.llm_url
        if self._release_memory:
            memory.limit_arenas()
            memory.bound_kernel_cache()

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> ChatRec:
        """A ChatRec with every part built from the settings (default: from the environment)."""
        return cls(settings or load_settings())

    # --- parts -------------------------------------------------------------------------------
    def open(self) -> ChatRec:
        """Build every part not given (index, embedder, ranker, explainer, policy, ...), once.

        Safe to call from several threads and more than once; returns ``self``.

        Raises:
            ChatRecError: A part cannot be built (no index, for instance).
        """
        if self._parts is None:
            with self._open_lock:
                if self._parts is None:
                    self._parts = self._build()
        return self

    def uses_llm(self) -> bool:
        """Whether a turn runs the LLM (re-ranking or writing reasons), so it must be loaded."""
        s = self.settings
        return s.use_llm and (s.llm_rerank or s.reason_writer == "llm")

    def warm_up(self) -> dict[str, float]:
        """Build every part a turn needs now, so that no customer's turn pays for it.

        Opens the parts (index, embedder, vocabulary, policy, linker), runs one search, and when
        the LLM is used loads it (converting the packaged model first if needed) and runs one
        batched generation (and one ranking when LLM re-ranking is on).

        Returns:
            Seconds spent per part.
        """
        timings: dict[str, float] = {}

        def timed(name: str, step: Any) -> Any:
            started = time.perf_counter()
            result = step()
            timings[name] = round(time.perf_counter() - started, 3)
            return result

        parts = timed("open", lambda: self.parts)
        from chatrec.query import make_query

        query = make_query("warm up", index=parts.retriever.index, settings=self.settings)
        candidates = timed("retrieval", lambda: parts.retriever.search(query, 3))
        # the lexical index also answers "do you sell X?" (chatrec.not_carried): built here, not on a turn
        timed("lexical_index", lambda: parts.retriever.bm25)
        # a Chinese/Spanish/German product word the lexicon lacks is read with the multilingual
        # encoder (chatrec.foreign_words): its product-type vectors are made here, not on a turn
        from chatrec.foreign_words import foreign_product_type
        from chatrec.language import Lexicon

        timed("foreign_words", lambda: foreign_product_type("预热", "zh", parts.vocabulary, Lexicon.default()))
        if self.uses_llm() and self.settings.llm_url:
            # A serving engine's client: load its tokenizer only; the engine warms itself.
            for part in (parts.ranker, parts.explainer):
                warm = getattr(getattr(part, "llm", None), "warm_up", None)
                if warm is not None:
                    timed(f"engine_client_{type(part).__name__}", warm)
        elif self.uses_llm():
            from chatrec.explain import explain_all
            from chatrec.ranking import RankingContext

            context = RankingContext(turns=[("customer", "something nice")])
            items = [c.item for c in candidates[:2]]
            timed("llm_first_generation", lambda: explain_all(parts.explainer, context, items))
            if self.settings.llm_rerank and candidates:
                timed("llm_first_rank", lambda: parts.ranker.rank(context, candidates))
        logger.info("warmed up: %s", timings)
        return timings

    @property
    def parts(self) -> Parts:
        """Every part a turn uses (opened on first use)."""
        self.open()
        assert self._parts is not None
        return self._parts

    def _build(self) -> Parts:
        settings = self.settings
        retriever = self._retriever or Retriever.open(settings)
        llm = None
        if settings.use_llm and (self._ranker is None or self._explainer is None):
            llm = _default_llm(settings)  # one model for ranking and explaining, loaded on first use
        fusion = LearnedFusion.load(settings.fusion_path) if settings.fusion_path is not None else None
        return Parts(
            settings=settings, store=self.store, ranker=self._ranker or _default_ranker(settings, llm),
            phrases=self.phrases, fusion=fusion,
            **self._index_parts(retriever, llm, self._vocabulary or _vocabulary(retriever)),
        )

    def _index_parts(self, retriever: Retriever, llm: Any, vocabulary: ValueMatcher) -> dict[str, Any]:
        """The parts derived from an index: built at open and again when a rebuilt index is swapped in."""
        settings = self.settings
        from chatrec.linking import TitleLinker

        names = (getattr(retriever.index, "manifest", None) or {}).get("display_names")
        labels = Labels.for_items(retriever.index.items, names)
        signals: AlignedSignals | None = None
        if settings.signals_path is not None:
            # issue 14: items without log data take their neighbours' signals (AlignedSignals)
            signals = ItemSignals.load(settings.signals_path).aligned(
                [item.id for item in retriever.index.items], embeddings=retriever.index.embeddings
            )
        multilingual = None
        if settings.multilingual_retrieval:  # issue 12: a second, multilingual list for non-English messages
            from chatrec.multilingual import MultilingualIndex

            multilingual = MultilingualIndex(retriever.index.items, settings.cache_dir)
        return {
            "retriever": retriever, "vocabulary": vocabulary, "labels": labels, "signals": signals,
            "explainer": self._explainer or _default_explainer(settings, llm, retriever, labels),
            "policy": self._policy or _default_policy(settings, retriever, vocabulary),
            "linker": TitleLinker(retriever.index.items), "multilingual": multilingual,
            "understander": _understander(settings, retriever.index.items),  # issue 12
            "catalogue": _catalogue_taste(settings, retriever.index.items),  # issue 14
        }

    @property
    def retriever(self) -> Retriever:
        """The catalogue search."""
        return self.parts.retriever

    @property
    def ranker(self) -> Ranker:
        """The ranker (LLM or retrieval order)."""
        return self.parts.ranker

    @property
    def explainer(self) -> Explainer:
        """The explainer (LLM or attribute template)."""
        return self.parts.explainer

    @property
    def vocabulary(self) -> ValueMatcher:
        """The catalogue's values, for understanding messages."""
        return self.parts.vocabulary

    @property
    def signals(self) -> AlignedSignals | None:
        """Item signals learnt from logs (``signals_path``), aligned with the index; None when unset."""
        return self.parts.signals

    @property
    def fusion(self) -> Any:
        """The learned fusion model (``fusion_path``); None when unset (reciprocal-rank fusion)."""
        return self.parts.fusion

    @property
    def linker(self) -> Linker:
        """Finds catalogue items named in a message."""
        return self.parts.linker

    @property
    def policy(self) -> ElicitationPolicy:
        """The ask-or-recommend policy, weighted by the catalogue."""
        return self.parts.policy

    # --- the contract ----------------------------------------------------------------------
    def respond(self, message: str, session_id: str | None = None, user_id: str | None = None) -> Reply:
        """Answer one customer message.

        Args:
            message: The customer's words (1 to ``settings.max_message_chars`` characters).
            session_id: The conversation; a new one is started when None or unknown.
            user_id: The customer, for their history; None or unknown means no history.

        Returns:
            The reply: text, and recommendations or a question.

        Raises:
            InputError: An empty or over-long message.
        """
        reply: Reply | None = None
        for event in self.stream(message, session_id, user_id):
            if isinstance(event, Reply):
                reply = event
        assert reply is not None
        return reply

    def stream(
        self, message: str, session_id: str | None = None, user_id: str | None = None
    ) -> Iterator[str | Reply]:
        """Answer one message as it is written: text chunks, then the :class:`Reply` last.

        Same arguments and errors as :meth:`respond`; the errors are raised on the first
        ``next()``.
        """
        message = self._check_message(message)
        _check_text("session id", session_id)
        _check_text("user id", user_id)
        session_id = session_id or uuid.uuid4().hex
        parts = self.parts
        with self._hold_session(session_id), observability.turn(session_id):
            started = time.perf_counter()
            turn = prepare(parts, message, session_id, user_id)
            for event in answer(parts, turn):
                if isinstance(event, Reply):
                    event.metadata["seconds"] = round(time.perf_counter() - started, 3)
                    self._save(turn, event)
                yield event
        if self._release_memory:
            memory.release_freed_memory()

    def feedback(self, session_id: str, item_id: str, kind: str) -> None:
        """Record the customer's reaction to an item.

        ``rejected`` (a thumbs-down) excludes the item from the session from then on;
        ``clicked`` and ``liked`` count as positives for the customer's profile and training.

        Raises:
            SessionNotFoundError: Unknown session.
            ItemNotFoundError: Unknown item.
            InputError: Unknown kind.
        """
        if kind not in FEEDBACK_KINDS:
            raise InputError(f"unknown feedback kind {kind!r}; use one of {', '.join(FEEDBACK_KINDS)}")
        _check_text("session id", session_id)
        _check_text("item id", item_id)
        with self._hold_session(session_id):
            state = DialogueState.from_dict(self.store.load_state(session_id))
            self.item(item_id)
            self.store.add_feedback(session_id, item_id, kind)
            state.apply(Reacted(item_id, kind))
            self.store.save_state(session_id, state.to_dict())

    def session(self, session_id: str) -> dict[str, Any]:
        """A JSON-able view of a session: customer, kept turns, constraints, shown and named items.

        Raises:
            SessionNotFoundError: Unknown session.
        """
        _check_text("session id", session_id)
        user_id = self.store.user_of(session_id)
        state = DialogueState.from_dict(self.store.load_state(session_id))
        return {
            "session_id": session_id,
            "user_id": user_id,
            "turns": [turn.to_dict() for turn in self.store.turns(session_id)],
            "constraints": state.constraints(),
            "shown": list(state.shown),
            "mentioned": list(state.mentioned),
            "feedback": [{"item_id": i, "kind": k} for i, k in self.store.feedback(session_id)],
        }

    def item(self, item_id: str) -> Item:
        """The catalogue item with this id.

        Raises:
            ItemNotFoundError: Unknown item.
        """
        return self.retriever.index.get(item_id)

    def close(self) -> None:
        """Close the store's connections."""
        self.store.close()

    # --- operations (chatrec.observability, chatrec.index_reload) -------------------------------
    def replace_retriever(self, retriever: Retriever) -> None:
        """Serve from a new index from now on (a rebuilt catalogue; see chatrec.index_reload).

        The parts derived from the index (vocabulary, labels, policy, linker, signals, the
        explainer, the multilingual index) are rebuilt from the new one before the swap, as at
        open; the ranker and the loaded LLM are kept.
        """
        import dataclasses

        old = self.parts
        llm = getattr(old.explainer, "llm", None) or getattr(old.ranker, "llm", None)
        fresh = dataclasses.replace(old, **self._index_parts(retriever, llm, _vocabulary(retriever)))
        with self._open_lock:
            self._retriever, self._parts = retriever, fresh  # one assignment: a turn sees old or new

    # --- sessions ----------------------------------------------------------------------------
    def _check_message(self, message: Any) -> str:
        if not isinstance(message, str):
            raise InputError(f"the message must be text, not {type(message).__name__}")
        text = message.strip()
        _check_text("message", text)
        if not text:
            raise InputError("the message is empty: say what you are looking for")
        text = _without_markup(text)
        if len(text) > self.settings.max_message_chars:
            raise InputError(
                f"the message has {len(text)} characters; the limit is {self.settings.max_message_chars}"
            )
        return text

    @contextlib.contextmanager
    def _hold_session(self, session_id: str) -> Iterator[None]:
        """Hold the session's lock: one message at a time per session, waiting at most ``session_wait_seconds``.

        A stream closed before its end (a client gone mid-reply) releases the lock when it is
        closed and saves nothing of the abandoned reply: the session stays as it was before
        that message.

        Raises:
            SessionBusyError: The session is still busy after the wait (for example a stream
                that a client opened and never read to the end).
        """
        started = time.perf_counter()
        with self.session_locks.hold(session_id, self.settings.session_wait_seconds):
            observability.observe_lock_wait(time.perf_counter() - started)
            yield

    def _save(self, turn: Turn, reply: Reply) -> None:
        payload: dict[str, Any] = {
            "recommendations": [r.item_id for r in reply.recommendations],
            "reasons": [r.reason for r in reply.recommendations],
            "question": reply.question.to_dict() if reply.question else None,
            "wishes": {k: v for k, v in turn.state.constraints().items() if k != "rejected"},  # stop 42: "back to my son's"
        }
        answer = reply.metadata.get("answer")
        if isinstance(answer, dict) and answer.get("question"):
            payload["answered"] = answer["question"]  # "and the second?" next asks the same of another item
        self.store.save_turn(
            turn.session_id,
            turn.state.to_dict(),
            [("customer", turn.message, {}), ("assistant", reply.text, payload)],
        )
        for recommendation in reply.recommendations:
            self.store.add_feedback(turn.session_id, recommendation.item_id, "shown")


# --- default parts -------------------------------------------------------------------------------


def _vocabulary(retriever: Retriever) -> ValueMatcher:
    """The catalogue's values, for understanding messages."""
    return ValueMatcher.from_catalogue(retriever.index.vocabulary).with_types_of(retriever.index.items)


def _default_llm(settings: Settings) -> Any:
    if settings.llm_url:  # on a serving engine (chatrec.llm_remote)
        from chatrec.llm_remote import RemoteLLM

        return RemoteLLM.from_settings(settings)
    from chatrec.llm import LLM

    return LLM.from_settings(settings)


def _default_ranker(settings: Settings, llm: Any) -> Ranker:
    from chatrec import ranking

    # LLM re-ranking is off by default (settings.llm_rerank): it cost ~0.8 s a turn and added no
    # measurable ReDial recall over the fused retrieval (docs/reasons.md).
    if settings.use_llm and settings.llm_rerank and settings.llm_url:
        from chatrec.llm_remote import RemoteRanker

        return RemoteRanker.from_settings(settings, llm=llm)
    if settings.use_llm and settings.llm_rerank:
        return ranking.LLMRanker.from_settings(settings, llm=llm)
    return ranking.RetrievalRanker()


def _default_explainer(
    settings: Settings, llm: Any, retriever: Retriever, labels: Labels | None = None
) -> Explainer:
    from chatrec import explain

    if not (settings.use_llm and settings.reason_writer == "llm"):
        # The grounded fact template (docs/reasons.md), worded by the prompts folder's reasons_en.json.
        return explain.TemplateExplainer(PromptLibrary(settings.prompts_dir), labels=labels)
    # The truthfulness check knows the whole catalogue's values (brands, colours, types), so a
    # reason naming another item's value is caught.
    explainer_class: Any = explain.LLMExplainer
    if settings.llm_url:  # on a serving engine
        from chatrec.llm_remote import RemoteExplainer

        explainer_class = RemoteExplainer
    return explainer_class.from_settings(
        settings, llm=llm, vocabulary=explain.KnownValues.from_catalogue(retriever.index.vocabulary),
        labels=labels,
    )


def _default_policy(settings: Settings, retriever: Retriever, vocabulary: ValueMatcher) -> ElicitationPolicy:
    index = retriever.index
    askable = [name for name in vocabulary.fields if 2 <= vocabulary.distinct(name) <= _MAX_ASKABLE_VALUES]
    weights = attribute_weights(index.items, index.embeddings, askable)
    return ElicitationPolicy(weights, min_gain=settings.ask_min_gain, max_questions=settings.max_questions)


def _understander(settings: Settings, items: Any) -> Any:
    """The LLM understander of the catalogue (issue 12), or None with ``understander="rules"``."""
    if settings.understander == "rules":
        return None
    from chatrec.llm_understanding import understander_from_settings

    return understander_from_settings(settings, list(items))


def _catalogue_taste(settings: Settings, items: Sequence[Item]) -> Any:
    """The catalogue-taste model of the index's items (issue 14), or None when ``content_weight`` is 0."""
    if settings.content_weight <= 0:
        return None
    from chatrec.catalogue_taste import CatalogueTaste

    return CatalogueTaste(items)
