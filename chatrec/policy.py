"""The ask-or-recommend policy: cold start by conversation.

:class:`ElicitationPolicy` decides from the retrieved candidates themselves whether to ask:
for every attribute not yet settled it computes the expected information gain of asking
(the entropy of the candidates' values over the quick-reply options, the rest lumped as one
"other" answer), weighted by how much the attribute separates items in embedding space over
the catalogue (articleType matters more than year). It asks about the best attribute when
that gain is high enough, never the same attribute twice, at most ``max_questions`` times,
and not at all once the customer asks for recommendations. Customers with a history are
asked less (a higher bar, one question fewer).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from chatrec.assortment import one_spelling
from chatrec.dialogue import DialogueState

__all__ = ["ElicitationPolicy", "QuestionPlan", "attribute_weights", "field_values"]


@dataclass(frozen=True)
class QuestionPlan:
    """The policy's decision for one turn.

    Attributes:
        attribute: The attribute to ask about, or None to recommend.
        options: Quick-reply values (2 to 6), most frequent among the candidates first.
        gain: Weighted expected information gain of the best attribute (bits).
        gains: Every attribute considered with its weighted gain, for metadata.
        reason: Why the policy asks or recommends (for metadata).
    """

    attribute: str | None
    options: list[str]
    gain: float
    gains: dict[str, float]
    reason: str


def _entropy(counts: Sequence[int]) -> float:
    total = float(sum(counts))
    if total <= 0:
        return 0.0
    return -sum((c / total) * math.log2(c / total) for c in counts if c > 0)


def field_values(item: Any, name: str) -> list[str]:
    """The item's values of one field as text (none when it has none)."""
    value = item.field_value(name)
    if value is None:
        return []
    if isinstance(value, tuple):
        return [str(v) for v in value]
    return [str(value)]


def attribute_weights(
    items: Sequence[Any], embeddings: np.ndarray, fields: Sequence[str], *, sample: int = 3000, seed: int = 0
) -> dict[str, float]:
    """How much each field separates items in embedding space (share of variance, 0 to 1).

    The share of the embeddings' spread explained by grouping the items by the field's
    value (the 20 commonest values, the rest as one group): high for a product type, low for
    a year. Computed on a seeded sample of the catalogue, scaled so the best field is 1.

    Args:
        items: The catalogue items, aligned with ``embeddings``.
        embeddings: One row per item.
        fields: The fields to weigh.
        sample: Items sampled (default 3000).
        seed: Sampling seed.

    Returns:
        Field to weight in [0, 1].
    """
    if len(items) == 0:
        return {name: 1.0 for name in fields}
    rng = np.random.default_rng(seed)
    picks = rng.choice(len(items), size=min(sample, len(items)), replace=False)
    vectors = np.asarray(embeddings[picks], dtype=np.float64)
    centre = vectors.mean(axis=0)
    total = float(((vectors - centre) ** 2).sum()) or 1.0
    weights: dict[str, float] = {}
    for name in fields:
        labels = []
        for position in picks:
            values = field_values(items[position], name)
            labels.append(values[0] if values else "")
        common = {value for value, _ in Counter(labels).most_common(20)}
        groups: dict[str, list[int]] = {}
        for row, label in enumerate(labels):
            groups.setdefault(label if label in common else "\0other", []).append(row)
        between = sum(
            len(rows) * float(((vectors[rows].mean(axis=0) - centre) ** 2).sum()) for rows in groups.values()
        )
        weights[name] = between / total
    best = max(weights.values(), default=0.0) or 1.0
    return {name: value / best for name, value in weights.items()}


def _regroups_asked(items: Sequence[Any], name: str, asked: Sequence[str]) -> bool:
    """Whether the product-type field ``name`` groups a product-type field asked already: every value of the
    asked one goes with one value of ``name`` among the items (the sub-category of an article type), so asking
    it next asks the same thing again in wider words."""
    from chatrec.understanding import type_fields

    if not type_fields([name]):
        return False
    for finer in type_fields([field for field in asked if field != name]):
        groups: dict[str, set[str]] = {}
        for item in items:
            for value in field_values(item, finer):
                groups.setdefault(value, set()).update(field_values(item, name))
        if len(groups) >= 2 and all(len(values) <= 1 for values in groups.values()):
            return True
    return False


