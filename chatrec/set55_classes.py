"""English shoppers of blind set 55 (issue 12): world English, autocorrect, budgets, pointing, off topic.

The classes the rules missed on set 55, each read from data (``chatrec/data/set55_words.json``)
or from the items shown:

- **Other words**: autocorrect slips that are real English words ("wireless moose", "pen drove"),
  regional product words ("aircon", "rubber shoes", "tracky bottoms", "loudspeaker"), people ("the
  mrs", Irish "herself"), Scots ("nae white"), "less then 1000", "in the region of",
  "keyboard mouse combo", "number two and four", "anything similar but for men": the message is
  read again in the words the rules know.
- **Budget forms**: a number typed with the letter o ("under 5oo"), a decade ("in the 30s"), an
  ideal amount and a ceiling ("two and a half thousand, three at a push": up to 3,000), a
  quantity with a unit is no price ("approximately 1.5 litres", in :mod:`chatrec.money`).
- **Answers naming no option**: "whatever's popular", "the cheaper kind" answer the question
  pending.
- **Shown items by their reviews and rating**: "the one with the most reviews", "the best rated
  one"; "not the first, the other black one" leaves the first out.
- **A value turned down while items are shown**: "not keen on black" changes the search; it
  rejects no shown item unless the words point at them.
- **"for work" on a bag**: says nothing about how formal it is (no Formal usage).
- **Off topic**: things the shop does not sell or do (groceries, a fridge, phone credit, payment,
  opening hours, a shop nearby, exchange rates), and, when no value was read, writing tasks,
  explanations, load shedding, "who's better".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chatrec.request import ItemReference, PriceRange, ShopperRequest
from chatrec.text import word_table

__all__ = ["adjust", "other_words"]

_FLAGS = re.IGNORECASE
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_SCALES = {"k": 1000, "grand": 1000, "thousand": 1000, "hundred": 100}
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?) ?(k|grand|thousand|hundred)\b", _FLAGS)
_PLACES = {"first": 1, "1st": 1, "top": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data = word_table("set55_words")
    single = ("o_for_zero", "decade", "push", "popular_answer", "relative_answer", "most_reviews", "best_rated",
              "negated_place", "pointing", "work_occasion", "formal_word")
    out: dict[str, Any] = {name: re.compile(data[name], _FLAGS) for name in single}
    out["words"] = [(re.compile(rf"(?<![\w-])(?:{key})(?![\w-])", _FLAGS), value) for key, value in data["words"].items()]
    out["occasion_free_types"] = frozenset(data["occasion_free_types"])
    out["filler_words"] = frozenset(data["filler_words"])
    out["off_topic_strong"] = [re.compile(p, _FLAGS) for p in data["off_topic_strong"]]
    out["off_topic_no_wish"] = [re.compile(p, _FLAGS) for p in data["off_topic_no_wish"]]
    return out


def _zeros(found: re.Match[str]) -> str:
    return found.group(0).replace("o", "0").replace("O", "0")


def _decade(found: re.Match[str]) -> str:
    low = int(found.group("n"))
    step = 10 ** (len(found.group("n")) - 1)
    return f"between {low} and {low + step}"


def other_words(message: str) -> str:
    """The message in the words the rules read ("wireless moose" -> "wireless mouse", "under 5oo" ->
    "under 500", "in the 30s" -> "between 30 and 40", "for the mrs" -> "for my wife")."""
    table = _table()
    text = message
    for pattern, value in table["words"]:
        text = pattern.sub(value, text)
    text = table["o_for_zero"].sub(_zeros, text)
    return table["decade"].sub(_decade, text)


def _wish(request: ShopperRequest) -> bool:
    return bool(request.include or request.exclude or request.relative_price)


def _refs(context: Any, positions: list[int]) -> list[ItemReference]:
    shown = list(getattr(context, "shown", ()) or ())
    return [ItemReference(position=p, item_id=str(getattr(shown[p - 1], "id", "")) or None, how="attribute")
            for p in positions]


def _push(request: ShopperRequest, message: str) -> ShopperRequest:
    """"two and a half thousand, three at a push": the amount pushed to is the ceiling, in the scale
    of the amount before it when it is said bare."""
    found = _table()["push"].search(message)
    if found is None:
        return request
    said = found.group("n").lower()
    value = float(said) if said[0].isdigit() else float(_NUMBERS[said])
    if request.price is not None:
        before = max((v for v in (request.price.min, request.price.max) if v is not None), default=0.0)
    else:  # "ideally 15k, 18 at a stretch": an amount with a scale, said before, that the rules left bare
        said_before = _AMOUNT.findall(message[:found.start()])
        before = float(said_before[-1][0]) * _SCALES[said_before[-1][1].lower()] if said_before else 0.0
    if found.group("m"):
        value *= _SCALES[found.group("m").lower()]
    else:
        while before and value < before * 0.8:  # "three" after "two and a half thousand": 3,000
            value *= 10
    if not before or value < before * 0.8 or (request.price is not None and request.price.min is not None
                                               and value < request.price.min):
        return request
    return request.model_copy(update={"price": PriceRange(max=value)})


def _answer(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"whatever's popular", "the cheaper kind": a reply to the question pending that names no option."""
    if getattr(context, "pending", None) is None or request.intent == "answer" or request.references \
            or request.include or request.exclude:
        return request
    table = _table()
    if table["popular_answer"].search(message):
        return request.model_copy(update={"intent": "answer", "relative_price": None, "show_now": False})
    found = table["relative_answer"].search(message)
    if found is None:
        return request
    cheaper = re.match(r"cheap|less|lower|budget|afford", found.group("rel"), _FLAGS) is not None
    return request.model_copy(update={"intent": "answer", "relative_price": "cheaper" if cheaper else "pricier"})


