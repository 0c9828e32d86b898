"""A wish said as what someone likes doing (issue 12, lead, stop 32): "a gift for my mum" then "she likes
listening to music, under 1000", "她喜欢听歌", "le encanta la música", "er zockt gern".

Shopping the electronics demo, each of these asked another category question (smart watches and laptop
sleeves for a mum who likes music), in every language. A shop assistant told what the person likes shows
things for it: headphones and speakers for music, gaming mice and pads for a gamer, a lamp for a reader,
blenders and scales for a cook. So a message that says someone likes a pastime (``likes`` and ``hobbies``
of ``data/hobbies.json``, per language), before any product type is wished and naming none, becomes a
search for the pastime's product types the catalogue has, shown at once, a few of each kind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded, table

__all__ = ["adjust", "hobbies_said"]

_DATA = str(Path(__file__).parent / "data" / "hobbies.json")
_LANGUAGES = ("en", "es", "de", "zh")


@lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, re.Pattern[str]], list[tuple[dict[str, re.Pattern[str]], list[str]]]]:
    data = table(_DATA)
    likes = {lang: re.compile(data["likes"][lang]) for lang in _LANGUAGES}
    hobbies = [({lang: re.compile(h["said"][lang]) for lang in _LANGUAGES}, list(h["types"])) for h in data["hobbies"]]
    return likes, hobbies


def hobbies_said(message: str, language: str) -> list[str]:
    """The product types of the pastimes the message says someone likes (in the table's order), none when it
    says no liking or no pastime."""
    likes, hobbies = _compiled()
    text = folded(message)
    languages = [language] if language in _LANGUAGES else []
    languages += [lang for lang in ("en",) if lang not in languages]  # "gaming", "gym" said in any language
    if not any(likes[lang].search(text) for lang in languages):
        return []
    return list(dict.fromkeys(t for said, types in hobbies if any(said[lang].search(text) for lang in languages)
                              for t in types))


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request as a search for the pastime's products (see the module docstring), or unchanged."""
    from chatrec.understanding import type_fields

    if vocabulary is None or request.intent not in ("recommend", "refine", "answer", "chitchat") or request.references:
        return request
    types = ["category", *type_fields(list(vocabulary.fields))]
    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    if any(request.include.get(n) or request.exclude.get(n) or current.get(n) for n in types):
        return request  # a product named, or searched already: the pastime is the story around it
    wanted = hobbies_said(message, request.language)
    if not wanted:
        return request
    counts = getattr(vocabulary, "counts", {})
    for name in types:
        have = [t for t in wanted if t in counts.get(name, {})]
        if have:
            return request.model_copy(update={"intent": "recommend", "include": {**request.include, name: have},
                                              "show_now": True, "answered": None})
    return request
