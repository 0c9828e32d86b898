"""Simulated shoppers: measure cold start by conversation, with a hidden target item.

A rule-based, seeded shopper wants one catalogue item it never names. It opens vaguely
("I'm looking for something for men", or the target's top category), answers each question
by picking the quick reply that matches the target (typing the target's value when no option
does, "any" when the target has no such attribute), and when shown items that miss, rejects
them and reveals one more attribute of the target (its attributes in a random order: it does
not know which ones the evaluation checks). A dialogue succeeds when, within
``max_turns`` replies, one of the top 5 recommendations matches the target on every key
attribute (for the fashion catalogue: gender, articleType, baseColour).

Three policies run on the same shoppers: chatrec's (information gain), "never ask" and "ask
a random attribute". The measurement uses retrieval ranking and template reasons (the LLM
is far too slow on CPU for hundreds of dialogues, and the policy decides before ranking).
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatrec.catalog import Item, load_mapping
from chatrec.dialogue import DialogueState
from chatrec.errors import InputError
from chatrec.policy import ElicitationPolicy, QuestionPlan
from chatrec.reply import Reply
from chatrec.settings import Settings

__all__ = [
    "DEFAULT_KEY_ATTRS",
    "DialogueResult",
    "PolicyReport",
    "RandomPolicy",
    "Shopper",
    "cached_index",
    "run_simulation",
    "simulate_dialogue",
]

logger = logging.getLogger(__name__)

#: Key attributes of the fashion catalogue; used when the catalogue has them.
DEFAULT_KEY_ATTRS = ("gender", "articleType", "baseColour")
#: Attributes a shopper may reveal besides the key ones, when rejecting items.
_EXTRA_REVEALS = ("masterCategory", "subCategory", "category", "usage", "season", "brand")
#: Opening attributes, most general first.
_OPENERS = ("gender", "masterCategory", "category", "subCategory")


class Shopper:
    """A rule-based customer with a hidden target item.

    Args:
        target: The item it wants (never named).
        key_attrs: Attributes that must match for success.
        rng: Seeded randomness (opening and reveal order).
    """

    def __init__(self, target: Item, key_attrs: Sequence[str], rng: random.Random) -> None:
        self.target = target
        self.key_attrs = [name for name in key_attrs if self.value(name)]
        # The shopper does not know which attributes the evaluation checks: it reveals its
        # target's attributes in a random order, key or not.
        self._to_reveal = list(dict.fromkeys(
            [*self.key_attrs, *(name for name in _EXTRA_REVEALS if self.value(name))]
        ))
        rng.shuffle(self._to_reveal)
        openers = [name for name in _OPENERS if self.value(name)]
        self.opener = rng.choice(openers[:2]) if openers else None
        self.revealed: set[str] = set()

    def value(self, name: str) -> str | None:
        """The target's value of a field, as text, or None."""
        value = self.target.field_value(name)
        if value is None or value == "":
            return None
        if isinstance(value, tuple):
            return value[0] if value else None
        return str(value).split("|")[-1]

    def opening(self) -> str:
        """The first, vague message."""
        if self.opener is None:
            return "I'm looking for something nice"
        self.revealed.add(self.opener)
        value = self.value(self.opener) or ""
        if self.opener == "gender":
            return "I'm looking for something unisex" if value.lower() == "unisex" else (
                f"I'm looking for something for {value.lower()}"
            )
        return f"I'm looking for some {value.lower()}"

    def answer(self, attribute: str | None, options: Sequence[str]) -> str:
        """Answer a question: the matching option, the target's own value, or "any"."""
        value = self.value(attribute) if attribute else None
        if value is None:
            return "any"
        if attribute:
            self.revealed.add(attribute)
        for option in options:
            if option.lower() == value.lower():
                return option
        return value

    def reject(self) -> str:
        """Turn down what was shown and reveal one more attribute."""
        for name in self._to_reveal:
            if name not in self.revealed:
                self.revealed.add(name)
                return f"No, not those. I want {(self.value(name) or '').lower()}."
        return "No, not those. Show me something else."

    def satisfied(self, items: Sequence[Item]) -> bool:
        """True when one of the items matches the target on every key attribute."""
        for item in items:
            if all(
                str(item.field_value(name) or "").lower() == str(self.target.field_value(name) or "").lower()
                for name in self.key_attrs
            ):
                return True
        return False


