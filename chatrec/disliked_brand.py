"""A make the shopper (or the person shopped for) has and dislikes is turned down (issue 12, lead, stop 30).

"I want a new phone for my mum ... she already has a samsung, doesnt like it" showed five Samsung
phones, each "the brand you asked for": the make was read as wished because it was named, and the
dislike said after it was lost. A make named after "has/had/owns/got/bought/tried (a)" and disliked in
the same sentence ("doesn't like it", "hates it", "was rubbish"; "有个三星，不喜欢", "tiene un Samsung y
no le gusta", "hat ein Samsung und mag es nicht") is read as "not <make>" by the rules themselves, and
only when that reading turns down a value of the catalogue's make field (a product type or a colour
said so is left alone).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from chatrec.request import ShopperRequest

__all__ = ["adjust"]

_HAS = {
    "en": r"\b(?:has|had|have|owns?|owned|got|bought|tried|uses?|used)\s+(?:a|an|the|one|some|this)?\s*(?P<make>[a-z0-9][\w-]*)",
    "es": r"\b(?:tiene|tenia|tenía|tengo|tuvo|tuve|uso|usa|compre|compré|compro|compró)\s+(?:un|una|el|la)?\s*(?P<make>[a-z0-9][\w-]*)",
    "de": r"\b(?:hat|hatte|habe|hab|besitzt|benutzt|kaufte|gekauft)\s+(?:ein|eine|einen|das|den|die)?\s*(?P<make>[a-z0-9][\w-]*)",
    "zh": r"(?:有|买过|用过|用的是|用着)(?:一?[个部台款只])?(?P<make>[a-z0-9]+|[\u4e00-\u9fff]{2,3}?)(?=[的，,。\s]|手机|$)",
}
_DISLIKE = {
    "en": r"\b(?:(?:does|did|do)(?:n'?t| not)|never)\s+(?:really\s+)?(?:like|liked|love|want|enjoy|rate)\b|\bhat(?:es|ed)\b"
          r"|\bdislike[sd]?\b|\b(?:is|was|were|are)\s+(?:rubbish|bad|terrible|crap|awful|useless|junk|trash)\b",
    "es": r"\bno le gusta(?:ba)?\b|\bno me gusta(?:ba)?\b|\bodia\b|\bodio\b|\bes (?:malo|mala|fatal|una porqueria)\b",
    "de": r"\bmag (?:es|ihn|sie|das)? ?(?:gar )?nicht\b|\bhasst\b|\b(?:ist|war) (?:schlecht|mist|doof|furchtbar)\b"
          r"|\bgefallt (?:ihr|ihm|mir) nicht\b",
    "zh": r"不喜欢|讨厌|不好用|很难用|不满意|很烂",
}


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any,
           reread: Callable[[str], ShopperRequest] | None = None) -> ShopperRequest:
    """The request with a make the shopper has and dislikes turned down (see the module docstring)."""
    if reread is None or request.intent not in ("recommend", "refine", "answer", "chitchat"):
        return request
    from chatrec.word_tables import folded

    text = folded(message)
    for language in dict.fromkeys([request.language, "en"]):
        has, dislike = _HAS.get(language), _DISLIKE.get(language)
        if has is None or dislike is None:
            continue
        for sentence in re.split(r"[.!?;。！？；]", text):
            said = re.search(has, sentence)
            if said is None or not re.search(dislike, sentence[said.end():]):
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
