"""Shopping gaps round 9 (issue 12, branch i12bb): classes the lead found shopping the demos.

- A screen size is no price: "Fernseher 43 bis 50 Zoll", "un televisor entre 40 y 50 pulgadas por menos
  de 30 mil" read the figures with a unit as a size (:mod:`chatrec.spec_filters`), never as the budget's
  ends (:func:`spec_not_price`); a unit word is no brand a typo corrector found ("32 bis 43 zoll" is no
  brand Zoul: :func:`no_unit_brand`).
- A case or cover for a phone with no phone in the conversation ("a phone case", "eine Handyhülle",
  "手机壳") is filed where this shop files phone cases: :func:`phone_case` (through
  :mod:`chatrec.case_for_device`, with the phone the message names as the device).
- 内存 in Chinese phone talk is the storage, 运存 the RAM: "内存多大" with phones shown asks about them,
  "内存大一点的" asks for more storage than they have (:func:`memory_question`); the answers read the figure
  of the right part of a title (``part`` of ``spec_questions`` in ``prompts/answers_zh.json``).
- A case or cover asked for the phones shown when no case of the shop names their model ("and a case for
  it?" after a POCO C31): the reply says plainly that none is listed for that model and shows the nearest,
  cases of the same brand first (:func:`nearest_cases`, a step of :func:`chatrec.turn`).
- A bundle's piece to match another ("ein rotes Kleid und passende Schuhe", "a black suit and shoes to
  match") is not filtered to the first piece's colour, unless the same colour is asked for:
  :func:`matching_piece` and :func:`colour_on_piece` (steps of :func:`chatrec.turn`).
- The device an accessory is for ("a case for my phone") is no feature of the accessory a reason credits:
  :func:`device_words` (used by :func:`chatrec.grounding.facts_for`).
- A shoe without a heel ("ohne Absatz", "sin tacón", "平底的凉鞋") leaves out the heel type, never a raw
  avoid word kept in German: :func:`no_heel`.

The words are in ``chatrec/data/gaps_round9.json``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded, table

__all__ = ["adjust", "colour_on_piece", "matching_piece", "device_words", "memory_question", "model_name", "nearest_cases", "no_heel", "no_unit_brand", "phone_case", "spec_not_price"]

_DATA = str(Path(__file__).with_name("data") / "gaps_round9.json")
_LANGUAGES = ("en", "es", "de", "zh")
_WISHES = ("recommend", "refine", "answer", "more_like")


def _found(name: str, text: str, language: str | None = None) -> bool:
    """Whether the entry's pattern is in the text: in the message's language and English (every
    language when none is given)."""
    entry = table(_DATA)[name]
    languages = _LANGUAGES if language is None else ("en", language)
    return any(re.search(entry[lang], text) for lang in languages if entry.get(lang))


def _words(name: str) -> list[str]:
    return list(table(_DATA)[name]["words"])


def spec_not_price(request: ShopperRequest, message: str) -> ShopperRequest:
    """The request without a budget end that is a figure with a unit ("40 a 50 pulgadas"): the other end,
    a real amount ("por menos de 30 mil"), is kept."""
    from chatrec.spec_filters import read_bounds

    price = request.price
    if price is None or (price.min is None and price.max is None):
        return request
    bounds = read_bounds(message)
    figures = {round(v, 2) for pair in bounds.values() for v in pair if v is not None}
    if not figures:
        return request
    low = None if price.min is not None and round(price.min, 2) in figures else price.min
    high = None if price.max is not None and round(price.max, 2) in figures else price.max
    if (low, high) == (price.min, price.max):
        return request
    if low is None and high is None:
        return request.model_copy(update={"price": None})
    return request.model_copy(update={"price": price.model_copy(update={"min": low, "max": high})})


def no_unit_brand(request: ShopperRequest, message: str) -> ShopperRequest:
    """The request without a brand read only from a unit word a typo corrector turned into it ("zoll" ->
    Zoul): the brand is not in the message, a unit word after a figure is, and the two spell alike."""
    brands = request.include.get("brand") or []
    if not brands:
        return request
    text = folded(message)
    units = set(re.findall(r"\d\s*-?\s*([a-z]+)", text)) & set(_words("unit_words"))
    if not units:
        return request
    wrong = [b for b in brands if folded(b) not in text and any(
        difflib.SequenceMatcher(None, folded(b), u).ratio() >= 0.7 for u in units)]
    if not wrong:
        return request
    include = {k: v for k, v in request.include.items() if k != "brand"}
    if len(wrong) < len(brands):
        include["brand"] = [b for b in brands if b not in wrong]
    return request.model_copy(update={"include": include})


def phone_case(request: ShopperRequest, message: str, context: Any, vocabulary: Any,
               reread: Callable[[str], Any]) -> ShopperRequest:
    """A case or cover the message says is a phone's ("a phone case", "una funda de móvil", "手机壳"),
    with no phone shown or searched: the case types filed with the phones (see the module docstring)."""
    from chatrec import case_for_device

    if request.intent not in ("recommend", "refine") or vocabulary is None:
        return request
    types = request.include.get("category") or []
    if not any(re.search(r"case|cover", t, re.IGNORECASE) for t in types):
        return request
    text = folded(message)
    if not _found("phone", text, request.language):
        return request
    phones = [t for t in (reread("phone").include.get("category") or []) if t not in types]
    if not phones:
        return request
    # the phone the message names is the device, whatever else was shown or searched before
    cases = [t for t in types if re.search(r"case|cover", t, re.IGNORECASE)]
    named = request.model_copy(update={"include": {**request.include, "category": [*cases, *phones]}})
    narrowed = case_for_device.adjust(named, message, SimpleNamespace(shown=(), current={}), vocabulary)
    if set(narrowed.include.get("category") or []) & set(phones) or narrowed.include.get("category") == cases:
        return request
    return narrowed


def no_heel(request: ShopperRequest, message: str, reread: Callable[[str], Any]) -> ShopperRequest:
    """A shoe without a heel ("ohne Absatz", "sin tacón", "no heels", "平底的凉鞋"): the heel type left out,
    the heel words no longer kept as raw avoid words; "平底鞋" that already names flats is left alone."""
    if request.intent not in _WISHES:
        return request
    text = folded(message)
    if not _found("no_heel", text):
        return request
    heels = {f: list(v) for f, v in reread("heels").include.items() if v}
    if not heels:
        return request
    if any(set(v) & set(request.include.get(f, ())) for f, v in heels.items()):
        return request  # heels wished as well: the rules' reading stands
    flats = reread("flats").include
    flat_only = re.search(table(_DATA)["no_heel"]["zh"], text) and not any(
        re.search(table(_DATA)["no_heel"][lang], text) for lang in ("en", "es", "de"))
    if flat_only and "不要" not in text and any(set(v) & set(request.include.get(f, ())) for f, v in flats.items() if v):
        return request  # "平底鞋" is the flats type already
    exclude = {f: list(v) for f, v in request.exclude.items()}
    for name, values in heels.items():
        exclude[name] = list(dict.fromkeys([*exclude.get(name, []), *values]))
    heel_words = {folded(w) for w in _words("heel_words")}
    avoid = [w for w in request.avoid_words if folded(w) not in heel_words]
    if exclude == request.exclude and avoid == request.avoid_words:
        return request
    return request.model_copy(update={"exclude": exclude, "avoid_words": avoid})


def memory_question(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """"内存多大", "运存呢" with items shown: a question about them (the answer reads 内存 as storage, 运存 as
    RAM: ``spec_questions`` of ``prompts/answers_zh.json``); "内存大一点的": more of it than they have (a
    refinement :mod:`chatrec.spec_comparatives` bounds). Only a message the rules read as chit-chat, or as
    a question pointing at no item."""
    bare = request.intent == "chitchat" or (request.intent == "ask_about_item" and not request.references)
    if not bare or not getattr(context, "shown", None) or request.language != "zh":
        return request
    entry = table(_DATA)["memory"]
    text = folded(message)
    if not re.search(entry["zh"], text):
        return request
    if re.search(entry["more"], text):
        return request.model_copy(update={"intent": "refine"})
    if request.intent != "chitchat":
        return request
    if re.search(entry["asks"], text) or len(re.sub(r"[\W_]", "", text)) <= 4:
        return request.model_copy(update={"intent": "ask_about_item"})
    return request


def device_words(text: str, title: str = "") -> set[str]:
    """The words naming the device an accessory is for ("a case for my phone": {"phone"}): no feature a
    reason may credit to the accessory ("with phone, as its description says"); a product noun of
    ``prompts/product_nouns.txt`` or a device word of the word table, said right after "for my". A word
    the item's ``title`` says stays creditable ("tempered glass for the iphone 13": "iPhone 13" in its name)."""
    from chatrec.not_carried import product_nouns

    entry = table(_DATA)["device_for"]
    devices = set(entry["words"]) | set(product_nouns())
    found: set[str] = set()
    for match in re.finditer(entry["pattern"], folded(text)):
        for word in (w for w in match.groups() if w):
            if word in devices or word.rstrip("s") in devices:
                found.add(word)
            else:
                break  # "for my daughter's phone" names a person first: nothing is credited as the device
    from chatrec.case_for_device import _asks_case

    if _asks_case(text):  # "a phone under 15k ... and a case for it?": the phone is no feature of a case
        found |= set(re.findall(r"[a-z0-9]+", folded(text))) & set(entry["words"])
    said = set(re.findall(r"[a-z0-9]+", folded(title)))
    return {w for w in found if w not in said and w.rstrip("s") not in said}


