"""What a thing is to be used for, said instead of a kind or beside one (issue 12, stop 56).

Shopping the demos, "a speaker i can take to the beach", "portable speaker", "tragbarer Lautsprecher" and
"便携音箱" showed tower and PC speakers beside the Bluetooth ones, "a fan i can carry" ceiling and exhaust fans;
"something warm for winter for my son" showed boys' shoes and watches (the catalogue files them under winter),
"something comfy to wear at home" asked which kind with sarees, make-up and nail polish as the choices, and
"暖和的衣服" (warm clothes) was greeted as small talk.

- **Portable** (:func:`portable`): a thing to be carried narrows the product types read to those whose names say
  they are carried (Bluetooth and outdoor speakers, table fans), when some do and some do not.
- **Needs** (:func:`needs`): a need said with no product named (to keep warm, to wear at home) is a search for
  the need's product types the catalogue has: sweaters, sweatshirts, jackets, mufflers and gloves (or the
  electronics demo's heaters); lounge pants, night suits and robes. A need said while another kind is searched
  is a new search.
- **Sport** (:func:`sport_use`): "headphones for running", "earphones for the gym", "auriculares para correr",
  "跑步用的耳机" showed over-ear headphones first: a product for a sport keeps the sport's kinds among those read
  (``data/hobbies.json``, fitness: in-ear headphones, smart watches; ``sport_types``: sports shoes, track pants),
  or those filed under the broader type read. Stop 61: a hike or a trek too ("shoes for hiking": sports shoes), and
  said with no product named, the outdoors need's kinds (backpacks, rain jackets, caps, sunglasses, sports shoes).

The words are data (``data/use_wishes.json``), per language, on folded text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded, table

__all__ = ["need_said", "needs", "portable", "sport_use"]

_DATA = str(Path(__file__).parent / "data" / "use_wishes.json")
_LANGUAGES = ("en", "es", "de", "zh")


@lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, re.Pattern[str]], frozenset[str], list[tuple[str, dict[str, re.Pattern[str]], list[str]]]]:
    data = table(_DATA)
    carried = {lang: re.compile(data["portable"][lang]) for lang in _LANGUAGES}
    wanted = [(n["name"], {lang: re.compile(n["said"][lang]) for lang in _LANGUAGES}, list(n["types"]))
              for n in data["needs"]]
    return carried, frozenset(data["type_words"]), wanted


def _said(patterns: Mapping[str, re.Pattern[str]], text: str, language: str) -> bool:
    """Whether a pattern of the message's language, or of English (said in any language), finds the text."""
    return any(patterns[lang].search(text) for lang in dict.fromkeys([language, "en"]) if lang in patterns)


def _type_names(vocabulary: Any) -> list[str]:
    from chatrec.understanding import type_fields

    return list(dict.fromkeys(["category", *type_fields(list(vocabulary.fields))]))


def portable(request: ShopperRequest, message: str, vocabulary: Any) -> ShopperRequest:
    """The product types read narrowed to those carried, when the message says the thing is carried."""
    if vocabulary is None or request.intent not in ("recommend", "refine", "answer"):
        return request
    from chatrec.understanding import normalise_tokens

    carried, words, _ = _compiled()
    if not _said(carried, folded(message), request.language):
        return request
    include = dict(request.include)
    for name in _type_names(vocabulary):
        values: Sequence[str] = include.get(name, ())
        kept = [v for v in values if set(normalise_tokens(str(v), camel=True)) & words]
        if kept and len(kept) < len(values):
            include[name] = kept
    return request if include == request.include else request.model_copy(update={"include": include})


def need_said(message: str, language: str) -> bool:
    """Whether the message says a need of the table ("something comfy for me to wear at home"): its "for me to wear
    at home" is the need, not a device the product is for (the turn then reads no purpose into it)."""
    _, _, wanted = _compiled()
    text = folded(message)
    return any(_said(said, text, language) for _name, said, _types in wanted)


def needs(request: ShopperRequest, message: str, vocabulary: Any) -> ShopperRequest:
    """A search for the product types of a need said with no product named, or the request unchanged."""
    if vocabulary is None or request.intent not in ("recommend", "refine", "answer", "chitchat") or request.references:
        return request
    names = _type_names(vocabulary)
    if any(request.include.get(n) or request.exclude.get(n) for n in names):
        return request  # a product named: "a warm jacket"
    _, _, wanted = _compiled()
    text = folded(message)
    counts = getattr(vocabulary, "counts", {})
    for _name, said, types in wanted:
        if not _said(said, text, request.language):
            continue
        for field in names:
            have = [t for t in types if t in counts.get(field, {})]
            if have:
                include = {k: v for k, v in request.include.items() if k != "season"}  # the need says the season
                include[field] = have
                return request.model_copy(update={"intent": "recommend", "include": include, "show_now": True,
                                                  "answered": None})
    return request


#: The most kinds a broader type read may span for a sport to narrow it to its kinds ("headphones": five kinds).
_NARROWED_AT_MOST = 12


@lru_cache(maxsize=1)
def _sport() -> tuple[dict[str, re.Pattern[str]], frozenset[str]]:
    from chatrec.hobbies import _DATA as HOBBIES

    entry = next(h for h in table(HOBBIES)["hobbies"] if h["name"] == "fitness")
    data = table(_DATA)  # stop 61: the outdoors need too ("shoes for hiking"), and clothes for a sport
    outdoors = next(n for n in data["needs"] if n["name"] == "outdoors")
    return ({lang: re.compile(f"(?:{entry['said'][lang]})|(?:{outdoors['said'][lang]})") for lang in _LANGUAGES},
            frozenset([*entry["types"], *data["sport_types"], *outdoors["types"]]))


def sport_use(request: ShopperRequest, message: str, vocabulary: Any) -> ShopperRequest:
    """The product types read narrowed to the kinds for a sport, when the message names a sport and a product (the
    turn calls it, and marks the kinds it adds as inferred: the labelled sets read the department said)."""
    if vocabulary is None or request.intent not in ("recommend", "refine", "answer"):
        return request
    said, kinds = _sport()
    if not _said(said, folded(message), request.language):
        return request
    names = _type_names(vocabulary)
    include = dict(request.include)
    for name in names:
        values: Sequence[str] = include.get(name, ())
        both = [v for v in values if v in kinds]
        if both and len(both) < len(values):
            include[name] = both
    if not include.get("category"):  # a broader type read ("headphones": a department of five kinds)
        broad = {(n, str(v)) for n in names if n != "category" for v in include.get(n, ())}
        items = getattr(vocabulary, "_typed_items", None) or []
        within = {str(i.category) for i in items if any(str((i.attributes or {}).get(n)) == v for n, v in broad)}
        inside = sorted(within & kinds)
        # stop 66: a whole section of the shop ("gym clothes": Apparel, some 50 kinds) is no product to narrow: its
        # sports kinds of the need for the outdoors ("Rain Jacket") left out the T-shirts and shorts
        if inside and len(within) <= _NARROWED_AT_MOST:
            include["category"] = inside
    return request if include == request.include else request.model_copy(update={"include": include})
