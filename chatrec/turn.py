"""One turn of the conversation, as a short sequence of named steps over plain values.

:func:`prepare` reads top to bottom: begin the session → understand the message → update
the state → build the query → retrieve (dense, lexical and signals fused) → decide (ask or
recommend) → rank; :func:`answer` then explains each chosen item and lays out the
:class:`~chatrec.reply.Reply`. Each step is a plain function with one job, testable alone;
the parts they use (retriever, ranker, explainer, policy, wording, ...) come in one
:class:`Parts` value that :class:`~chatrec.recommender.ChatRec` builds and wires.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np

from chatrec import observability
from chatrec.catalog import Item
from chatrec.dialogue import Asked, DialogueState, Heard, Named, Shown, Wishes
from chatrec.explain import Explainer, explain_all, problem_counts
from chatrec.grounding import Request
from chatrec.fusion import PoolRanker
from chatrec.history import Profile, build_profile
from chatrec.labels import Labels
from chatrec.policy import ElicitationPolicy, QuestionPlan
from chatrec.query import Query, filters_for, make_query, relax
from chatrec.ranking import Ranked, Ranker, RankingContext
from chatrec.reply import Question, Recommendation, Reply, item_heading
from chatrec.retrieval import Candidate, Retriever
from chatrec.sessions import SessionStore
from chatrec.settings import Settings
from chatrec.signals import AlignedSignals
from chatrec.understanding import Understanding, ValueMatcher, understand
from chatrec.wording import Phrases

__all__ = [
    "Linker",
    "Parts",
    "Turn",
    "answer",
    "begin",
    "build_query",
    "cite_history",
    "decide",
    "distinct_titles",
    "hear",
    "prepare",
    "rank",
    "retrieve",
]

#: A recommended item this close to one the customer bought cites it in its reason.
CITE_SIMILARITY = 0.7


class Linker(Protocol):
    """Finds catalogue items named in a message."""

    def find_ids(self, text: str) -> list[str]:
        """The ids of the items named in ``text``, first mention order, without repeats."""
        ...


@dataclass(frozen=True)
class Parts:
    """Everything a turn uses, built and wired by :class:`~chatrec.recommender.ChatRec`."""

    settings: Settings
    store: SessionStore
    retriever: Retriever
    ranker: Ranker
    explainer: Explainer
    policy: ElicitationPolicy
    phrases: Phrases
    vocabulary: ValueMatcher
    linker: Linker
    signals: AlignedSignals | None = None
    fusion: PoolRanker | None = None
    labels: Labels | None = None  # how values are shown to shoppers (chatrec.labels)


@dataclass
class Turn:
    """Everything decided for one turn before the reasons are written."""

    session_id: str
    message: str
    state: DialogueState
    heard: Understanding
    profile: Profile | None
    context: RankingContext
    query: Query
    relaxed: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    plan: QuestionPlan | None = None
    chosen: list[Ranked] = field(default_factory=list)
    text: str = ""
    question: Question | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


# --- the steps ---------------------------------------------------------------------------------


def begin(store: SessionStore, session_id: str, user_id: str | None) -> tuple[str | None, DialogueState]:
    """Open (or create) the session: its customer and its stored state."""
    if not store.exists(session_id):
        store.create_session(session_id, user_id)
    elif user_id and store.user_of(session_id) != user_id:
        store.set_user(session_id, user_id)
    user = user_id or store.user_of(session_id)
    return user, DialogueState.from_dict(store.load_state(session_id))


def hear(
    message: str, vocabulary: ValueMatcher, state: DialogueState, labels: Labels | None = None
) -> Understanding:
    """What the message asks for, read against the pending question if there is one.

    A quick reply comes back as the label it was shown with ("USB cables"): it is read as
    the catalogue value it stands for ("USBCables").
    """
    pending = (state.pending["attribute"], list(state.pending["options"])) if state.pending else None
    answer = labels.raw(message, pending[1]) if pending and labels is not None else None
    return understand(answer or message, vocabulary, pending=pending)


def named(linker: Linker, retriever: Retriever, message: str) -> tuple[str, ...]:
    """The catalogue items the message names."""
    return tuple(i for i in linker.find_ids(message) if i in retriever.index)


def customer_profile(user: str | None, store: SessionStore, retriever: Retriever) -> Profile | None:
    """The customer's history profile, or None when there is no customer or no history."""
    if not user:
        return None
    profile = build_profile(user, store, retriever.index)
    return None if profile.is_empty else profile