class RandomPolicy(ElicitationPolicy):
    """Baseline: asks a random attribute not asked yet, until ``max_questions``.

    Args:
        weights: The askable fields (weights are ignored beyond being positive).
        rng: Seeded randomness.
        max_questions: Questions at most.
    """

    def __init__(self, weights: Mapping[str, float], rng: random.Random, max_questions: int = 3) -> None:
        super().__init__(weights, min_gain=0.0, max_questions=max_questions)
        self.rng = rng

    def decide(self, candidates: Sequence[Any], state: DialogueState, **context: Any) -> QuestionPlan:
        """Ask about a random attribute that still has 2+ values among the candidates.

        Of the turn's ``context`` (see :meth:`ElicitationPolicy.decide`) only
        ``wants_recommendations`` counts: the baseline ignores history and the pool's size.
        """
        gains = self.gains(candidates, state)
        if context.get("wants_recommendations") or state.n_questions >= self.max_questions or not gains:
            return QuestionPlan(None, [], 0.0, {}, "random baseline recommends")
        name = self.rng.choice(sorted(gains))
        return QuestionPlan(name, gains[name][1], gains[name][0], {}, "random baseline asks")


@dataclass
class DialogueResult:
    """One simulated dialogue: success, replies used, questions asked, the transcript."""

    target: str
    success: bool
    replies: int
    questions: int
    transcript: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PolicyReport:
    """Aggregates of one policy over all shoppers."""

    policy: str
    n: int
    success_rate: float
    avg_replies_success: float | None
    avg_replies_all: float
    avg_questions: float
    success_at: dict[int, float]

    def to_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {
            "policy": self.policy,
            "n": self.n,
            "success_rate": round(self.success_rate, 4),
            "avg_replies_success": None if self.avg_replies_success is None else round(self.avg_replies_success, 3),
            "avg_replies_all": round(self.avg_replies_all, 3),
            "avg_questions": round(self.avg_questions, 3),
            "success_at": {str(k): round(v, 4) for k, v in self.success_at.items()},
        }


def simulate_dialogue(
    respond: Callable[[str, str], Reply],
    item_of: Callable[[str], Item],
    shopper: Shopper,
    session_id: str,
    max_turns: int = 5,
) -> DialogueResult:
    """Run one dialogue of a shopper against ``respond(message, session_id)``.

    Args:
        respond: The system under test (``ChatRec.respond``).
        item_of: Item id to item (``ChatRec.item``).
        shopper: The simulated customer.
        session_id: A fresh session id.
        max_turns: Replies allowed.
    """
    result = DialogueResult(target=shopper.target.id, success=False, replies=0, questions=0)
    message = shopper.opening()
    for turn in range(1, max_turns + 1):
        reply = respond(message, session_id)
        result.transcript.append((message, reply.text))
        result.replies = turn
        if reply.question is not None:
            result.questions += 1
            message = shopper.answer(reply.question.attribute, reply.question.options)
            continue
        shown = [item_of(rec.item_id) for rec in reply.recommendations[:5]]
        if shopper.satisfied(shown):
            result.success = True
            return result
        message = shopper.reject()
    return result


def cached_index(
    catalog: Path, settings: Settings, *, mapping: Path | None = None, embedder: Any = None, progress: bool = False
) -> Path:
    """Build (once) the index of a catalogue under ``settings.cache_dir``, keyed by content.

    Returns:
        The index folder; reused as long as the file, mapping and embedder are the same.
    """
    from chatrec.embedding import embedder_identity
    from chatrec.index import build_index

    digest = hashlib.sha256()
    with Path(catalog).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    digest.update(json.dumps(load_mapping(mapping), sort_keys=True, default=str).encode())
    digest.update((embedder.name if embedder is not None else embedder_identity(settings.embedder)).encode())
    folder = Path(settings.cache_dir).expanduser() / "indexes" / f"{Path(catalog).stem}-{digest.hexdigest()[:16]}"
    build_index(catalog, settings, mapping=mapping, embedder=embedder, index_dir=folder, progress=progress)
    return folder


def _summarise(name: str, results: Sequence[DialogueResult], max_turns: int) -> PolicyReport:
    n = len(results)
    wins = [r for r in results if r.success]
    return PolicyReport(
        policy=name,
        n=n,
        success_rate=len(wins) / n if n else 0.0,
        avg_replies_success=sum(r.replies for r in wins) / len(wins) if wins else None,
        avg_replies_all=sum(r.replies for r in results) / n if n else 0.0,
        avg_questions=sum(r.questions for r in results) / n if n else 0.0,
        success_at={t: sum(1 for r in wins if r.replies <= t) / n if n else 0.0 for t in range(1, max_turns + 1)},
    )