def _number(value: Any) -> float | None:
    try:
        return float(str(value).replace(",", "").strip())
    except ValueError:
        return None


def _by_field(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"the one with the most reviews", "the best rated one": the shown item with the most of it."""
    shown = list(getattr(context, "shown", ()) or ())
    table = _table()
    name = "rating_count" if table["most_reviews"].search(message) else "rating" if table["best_rated"].search(message) \
        else None
    if not shown or name is None:
        return request
    values = [_number((getattr(item, "attributes", {}) or {}).get(name)) for item in shown]
    if any(v is None for v in values) or len(set(values)) < len(values):
        return request
    best = values.index(max(v for v in values if v is not None)) + 1
    if [r.position for r in request.references] == [best]:
        return request
    intent = request.intent if request.intent in ("more_like", "ask_about_item") else "ask_about_item"
    if intent == "ask_about_item" and re.search(r"\b(?:more|similar|like (?:it|that|this))\b", message, _FLAGS):
        intent = "more_like"
    return request.model_copy(update={"intent": intent, "references": _refs(context, [best])})


def _item_words(item: Any) -> set[str]:
    values = [str(getattr(item, "title", ""))] + [str(v) for v in (getattr(item, "attributes", {}) or {}).values()]
    return set(re.findall(r"[a-z0-9]+", " ".join(values).lower()))


def _other_than(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"not the first, the other black one": the one other shown item the words fit, never the place
    turned down."""
    table = _table()
    found = table["negated_place"].search(message)
    shown = list(getattr(context, "shown", ()) or ())
    if found is None or not shown or request.intent not in ("more_like", "ask_about_item", "compare", "refine"):
        return request
    word = found.group("p").lower()
    place = len(shown) if word == "last" else (len(shown) + 1) // 2 if word == "middle" else _PLACES[word]
    said = re.split(r"[^a-z0-9 -]|\b(?:but|and|with|in)\b", found.group("what").lower())[0]
    words = [w for w in re.findall(r"[a-z0-9]+", said) if w not in table["filler_words"]]
    if not words or place > len(shown):
        return request
    fits = [p for p, item in enumerate(shown, start=1) if p != place and set(words) <= _item_words(item)]
    if len(fits) != 1 or [r.position for r in request.references] == fits:
        return request
    intent = "more_like" if request.intent == "refine" else request.intent
    return request.model_copy(update={"intent": intent, "references": _refs(context, fits)})


def _value_turned_down(request: ShopperRequest, message: str) -> ShopperRequest:
    """"not keen on black" while items are shown: a change to the search, not a rejection of them."""
    if request.intent != "reject" or request.references or not request.exclude or _table()["pointing"].search(message):
        return request
    return request.model_copy(update={"intent": "refine"})


def _work_bag(request: ShopperRequest, message: str) -> ShopperRequest:
    """"a laptop bag for work": how formal a bag is, "for work" does not say."""
    table = _table()
    if request.include.get("usage") != ["Formal"] or not table["work_occasion"].search(message) \
            or table["formal_word"].search(message):
        return request
    types = {v for k, values in request.include.items()  # stop 51: its colour says nothing either ("schwarze ...")
             if k != "usage" and "colour" not in k.lower() and "color" not in k.lower() for v in values}
    if not types or not types <= table["occasion_free_types"] | {"Women", "Men", "Unisex", "Boys", "Girls"} \
            or not types & table["occasion_free_types"]:
        return request
    include = {k: v for k, v in request.include.items() if k != "usage"}
    return request.model_copy(update={"include": include})


def _off_topic(request: ShopperRequest, message: str) -> ShopperRequest:
    """Things the shop does not sell or do ("do you sell groceries", "pa-load po 100", "how I go pay")."""
    if request.intent == "off_topic" or request.references:
        return request
    table = _table()
    strong = any(p.search(message) for p in table["off_topic_strong"])
    weak = not _wish(request) and any(p.search(message) for p in table["off_topic_no_wish"])
    if not strong and not weak:
        return request
    return ShopperRequest(intent="off_topic", language="en")


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """The request after set 55's classes (see the module docstring).

    Args:
        request: The rules' request.
        message: The shopper's words.
        context: The turn's context (items shown, the question pending).
        vocabulary: The catalogue's values (unused; the same signature as the other steps).
        reread: Reads a text with the rules.
    """
    del vocabulary
    if reread is None or request.language not in ("en", "es", "other"):
        return _work_bag(request, message) if request.language == "de" else request  # stop 51: "Rucksack für die Arbeit"
    table = _table()
    if any(p.search(message) for p in table["off_topic_strong"]):
        return _off_topic(request, message)
    rewritten = other_words(message)
    if rewritten != message:
        # "air con" was taken for Spanish ("con"): the words rewritten are English again
        again = reread(rewritten)
        if again.language == "en" and (again.intent not in ("off_topic", "chitchat")
                                       or request.intent in ("off_topic", "chitchat")):
            request = again
    if request.language != "en":
        return _work_bag(request, message)  # stop 51: "ein Rucksack für die Arbeit" says nothing of how formal either
    request = _push(request, message)
    request = _answer(request, message, context)
    request = _by_field(request, message, context)
    request = _other_than(request, message, context)
    request = _value_turned_down(request, message)
    request = _work_bag(request, message)
    return _off_topic(request, message)

