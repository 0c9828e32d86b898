"""i12v: price steered by words, not figures ("nothing fancy", "something basic", "premium only").

A shopper who says "a tv, nothing fancy" wants the plainer TVs, not the dearest; "premium only"
wants the dearest. The words (``prompts/price_tiers.json``, every language the shop speaks) name a
tier; the tier becomes a budget from the prices of the items that fit the shopper's other wishes
(:func:`tier_budget`): the cheaper half for "nothing fancy" or "reasonably priced", the cheapest third
for "cheap", the middle third for "mid-range", the dearest third for "premium". The budget is an ordinary one from then on (kept across turns, named
in the reply's summary of the wishes, given up with "price doesn't matter"), and the tier is kept
in the dialogue state so that a new product type gets its own budget of the same tier
("nothing fancy" said of a TV still holds for the cable asked next).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from chatrec.errors import PromptError

if TYPE_CHECKING:
    from chatrec.dialogue import DialogueState, Wishes
    from chatrec.request import ShopperRequest

__all__ = ["Tier", "asks_tier_search", "load_tiers", "steer", "tier_budget", "tier_said"]

_HAN = re.compile(r"[\u3400-\u9fff]")
#: lead, stop 31: "simple to use", "cheap to run", "sencillo de usar", "einfach zu bedienen", "操作简单的": the
#: word says how easy or dear the thing is to use, not what it costs ("a smartwatch for my mom, simple to
#: use" read a budget of the cheaper half of the smartwatches)
_EASE_AFTER = re.compile(
    r"\s*(?:to|enough to|de|zu|im|in der|para)\s+(?:use|operate|set|setup|clean|carry|handle|wear|read|understand|"
    r"learn|install|charge|connect|navigate|pair|run|maintain|hold|usar|manejar|utilizar|limpiar|llevar|bedienen|"
    r"benutzen|nutzen|reinigen|handhaben|verbrauch|bedienung|handhabung)\b")
_EASE_BEFORE = re.compile(r"(?:操作|使用|用起来|上手|用着|设置|安装)\s*$")


@dataclass(frozen=True)
class Tier:
    """One price tier: its name, the side of the budget it sets and where (a quantile of the prices)."""

    name: str
    bound: str | None  # "max", "min", "band" (from the quantile to its mirror), "relative" (compares with the items
    # shown: no tier), or None ("any": no budget)
    quantile: float
    cues: tuple[str, ...]


@lru_cache(maxsize=4)
def load_tiers(prompts_dir: str | None = None) -> tuple[Tier, ...]:
    """The tiers of ``prompts/price_tiers.json`` (read once per process).

    Raises:
        PromptError: The file is missing or malformed.
    """
    from chatrec.prompting import default_prompts_dir

    path = Path(prompts_dir or default_prompts_dir()) / "price_tiers.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple(
            Tier(name, spec.get("bound"), float(spec.get("quantile", 0.5)), tuple(str(c).lower() for c in spec["cues"]))
            for name, spec in data["tiers"].items()
        )
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise PromptError(f"cannot read the price tiers in {path}: {exc}") from exc


def _found(cue: str, text: str) -> re.Match[str] | None:
    if _HAN.search(cue):
        found = (m for m in re.finditer(re.escape(cue), text) if not _EASE_BEFORE.search(text[:m.start()]))
    else:
        found = (m for m in re.finditer(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", text)
                 if not _EASE_AFTER.match(text, m.end()))
    return next(found, None)


def tier_said(message: str, tiers: Sequence[Tier] | None = None) -> Tier | None:
    """The price tier the message names, or None.

    Longer phrases are read first and their words are not read again ("nada lujoso" is modest,
    not the premium "lujoso"; "not cheap" is premium, not cheap). When several tiers are named,
    premium wins over cheap and modest, a cheap tier over "any price".
    """
    text = message.lower()
    tiers = tiers if tiers is not None else load_tiers()
    found: dict[str, Tier] = {}
    for cue, tier in sorted(((c, t) for t in tiers for c in t.cues), key=lambda pair: -len(pair[0])):
        match = _found(cue, text)
        if match is None:
            continue
        found.setdefault(tier.name, tier)
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end():]
    found.pop("relative", None)  # "más barato", "更便宜": compared with the items shown, no tier
    for name in ("premium", "cheap", "mid", "modest", "any"):
        if name in found:
            return found[name]
    return next(iter(found.values()), None)


#: A message that asks for other items, not about those shown: "anything more basic?", "any mid-priced ones?".
_SEARCH_OPENING = re.compile(
    r"\W*(?:(?:and|so|ok|okay|hmm|well),?\s+)?(?:any|anything|something|some|ones|got any|do you have|have you got|"
    r"are there|is there|show me|algo|alguno|alguna|etwas|gibt es|有没有)\b|\W*有没有", re.IGNORECASE)


def _without_type_words(message: str, values: Sequence[str]) -> str:
    """Stop 48: the message without the words of the product types it names: "basic mobiles" / "a basic phone"
    (the type Basic mobiles) set a budget of "basic", the cheaper half of the basic mobiles."""
    words = {w.lower() for v in values for w in re.findall(r"[A-Za-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", v))
             if len(w) > 2}
    if not words:
        return message
    return re.sub(r"[A-Za-z]+", lambda m: " " * len(m.group(0)) if m.group(0).lower() in words else m.group(0), message)


def asks_tier_search(message: str, heard: ShopperRequest, said: Tier | None) -> bool:
    """Whether a message read as a question about every item shown asks for items of the price tier it names
    (``said``: :func:`tier_said`) instead ("anything more basic?", "any mid-priced ones?" after a list of TVs:
    the cheaper half, the middle third)."""
    return said is not None and said.bound in ("max", "min", "band") and heard.intent in ("compare", "ask_about_item") \
        and bool(heard.references) and all(r.how == "all" for r in heard.references) \
        and _SEARCH_OPENING.match(message) is not None


def tier_budget(tier: Tier, prices: Sequence[float]) -> tuple[float | None, float | None] | None:
    """The budget ``(min, max)`` a tier means among these prices (those of the items fitting the
    other wishes), or None when there are too few prices (under three) to speak of a tier.

    "modest" (quantile 0.5) keeps the cheaper half: the highest price is the median; "premium"
    (0.67) keeps the dearest third: the lowest price is the price two thirds up the list; "mid" (a band at
    0.33) keeps the middle third ("mid-range headphones").
    """
    from chatrec.dialogue import rounded_bound

    ordered = sorted(p for p in prices if p is not None)
    if tier.bound is None or len(ordered) < 3:
        return None
    def price_at(quantile: float) -> float:
        return ordered[min(len(ordered) - 1, int(quantile * (len(ordered) - 1) + 0.5))]

    at = price_at(tier.quantile)
    if tier.bound == "band":
        return rounded_bound(at, down=True), rounded_bound(price_at(1 - tier.quantile), down=False)
    if tier.bound == "max":
        return None, rounded_bound(at, down=False)
    return rounded_bound(at, down=True), None


def steer(
    heard: ShopperRequest, message: str, state: DialogueState, prices_of: Callable[[Wishes], list[float]],
    type_names: Sequence[str],
) -> tuple[ShopperRequest, str | None]:
    """The request with the budget its price words mean, and the tier to keep in the state.

    ``prices_of`` gives the prices of the items fitting some wishes (the state's after this
    request, without a budget); ``type_names`` are the fields naming a product type. A budget in
    figures wins over words and ends the tier; "price doesn't matter" gives the budget up. A tier
    said before any product type is known waits in the state for one; a tier in force is applied
    again when the shopper names a new product type without a budget.
    """
    from chatrec.dialogue import DialogueState, Heard
    from chatrec.request import PriceRange

    if heard.intent == "start_over":
        return heard, None
    if heard.intent not in ("recommend", "refine", "more_like", "answer") or heard.relative_price and state.last_prices:
        return heard, state.price_tier  # "anything cheaper?" compares with the items shown
    types = [n for n in {"category", *type_names} if n in heard.include]
    message = _without_type_words(message, [v for n in types for v in heard.include[n]])
    from chatrec.problem_words import words_of_problem

    if problem := words_of_problem(message):  # stop 65: "a phone for my grandma, something simple" is a basic mobile
        message = re.sub(r"\s+", " ", message.lower()).replace(problem, " ")
    from chatrec.gaps_round18 import sort_asked

    said = None if sort_asked(message) else tier_said(message)  # stop 62: "show me the cheapest ones" is an order
    if said is not None and heard.avoid_words:  # stop 43: "nothing fancy" is a budget, not "no 'fancy' in the name"
        cue_words = {w for cue in said.cues if _found(cue, message.lower()) for w in cue.split()}
        heard = heard.model_copy(update={"avoid_words": [w for w in heard.avoid_words if w.lower() not in cue_words]})
    if said is not None and said.bound is None:  # "price doesn't matter" (also over a "4k" read as 4,000)
        return heard.model_copy(update={"price": None, "drop": [*heard.drop, "price"], "relative_price": None}), None
    if heard.price is not None and (heard.price.min is not None or heard.price.max is not None):
        return heard, None
    new_type = any(set(heard.include[n]) != set(state.include.get(n, ())) for n in types)
    tier = said or (next((t for t in load_tiers() if t.name == state.price_tier), None) if new_type else None)
    if tier is None:
        return heard, state.price_tier
    trial = DialogueState.from_dict(state.to_dict())
    trial.apply(Heard(heard.model_copy(update={"price": None, "relative_price": None, "drop": [*heard.drop, "price"]})))
    wishes = trial.wishes()
    if not any(n in wishes.include for n in {"category", *type_names}):
        return heard, tier.name  # no product type yet: the tier waits for one
    budget = tier_budget(tier, prices_of(wishes))
    if budget is None:
        return heard, tier.name
    low, high = budget
    return heard.model_copy(update={"price": PriceRange(min=low, max=high), "relative_price": None}), tier.name


@lru_cache(maxsize=4)
def _superlatives(prompts_dir: str | None = None) -> dict[str, tuple[str, ...]]:
    from chatrec.prompting import default_prompts_dir

    path = Path(prompts_dir or default_prompts_dir()) / "price_tiers.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["superlatives"]
        return {name: tuple(str(w).lower() for w in words) for name, words in data.items()}
    except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise PromptError(f"cannot read the price superlatives in {path}: {exc}") from exc


def price_superlative(message: str) -> str | None:
    """``cheapest`` or ``priciest`` when the message picks a shown item by its price ("I'll take the
    cheapest one", "me quedo con el más barato", "就要最便宜的"), else None."""
    text = message.lower()
    for name, words in _superlatives().items():
        if any(_found(word, text) for word in words):
            return name
    return None
