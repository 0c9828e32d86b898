"""A case or cover for a phone is filed where the shop files phone cases (issue 12, lead, stop 30).

"a phone under 15k", then "and a case for it?" showed an earphone carrying case and two iPad covers,
and "a case for my phone" the same: the word "case" names the type "Cases" (where this shop files iPad
and earphone cases), while its phone cases are "BasicCases" under "Mobiles&Accessories", and their
titles say "for iPhone 13", never "phone". When a case or cover is asked for and the device is known
(named, "a case for my phone"; else the items shown or searched, "a case for it"), the types whose
name is a case or cover are narrowed to those filed in the same group as the device (a field such as
``subcategory`` the device's items and the cases share); nothing changes when no such type shares
the device's group.
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
_VALUE_NOUN = re.compile(r"case|cover", re.IGNORECASE)


def _asks_case(message: str) -> bool:
    text = folded(message)
    return bool(set(re.findall(r"[a-z]+", text)) & _NOUNS) or any(w in text for w in _ZH)


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
    if request.intent not in ("recommend", "refine") or vocabulary is None or not _asks_case(message):
        return request
    items: Sequence[Any] = getattr(vocabulary, "_typed_items", None) or []
    if not items:
        return request
    by_type, distinct = _index(items)
    case_types = [t for t in by_type if t and _VALUE_NOUN.search(t)]
    if len(case_types) < 2:
        return request
    device_types = [t for t in request.include.get("category", []) if t not in case_types]
    if device_types and not set(request.include.get("category", [])) & set(case_types):
        return request  # another product read ("a pouch of power for the phone": a power bank), no case wished
    device: Sequence[Any] = [i for t in device_types for i in by_type.get(t, [])]
    if not device:  # "a case for my earphones": the device the search words name, in any field
        from chatrec.understanding import normalise_tokens

        words = [t for t in normalise_tokens(f"{request.query} {folded(message)}") if t not in _NOUNS]
        named = {(f, v) for m in vocabulary.find(words) for f, vs in m.values.items() for v in vs
                 if v not in case_types}  # the case's own type names no device
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
    include = {name: values for name, values in request.include.items() if name != "category"}
    include["category"] = sorted(fitting)
    query = " ".join(w for w in request.query.split() if w not in ("smartphone", "phone", "mobile")) or "case"
    return request.model_copy(update={"include": include, "query": query, "intent": request.intent})