class ElicitationPolicy:
    """Decides, from the candidates, whether to ask a question and which.

    Args:
        weights: Field to importance in [0, 1] (see :func:`attribute_weights`); fields not
            listed are never asked about.
        min_gain: Ask only when the best weighted gain reaches this many bits.
        max_questions: Questions asked at most in a session.
        max_options: Quick replies offered at most (2 to 6).
        history_factor: A customer with history needs ``min_gain * history_factor`` and gets
            one question fewer.
    """

    def __init__(
        self,
        weights: Mapping[str, float],
        *,
        min_gain: float = 0.8,
        max_questions: int = 3,
        max_options: int = 5,
        history_factor: float = 1.5,
    ) -> None:
        if not 2 <= max_options <= 6:
            raise ValueError("max_options must be between 2 and 6")
        self.weights = dict(weights)
        self.min_gain = min_gain
        self.max_questions = max_questions
        self.max_options = max_options
        self.history_factor = history_factor

    def gains(self, candidates: Sequence[Any], state: DialogueState) -> dict[str, tuple[float, list[str]]]:
        """Weighted expected information gain and quick-reply options of every askable field."""
        out: dict[str, tuple[float, list[str]]] = {}
        items = [getattr(c, "item", c) for c in candidates]
        for name, weight in self.weights.items():
            if name in state.asked or state.include.get(name) or state.exclude.get(name) or weight <= 0:
                continue  # asked, or said already ("not white" is the shopper's word on colour)
            if _regroups_asked(items, name, state.asked):
                continue  # stop 45: "which type?" asked, the shopper answered "for women": not "which category?" next
            counts: Counter[str] = Counter()
            missing = 0
            for item in items:
                values = field_values(item, name)
                if values:
                    counts.update(set(values))
                else:
                    missing += 1
            counts = one_spelling(counts)  # stop 43: "AmazonBasics" and "Amazonbasics" are one quick reply
            if len(counts) < 2:
                continue
            options = [value for value, _ in counts.most_common(self.max_options)]
            shown = [counts[value] for value in options]
            other = len(items) - sum(shown)
            gain = _entropy([*shown, max(other, 0)]) * weight
            out[name] = (gain, options)
        return out

    def decide(
        self,
        candidates: Sequence[Any],
        state: DialogueState,
        *,
        has_history: bool = False,
        wants_recommendations: bool = False,
        n_recommendations: int = 5,
    ) -> QuestionPlan:
        """Ask (which attribute, which options) or recommend, for this turn."""
        gains = self.gains(candidates, state)
        table = {name: round(gain, 3) for name, (gain, _) in gains.items()}
        limit = self.max_questions - (1 if has_history else 0)
        bar = self.min_gain * (self.history_factor if has_history else 1.0)
        if wants_recommendations:
            return QuestionPlan(None, [], 0.0, table, "the customer asked for recommendations")
        if state.n_questions >= limit:
            return QuestionPlan(None, [], 0.0, table, f"asked {state.n_questions} questions already")
        if len(candidates) <= n_recommendations:
            return QuestionPlan(None, [], 0.0, table, "few candidates left")
        if not gains:
            return QuestionPlan(None, [], 0.0, table, "nothing left to ask")
        name = max(gains, key=lambda key: (gains[key][0], key))
        gain, options = gains[name]
        if gain < bar:
            return QuestionPlan(None, [], gain, table, f"candidates agree enough (gain {gain:.2f} < {bar:.2f})")
        return QuestionPlan(name, options, gain, table, f"{name} splits the candidates (gain {gain:.2f})")


