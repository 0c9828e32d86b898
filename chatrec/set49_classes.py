"""English shoppers of blind set 49 (issue 12): other words for products, needs, remarks, shown items.

The classes the rules missed on set 49, each read from data (``chatrec/data/set49_words.json``):

- **Other words for a product**: voice-dictation splits and mishearings ("blue tooth speaker",
  "tea shirt"), brand names said for the product ("a xerox machine", "a fitbit", "a ps4
  controller"), British and Australian words ("toastie maker", "jaffle maker", "nail varnish",
  "sellotape", "biro"): the message is read again with the words the rules know.
- **A need said instead of a product**: "something to boil water quickly" (a kettle), "to count my
  steps" (a smartwatch), "a weighing thing for the kitchen" (a kitchen scale), "the thing you stick
  on the phone screen so it doesn't crack" (a screen guard); only when no other product is named.
- **A list-valued type read for one of its members**: "printer" matched the subcategory
  "Printers,Inks&Accessories" (inks too); the catalogue's own printer types are meant.
- **A coarse type said again after a finer one**: "a laptop bag ... not a boring office bag"
  adds the Bags subcategory that holds every laptop bag; the finer type is the wish.
- **Remarks and questions that are no request**: "this bot is trash" with items shown is a remark
  about the assistant, not a rejection of the items; "do you have an actual store in Melbourne",
  "help me with my english essay" are off topic.
- **Shown items**: "tell me more about the cheaper one" asks about it (no cheaper search); "that
  last tv, got anything bigger?" asks for more like it; "the two wranglers" names both Wrangler
  items shown.
- **A relative who is only the subject**: "my mum says it doesn't suit me", "my sister wore red at
  her wedding" name no wearer (the shopper is), so no gender is wanted or left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chatrec.request import ItemReference, ShopperRequest
from chatrec.text import word_table

__all__ = ["adjust", "other_words", "need_product"]

_TYPE_FIELDS = ("category", "subcategory", "subCategory", "articleType", "masterCategory")
_FIRST_WORD = re.compile(r"[a-z][a-z0-9-]+")


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data = word_table("set49_words")
    words = [(re.compile(rf"(?<![\w-])(?:{key})(?![\w-])", re.IGNORECASE), value) for key, value in data["words"].items()]
    needs = [
        (entry["product"], [re.compile(p, re.IGNORECASE) for p in entry["patterns"]], list(entry.get("devices", ())))
        for entry in data["needs"]
    ]
    kin = data["kin"]
    return {
        "words": words,
        "needs": needs,
        "remark": re.compile(data["assistant_remark"], re.IGNORECASE),
        "shop": [re.compile(p, re.IGNORECASE) for p in data["shop_questions"]],
        "tasks": [re.compile(p, re.IGNORECASE) for p in data["other_tasks"]],
        "tell": re.compile(data["tell_me_about"], re.IGNORECASE),
        "else": re.compile(data["anything_else"], re.IGNORECASE),
        "kin_subject": re.compile(rf"\b(?:my|our) {kin}\b(?: (?:always|just|once|even|also|literally))? {data['kin_subject_verbs']}\b",
                                  re.IGNORECASE),
        "kin_wearer": re.compile(rf"{data['kin_wearer_extra']}|\b(?:for|to|gift|present|surprise)\b(?: (?:my|our|the|her|his))? {kin}\b|"
                                 rf"\b(?:my|our) {kin}(?:'s)? (?:wants|needs|would like|asked for|is looking|birthday|"
                                 r"anniversary|size|wears)\b", re.IGNORECASE),
        "kin_phrase": re.compile(rf"\b(?:my|our) {kin}\b", re.IGNORECASE),
    }


def other_words(message: str) -> str:
    """The message with other words for products put in the words the rules read
    ("blue tooth speaker" -> "bluetooth speaker", "a xerox machine" -> "a printer")."""
    text = message
    for pattern, value in _table()["words"]:
        text = pattern.sub(value, text)
    return text


def need_product(message: str) -> tuple[str, list[str]] | None:
    """The product words for a need a message describes, and the words of things it names that are
    not wanted ("the thing you stick on the phone screen" -> ("screen guard", ["phone", ...])), or None."""
    lowered = re.sub(r"\s+", " ", message.lower())
    for product, patterns, devices in _table()["needs"]:
        if any(p.search(lowered) for p in patterns):
            return product, devices
    return None


def _no_wish(request: ShopperRequest) -> bool:
    return not request.include and not request.exclude and request.price is None and not request.relative_price


def _refs(context: Any, positions: list[int], how: str) -> list[ItemReference]:
    return [
        ItemReference(position=p, item_id=str(getattr(context.shown[p - 1], "id", "")) or None, how=how)
        for p in positions
    ]


def _types(request: ShopperRequest) -> dict[str, list[str]]:
    return {k: v for k, v in request.include.items() if k in _TYPE_FIELDS}


def _with_need(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """The product of a need described, when the shopper named no other product."""
    if request.intent not in ("recommend", "refine") or request.references:
        return request
    found = need_product(message)
    if found is None:
        return request
    product, devices = found
    wanted = _types(reread(product))
    if not wanted:
        return request  # the catalogue sells nothing of the kind
    device_values = {v for word in devices for v in (x for vs in _types(reread(word)).values() for x in vs)}
    named = {v for values in _types(request).values() for v in values}
    if named - device_values:
        return request
    include = {k: list(v) for k, v in request.include.items() if k not in _TYPE_FIELDS}
    include.update({k: list(v) for k, v in wanted.items()})
    return request.model_copy(update={"include": include, "intent": "recommend"})


def _camel_words(value: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", value)]


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _list_members(request: ShopperRequest, message: str, vocabulary: Any) -> ShopperRequest:
    """A list-valued type ("Printers,Inks&Accessories") matched by one member the catalogue has
    types of ("printer") means those types (Printers, InkjetPrinters)."""
    counts = getattr(vocabulary, "counts", {})
    categories = list(counts.get("category", ()))
    if not categories:
        return request
    said = {_singular(w) for w in re.findall(r"[a-z]+", message.lower())}
    include = {k: list(v) for k, v in request.include.items()}
    changed = False
    for name in [k for k in include if k in _TYPE_FIELDS and k != "category"]:
        kept: list[str] = []
        for value in include[name]:
            parts = [p.strip() for p in re.split(r"[,&]", value) if p.strip()]
            # only a list of several product kinds ("Printers,Inks&Accessories"), not "Cameras&Photography"
            members = [] if len(parts) < 3 else [
                _singular(p.lower()) for p in parts if len(_camel_words(p)) == 1 and p.lower() != "accessories"
            ]
            found = [m for m in members if m in said]
            others = {_singular(w) for p in parts for w in _camel_words(p)} - set(found) - {"accessory"}
            if len(found) != 1 or said & others:
                found = []  # "printer ink": the ink of the list is wanted too
            finer = sorted({
                c for c in categories for m in found
                if _camel_words(c) and _singular(_camel_words(c)[-1]) == m
                and (together := getattr(vocabulary, "together", None)) is not None
                and together(("category", c), (name, value)) is not False
            })
            if finer:
                include.setdefault("category", [])
                include["category"] = sorted(set(include["category"]) | set(finer))
                changed = True
            else:
                kept.append(value)
        if kept:
            include[name] = kept
        else:
            del include[name]
    return request.model_copy(update={"include": include}) if changed else request


def _kind_word(request: ShopperRequest, message: str) -> ShopperRequest:
    """A word that names a kind of a product wanted ("steam" of a steam iron) is no second product
    of a list-valued type ("PressureWashers,Steam&WindowCleaners"): "an iron that uses steam"."""
    said = set(re.findall(r"[a-z]+", message.lower()))
    wanted = [(name, v) for name, values in request.include.items() if name in _TYPE_FIELDS for v in values]
    drop: set[tuple[str, str]] = set()
    for name, value in wanted:
        parts = [p.strip() for p in re.split(r"[,&]", value) if p.strip()]
        if len(parts) < 2:
            continue
        members = {w for p in parts if len(_camel_words(p)) == 1 for w in _camel_words(p)} & said
        others = {w for n, v in wanted if (n, v) != (name, value) and not re.search(r"[,&]", v) for w in _camel_words(v)}
        words_of_value = {w for p in parts for w in _camel_words(p)}
        if members and members <= others and not (said & (words_of_value - members)):
            drop.add((name, value))
    if not drop:
        return request
    include = {name: kept for name, values in request.include.items()
               if (kept := [v for v in values if (name, v) not in drop])}
    return request.model_copy(update={"include": include})


def _coarse_again(request: ShopperRequest, vocabulary: Any) -> ShopperRequest:
    """A coarse type wanted beside a finer type that lies wholly inside it adds nothing: the finer
    one is the wish ("a laptop bag ... not an office bag": Laptop Bag, not every bag)."""
    together = getattr(vocabulary, "together", None)
    counts = getattr(vocabulary, "counts", {})
    types = {k: v for k, v in request.include.items() if k in _TYPE_FIELDS and k in counts}
    if together is None or len(types) < 2:
        return request
    drop: set[str] = set()
    for fine, fine_values in types.items():
        for coarse, coarse_values in types.items():
            if fine == coarse or coarse in drop or len(coarse_values) != 1 or len(counts[fine]) <= len(counts[coarse]):
                continue
            inside = all(
                together((fine, f), (coarse, coarse_values[0])) is True
                and not any(together((fine, f), (coarse, other)) for other in counts[coarse] if other != coarse_values[0])
                for f in fine_values
            )
            if inside:
                drop.add(coarse)
    if not drop:
        return request
    return request.model_copy(update={"include": {k: v for k, v in request.include.items() if k not in drop}})


def _plural_names(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"the two wranglers", "both nikes": a plural of the first word of several shown items' names
    names those items."""
    shown = list(getattr(context, "shown", ()) or ())
    lowered = message.lower()
    if len(shown) < 2 or request.intent not in ("ask_about_item", "compare", "more_like", "reject") \
            or re.search(r"\bnumber \d\b", lowered):
        return request  # "number 3" (as the other steps write a shown item out) points at one item
    titles = [_FIRST_WORD.findall(str(getattr(item, "title", "")).lower())[:2] for item in shown]
    for said in re.finditer(r"\b(?:the (?:two|2|three|3) |both (?:the )?|the |those |these |all the )"
                            r"([a-z][a-z-]*(?: [a-z][a-z-]*)??)(?:'?s)\b", lowered):
        name = said.group(1).split()
        positions = [i for i, words in enumerate(titles, start=1) if words[:len(name)] == name]
        if len(positions) >= 2 and sorted(r.position for r in request.references) != positions:
            return request.model_copy(update={"references": _refs(context, positions, "title")})
    return request