def run_simulation(
    retriever: Any,
    settings: Settings,
    *,
    n: int = 200,
    max_turns: int = 5,
    seed: int = 0,
    key_attrs: Sequence[str] | None = None,
    policies: Sequence[str] = ("chatrec", "never_ask", "random_ask"),
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Simulate ``n`` shoppers against each policy, on the same targets.

    Args:
        retriever: The catalogue search (its index holds the targets).
        settings: Settings (``max_questions``, ``ask_min_gain``, ...; the LLM is not used).
        n: Shoppers (targets drawn at random, seeded, among items having every key attribute).
        max_turns: Replies allowed per dialogue.
        seed: Seed of the targets and of the shoppers' choices.
        key_attrs: Attributes that must match; default gender, articleType, baseColour
            (those the catalogue has).
        policies: Which of ``chatrec``, ``never_ask``, ``random_ask`` to run.
        progress: Called with a line of progress now and then.

    Returns:
        ``{"settings": ..., "key_attrs": [...], "policies": [PolicyReport.to_dict()], "examples": ...}``.

    Raises:
        InputError: No key attribute is known to the catalogue, or too few items have them.
    """
    from chatrec.ranking import RetrievalRanker
    from chatrec.recommender import ChatRec
    from chatrec.sessions import SessionStore

    items = retriever.index.items
    fields = set(retriever.index.vocabulary.fields)
    if key_attrs is None:
        key_attrs = [name for name in DEFAULT_KEY_ATTRS if name in fields]
    missing = [name for name in key_attrs if name not in fields]
    if missing or not key_attrs:
        raise InputError(
            f"key attribute(s) {', '.join(missing) or '(none)'} not in the catalogue; "
            f"pass --key-attrs with some of: {', '.join(sorted(fields))}"
        )
    eligible = [item for item in items if all(item.field_value(name) for name in key_attrs)]
    if len(eligible) < n:
        raise InputError(f"only {len(eligible)} items have every key attribute ({', '.join(key_attrs)}); lower --n")
    targets = random.Random(seed).sample(eligible, n)
    sim_settings = settings.updated(use_llm=False)
    reports: list[PolicyReport] = []
    examples: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="chatrec-sim-") as folder:
        store = SessionStore(Path(folder) / "sim.sqlite3", max_turns=sim_settings.max_history_turns)
        try:
            from chatrec.explain import TemplateExplainer

            explainer: Any = TemplateExplainer()
        except ImportError:
            explainer = _PlainExplainer()
        base = ChatRec(sim_settings, retriever=retriever, ranker=RetrievalRanker(), explainer=explainer, store=store)
        weights = base.policy.weights
        for name in policies:
            if name == "chatrec":
                rec = base
            elif name in ("never_ask", "random_ask"):
                policy = (
                    ElicitationPolicy(weights, max_questions=0) if name == "never_ask"
                    else RandomPolicy(weights, random.Random(seed + 1), max_questions=sim_settings.max_questions)
                )
                # Same catalogue: reuse the parsed vocabulary.
                rec = ChatRec(sim_settings, retriever=retriever, ranker=RetrievalRanker(), explainer=explainer,
                              store=store, policy=policy, vocabulary=base.vocabulary)
            else:
                raise InputError(f"unknown policy {name!r}; use chatrec, never_ask or random_ask")
            started = time.perf_counter()
            results = []
            for number, target in enumerate(targets):
                shopper = Shopper(target, key_attrs, random.Random(f"{seed}-{number}"))
                results.append(simulate_dialogue(rec.respond, rec.item, shopper, f"{name}-{number}", max_turns))
                if progress and (number + 1) % 50 == 0:
                    progress(f"{name}: {number + 1}/{n} dialogues, {time.perf_counter() - started:.0f}s")
            reports.append(_summarise(name, results, max_turns))
            # A few dialogues to read: the first two, and the first three failures.
            shown = results[:2] + [r for r in results[2:] if not r.success][:3]
            examples[name] = [
                {"target": r.target, "success": r.success, "replies": r.replies, "transcript": r.transcript}
                for r in shown
            ]
        store.close()
    return {
        "n": n,
        "max_turns": max_turns,
        "seed": seed,
        "key_attrs": list(key_attrs),
        "settings": {
            "max_questions": sim_settings.max_questions,
            "ask_min_gain": sim_settings.ask_min_gain,
            "ask_pool": sim_settings.ask_pool,
            "ranker": "retrieval order (no LLM)",
        },
        "policies": [report.to_dict() for report in reports],
        "examples": examples,
    }


class _PlainExplainer:
    """Used only when chatrec.explain is unavailable: the item's title as its reason."""

    def explain(self, context: Any, item: Item) -> Any:
        from types import SimpleNamespace

        return SimpleNamespace(text=item.title, fallback=True)

    def stream(self, context: Any, item: Item) -> Any:
        explanation = self.explain(context, item)
        yield explanation
