"""English shoppers of blind set 51 (issue 12): regional and autocorrected words, budgets, negations.

The classes the rules missed on set 51, each read from data (``chatrec/data/set51_words.json``)
or from the catalogue:

- **Other words for a product**: autocorrect and dictation errors that are real English words
  ("blue tooth spears", "ear bids", "mouses"), regional words (Scottish and Irish "brolly", "bum
  bag", "wean"; South African "slops", "takkies", "laaitie"), a product described by what it does
  ("a kettle that works on electricity", "a tv that connects to the internet", "shoes for
  running", "the top with a hood"), a colour said as a thing of that colour, word by word from
  another language ("colour of the sky"), a double negative ("I don't not want Samsung"): the
  message is read again with the words the rules know.
- **A need said instead of a product**: "one machine for make the juice and grind the masala"
  (a juicer mixer grinder), "a pouch of power for the phone" (a power bank).
- **Budget wordings**: "atleast 20k", "max 3-4k" (a ceiling of 4,000), "400 each max" (a ceiling
  per item), "for like 50 dollars" (about 50), "short budget" (no Shorts); "bucks" on a shop
  that does not sell in dollars, when the amount in dollars would be above every item of the
  type wanted and the amount in the shop's currency is not ("a power bank below 500 bucks").
- **A finer type turned down beside its product**: "a mouse, not the gaming ones" wants mice and
  not gaming mice.
- **A price compared with one shown item on a shop without prices**: "cheaper than the second
  one?" asks for cheaper items, not about the second one.
- **Shown items turned down**: "number 1 and 3 no"; "not the zebronics one, the other two are ok"
  wants more like the other two.
- **A child's sex said with a pronoun**: "for my kid, he's 8" (after "wean", "laaitie") is a boy.
- **Remarks and greetings that are no request**: "this bot is kinda mid", "how are you keeping
  today?", "howzit".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chatrec.money import DEFAULT_RATES
from chatrec.request import ItemReference, PriceRange, ShopperRequest
from chatrec.text import word_table

__all__ = ["adjust", "need_product", "other_words"]

_TYPE_FIELDS = ("category", "subcategory", "subCategory", "articleType", "masterCategory")
_NEGATED_KIND = re.compile(
    r"(?P<clause>,?\s*\b(?:but |and )?(?:not|no|never|none of) (?:the |any |those |them )?(?P<kind>[a-z][a-z-]+) "
    r"(?:ones?|kinds?|types?|sorts?|variety|versions?)\b(?: (?:with|that|which)\b[^,.;!?]*)?)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data = word_table("set51_words")
    flags = re.IGNORECASE
    return {
        "words": [(re.compile(rf"(?<![\w-])(?:{key})(?![\w-])", flags), value) for key, value in data["words"].items()],
        "needs": [(entry["product"], [re.compile(p, flags) for p in entry["patterns"]]) for entry in data["needs"]],
        "remark": re.compile(data["assistant_remark"], flags),
        "greeting": re.compile(data["greeting"], flags),
        "postposed_no": re.compile(data["postposed_no"], flags),
        "relative_price": re.compile(data["relative_price"], flags),
    }


def other_words(message: str) -> str:
    """The message with other words for products, colours and budgets put in the words the rules
    read ("blue tooth spears" -> "blue tooth speakers", "max 3-4k" -> "max 4k")."""
    text = message
    for pattern, value in _table()["words"]:
        text = pattern.sub(value, text)
    return text


def need_product(message: str) -> str | None:
    """The product words for a need a message describes ("juice ... grind the masala" ->
    "juicer mixer grinder"), or None."""
    lowered = re.sub(r"\s+", " ", message.lower())
    for product, patterns in _table()["needs"]:
        if any(p.search(lowered) for p in patterns):
            return product
    return None


def _types(request: ShopperRequest) -> dict[str, list[str]]:
    return {k: v for k, v in request.include.items() if k in _TYPE_FIELDS}


def _no_wish(request: ShopperRequest) -> bool:
    return not request.include and not request.exclude and request.price is None and not request.relative_price


def _refs(context: Any, positions: list[int], how: str) -> list[ItemReference]:
    return [
        ItemReference(position=p, item_id=str(getattr(context.shown[p - 1], "id", "")) or None, how=how)
        for p in positions
    ]


def _with_need(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """The product of a need described replaces the types read from its words ("machine")."""
    if request.intent not in ("recommend", "refine") or request.references:
        return request
    product = need_product(message)
    if product is None:
        return request
    wanted = _types(reread(product))
    if not wanted or _types(request) == wanted:
        return request
    include = {k: list(v) for k, v in request.include.items() if k not in _TYPE_FIELDS}
    include.update({k: list(v) for k, v in wanted.items()})
    return request.model_copy(update={"include": include, "intent": "recommend"})


def _negated_kind(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"a mouse, not the gaming ones": the type the kind word makes of the product is left out,
    and the product itself is wanted."""
    if request.intent not in ("recommend", "refine") or request.references:
        return request
    found = _NEGATED_KIND.search(message)
    if found is None:
        return request
    rest = (message[:found.start()] + message[found.end():]).strip(" ,")
    base = reread(rest)
    base_types = _types(base)
    if not base_types:
        return request
    # the kind word goes before the product word: "a tv" -> "smart tv"
    core = re.sub(r"^(?:(?:(?:i|we) )?(?:want|need|would like)|looking for|show me|a|an|the|some|any)\s+", "", rest,
                  flags=re.IGNORECASE)
    finer = _types(reread(f"{found.group('kind')} {core}"))
    gone = {name: values for name, values in finer.items() if set(values) != set(base_types.get(name, []))}
    if not gone:
        return request
    include = {k: list(v) for k, v in request.include.items() if k not in _TYPE_FIELDS}
    for name, values in base_types.items():
        kept = [v for v in values if v not in gone.get(name, [])]
        if kept:
            include[name] = kept
    exclude = {k: list(v) for k, v in request.exclude.items()}
    for name, values in gone.items():
        exclude[name] = sorted(set(exclude.get(name, [])) | set(values))
    avoid = [w for w in request.avoid_words if w.lower() != found.group("kind").lower()]
    return request.model_copy(update={"include": include, "exclude": exclude, "avoid_words": avoid})


