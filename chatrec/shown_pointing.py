"""Shown items pointed at by place, as "the other", or by a figure of their titles (issue 12, shopping gaps round 6, i12al).

Found shopping the demos; each class is corrected by reading the message again, never by a list of sentences:

- "first vs last", "second versus the last one", "last vs first?": a comparison of the two places, the
  last being the last item shown (the rules read "first vs" and lost "last" after "vs");
- "the first is too pricey, what about the other one?", "der erste gefällt mir nicht, den anderen
  bitte", "el primero no me gusta, el otro", "第一个太贵了，另一个呢": with two items shown, "the other"
  is the one not named in the same message (the rules knew only the one named in the turn before);
- "the 1.78 inch one", "the 5000 mAh one", "the 43 inch", "el de 1,69", "1.69寸的那个" with no question:
  the shown item(s) whose title states the figure, when some but not all do (a question was read so by
  :func:`chatrec.pointed_again.by_figure`); not a new search of every item of that size.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from chatrec.request import ItemReference, ShopperRequest

__all__ = ["adjust", "by_figure_alone"]

_FAR = 99  # "the last" maps to it when the list length is unknown

#: "vs", "versus", "v", "or", "against", "compared to": two places set against each other.
_VERSUS = re.compile(r"\b(?:vs\.?|versus|v\.?|against|compared (?:to|with))(?=\s)", re.IGNORECASE)

#: "the other", "den anderen", "das andere", "el otro", "la otra", "另一个", "另外那个" (one item, not "others").
_OTHER = re.compile(r"\bthe other(?: one| item| option)?\b(?!s)|\b(?:de[nrm]|das|die) andere[nrs]?\b|\bandere[nrs]?\b"
                    r"|\b(?:el|la|lo) otr[oa]\b|另一[个款件台只双]?|另外(?:那|一)?[个款件台只双]?", re.IGNORECASE)
#: Where a message's clauses part: "the first is too pricey, what about the other one?"
_CLAUSES = re.compile(r"[,;.!?，。；！？]|\s(?:but|aber|pero)\s|但是?|可是")


def _ref(position: int, shown: Sequence[Any], how: str = "position") -> ItemReference:
    return ItemReference(position=position, item_id=str(getattr(shown[position - 1], "id", "")) or None, how=how)


def _first_vs_last(request: ShopperRequest, message: str, shown: Sequence[Any]) -> ShopperRequest:
    """"first vs last": the two places compared, the last one being the number of items shown."""
    from chatrec.answers import find_reference

    if request.intent not in ("compare", "ask_about_item", "more_like", "chitchat") or len(shown) < 3 \
            or not _VERSUS.search(message):
        return request
    found = find_reference(message, len(shown), request.language) or []
    places = [p for p in dict.fromkeys(found) if 1 <= p <= len(shown)]
    if len(places) != 2 or len(found) == len(shown):
        return request
    if request.intent == "compare" and sorted(r.position for r in request.references) == sorted(places):
        return request
    return request.model_copy(update={"intent": "compare", "references": [_ref(p, shown) for p in places], "query": "",
                                      "include": {}, "exclude": {}, "show_now": False})


def _the_other_of_the_named(request: ShopperRequest, message: str, context: Any,
                            read: Callable[[str, Any], ShopperRequest]) -> ShopperRequest:
    """"the first is too pricey, what about the other one?": the clause with "the other" read again,
    the item named in the message's other clauses being the one pointed at last."""
    from chatrec.answers import find_reference

    shown = list(getattr(context, "shown", ()) or ())
    if len(shown) != 2 or not _OTHER.search(message) or request.intent in ("start_over", "off_topic"):
        return request
    clauses = [c for c in _CLAUSES.split(message) if c and c.strip()]
    with_other = [c for c in clauses if _OTHER.search(c)]
    rest = " , ".join(c for c in clauses if not _OTHER.search(c))
    if len(clauses) < 2 or not with_other or not rest:
        return request
    found = find_reference(rest, _FAR, request.language) or []
    named = sorted({p for p in found if p in (1, 2)})
    if len(named) != 1 or len(found) == _FAR:
        return request
    again = read(with_other[-1], replace(context, last_references=named))
    others = [r for r in again.references if r.how == "other"]
    if not others or [r.position for r in others] == named:
        return request
    intent = again.intent if again.intent in ("ask_about_item", "more_like", "compare") else "more_like"
    if request.intent == intent and [r.position for r in request.references] == [r.position for r in others]:
        return request
    return again.model_copy(update={"intent": intent, "references": others, "language": request.language})


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request with the places of the module docstring's first two classes read (see there).

    Args:
        request: The request of the rules so far.
        message: The message as the rules read it.
        context: The :class:`~chatrec.understanding.TurnContext` of the turn.
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher`.

    Returns:
        The request, changed only in those classes.
    """
    shown = list(getattr(context, "shown", ()) or ())
    if not shown:
        return request
    from chatrec.understanding import understand

    request = _first_vs_last(request, message, shown)
    return _the_other_of_the_named(request, message, context, lambda text, ctx: understand(text, vocabulary, ctx))


#: A message that only names a figure: "the 43 inch", "ok the 1.78 inch one please", "el de 1,69", "das mit 5000 mAh".
_ALONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|then|yes|yeah|hmm+|vale|bueno|y|und|also|dann|ja)\W+)*"
    r"(?:(?:i'?ll take|i want|i'd like|give me|show me|me quedo con|quiero|ich nehme|ich will|nehme)\s+)?"
    r"(?:the|that|this|el|la|lo|los|las|der|die|das|den|dem)?\s*(?:de\s+|mit\s+(?:den\s+|dem\s+)?)?"
    r"(?P<figure>[\d.,]+\s*-?\s*[^\W\d_]*\"?)\s*"
    r"(?:one|ones|model|version|variant|uno|una|modelo|ding|modell|variante|的?(?:那个|那款|那台|那只|这个|这款))?"
    r"\s*(?:please|pls|then|por favor|bitte|吧)?\W*$",
    re.IGNORECASE,
)


def by_figure_alone(heard: ShopperRequest, message: str, shown: Sequence[Any]) -> ShopperRequest:
    """"the 1.78 inch one" with no question: the shown items whose titles state the figure, when some but
    not all do, as items pointed at (:func:`chatrec.pointed_again.by_figure` reads questions so)."""
    from chatrec.pointed_again import _figure

    if heard.intent not in ("recommend", "refine", "more_like", "chitchat") or len(shown) < 2:
        return heard
    if heard.include or heard.exclude or heard.price is not None or heard.relative_price:
        return heard
    alone = _ALONE.match(message.strip())
    if alone is None:
        return heard
    for found in _figure().finditer(alone.group("figure")):
        figure = (found.group("dec") or found.group("whole")).replace(",", ".")
        stated = re.compile(rf"(?<![\d.,]){re.escape(figure)}(?![\d])")
        hits = [p for p, item in enumerate(shown, start=1)
                if stated.search(str(getattr(item, "title", "") or "").replace(",", "."))]
        if 1 <= len(hits) < len(shown):
            return heard.model_copy(update={"intent": "more_like", "references": [_ref(p, shown, "title") for p in hits],
                                            "show_now": True})
    return heard
