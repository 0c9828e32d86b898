""""A bit over 1000" and its kin in every language (issue 12, shopping gaps round 6, i12al).

"a bit over 1000", "just over 2k", "slightly above 1500", "poco más de mil", "un poco más de 2000",
"etwas über 1000", "knapp über tausend", "预算一千出头": a budget just above the amount, not "1000 and
anything dearer" (the rules read "over 1000" as a lower bound only) nor "up to 1000" (the rules read
"预算一千出头" as "budget about 1000", which the conventions cap at the amount). The amount is the floor
and a fifth more the cap, as "about N" reaches 1.2N (``chatrec/eval/data/understanding.txt``); said as
the budget itself ("my budget is a bit over 1000", "预算一千出头"), only the cap.
"""

from __future__ import annotations

import re

from chatrec.request import PriceRange, ShopperRequest

__all__ = ["adjust"]

#: How far above the amount "a bit over" reaches: as far as "about" does.
ABOVE = 1.2

_NUMBER = r"(?:[\d][\d.,]*\s*k?|mil|tausend|[零〇一二两三四五六七八九十百千万]+)"
_A_BIT_OVER = re.compile(
    rf"\b(?:a (?:bit|little|tad)|just|slightly|only just|barely)\s+(?:over|above|more than)\s+(?:\$|₹|rs\.?\s*|€)?{_NUMBER}"
    rf"|\b(?:un )?poco m[aá]s de\s+(?:los\s+)?{_NUMBER}"
    rf"|\b(?:etwas|knapp|ein bisschen|bisschen|leicht)\s+(?:über|ueber|mehr als)\s+{_NUMBER}"
    rf"|{_NUMBER}\s*(?:块|元)?出头",
    re.IGNORECASE,
)
_HEDGES = frozenset({"bit", "little", "tad", "just", "slightly", "barely", "poco", "etwas", "etwa", "knapp", "bisschen", "leicht"})
_BUDGET = re.compile(r"\bbudget\b|\bpresupuesto\b|预算", re.IGNORECASE)


def adjust(request: ShopperRequest, message: str) -> ShopperRequest:
    """The price of a request whose budget was said as "a bit over N" (see the module doc)."""
    price = request.price
    if price is None or not _A_BIT_OVER.search(message):
        return request
    budget = _BUDGET.search(message) is not None
    if price.min is not None and price.max is None:
        low = price.min
    elif price.max is not None and price.min is None and budget:
        low = price.max  # "预算一千出头" was read "budget about 1000": up to 1000
    else:
        return request
    update = {"min": None if budget else low, "max": round(low * ABOVE, 2)}
    query = " ".join(w for w in request.query.split() if w not in _HEDGES)  # "bit", "poco": no search words
    return request.model_copy(update={"price": PriceRange.model_validate({**price.model_dump(), **update}), "query": query})