def _type_prices(request: ShopperRequest, vocabulary: Any) -> list[float]:
    items = getattr(vocabulary, "_typed_items", None) or []
    types = _types(request)
    if not types:
        return []
    prices: list[float] = []
    for item in items:
        if item.price is None:
            continue
        for name, values in types.items():
            value = str(getattr(item, "category", "")) if name == "category" else item.attributes.get(name)
            if value in values:
                prices.append(float(item.price))
                break
    return prices


def _bucks(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """"a power bank below 500 bucks" on a rupee shop: 500 dollars would be above every power bank,
    while 500 rupees is near what they cost (a quarter of the middle price or more): "bucks" names
    the shop's own money. "earbuds around a hundred bucks" stays in dollars: 100 rupees buys few."""
    price = request.price
    shop = getattr(context, "catalog_currency", None)
    if price is None or not price.converted or price.currency != "USD" or not shop or shop == "USD":
        return request
    if not re.search(r"\bbucks?\b", message, re.IGNORECASE) or re.search(r"\$|\bdollars?\b|\busd\b", message, re.IGNORECASE):
        return request
    prices = _type_prices(request, vocabulary)
    rate = DEFAULT_RATES.get(shop)
    if not prices or not rate or price.max is None:
        return request
    said = price.max / rate
    typical = sorted(prices)[len(prices) // 2]
    if price.max <= max(prices) or said < typical / 4:
        return request  # the dollars are a real budget here, or the amount is far below what such items cost
    low = None if price.min is None else round(price.min / rate, 2)
    return request.model_copy(update={"price": PriceRange(min=low, max=round(said, 2))})


def _relative_to_one(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"cheaper than the second one?" on a shop without prices asks for cheaper items."""
    if request.intent not in ("ask_about_item", "compare") or request.price is not None:
        return request
    found = _table()["relative_price"].search(message)
    if found is None or re.search(r"\b(?:is|are|was|which|whats|what's|what is)\b", message[:found.start()], re.IGNORECASE):
        return request
    side = "cheaper" if found.group("side").lower() in ("cheaper", "less expensive", "lower priced", "more affordable") \
        else "pricier"
    return request.model_copy(update={
        "intent": "refine", "references": [], "relative_price": side, "include": {}, "exclude": {}, "show_now": True,
    })


def _turned_down(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"number 1 and 3 no, 2 is ok": the numbered shown items are turned down; "not the zebronics
    one, the other two are ok": more like the others (as "not the oneplus, the others are fine")."""
    shown = list(getattr(context, "shown", ()) or ())
    if not shown:
        return request
    found = _table()["postposed_no"].search(message)
    if found is not None:
        positions = sorted({int(d) for d in re.findall(r"[1-9]", found.group("first") + found.group("rest"))})
        if positions and max(positions) <= len(shown):
            return request.model_copy(update={
                "intent": "reject", "references": _refs(context, positions, "position"), "include": {}, "exclude": {},
                "show_now": True,
            })
    named = re.search(r"\bnot the ([a-z][\w-]*) one\b[^.?!]*\bthe (?:other|rest)\b", message, re.IGNORECASE)
    if named is not None and request.intent == "refine" and set(request.exclude) == {"brand"} and not request.include:
        word = named.group(1).lower()
        positions = [i for i, item in enumerate(shown, start=1)
                     if word in (str(item.attributes.get("brand", "")).lower(), str(item.title).lower().split(" ")[0])]
        if len(positions) == 1:
            others = [p for p in range(1, len(shown) + 1) if p not in positions]
            return request.model_copy(update={
                "intent": "more_like", "references": _refs(context, others, "other"), "exclude": {}, "show_now": True,
            })
    return request


def _child_pronoun(request: ShopperRequest, message: str) -> ShopperRequest:
    """"for my kid, he's 8": the pronoun says which of the children's sections."""
    genders = set(request.include.get("gender", []))
    if not {"Boys", "Girls"} <= genders:
        return request
    he = re.search(r"\b(?:he|he's|hes)\b", message, re.IGNORECASE)
    she = re.search(r"\b(?:she|she's|shes)\b", message, re.IGNORECASE)
    if bool(he) == bool(she):
        return request
    keep = "Boys" if he else "Girls"
    return request.model_copy(update={"include": {**request.include, "gender": [keep]}})


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """The request after set 51's classes (see the module docstring).

    Args:
        request: The rules' request.
        message: The shopper's words (after the English normalisers).
        context: The turn's context (items shown, the catalogue's currency).
        vocabulary: The catalogue's values (its items' prices are read for "bucks").
        reread: Reads a text with the rules.
    """
    if request.language != "en" or reread is None:
        return request
    rewritten = other_words(message)
    if rewritten != message:
        return reread(rewritten)
    table = _table()
    lowered = re.sub(r"\s+", " ", message.lower()).strip()
    if request.intent in ("recommend", "refine", "reject", "off_topic") and _no_wish(request) and not request.references \
            and (table["remark"].search(lowered) or table["greeting"].search(lowered)):
        return request.model_copy(update={"intent": "chitchat", "show_now": False, "avoid_words": [], "query": ""})
    request = _with_need(request, message, reread)
    request = _negated_kind(request, message, reread)
    request = _bucks(request, message, context, vocabulary)
    request = _relative_to_one(request, message, context)
    request = _turned_down(request, message, context)
    return _child_pronoun(request, message)
