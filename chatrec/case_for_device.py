"""A case or cover for a phone is filed where the shop files phone cases (issue 12, lead, stop 30).

"a phone under 15k", then "and a case for it?" showed an earphone carrying case and two iPad covers,
and "a case for my phone" the same: the word "case" names the type "Cases" (where this shop files iPad
and earphone cases), while its phone cases are "BasicCases" under "Mobiles&Accessories", and their
titles say "for iPhone 13", never "phone". When a case or cover is asked for and the device is known
(named, "a case for my phone"; else the items shown or searched, "a case for it"), the types whose
name is a case or cover are narrowed to those filed in the same group as the device (a field such as
``subcategory`` the device's items and the cases share); nothing changes when no such type shares
the device's group.

Stop 55: the same for every accessory noun (``prompts/accessory_words.txt``). Phones shown, "a charger for
it" listed an AA-battery charger and a camera charger beside the phone chargers: "charger" names four types
here (wall, car, battery and camera-battery chargers); the phones' group (Mobiles & Accessories) files the
wall and car chargers. A type is an accessory asked for when a word of its name is an accessory noun of
the message (case and cover are one family).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded

__all__ = ["adjust"]

_NOUNS = frozenset({"case", "cases", "cover", "covers", "funda", "fundas", "carcasa", "hulle", "schutzhulle",
                    "handyhulle"})
_ZH = ("手机壳", "保护壳", "保护套", "手机套", "壳")


def _asks_case(message: str) -> bool:
    text = folded(message)
    return bool(set(re.findall(r"[a-z]+", text)) & _NOUNS) or any(w in text for w in _ZH)


def _nouns_asked(message: str, query: str) -> frozenset[str]:
    """The accessory nouns the message asks for (in the words read, which the lexicon put in English)."""
    from chatrec.accessories import accessory_words
    from chatrec.accessory_for import family
    from chatrec.understanding import _singular

    text = folded(message)
    words = {_singular(w) for w in re.findall(r"[a-z]+", f"{text} {query.lower()}")}
    nouns = set(words & accessory_words())
    if _asks_case(message):
        nouns |= {"case", "cover"}
    return frozenset(n for noun in nouns for n in family(noun))


def _type_nouns(value: str) -> set[str]:
    """The words of a type's name, singular ("WallChargers": wall, charger)."""
    from chatrec.understanding import normalise_tokens

    return set(normalise_tokens(value, camel=True))


def _said_alike(request: ShopperRequest, message: str, case_types: Sequence[str], fitting: Sequence[str]) -> list[str]:
    """Stop 56: the device's accessory types that every accessory type read only outside its group names with the
    same words: TVs shown, "a wall mount for it" read the phone holders' "Shower & Wall Mounts" (shower, wall,
    mount); the TVs' group files "TV Wall & Ceiling Mounts" (wall, mount too). "an rca cable" for a speaker keeps
    "RCA Cables": no cable of the speakers' group says rca. Empty when nothing is read or a type read is no
    accessory."""
    from chatrec.understanding import normalise_tokens

    read = list(request.include.get("category", ()))
    if not read and not any(request.include.values()):
        return list(fitting)  # "a cable for it" (TVs shown) reads no type ("cable" names seven): the TVs' cables
    if not read or any(t not in case_types for t in read):
        return []
    said = set(normalise_tokens(f"{request.query} {folded(message)}"))
    words = [_type_nouns(t) & said for t in read]
    return sorted(t for t in fitting if all(w and w <= _type_nouns(t) for w in words))


def _groups(items: Sequence[Any], fields: Sequence[str]) -> set[tuple[str, str]]:
    return {(f, str(v)) for item in items for f in fields
            for v in [(getattr(item, "attributes", None) or {}).get(f)] if v}


#: per catalogue (keyed by its item list's identity, which the entry holds so the id stays unique): the
#: items by product type, and per attribute field its number of distinct values over the shop
_INDEX: dict[int, tuple[Sequence[Any], dict[str, list[Any]], dict[str, int]]] = {}