#: Words of a phone's name that are no part of its model: "Samsung Galaxy M13 5G (Aqua Green, ...)" -> "galaxy m13".
_NOT_MODEL = frozenset({"5g", "4g", "lte", "new", "edition", "smartphone", "phone", "mobile", "with", "and", "by"})


def model_name(title: str) -> str:
    """A device's model as its name says it: the words before the first bracket or bar ("Samsung Galaxy M13
    (Aqua Green, 4GB, 64GB Storage) | 6000mAh" -> "Samsung Galaxy M13")."""
    head = re.split(r"[(|\[,]", title, maxsplit=1)[0]
    return " ".join(head.split()[:5]).strip()


def _names_model(case_title: str, device: Any) -> bool:
    said = set(re.findall(r"[a-z0-9]+", folded(case_title)))
    brand = folded(str(getattr(device, "brand", "") or ""))
    words = [w for w in re.findall(r"[a-z0-9]+", folded(model_name(device.title))) if w not in _NOT_MODEL and w != brand]
    return bool(words) and all(w in said for w in words)


def _groups(item: Any) -> dict[str, str]:
    """The item's grouping fields ("department", "subcategory"): its text attributes that are no price, rating,
    count, link or name."""
    attributes = getattr(item, "attributes", None) or {}
    return {k: str(v) for k, v in attributes.items() if isinstance(v, str) and v
            and not re.search(r"price|rating|count|url|link|image|id$|name|brand|title|desc", k, re.IGNORECASE)
            and not re.search(r"\d", v)}


