"""ChatRec: the conversational recommender, composed from its parts.

One turn reads top to bottom: the session's state is loaded from the store, the message is
understood (constraints, negations, intents) and folded into the state, candidates are
retrieved with the constraints as filters (biased by the customer's history), the policy
asks a question or the ranker orders the candidates and the explainer says why, and the
new state and turns are stored. ChatRec holds no conversation in memory: every session
lives in the store, so instances can be shared between threads and restarted freely.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chatrec.catalog import Item
from chatrec.dialogue import (
    DialogueState,
    ElicitationPolicy,
    Phrases,
    QuestionPlan,
    attribute_weights,
    update_state,
)
from chatrec.errors import InputError, SessionBusyError
from chatrec.fusion import LearnedFusion
from chatrec.history import Profile, build_profile
from chatrec.reply import Question, Recommendation, Reply
from chatrec.sessions import FEEDBACK_KINDS, SessionStore
from chatrec.settings import Settings
from chatrec.signals import AlignedSignals, ItemSignals, SignalWeights
from chatrec.request import ShopperRequest
from chatrec.understanding import TurnContext, Vocabulary, understand

__all__ = ["ChatRec"]

logger = logging.getLogger(__name__)

#: Fields with more distinct values than this are never asked about.
_MAX_ASKABLE_VALUES = 300
#: A recommended item this close to one the customer bought cites it in its reason.
_CITE_SIMILARITY = 0.7


@dataclass
class _Turn:
    """Everything decided for one turn before the reasons are written."""

    session_id: str
    message: str
    state: DialogueState
    heard: ShopperRequest
    profile: Profile | None
    context: Any
    plan: QuestionPlan | None
    chosen: list[Any] = field(default_factory=list)  # Ranked
    relaxed: list[str] = field(default_factory=list)
    text: str = ""
    question: Question | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


class ChatRec:
    """The conversational recommender behind every front end.

    Args:
        settings: All settings.
        retriever: The catalogue search (default: the index in ``settings.index_dir``, opened
            on first use).
        ranker: Orders candidates (default: the LLM ranker when ``settings.use_llm``, else
            retrieval order).
        explainer: Writes each item's reason (default: LLM or attribute template, likewise).
        store: Sessions and histories (default: SQLite at ``settings.db_path``).
        phrases: The assistant's wording (default: ``prompts/dialogue_*.txt``).
        policy: The ask-or-recommend policy (default: weighted information gain, built from
            the index on first use).

    Example:
        >>> rec = ChatRec.from_settings()
        >>> reply = rec.respond("I need running shoes", session_id="s1", user_id="u42")
    """

    def __init__(
        self,
        settings: Settings,
        *,
        retriever: Any = None,
        ranker: Any = None,
        explainer: Any = None,
        store: SessionStore | None = None,
        phrases: Phrases | None = None,
        policy: ElicitationPolicy | None = None,
    ) -> None:
        self.settings = settings
        self._retriever = retriever
        self._ranker = ranker
        self._explainer = explainer
        self.store = store if store is not None else SessionStore.from_settings(settings)
        self.phrases = phrases or Phrases()
        self._init_lock = threading.RLock()  # re-entrant: one part may build another
        self._session_locks = [threading.Lock() for _ in range(64)]
        self._vocabulary: Vocabulary | None = None
        self._policy: ElicitationPolicy | None = policy
        self._llm: Any = None
        self._linker: Any = None
        self._signals: AlignedSignals | None = None
        self._fusion: LearnedFusion | None = None

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> ChatRec:
        """A ChatRec with every part built from the settings (default: from the environment)."""
        return cls(settings or Settings())

    # --- parts, built on first use -----------------------------------------------------------
    @property
    def retriever(self) -> Any:
        """The catalogue search."""
        if self._retriever is None:
            with self._init_lock:
                if self._retriever is None:
                    from chatrec.retrieval import Retriever

                    self._retriever = Retriever.open(self.settings)
        return self._retriever

    @property
    def ranker(self) -> Any:
        """The ranker (LLM or retrieval order)."""
        if self._ranker is None:
            with self._init_lock:
                if self._ranker is None:
                    from chatrec import ranking

                    self._ranker = (
                        ranking.LLMRanker.from_settings(self.settings, llm=self._shared_llm())
                        if self.settings.use_llm else ranking.RetrievalRanker()
                    )
        return self._ranker

    @property
    def explainer(self) -> Any:
        """The explainer (LLM or attribute template)."""
        if self._explainer is None:
            with self._init_lock:
                if self._explainer is None:
                    from chatrec import explain

                    # The truthfulness check knows the whole catalogue's values (brands,
                    # colours, types), so a reason naming another item's value is caught.
                    self._explainer = (
                        explain.LLMExplainer.from_settings(
                            self.settings,
                            llm=self._shared_llm(),
                            vocabulary=explain.Vocabulary.from_items(self.retriever.index.items),
                        )
                        if self.settings.use_llm else explain.TemplateExplainer()
                    )
        return self._explainer

    def _shared_llm(self) -> Any:
        # One model for ranking and explaining (loaded lazily by chatrec.llm on first use).
        if self._llm is None:
            from chatrec.llm import LLM

            self._llm = LLM.from_settings(self.settings)
        return self._llm

    @property
    def vocabulary(self) -> Vocabulary:
        """The catalogue's values, for understanding messages."""
        if self._vocabulary is None:
            retriever = self.retriever
            n_items = len(retriever.index.items)
            values = {}
            for name in retriever.fields():
                counter = retriever.values(name)
                if len(counter) > 50 and len(counter) > n_items / 2:
                    continue  # names, ids, free text: not a vocabulary
                values[name] = counter
            self._vocabulary = Vocabulary(values)
        return self._vocabulary

    @property
    def signals(self) -> AlignedSignals | None:
        """Item signals learnt from logs (``signals_path``), aligned with the index; None when unset."""
        if self.settings.signals_path is None:
            return None
        if self._signals is None:
            self._signals = ItemSignals.load(self.settings.signals_path).aligned(
                [item.id for item in self.retriever.index.items]
            )
        return self._signals

    @property
    def fusion(self) -> LearnedFusion | None:
        """The learned fusion model (``fusion_path``); None when unset (reciprocal-rank fusion)."""
        if self.settings.fusion_path is None:
            return None
        with self._init_lock:
            if self._fusion is None:
                self._fusion = LearnedFusion.load(self.settings.fusion_path)
        return self._fusion

    @property
    def linker(self) -> Any:
        """Finds catalogue items named in a message (built on first use)."""
        if self._linker is None:
            from chatrec.linking import TitleLinker

            self._linker = TitleLinker(self.retriever.index.items)
        return self._linker

    @property
    def policy(self) -> ElicitationPolicy:
        """The ask-or-recommend policy, weighted by the catalogue."""
        if self._policy is None:
            vocabulary = self.vocabulary
            index = self.retriever.index
            askable = [
                name for name in vocabulary.fields if 2 <= vocabulary.distinct(name) <= _MAX_ASKABLE_VALUES
            ]
            weights = attribute_weights(index.items, index.embeddings, askable)
            self._policy = ElicitationPolicy(
                weights, min_gain=self.settings.ask_min_gain, max_questions=self.settings.max_questions
            )
        return self._policy

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
        session_id = session_id or uuid.uuid4().hex
        with self._hold_session(session_id):
            started = time.perf_counter()
            turn = self._prepare(message, session_id, user_id)
            if turn.question is not None or not turn.chosen:
                yield turn.text
                reply = Reply(session_id, turn.text, [], turn.question, turn.metadata)
            else:
                yield turn.text
                recommendations = []
                fallbacks = 0
                for position, ranked in enumerate(turn.chosen, start=1):
                    item = ranked.candidate.item
                    yield f"\n{position}. {item.title}: "
                    # A reason is shown only once it has passed the truthfulness check: the
                    # LLM's words are held back per item, so a contradicted reason never
                    # reaches the customer (the opening text above streams at once).
                    explanation = None
                    for chunk in self.explainer.stream(turn.context, item):
                        if not isinstance(chunk, str):
                            explanation = chunk
                    reason = explanation.text if explanation is not None else ""
                    fallbacks += bool(explanation is not None and explanation.fallback)
                    cited = self._cite_history(turn.profile, item, reason)
                    yield cited
                    recommendations.append(self._recommendation(ranked, cited))
                turn.metadata["explanation_fallbacks"] = fallbacks
                reply = Reply(session_id, turn.text, recommendations, None, turn.metadata)
            reply.metadata["seconds"] = round(time.perf_counter() - started, 3)
            self._save(turn, reply)
            yield reply

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
        with self._hold_session(session_id):
            state = DialogueState.from_dict(self.store.load_state(session_id))
            self.item(item_id)
            self.store.add_feedback(session_id, item_id, kind)
            if kind == "rejected" and item_id not in state.rejected:
                state.rejected.append(item_id)
            elif kind in ("clicked", "liked") and item_id not in state.liked:
                state.liked.append(item_id)
            self.store.save_state(session_id, state.to_dict())

    def session(self, session_id: str) -> dict[str, Any]:
        """A JSON-able view of a session: customer, kept turns, constraints, shown and named items.

        Raises:
            SessionNotFoundError: Unknown session.
        """
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

    # --- one turn ----------------------------------------------------------------------------
    def _check_message(self, message: Any) -> str:
        if not isinstance(message, str):
            raise InputError(f"the message must be text, not {type(message).__name__}")
        text = message.strip()
        if not text:
            raise InputError("the message is empty: say what you are looking for")
        if len(text) > self.settings.max_message_chars:
            raise InputError(
                f"the message has {len(text)} characters; the limit is {self.settings.max_message_chars}"
            )
        return text

    def _session_lock(self, session_id: str) -> threading.Lock:
        # A fixed set of striped locks: turns of one session never interleave, different
        # sessions rarely wait on each other, and memory stays bounded however many
        # sessions a long-running server sees.
        digest = zlib.crc32(session_id.encode("utf-8"))
        return self._session_locks[digest % len(self._session_locks)]

    @contextlib.contextmanager
    def _hold_session(self, session_id: str) -> Iterator[None]:
        """Hold the session's lock: one message at a time per session, waiting at most ``session_wait_seconds``.

        Raises:
            SessionBusyError: The session is still busy after the wait (for example a stream
                that a client opened and never read to the end).
        """
        lock = self._session_lock(session_id)
        if not lock.acquire(timeout=self.settings.session_wait_seconds):
            raise SessionBusyError(
                f"session {session_id!r} is still answering another message "
                f"(waited {self.settings.session_wait_seconds:g} s); try again"
            )
        try:
            yield
        finally:
            lock.release()

    def _prepare(self, message: str, session_id: str, user_id: str | None) -> _Turn:
        from chatrec.ranking import RankingContext

        store = self.store
        if not store.exists(session_id):
            store.create_session(session_id, user_id)
        elif user_id and store.user_of(session_id) != user_id:
            store.set_user(session_id, user_id)
        user = user_id or store.user_of(session_id)
        state = DialogueState.from_dict(store.load_state(session_id))
        pending = (state.pending["attribute"], list(state.pending["options"])) if state.pending else None
        heard = self._understand(message, state, pending)
        phrases = self.phrases.language(heard.language)
        notes: list[str] = []
        if heard.price is not None and not self._has_prices:
            notes.append(phrases.render("no_prices"))
            heard = heard.model_copy(update={"price": None})
        elif heard.price is not None and heard.price.converted and heard.price.note:
            notes.append(phrases.render("converted", note=heard.price.note))
        update_state(state, heard)
        if heard.intent in ("off_topic", "chitchat") or (
            heard.intent in ("ask_about_item", "compare") and heard.references
        ):
            return self._short_turn(message, session_id, state, heard, phrases)
        named = [i for i in self.linker.find_ids(message) if i in self.retriever.index]
        state.mentioned.extend(i for i in named if i not in state.mentioned)

        profile = build_profile(user, store, self.retriever.index) if user else None
        if profile is not None and profile.is_empty:
            profile = None
        turns = [(t.role, t.text) for t in store.turns(session_id)] + [("customer", message)]
        profile_text = (
            self.phrases.render("profile", titles="; ".join(profile.titles)) if profile and profile.titles else None
        )
        context = RankingContext(turns=turns[-self.settings.max_history_turns:], profile=profile_text)

        # Never again: turned down, named by the customer, or already bought or disliked.
        history = [*profile.positives, *profile.negatives] if profile else []
        excluded = list(dict.fromkeys([*state.rejected, *state.mentioned, *history]))
        if not state.allow_shown:
            excluded.extend(i for i in state.shown if i not in excluded)
        if heard.relative_price == "cheaper" and heard.price is None and len(state.last_prices) > 1:
            if self.retriever.count(self._filters(state), excluded) == 0:
                # Nothing is cheaper than the cheapest item shown: cheaper than most of them.
                state.max_price = round(float(np.median(state.last_prices)) * 0.999, 2)
        query = state.query() or message
        anchors = [r.item_id for r in heard.references if r.item_id] if heard.intent == "more_like" else []
        vector = self._taste(profile, [*state.mentioned, *anchors])
        effective, relaxed = self._relax(state, excluded)
        signals = self.signals
        parts = signals.parts(state.mentioned, query) if signals else None
        candidates = self.retriever.search(
            query, k=self.settings.ask_pool, filters=self._filters(effective), exclude_ids=excluded,
            profile_vector=vector, profile_weight=self.settings.profile_weight,
            extra_scores=signals.scores(state.mentioned, query, SignalWeights(), parts) if signals else None,
            extra_weight=self.settings.signals_weight,
            fusion=self.fusion, signal_parts=parts, named_ids=state.mentioned,
        )
        if state.avoid:
            candidates = _without_words(candidates, state.avoid)

        turn = _Turn(session_id, message, state, heard, profile, context, None, relaxed=relaxed)
        turn.metadata = {
            "understood": heard.summary(),
            "constraints": state.constraints(),
            "relaxed": relaxed,
            "profile": profile.to_dict() if profile else None,
            "n_candidates": len(candidates),
        }
        wishes = phrases.summary(effective, self._currency(candidates))
        if not candidates:
            turn.text = " ".join([*notes, phrases.render("empty", wishes=wishes or message)])
            turn.metadata["policy"] = {"decision": "nothing found"}
            return turn

        plan = self.policy.decide(
            candidates, state,
            has_history=profile is not None,
            wants_recommendations=heard.wants_items,
            n_recommendations=self.settings.n_recommendations,
        )
        turn.plan = plan
        turn.metadata["policy"] = {
            "decision": "ask" if plan.attribute else "recommend",
            "attribute": plan.attribute,
            "reason": plan.reason,
            "gains": plan.gains,
        }
        if plan.attribute is not None:
            text = " ".join([*notes, phrases.render(
                "question", attribute=phrases.attribute(plan.attribute), options=", ".join(plan.options)
            )])
            turn.question = Question(text=text, options=list(plan.options), attribute=plan.attribute)
            turn.text = text
            state.pending = {"attribute": plan.attribute, "options": list(plan.options)}
            state.n_questions += 1
            return turn

        pool = candidates[: self.settings.n_candidates]
        ranked = self.ranker.rank(context, pool)
        turn.chosen = _distinct_titles(ranked, self.settings.n_recommendations)
        text = phrases.render(
            "recommend", count=len(turn.chosen), wishes=f" for {wishes}" if wishes else ""
        )
        if relaxed:
            text = phrases.render("relaxed", dropped="; ".join(relaxed)) + " " + text
        turn.text = " ".join([*notes, text])
        ids = [r.candidate.item.id for r in turn.chosen]
        state.last_shown = ids
        state.last_prices = [r.candidate.item.price for r in turn.chosen if r.candidate.item.price is not None]
        state.shown.extend(i for i in ids if i not in state.shown)
        return turn

    def _understand(self, message: str, state: DialogueState, pending: Any) -> ShopperRequest:
        """The shopper's request, read with the items shown, the wishes in force and the currency."""
        index = self.retriever.index
        shown = [index.get(i) for i in state.last_shown if i in index]
        context = TurnContext(
            pending=pending,
            shown=shown,
            searching=bool(
                state.include or state.exclude or state.queries or state.last_shown
                or state.min_price is not None or state.max_price is not None
            ),
            current=state.include,
            last_references=state.last_references,
            catalog_currency=self._catalog_currency,
            rates=self._rates,
        )
        return understand(message, self.vocabulary, context, lexicon=self._lexicon)

    @property
    def _lexicon(self) -> Any:
        from chatrec.language import Lexicon

        if self.settings.understanding_lexicon is None:
            return Lexicon.default()
        if getattr(self, "_custom_lexicon", None) is None:
            self._custom_lexicon = Lexicon.load(self.settings.understanding_lexicon, base=Lexicon.default())
        return self._custom_lexicon

    @property
    def _rates(self) -> dict[str, float]:
        from chatrec.money import parse_rates

        return parse_rates(self.settings.currency_rates)

    @property
    def _has_prices(self) -> bool:
        """True when some catalogue item has a price."""
        return any(item.price is not None for item in self.retriever.index.items)

    @property
    def _catalog_currency(self) -> str | None:
        from collections import Counter

        counts = Counter(item.currency for item in self.retriever.index.items if item.currency)
        return counts.most_common(1)[0][0] if counts else None

    def _short_turn(
        self, message: str, session_id: str, state: DialogueState, heard: ShopperRequest, phrases: Phrases
    ) -> _Turn:
        """A reply that shows no items: off topic, chit-chat, or facts about the items referenced."""
        turn = _Turn(session_id, message, state, heard, None, None, None)
        turn.metadata = {"understood": heard.summary(), "constraints": state.constraints(), "relaxed": []}
        if heard.intent in ("off_topic", "chitchat"):
            topics = ", ".join(v for v, _ in self.vocabulary.counts.get("category", Counter()).most_common(3))
            turn.text = phrases.render(heard.intent, topics=topics or "a product type")
            turn.metadata["policy"] = {"decision": heard.intent}
            return turn
        index = self.retriever.index
        facts = []
        for reference in heard.references:
            if reference.item_id and reference.item_id in index:
                item = index.get(reference.item_id)
                parts = [str(v) for v in (item.category, item.brand) if v]
                parts += [str(v) for v in item.attributes.values() if isinstance(v, str) and 0 < len(v) <= 30][:4]
                if item.price is not None:
                    parts.append(f"{item.price:g} {item.currency or ''}".strip())
                facts.append(f"{reference.position}. {item.title} ({', '.join(parts)})")
        turn.text = phrases.render("about_items", facts="; ".join(facts))
        turn.metadata["policy"] = {"decision": heard.intent, "references": heard.positions}
        return turn

    def _taste(self, profile: Profile | None, mentioned: Sequence[str]) -> np.ndarray | None:
        """The direction retrieval is pulled to: history profile and items named ("like X")."""
        index = self.retriever.index
        parts = []
        if profile is not None and profile.vector is not None:
            parts.append(profile.vector)
        rows = [index.position(i) for i in mentioned[-3:] if i in index]
        if rows:
            parts.append(index.embeddings[rows].mean(axis=0))
        if not parts:
            return None
        vector = np.mean(parts, axis=0).astype(np.float32)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else None

    @staticmethod
    def _filters(state: DialogueState) -> Any:
        from chatrec.retrieval import Filters

        return Filters(
            min_price=state.min_price,
            max_price=state.max_price,
            include={k: frozenset(v) for k, v in state.include.items() if v},
            exclude={k: frozenset(v) for k, v in state.exclude.items() if v},
        )

    def _relax(self, state: DialogueState, excluded: Sequence[str]) -> tuple[DialogueState, list[str]]:
        """The wishes to search with: all of them, or as many as some item satisfies.

        When no item fits every wish, one wish at a time is left out (the price first, then
        the oldest attribute), preferring a single omission that is enough. Exclusions
        ("not red", rejected items) are never relaxed.
        """
        effective = DialogueState(
            include={k: list(v) for k, v in state.include.items() if v},
            exclude={k: list(v) for k, v in state.exclude.items() if v},
            min_price=state.min_price,
            max_price=state.max_price,
        )
        relaxed: list[str] = []

        def drops(current: DialogueState) -> list[tuple[str, DialogueState]]:
            options = []
            if current.min_price is not None or current.max_price is not None:
                label = self.phrases.summary(DialogueState(min_price=current.min_price, max_price=current.max_price))
                options.append((label, DialogueState(include=dict(current.include), exclude=current.exclude)))
            for name in current.include:
                rest = {k: v for k, v in current.include.items() if k != name}
                options.append((
                    ", ".join(current.include[name]),
                    DialogueState(include=rest, exclude=current.exclude,
                                  min_price=current.min_price, max_price=current.max_price),
                ))
            return options

        while self.retriever.count(self._filters(effective), excluded) == 0:
            options = drops(effective)
            if not options:
                break
            enough = next(
                (o for o in options if self.retriever.count(self._filters(o[1]), excluded) > 0), None
            )
            label, effective = enough or options[0]
            relaxed.append(label)
        return effective, relaxed

    @staticmethod
    def _currency(candidates: Sequence[Any]) -> str | None:
        for candidate in candidates[:5]:
            if candidate.item.currency:
                return str(candidate.item.currency)
        return None

    def _cite_history(self, profile: Profile | None, item: Item, reason: str) -> str:
        """The reason, with "similar to X, which you bought" when the history backs it."""
        if profile is None or not profile.positives:
            return reason
        index = self.retriever.index
        rows = [index.position(i) for i in profile.positives if i in index and i != item.id]
        if not rows or item.id not in index:
            return reason
        similarity = index.embeddings[rows] @ index.embeddings[index.position(item.id)]
        # Same product type as something bought, or very close to it in embedding space.
        same_kind = np.array([bool(item.category) and index.items[r].category == item.category for r in rows])
        similarity = np.where(same_kind, similarity + 1.0, similarity)
        best = int(np.argmax(similarity))
        if float(similarity[best]) < _CITE_SIMILARITY:
            return reason
        title = index.items[rows[best]].title
        if title in reason:
            return reason
        return self.phrases.render("because", reason=reason, title=title)

    @staticmethod
    def _recommendation(ranked: Any, reason: str) -> Recommendation:
        item = ranked.candidate.item
        attributes = {
            key: value for key, value in (("category", item.category), ("brand", item.brand)) if value
        }
        for key, value in item.attributes.items():
            if isinstance(value, str | int | float) and len(str(value)) <= 40:
                attributes[key] = value
        return Recommendation(
            item_id=item.id,
            title=item.title,
            price=item.price,
            score=float(ranked.score),
            reason=reason,
            currency=item.currency,
            image_url=item.image_url,
            attributes=attributes,
        )

    def _save(self, turn: _Turn, reply: Reply) -> None:
        payload: dict[str, Any] = {
            "recommendations": [r.item_id for r in reply.recommendations],
            "question": reply.question.to_dict() if reply.question else None,
        }
        self.store.save_turn(
            turn.session_id,
            turn.state.to_dict(),
            [("customer", turn.message, {}), ("assistant", reply.text, payload)],
        )
        for recommendation in reply.recommendations:
            self.store.add_feedback(turn.session_id, recommendation.item_id, "shown")


def _without_words(candidates: Sequence[Any], words: Sequence[str]) -> list[Any]:
    """The candidates whose titles have none of these words ("not skinny": no Skinny Fit jeans)."""
    from chatrec.understanding import normalise_tokens

    unwanted = set(words)
    return [c for c in candidates if not unwanted & set(normalise_tokens(c.item.title))]


def _distinct_titles(ranked: Sequence[Any], n: int) -> list[Any]:
    """The first ``n`` ranked items, skipping any whose title repeats one already chosen.

    Catalogues often list the same product several times under different ids (sizes,
    re-listings); five identical titles in one reply help nobody.
    """
    chosen: list[Any] = []
    titles: set[str] = set()
    for entry in ranked:
        title = " ".join(entry.candidate.item.title.lower().split())
        if title in titles:
            continue
        titles.add(title)
        chosen.append(entry)
        if len(chosen) == n:
            break
    return chosen