def _index(items: Sequence[Any]) -> tuple[dict[str, list[Any]], dict[str, int]]:
    hit = _INDEX.get(id(items))
    if hit is not None and hit[0] is items:
        return hit[1], hit[2]
    by_type: dict[str, list[Any]] = {}
    for item in items:
        by_type.setdefault(str(getattr(item, "category", "") or ""), []).append(item)
    names = {f for i in items for f in (getattr(i, "attributes", None) or {})}
    distinct = {f: len({(getattr(i, "attributes", None) or {}).get(f) for i in items}) for f in names}
    if len(_INDEX) >= 4:
        _INDEX.clear()
    _INDEX[id(items)] = (items, by_type, distinct)
    return by_type, distinct


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request with the case types narrowed to the device's group (see the module docstring)."""
    if request.intent not in ("recommend", "refine") or vocabulary is None:
        return request
    nouns = _nouns_asked(message, request.query)
    if not nouns:
        return request
    items: Sequence[Any] = getattr(vocabulary, "_typed_items", None) or []
    if not items:
        return request
    by_type, distinct = _index(items)
    case_types = [t for t in by_type if t and _type_nouns(t) & nouns]
    if len(case_types) < 2:
        return request
    device_types = [t for t in request.include.get("category", []) if t not in case_types]
    if device_types and not set(request.include.get("category", [])) & set(case_types):
        return request  # another product read ("a pouch of power for the phone": a power bank), no case wished
    device: Sequence[Any] = [i for t in device_types for i in by_type.get(t, [])]
    if not device:  # "a case for my earphones": the device the search words name, in any field
        from chatrec.understanding import normalise_tokens, type_fields

        words = [t for t in normalise_tokens(f"{request.query} {folded(message)}") if t not in _NOUNS | nouns]
        kinds = {"category", *type_fields(list(vocabulary.fields))}  # stop 55: a device is a kind ("rosa" is none)
        named = {(f, v) for m in vocabulary.find(words) for f, vs in m.values.items() for v in vs
                 if v not in case_types and f in kinds}  # the case's own type names no device
        device = [i for i in items if (("category", str(getattr(i, "category", ""))) in named or any(
            (f, str(v)) in named for f, v in (getattr(i, "attributes", None) or {}).items()))]
        if named and not device:
            return request
    if not device:
        device = list(getattr(context, "shown", None) or [])
    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    if not device and current.get("category"):
        device = [i for t in current["category"] if t not in case_types for i in by_type.get(t, [])]
    device = [i for i in device if str(getattr(i, "category", "")) not in case_types]
    if not device:
        return request
    fields = sorted({f for i in device for f in (getattr(i, "attributes", None) or {})
                     if f not in ("category", "brand", "price") and not re.search(r"price|rating|count|url", f)})
    # the finest grouping field (most distinct values over the shop): "subcategory", not "department"
    fields = sorted(fields, key=lambda f: -distinct[f])[:1]
    wanted = _groups(device, fields)
    fitting = [t for t in case_types if _groups(by_type[t], fields) & wanted]
    if not fitting or len(fitting) == len(case_types):
        return request
    read = set(request.include.get("category", ())) & set(fitting)
    if not _asks_case(message):  # stop 55: another accessory is narrowed among the types read, never replaced
        if not read:
            fitting = _said_alike(request, message, case_types, fitting)
            if not fitting:
                return request  # "a lead for my speaker ... an rca cable": the type read stays
        else:
            fitting = sorted(read)
    include = {name: values for name, values in request.include.items() if name != "category"}
    # a case for a phone is the case alone (the phone was named to say which); stop 55: another accessory is narrowed,
    # the products asked beside it stay ("gaming mouse and a mouse pad", "power bank + a fast charger")
    include["category"] = sorted(fitting) if _asks_case(message) else sorted({*fitting, *device_types})
    query = " ".join(w for w in request.query.split() if w not in ("smartphone", "phone", "mobile")) or sorted(nouns)[0]
    return request.model_copy(update={"include": include, "query": query, "intent": request.intent})
