"""Dialogue state across turns and the ask-or-recommend policy (cold start by conversation).

The state holds what the customer wants (attribute values, price range), what they do not
want (negated values, rejected items), what was shown and asked. :func:`update_state` folds
one :class:`~chatrec.request.ShopperRequest` into it (the only way the wishes change): a field
named again replaces the earlier wish, negations and rejections stay until the customer says
otherwise, a wish is given up only when the customer gives it up.

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

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from chatrec.errors import PromptError
from chatrec.request import ShopperRequest

__all__ = [
    "DialogueState",
    "ElicitationPolicy",
    "Phrases",
    "QuestionPlan",
    "attribute_weights",
    "update_state",
]


@dataclass
class DialogueState:
    """What is known about the customer's wish in one session (JSON round-trip).

    Attributes:
        include: Field to the values wanted.
        exclude: Field to the values not wanted.
        min_price: Lowest price wanted.
        max_price: Highest price wanted.
        shown: Ids of every item shown in the session, oldest first.
        last_shown: Ids shown in the last reply.
        last_prices: Prices of the items shown in the last reply (for "cheaper").
        rejected: Ids the customer turned down (never shown again).
        liked: Ids the customer liked or clicked.
        asked: Attributes asked about (never asked again).
        pending: The last question: ``{"attribute": ..., "options": [...]}``, or None.
        n_questions: Questions asked so far.
        queries: The customer's words for retrieval, one entry per turn (negations removed).
        mentioned: Ids of catalogue items the customer named.
        allow_shown: Show earlier items again in the next reply.
        avoid: Words the customer does not want in titles ("not skinny").
        last_references: Positions the last message pointed at (for "the other one").
        language: The language of the customer's last message.
    """

    include: dict[str, list[str]] = field(default_factory=dict)
    exclude: dict[str, list[str]] = field(default_factory=dict)
    min_price: float | None = None
    max_price: float | None = None
    shown: list[str] = field(default_factory=list)
    last_shown: list[str] = field(default_factory=list)
    last_prices: list[float] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    liked: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    pending: dict[str, Any] | None = None
    n_questions: int = 0
    queries: list[str] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    allow_shown: bool = False
    avoid: list[str] = field(default_factory=list)
    last_references: list[int] = field(default_factory=list)
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict that :meth:`from_dict` reads back."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> DialogueState:
        """Rebuild a state from :meth:`to_dict`'s output (unknown keys are ignored)."""
        if not data:
            return cls()
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)

    def constraints(self) -> dict[str, Any]:
        """The constraints in force, for the session view and reply metadata."""
        return {
            "include": {k: list(v) for k, v in self.include.items() if v},
            "exclude": {k: list(v) for k, v in self.exclude.items() if v},
            "min_price": self.min_price,
            "max_price": self.max_price,
            "rejected": list(self.rejected),
        }

    def query(self, max_turns: int = 3) -> str:
        """Text to retrieve with: the wanted values and the customer's last words."""
        values = [value for values in self.include.values() for value in values]
        recent = [q for q in self.queries[-max_turns:] if q]
        return " ".join([*values, *recent]).strip()


def _add(target: dict[str, list[str]], name: str, values: set[str]) -> None:
    target[name] = sorted(set(target.get(name, [])) | values)


def update_state(state: DialogueState, heard: ShopperRequest) -> DialogueState:
    """Fold one message's request into the state (in place) and return it.

    A field named again replaces the earlier wish ("actually red"); a negated value is
    removed from the wishes and excluded from then on; a field is given up only when the
    customer says so ("any colour is fine"); a new budget replaces the old one and keeps
    every other wish ("I can go up to 25000" keeps the TV); "start over" clears everything
    but the items shown and rejected; "cheaper" sets the highest price below the cheapest
    item of the last reply; "none of these" rejects the items of the last reply; "more like
    the first one" pulls the search towards the items referenced. Questions about shown
    items, chit-chat and off-topic messages change no wish.
    """
    state.language = heard.language
    if heard.intent in ("ask_about_item", "compare", "off_topic", "chitchat"):
        state.last_references = heard.positions
        return state
    if heard.intent == "start_over":
        state.include, state.exclude, state.avoid = {}, {}, []
        state.min_price = state.max_price = None
        state.asked, state.n_questions, state.queries = [], 0, []
    if heard.intent == "reject":
        state.rejected.extend(i for i in state.last_shown if i not in state.rejected)
    for name in heard.drop:
        if name == "price":
            state.min_price = state.max_price = None
        else:
            state.include.pop(name, None)
    for name, values in heard.include.items():
        state.include[name] = sorted(values)
        if name in state.exclude:
            state.exclude[name] = [v for v in state.exclude[name] if v not in values]
    for name, values in heard.exclude.items():
        _add(state.exclude, name, set(values))
        if name in state.include:
            state.include[name] = [v for v in state.include[name] if v not in values]
            if not state.include[name]:
                del state.include[name]
    state.avoid.extend(w for w in heard.avoid_words if w not in state.avoid)
    if heard.price is not None and (heard.price.min is not None or heard.price.max is not None):
        state.min_price, state.max_price = heard.price.min, heard.price.max
    elif heard.relative_price == "cheaper" and state.last_prices:
        state.max_price = round(min(state.last_prices) * 0.999, 2)
        state.min_price = None
    elif heard.relative_price == "pricier" and state.last_prices:
        state.min_price = round(max(state.last_prices) * 1.001, 2)
        state.max_price = None
    if heard.answered:
        if heard.answered not in state.asked:
            state.asked.append(heard.answered)
    if state.pending and heard.answered is None:
        # An unanswered question still counts as asked: never ask it again.
        attribute = state.pending.get("attribute")
        if attribute and attribute not in state.asked:
            state.asked.append(attribute)
    state.pending = None
    state.allow_shown = heard.intent == "show_again"
    state.last_references = heard.positions
    if heard.query:
        state.queries.append(heard.query)
    return state


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