def ranking_context(
    store: SessionStore, session_id: str, message: str, profile: Profile | None, phrases: Phrases, max_turns: int
) -> RankingContext:
    """What the ranker and explainer know: the recent turns and the customer's history in words."""
    turns = [(t.role, t.text) for t in store.turns(session_id)] + [("customer", message)]
    text = phrases.render("profile", titles="; ".join(profile.titles)) if profile and profile.titles else None
    return RankingContext(turns=turns[-max_turns:], profile=text)


def excluded(state: DialogueState, profile: Profile | None) -> tuple[str, ...]:
    """Never again: turned down, named by the customer, bought or disliked, and (unless asked) shown."""
    history = [*profile.positives, *profile.negatives] if profile else []
    ids = list(dict.fromkeys([*state.rejected, *state.mentioned, *history]))
    if not state.allow_shown:
        ids.extend(i for i in state.shown if i not in ids)
    return tuple(ids)


def build_query(
    state: DialogueState, message: str, profile: Profile | None, parts: Parts
) -> tuple[Query, Wishes, list[str]]:
    """The search for this turn, with the wishes it enforces and the wishes it had to leave out."""
    retriever = parts.retriever
    exclude_ids = excluded(state, profile)
    text = state.query() or message
    wishes, relaxed = relax(
        state.wishes(),
        fits=lambda w: retriever.count(filters_for(w), exclude_ids) > 0,
        label=lambda w: parts.phrases.summary(w, labels=parts.labels),
    )
    query = make_query(
        text, index=retriever.index, settings=parts.settings, named_ids=state.mentioned,
        profile_vector=profile.vector if profile else None, signals=parts.signals,
        filters=filters_for(wishes), exclude_ids=exclude_ids,
    )
    return query, wishes, relaxed


def retrieve(retriever: Retriever, query: Query, k: int, fusion: PoolRanker | None) -> list[Candidate]:
    """The ``k`` best candidates for the query (dense, lexical and signals fused)."""
    return retriever.search(query, k, fusion=fusion)


def decide(
    policy: ElicitationPolicy, candidates: Sequence[Candidate], state: DialogueState, heard: Understanding,
    profile: Profile | None, n_recommendations: int,
) -> QuestionPlan:
    """Ask a question or recommend, from the candidates."""
    return policy.decide(
        candidates, state,
        has_history=profile is not None,
        wants_recommendations=heard.wants_recommendations,
        n_recommendations=n_recommendations,
    )


def question(plan: QuestionPlan, phrases: Phrases, labels: Labels | None = None) -> Question:
    """The question the plan asks, in words, with its quick replies (shown as labels)."""
    assert plan.attribute is not None
    options = labels.show_all(plan.options) if labels is not None else list(plan.options)
    text = phrases.render("question", attribute=phrases.attribute(plan.attribute), options=", ".join(options))
    return Question(text=text, options=options, attribute=plan.attribute)


def rank(ranker: Ranker, context: RankingContext, candidates: Sequence[Candidate], n: int) -> list[Ranked]:
    """The ``n`` items to recommend, best first, no title twice."""
    return distinct_titles(ranker.rank(context, candidates), n)


def distinct_titles(ranked: Sequence[Ranked], n: int) -> list[Ranked]:
    """The first ``n`` ranked items, skipping any whose title repeats one already chosen.

    Catalogues often list the same product several times under different ids (sizes,
    re-listings); five identical titles in one reply help nobody.
    """
    chosen: list[Ranked] = []
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


def currency(candidates: Sequence[Candidate]) -> str | None:
    """The currency of the first priced candidates (for the wishes' price range)."""
    for candidate in candidates[:5]:
        if candidate.item.currency:
            return str(candidate.item.currency)
    return None


def cite_history(retriever: Retriever, profile: Profile | None, item: Item, reason: str, phrases: Phrases) -> str:
    """The reason, with "similar to X, which you bought" when the history backs it."""
    if profile is None or not profile.positives:
        return reason
    index = retriever.index
    rows = [index.position(i) for i in profile.positives if i in index and i != item.id]
    if not rows or item.id not in index:
        return reason
    similarity = index.embeddings[rows] @ index.embeddings[index.position(item.id)]
    # Same product type as something bought, or very close to it in embedding space.
    same_kind = np.array([bool(item.category) and index.items[r].category == item.category for r in rows])
    similarity = np.where(same_kind, similarity + 1.0, similarity)
    best = int(np.argmax(similarity))
    if float(similarity[best]) < CITE_SIMILARITY:
        return reason
    title = index.items[rows[best]].title
    if title in reason:
        return reason
    return phrases.render("because", reason=reason, title=title)