def fitting_options(plan: QuestionPlan, candidates: Sequence[Any], words: Iterable[str]) -> QuestionPlan:
    """i12v: the plan with quick replies that fit what the shopper said.

    An option fits when one of its candidates holds one of the shopper's search words (``words``:
    singular, lower case, the words of the wishes already in force taken out) in its title,
    description or a categorical value: after "something for my kitchen", "Remote controls" (no
    kitchen in any of them) gives way to kitchen scales. When no option or every option fits, or
    fewer than two would be left, the plan is returned as it is. Options are refilled from the
    fitting candidates' other values, commonest first, up to as many as before.
    """
    from chatrec.grounding import singular
    from chatrec.text import tokens

    wanted = {w for w in words if len(w) > 2 and w.isascii() and w.isalpha()}
    if plan.attribute is None or not wanted or len(plan.options) < 2:
        return plan
    name = plan.attribute

    def fits(item: Any) -> bool:
        text = " ".join([item.title, item.description or "", str(item.category or ""),
                         *(str(v) for v in item.attributes.values() if isinstance(v, str))])
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
        return bool(wanted & {singular(t) for t in tokens(spaced)})

    items = [getattr(c, "item", c) for c in candidates]
    fitting = one_spelling(Counter(v for item in items if fits(item) for v in set(field_values(item, name))))
    kept = [v for v in plan.options if v in fitting]
    if len(kept) == len(plan.options) or not fitting:
        return plan
    if len(fitting) == 1:  # stop 43: one value fits ("AmazonBasics" of printer cables): offered first, the others after
        first = next(iter(fitting))
        return QuestionPlan(plan.attribute, [first, *(v for v in plan.options if v.casefold() != first.casefold())][
            : len(plan.options)], plan.gain, plan.gains, plan.reason + "; the option that fits the wish first")
    refill = [v for v, _ in fitting.most_common() if v not in kept]
    options = (kept + refill)[: len(plan.options)]
    return QuestionPlan(plan.attribute, options, plan.gain, plan.gains, plan.reason + "; options fit the wish")


def named_options(plan: QuestionPlan, candidates: Sequence[Any], words: Iterable[str]) -> QuestionPlan:
    """Stop 48: quick replies the shopper's word names come first.

    "a fan" on the electronics demo asked "Which category? Fan heaters, Electric heaters, Ceiling fans, Exhaust
    fans, Table fans": every heater's description says "fan", so all fitted. A value whose last word is the
    shopper's word ("Ceiling fans", "TableFans") is that product; one that only holds the word elsewhere ("Fan
    heaters") comes after, and one that does not hold it at all ("Electric heaters") gives way to another value
    the word names among the candidates ("Pedestal fans"). When fewer than two values are so named, the values
    holding the shopper's words anywhere come first ("making coffee": "Drip coffee machines", "Coffee presses").
    """
    from chatrec.grounding import singular
    from chatrec.text import tokens

    wanted = {w for w in words if len(w) > 2 and w.isascii() and w.isalpha()}
    if plan.attribute is None or not wanted or len(plan.options) < 2:
        return plan

    def value_words(value: str) -> list[str]:
        return [singular(t) for t in tokens(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value))]

    items = [getattr(c, "item", c) for c in candidates]
    values = list(dict.fromkeys([*plan.options, *(v for item in items for v in field_values(item, plan.attribute))]))
    named = [v for v in values if (said := value_words(v)) and said[-1] in wanted]
    if len(named) < 2:
        # stop 49: "something for making coffee" asked "Mixer grinders, Hand blenders, Electric kettles, Drip coffee
        # machines, ...": values that hold the shopper's words come first, those holding more of them first
        held = sorted((v for v in values if wanted & set(value_words(v))), key=lambda v: -len(wanted & set(value_words(v))))
        options = list(dict.fromkeys([*named, *held, *plan.options]))[: len(plan.options)]
        if not held or options == list(plan.options):
            return plan
        return QuestionPlan(plan.attribute, options, plan.gain, plan.gains, plan.reason + "; options the wish names first")
    holding = [v for v in plan.options if v not in named and wanted & set(value_words(v))]
    options = [*named, *holding, *(v for v in plan.options if v not in named and v not in holding)][: len(plan.options)]
    if options == list(plan.options):
        return plan
    return QuestionPlan(plan.attribute, options, plan.gain, plan.gains, plan.reason + "; options the wish names first")