def _relative_subject(request: ShopperRequest, message: str, reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """"my mum says it doesn't suit me": a relative who only says or did something wears nothing."""
    table = _table()
    if "gender" not in request.include and "gender" not in request.exclude:
        return request
    if not table["kin_subject"].search(message) or table["kin_wearer"].search(message):
        return request
    # the relative's own "her"/"his" ("my sister wore red at her wedding") names no wearer either
    text = table["kin_subject"].sub(
        lambda found: "someone " + found.group(0).split(" ", 2)[2], message)
    text = re.sub(r"(\bsomeone\b[^,.;!?]*?)\b(?:her|his)\b", r"\1their", text)
    again = reread(text)
    if "gender" in again.include or "gender" in again.exclude:
        return request
    return request.model_copy(update={
        "include": {k: v for k, v in request.include.items() if k != "gender"},
        "exclude": {k: v for k, v in request.exclude.items() if k != "gender"},
    })


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """The request after set 49's classes (see the module docstring).

    Args:
        request: The rules' request.
        message: The shopper's words (after the English normalisers).
        context: The turn's context (items shown).
        vocabulary: The catalogue's values (``counts`` and ``together`` are used).
        reread: Reads a text with the rules.
    """
    if request.language != "en" or reread is None:
        return request
    table = _table()
    rewritten = other_words(message)
    if rewritten != message:
        return reread(rewritten)
    request = _list_members(request, message, vocabulary)
    request = _kind_word(request, message)
    request = _coarse_again(request, vocabulary)
    request = _with_need(request, message, reread)
    request = _relative_subject(request, message, reread)
    lowered = re.sub(r"\s+", " ", message.lower()).strip()
    if request.intent in ("reject", "recommend", "refine") and not request.references and _no_wish(request) \
            and table["remark"].search(lowered):
        return request.model_copy(update={"intent": "chitchat", "show_now": False, "avoid_words": []})
    if request.intent in ("recommend", "refine") and _no_wish(request) and not request.references and (
            any(p.search(lowered) for p in table["shop"]) or any(p.search(lowered) for p in table["tasks"])):
        return request.model_copy(update={"intent": "off_topic", "show_now": False, "avoid_words": [], "query": ""})
    if request.references and request.intent in ("more_like", "refine") and table["tell"].search(lowered) \
            and not table["else"].search(lowered):
        return request.model_copy(update={
            "intent": "ask_about_item", "include": {}, "exclude": {}, "price": None, "relative_price": None,
            "show_now": False, "avoid_words": [],
        })
    if request.references and request.intent == "ask_about_item" and table["else"].search(lowered):
        request = request.model_copy(update={"intent": "more_like", "show_now": True})
    request = _plural_names(request, message, context)
    if request.intent in ("ask_about_item", "more_like") and len(request.references) >= 2 and re.search(
            r"\bwhich(?: one| of (?:them|those|these|the (?:two|three)))? (?:is|are|has|have|'s|would|will|does|do|can|should|"
            r"fits?|looks?|lasts?)\b", lowered):
        request = request.model_copy(update={"intent": "compare"})  # "the two wranglers, which is slim fit"
    return request