def _same_group(a: dict[str, str], b: dict[str, str]) -> bool:
    common = set(a) & set(b)
    return bool(common) and all(a[k] == b[k] for k in common)


def nearest_cases(candidates: list[Any], message: str, devices: list[Any]) -> tuple[list[Any], list[str]]:
    """A case or cover list for the devices shown, when no case names one of their models: the list with the
    cases of the devices' brands first (then the others, as ranked), and the models no case names, for a
    reply that says so plainly; the list unchanged and no model when a case names one, or no case is asked.

    Args:
        candidates: The ranked candidates (objects with ``item``).
        message: The shopper's words ("and a case for it?").
        devices: The devices the case is for (the items shown or pointed at, not cases themselves).
    """
    from chatrec.case_for_device import _asks_case

    def is_case(item: Any) -> bool:
        return bool(re.search(r"case|cover", str(getattr(item, "category", "") or ""), re.IGNORECASE))

    if not candidates or not _asks_case(message) or not all(is_case(c.item) for c in candidates):
        return candidates, []
    groups = [_groups(c.item) for c in candidates]
    # a device filed with the cases (a phone with phone cases), not any item shown before (a TV)
    devices = [d for d in devices if not is_case(d) and any(_same_group(_groups(d), g) for g in groups)]
    if not devices:
        return candidates, []
    if any(_names_model(c.item.title, d) for c in candidates for d in devices):
        return candidates, []
    brands = {folded(str(getattr(d, "brand", "") or "")) for d in devices} - {""}
    same = [c for c in candidates if brands & set(re.findall(r"[a-z0-9]+", folded(c.item.title)))]
    ordered = [*same, *(c for c in candidates if c not in same)]
    return ordered, list(dict.fromkeys(model_name(d.title) for d in devices))


def matching_piece(heard: Any, message: str, reread: Callable[[str], Any]) -> tuple[Any, dict[str, Any] | None]:
    """A bundle whose second piece is to match the first ("ein rotes Kleid und passende Schuhe", "a black suit
    and shoes to match"): the request without the colour (matching is no same colour), and the first piece
    it stays on (``{"colour": {field: values}, "piece": {type field: values}}``, for :func:`colour_on_piece`);
    unchanged and None when the shopper asks for the same colour ("shoes in the same colour") or names no
    colour with the first piece."""
    from chatrec.bundles import _JOINED
    from chatrec.refused_colours import colour_fields

    entry = table(_DATA)["matching"]
    text = folded(message)
    colours = {f: list(heard.include[f]) for f in colour_fields(heard.include) if heard.include.get(f)}
    if not colours or not re.search(entry["match"], text) or re.search(entry["same"], text):
        return heard, None
    first = _JOINED.split(message, maxsplit=1)[0]
    read = reread(first).include if first.strip() and first != message else {}
    piece = {f: list(v) for f, v in read.items() if v and f not in colours}
    if not piece or not any(read.get(f) for f in colours):
        return heard, None  # the colour is not said with the first piece ("a suit and black shoes to match")
    include = {f: v for f, v in heard.include.items() if f not in colours}
    return heard.model_copy(update={"include": include}), {"colour": colours, "piece": piece}


def colour_on_piece(candidates: list[Any], kept: dict[str, Any] | None) -> list[Any]:
    """The candidates with the first piece of a matching bundle in its colour only (see :func:`matching_piece`);
    the other pieces in any colour."""
    if not kept:
        return candidates

    def first_piece(item: Any) -> bool:
        return any(str(item.field_value(f)) in values for f, values in kept["piece"].items())

    def coloured(item: Any) -> bool:
        return any(str(item.field_value(f)) in values for f, values in kept["colour"].items())

    return [c for c in candidates if not first_piece(c.item) or coloured(c.item)]


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any,
           reread: Callable[[str], Any]) -> ShopperRequest:
    """This round's reading steps, in order (a step of :func:`chatrec.understanding.understand`)."""
    request = spec_not_price(request, message)
    request = no_unit_brand(request, message)
    request = phone_case(request, message, context, vocabulary, reread)
    request = memory_question(request, message, context)
    return no_heel(request, message, reread)