def _values(item: Any, name: str) -> list[str]:
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
            values = _values(items[position], name)
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
            if name in state.asked or state.include.get(name) or weight <= 0:
                continue
            counts: Counter[str] = Counter()
            missing = 0
            for item in items:
                values = _values(item, name)
                if values:
                    counts.update(set(values))
                else:
                    missing += 1
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


class Phrases:
    """The assistant's wording: the templates ``prompts/dialogue_*.txt`` and attribute names.

    Templates are loaded and checked by :mod:`chatrec.prompting` (a missing variable is a
    :class:`~chatrec.errors.PromptError`); ``prompts/attribute_names.json`` maps field names
    to the words customers use ("baseColour" -> "colour").

    Args:
        folder: The prompts folder (default: the repository's ``prompts/``).
    """

    NAMES = (
        "question", "recommend", "empty", "relaxed", "profile", "because", "off_topic", "chitchat",
        "no_prices", "converted", "about_items",
    )

    def __init__(self, folder: Path | None = None) -> None:
        from chatrec.prompting import PromptLibrary, default_prompts_dir

        self.folder = Path(folder) if folder is not None else default_prompts_dir()
        self._library = PromptLibrary(self.folder)
        for name in self.NAMES:
            self._library.get(f"dialogue_{name}")  # fail early on a broken file
        names_file = self.folder / "attribute_names.json"
        try:
            self.attribute_names: dict[str, str] = json.loads(names_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise PromptError(f"cannot read {names_file}: {exc}") from exc

    def language(self, code: str) -> Phrases:
        """The phrases in this language (``prompts/<code>/``), or these when there is no such folder."""
        cache = self.__dict__.setdefault("_languages", {})
        if code not in cache:
            folder = self.folder / code
            cache[code] = Phrases(folder) if code != "en" and (folder / "dialogue_question.txt").exists() else self
        return cache[code]

    def render(self, name: str, **variables: Any) -> str:
        """Fill the template ``dialogue_<name>`` with its variables.

        Raises:
            PromptError: A variable is missing or unknown.
        """
        return self._library.render(f"dialogue_{name}", **variables)

    def attribute(self, name: str) -> str:
        """The customer-facing name of a field ("baseColour" -> "colour")."""
        if name in self.attribute_names:
            return self.attribute_names[name]
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").lower()

    def summary(self, state: DialogueState, currency: str | None = None) -> str:
        """The wishes in force, in a few words ("Men, Tshirts, Blue, up to 40")."""
        parts = []
        for values in state.include.values():
            shown = [value.split("|")[-1] for value in values]
            # "WallChargers or 3 similar" rather than a long list of close values.
            parts.append(" or ".join(shown) if len(shown) <= 2 else f"{shown[0]} or {len(shown) - 1} similar")
        unit = f" {currency}" if currency else ""
        if state.min_price is not None and state.max_price is not None:
            parts.append(f"{state.min_price:g}-{state.max_price:g}{unit}")
        elif state.max_price is not None:
            parts.append(f"<= {state.max_price:g}{unit}")
        elif state.min_price is not None:
            parts.append(f">= {state.min_price:g}{unit}")
        for values in state.exclude.values():
            parts.extend(f"not {value.split('|')[-1]}" for value in values)
        return ", ".join(parts)
