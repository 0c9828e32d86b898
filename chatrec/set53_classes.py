"""English shoppers of blind set 53 (issue 12): dictation, regional English, children, pasted specs.

The classes the rules missed on set 53, each read from data (``chatrec/data/set53_words.json``):

- **Other words the rules do not read**: dictation homophones ("blew jeans", "pear of"), brands
  dictated as two words ("fire bolt"), split compounds ("hand held"), regional product words
  ("electric beater", "school bag"), Caribbean English ("mi cyaan spend more dan five tousand",
  "de last one", "fi mi daughter"), Kenyan "yenye" (with), US Southern "y'all" and "that there
  last one", emoji for products ("need 👟 for the gym"), common words the rules took for a brand
  ("her old one is making noise", "if poss"), a budget said before the product ("a grand for a
  mouse is plenty"), "I can spend about N" (a budget: a ceiling), "one thousand five hundred",
  "two-fifty" (250), a shown item named by its price ("the pricey one", "the cheap one"): the
  message is read again in the words the rules know.
- **Turning a value down**: "I'm off pink", "gone off Samsung", "not keen on jumpers",
  "fuhgeddaboudit with the grey" turn the value down, as "no pink" does.
- **A child said by age**: "for my 8 yr old", "my lad hes 8", "she 9" is a child (a boy or a
  girl when the words say which) on a shop with children's sections.
- **Specifications pasted with no product noun**: "8gb/128gb, 6.5in, 5000mah" is a phone.
- **A year is no price**: "he still uses the one from 1995" sets no budget.
- **Questions about a shown item**: "second from the end, how's the camera" asks about it (the
  camera is no Cameras & Photography wish); "#1 or #3 for my dad" compares the two.
- **Products the shop does not sell**: "do y'all sell fishing rods" (no catalogue value) is off topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chatrec.request import PriceRange, ShopperRequest
from chatrec.text import word_table

__all__ = ["adjust", "other_words"]

_FLAGS = re.IGNORECASE
_TYPE_FIELDS = ("category", "subcategory", "subCategory", "articleType", "masterCategory")


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data = word_table("set53_words")
    numbers: dict[str, int] = data["number_words"]
    digits = "|".join(w for w, n in numbers.items() if n < 10)
    tens = "|".join(w for w, n in numbers.items() if n >= 20)
    return {
        "words": [(re.compile(rf"(?<![\w-])(?:{key})(?![\w-])", _FLAGS), value) for key, value in data["words"].items()],
        "emoji": [(re.compile(re.escape(key) + "\ufe0f?"), f" {value} ") for key, value in data["emoji"].items()],
        "negations": [(re.compile(rf"(?<![\w-])(?:{key})(?![\w-])", _FLAGS), value)
                      for key, value in data["negations"].items()],
        "numbers": numbers,
        # "two-fifty", "three ninety nine": hundreds and tens said as two numbers (never before a scale word)
        "spoken_price": re.compile(
            rf"(?<![\w-])(?P<h>{digits})[- ](?P<t>{tens})(?:[- ](?P<u>{digits}))?(?![\w-])"
            r"(?!\s*(?:thousand|hundred|lakh|k\b|grand|million|percent|%|years?|yrs?|inch|gb|of\b|pairs?\b|pieces?\b))",
            _FLAGS),
        # "one thousand five hundred": 1500 (the rules read "one" as a count before "thousand")
        "one_thousand": re.compile(rf"(?<![\w-])one thousand(?:(?: and)? (?P<h>{digits}) hundred)?(?![\w-])", _FLAGS),
        "child_age": re.compile(data["child_age"], _FLAGS),
        "child_numbers": data["child_numbers"],
        "boy": re.compile(data["boy_words"], _FLAGS),
        "girl": re.compile(data["girl_words"], _FLAGS),
        "spec": re.compile(data["spec_fragment"], _FLAGS),
        "spec_support": re.compile(data["spec_support"], _FLAGS),
        "year": re.compile(data["year"], _FLAGS),
        "budget_word": re.compile(data["budget_word"], _FLAGS),
        "how": re.compile(data["how_question"], _FLAGS),
        "either": re.compile(data["either_positions"], _FLAGS),
        "sell": re.compile(data["sell_question"], _FLAGS),
        "same_or_less": re.compile(data["same_or_less"], _FLAGS),
        "head_ones": re.compile(data["head_ones"], _FLAGS),
    }


def _spoken_price(found: re.Match[str]) -> str:
    numbers = _table()["numbers"]
    value = numbers[found.group("h").lower()] * 100 + numbers[found.group("t").lower()]
    if found.group("u"):
        value += numbers[found.group("u").lower()]
    return str(value)


def other_words(message: str) -> str:
    """The message in the words the rules read ("blew jeans" -> "blue jeans", "mi cyaan spend more
    dan five tousand" -> "I can't spend more than five thousand", "👟" -> "trainers")."""
    table = _table()
    text = message
    for pattern, value in table["emoji"]:
        text = pattern.sub(value, text)
    text = re.sub(r"[ \t]{2,}", " ", text).strip() if text != message else text
    for pattern, value in table["words"]:
        text = pattern.sub(value, text)
    text = table["one_thousand"].sub(
        lambda found: str(1000 + 100 * table["numbers"].get((found.group("h") or "").lower(), 0)), text)
    return table["spoken_price"].sub(_spoken_price, text)


def _types(request: ShopperRequest) -> dict[str, list[str]]:
    return {k: v for k, v in request.include.items() if k in _TYPE_FIELDS}


def _wish(request: ShopperRequest) -> bool:
    return bool(request.include or request.exclude or request.price or request.relative_price)


def _named(request: ShopperRequest) -> list[int]:
    return [r.position for r in request.references if r.how != "all"]


def _turned_down(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"I'm off pink", "not keen on jumpers": read as "no pink", kept when it turns something down."""
    text = message
    for pattern, value in _table()["negations"]:
        text = pattern.sub(value, text)
    if text == message:
        return request
    again = reread(text)
    return again if again.exclude and again.exclude != request.exclude else request


def _child(request: ShopperRequest, message: str, vocabulary: Any) -> ShopperRequest:
    """"for my 8 yr old": a child of twelve or under is the children's sections, by the words' sex."""
    genders = getattr(vocabulary, "counts", {}).get("gender", {})
    if request.intent not in ("recommend", "refine") or not ({"Boys", "Girls"} <= set(genders)):
        return request
    table = _table()
    found = table["child_age"].search(message)
    if found is None:
        return request
    said = (found.group("a") or found.group("b") or found.group("c") or "").lower()
    age = int(said) if said.isdigit() else table["child_numbers"].get(said, 99)
    if not 0 < age <= 12:
        return request
    had = set(request.include.get("gender", []))
    boy, girl = table["boy"].search(message), table["girl"].search(message)
    if boy and not girl or (had & {"Men", "Boys"} and not had & {"Women", "Girls"}):
        wanted = ["Boys"]
    elif girl and not boy or (had & {"Women", "Girls"} and not had & {"Men", "Boys"}):
        wanted = ["Girls"]
    else:
        wanted = ["Boys", "Girls"]
    if sorted(had) == wanted:
        return request
    return request.model_copy(update={"include": {**request.include, "gender": wanted}})


def _specs(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"8gb/128gb, 6.5in, 5000mah": a phone's specifications with no product noun are a phone."""
    table = _table()
    if request.intent not in ("recommend", "refine") or _types(request) or request.references:
        return request
    spec = table["spec"].search(message)
    if spec is None or not table["spec_support"].search(message[:spec.start()] + " " + message[spec.end():]):
        return request
    again = reread(f"{message} phone")
    return again if _types(again) else request


def _year(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"he still uses the one from 1995": a year with no budget word sets no price."""
    table = _table()
    if request.price is None:
        return request
    found = table["year"].search(message)
    if found is None or table["budget_word"].search(message[:found.start()] + message[found.end():]):
        return request
    again = reread(message[:found.start()] + message[found.end():])
    return again if again.price is None else request


def _question(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"the second one, how's the camera": a question about the item; "#1 or #3": a comparison."""
    shown = list(getattr(context, "shown", ()) or ())
    named = _named(request)
    table = _table()
    if not shown or not named:
        return request
    either = table["either"].search(message)
    if either and request.intent == "more_like" and not _wish(request):
        wanted = sorted({int(either.group("a")), int(either.group("b"))})
        if wanted[-1] <= len(shown) and sorted(named) == wanted:
            return request.model_copy(update={"intent": "compare", "show_now": False})
    if len(named) == 1 and request.intent in ("more_like", "refine") and not request.exclude and not request.price \
            and not request.relative_price and table["how"].search(message):
        return request.model_copy(update={"intent": "ask_about_item", "include": {}, "show_now": False})
    return request


def _same_or_less(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"same price or less": a ceiling at the dearest item shown (or pointed at), a change to the search."""
    shown = list(getattr(context, "shown", ()) or ())
    if not shown or request.price is not None or request.relative_price == "pricier" \
            or not _table()["same_or_less"].search(message):
        return request
    named = _named(request)
    items = [shown[p - 1] for p in named if 1 <= p <= len(shown)] or shown
    prices = [float(i.price) for i in items if getattr(i, "price", None) is not None]
    if not prices:
        return request
    intent = "refine" if request.intent in ("reject", "recommend", "refine", "more_like") and not named else request.intent
    # "or less" alone reads as cheaper; at the same price is allowed too, so the ceiling replaces it
    return request.model_copy(update={
        "price": PriceRange(max=max(prices)), "relative_price": None, "intent": intent, "show_now": False})


def _head_ones(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"not sports shoes, proper school ones": the ones wanted are the head noun turned down with its modifier."""
    if request.intent not in ("recommend", "refine") or _types(request) or request.references:
        return request
    found = _table()["head_ones"].search(message)
    if found is None:
        return request
    turned = _types(reread(f"{found.group('mod')} {found.group('head')}"))
    if not turned or turned != {k: v for k, v in request.exclude.items() if k in _TYPE_FIELDS}:
        return request
    head = _types(reread(found.group("head")))
    if not head or head == turned:
        return request
    return request.model_copy(update={"include": {**request.include, **head}})


def _not_sold(request: ShopperRequest, message: str) -> ShopperRequest:
    """"do y'all sell fishing rods": asking whether the shop sells what no catalogue value names."""
    if request.intent != "recommend" or _wish(request) or request.references or not _table()["sell"].search(message):
        return request
    return ShopperRequest(intent="off_topic", language=request.language)


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """The request after set 53's classes (see the module docstring).

    Args:
        request: The rules' request.
        message: The shopper's words.
        context: The turn's context (items shown).
        vocabulary: The catalogue's values (whether it has children's sections).
        reread: Reads a text with the rules.
    """
    if request.language != "en" or reread is None:
        return request
    rewritten = other_words(message)
    if rewritten != message:
        return reread(rewritten)
    request = _turned_down(request, message, reread)
    request = _specs(request, message, reread)
    request = _year(request, message, reread)
    request = _question(request, message, context)
    request = _not_sold(request, message)
    request = _same_or_less(request, message, context)
    request = _head_ones(request, message, reread)
    return _child(request, message, vocabulary)