def recommendation(ranked: Ranked, reason: str, labels: Labels | None = None) -> Recommendation:
    """The reply's entry for a ranked item: its id, title, price, score, reason and short attributes
    (category and attribute values as labels, for display)."""
    item = ranked.candidate.item
    show = labels.show if labels is not None else str
    attributes: dict[str, Any] = {
        key: value for key, value in (("category", item.category), ("brand", item.brand)) if value
    }
    if item.category:
        attributes["category"] = show(item.category)
    for key, value in item.attributes.items():
        if isinstance(value, str | int | float) and len(str(value)) <= 40:
            attributes[key] = show(value) if isinstance(value, str) else value
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


# --- the turn ----------------------------------------------------------------------------------


def prepare(parts: Parts, message: str, session_id: str, user_id: str | None) -> Turn:
    """Everything up to the reasons: the state, the query, the candidates and the decision."""
    settings, phrases = parts.settings, parts.phrases
    user, state = begin(parts.store, session_id, user_id)
    with observability.stage("understand"):
        heard = hear(message, parts.vocabulary, state, parts.labels)
    state.apply(Heard(heard))
    state.apply(Named(named(parts.linker, parts.retriever, message)))
    profile = customer_profile(user, parts.store, parts.retriever)
    context = ranking_context(parts.store, session_id, message, profile, phrases, settings.max_history_turns)
    # What a grounded reason may refer to: the shopper's words, wishes, budget and history.
    context = replace(context, request=Request.from_turns(context.turns, state, profile.titles if profile else ()))
    query, wishes, relaxed = build_query(state, message, profile, parts)
    with observability.stage("retrieve"):
        candidates = retrieve(parts.retriever, query, settings.ask_pool, parts.fusion)

    turn = Turn(session_id, message, state, heard, profile, context, query, relaxed, candidates)
    turn.metadata = {
        "understood": heard.summary(),
        "constraints": state.constraints(),
        "relaxed": relaxed,
        "profile": profile.to_dict() if profile else None,
        "n_candidates": len(candidates),
    }
    said = phrases.summary(wishes, currency(candidates), labels=parts.labels)
    if not candidates:
        turn.text = phrases.render("empty", wishes=said or message)
        turn.metadata["policy"] = {"decision": "nothing found"}
        return turn

    plan = decide(parts.policy, candidates, state, heard, profile, settings.n_recommendations)
    turn.plan = plan
    turn.metadata["policy"] = {
        "decision": "ask" if plan.attribute else "recommend",
        "attribute": plan.attribute,
        "reason": plan.reason,
        "gains": plan.gains,
    }
    if plan.attribute is not None:
        turn.question = question(plan, phrases, parts.labels)
        turn.text = turn.question.text
        state.apply(Asked(plan.attribute, tuple(plan.options)))
        return turn

    with observability.stage("rank"):
        turn.chosen = rank(parts.ranker, context, candidates[: settings.n_candidates], settings.n_recommendations)
    observability.count_ranking(parts.ranker, turn.metadata, settings.use_llm)
    text = phrases.render("recommend", count=len(turn.chosen), wishes=said)
    if relaxed:
        text = phrases.render("relaxed", dropped="; ".join(relaxed)) + " " + text
    turn.text = text
    items = [r.candidate.item for r in turn.chosen]
    state.apply(Shown(tuple(i.id for i in items), tuple(i.price for i in items if i.price is not None)))
    return turn


def answer(parts: Parts, turn: Turn) -> Iterator[str | Reply]:
    """The turn's words as they are written: the opening, each item and its reason, then the Reply."""
    yield turn.text
    if turn.question is not None or not turn.chosen:
        yield Reply(turn.session_id, turn.text, [], turn.question, turn.metadata)
        return
    # The reasons of all items are written together (one batch for the LLM writer) and checked
    # before any is shown (chatrec.explain, chatrec.grounding); the opening above streams at once.
    written = time.perf_counter()
    with observability.stage("explain"):
        explanations = explain_all(parts.explainer, turn.context, [r.candidate.item for r in turn.chosen])
    writes_with_llm = parts.settings.use_llm and parts.settings.reason_writer == "llm"
    recommendations = []
    for position, (ranked, explanation) in enumerate(zip(turn.chosen, explanations), start=1):
        item = ranked.candidate.item
        yield item_heading(position, item.title)
        reason = explanation.text
        if parts.labels is not None:
            reason = parts.labels.clean(reason)  # a raw value the model repeated, as its label
        observability.count_explanation(explanation, turn.metadata, writes_with_llm)
        cited = cite_history(parts.retriever, turn.profile, item, reason, parts.phrases)
        yield cited
        recommendations.append(recommendation(ranked, cited, parts.labels))
    counts = problem_counts(explanations)
    turn.metadata["explanation_fallbacks"] = counts["fallbacks"]
    turn.metadata["reasons"] = {**counts, "seconds": round(time.perf_counter() - written, 3)}
    yield Reply(turn.session_id, turn.text, recommendations, None, turn.metadata)
