"""A make the shopper (or the person shopped for) has and dislikes is turned down (issue 12, lead, stop 30).

"I want a new phone for my mum ... she already has a samsung, doesnt like it" showed five Samsung
phones, each "the brand you asked for": the make was read as wished because it was named, and the
dislike said after it was lost. A make named after "has/had/owns/got/bought/tried (a)" and disliked in
the same sentence ("doesn't like it", "hates it", "was rubbish"; "有个三星，不喜欢", "tiene un Samsung y
no le gusta", "hat ein Samsung und mag es nicht") is read as "not <make>" by the rules themselves, and
only when that reading turns down a value of the catalogue's make field (a product type or a colour
said so is left alone). The patterns per language are in ``chatrec/data/disliked_brand.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables
from chatrec.request import ShopperRequest

__all__ = ["adjust"]

_DATA = str(Path(__file__).with_name("data") / "disliked_brand.json")


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any,
           reread: Callable[[str], ShopperRequest] | None = None) -> ShopperRequest:
    """The request with a make the shopper has and dislikes turned down (see the module docstring)."""
    if reread is None or request.intent not in ("recommend", "refine", "answer", "chitchat"):
        return request
    text = word_tables.folded(message)
    for language in dict.fromkeys([request.language, "en"]):
        has, dislike = word_tables.pattern(_DATA, "has", language), word_tables.pattern(_DATA, "dislike", language)
        if has is None or dislike is None:
            continue
        for sentence in re.split(r"[.!?;。！？；]", text):
            said = has.search(sentence)
            if said is None or not dislike.search(sentence[said.end():]):
                continue
            make = said.group("make")
            turned = reread(f"not {make}" if language != "zh" else f"不要{make}")
            fields = [f for f in turned.exclude if re.search(r"brand|make|manufacturer|marke", f, re.IGNORECASE)]
            if not fields:
                continue
            return _turned_down(request, {f: turned.exclude[f] for f in fields}, make, bool(getattr(context, "searching", False)))
    return request


def _turned_down(request: ShopperRequest, refused: dict[str, list[str]], make: str, searching: bool) -> ShopperRequest:
    include = {f: kept for f, values in request.include.items()
               for kept in [[v for v in values if v not in refused.get(f, [])]] if kept}
    exclude = {**request.exclude, **{f: list(dict.fromkeys([*request.exclude.get(f, []), *v])) for f, v in refused.items()}}
    query = " ".join(w for w in request.query.split() if w.lower() != make.lower())
    intent = request.intent if request.intent in ("recommend", "refine") else ("refine" if searching else "recommend")
    return request.model_copy(update={"include": include, "exclude": exclude, "query": query, "intent": intent})
