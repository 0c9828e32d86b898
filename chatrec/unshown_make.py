"""A make named beside a shown item in a comparison, though none of its items was shown (lead, found in the
UI): "the samsung or the lg, which is better?" after five TVs, none by LG.

The question points at the Samsung by its name and the LG at nothing, so the answer compared the Samsung
with itself ("I have shown you only one item"). A shop assistant fetches the LG that fits best, the one of
that make of the same kind as the item it is set against (the most rated first), puts it beside the others
and says it had not been shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["asks_for_make", "unshown_rival"]

#: "any from van heusen?", "anything by Arrow", "do you have any from boAt?": items of a make asked for.
_ANY_FROM = re.compile(r"^\W*(?:and\s+|what about\s+|how about\s+|do you have\s+|have you got\s+|got\s+)?"
                       r"(?:any|anything|something|some|ones?)\s+(?:from|by)\s+(?P<make>[\w'.& -]{2,30}?)\W*$",
                       re.IGNORECASE)


def asks_for_make(heard: Any, message: str, shown: Sequence[Any], brands: Iterable[str]) -> Any:
    """"Any from van heusen?" after items none of which is of that make: a search for that make's items
    (the make's catalogue value as a wish where the catalogue has a brand field, else its words), not a
    question whether a shown item is from it. The request unchanged otherwise."""
    found = _ANY_FROM.match(message.strip())
    if found is None or heard.intent not in ("ask_about_item", "compare") or not shown:
        return heard
    make = found.group("make").strip().casefold()
    if any(str(getattr(i, "title", "")).casefold().startswith(make) or str(getattr(i, "brand", "") or "").casefold() == make
           for i in shown):
        return heard  # "any from arrow?" over Arrow shirts asks which of them
    value = next((b for b in brands if b and b.casefold() == make), None)
    include = {**heard.include, "brand": [value]} if value else dict(heard.include)
    return heard.model_copy(update={"intent": "refine", "references": [], "include": include, "query": make,
                                    "show_now": True})


def _works_with(message: str, make: str) -> bool:
    """Whether the message names the make as what the item goes with ("work with samsung", "compatible with a
    samsung phone", "does it fit my samsung?"), not as another item's make ("how does it compare with the lg?")."""
    lowered = message.casefold()
    if re.search(r"(?:适用于|适合|能用于|可以用于|能给|可以给|支持|兼容)\s*" + re.escape(make), lowered):
        return True  # stop 60: "适用于iphone吗"
    return bool(
        re.search(r"\b(?:work|works|working|compatible|compatibility|fit|fits|support|supports|pair|pairs|connect|"
                  r"connects|charge|charges|use|used|plug|sirve|sirven|funciona|funcionan|compatibles?|vale|"
                  r"passt|passen|funktioniert|funktionieren|kompatibel|geeignet)\b", lowered)
        # stop 60: "¿el primero sirve para un iphone?", "passt das für mein iPhone?"
        and re.search(rf"\b(?:with|for|on|fit|fits|para|con|f(?:ü|u)r|mit|zu|zum)\s+(?:(?:my|a|an|your|our|the|mi|un|una|"
                      rf"el|la|mein|meine|meinen|ein|einen|das|den)\s+)?{re.escape(make)}\b", lowered)
    )


def unshown_rival(query: str, items: Sequence[Any], brands: Iterable[str], catalogue: Iterable[Any],
                  type_fields: Sequence[str], message: str = "") -> Any | None:
    """The item of a make the shopper's words name ("lg"), of the same kind as the first item pointed at,
    when no pointed item is of that make: the one sharing most of its specs ("43 inches"), then the most
    rated; else None.

    Args:
        query: The words of the question left after the items pointed at were read ("lg better").
        items: The shown items the question points at.
        brands: The catalogue's makes.
        catalogue: Every catalogue item.
        type_fields: The fields that say an item's kind (besides its category).
    """
    if not items:
        return None
    from chatrec.specs import feature_spellings

    # stop 60: "noise" of "noise cancellation" ("有降噪吗": noise cancelling) is a feature's word, not the make Noise
    featured = {w for spelt in feature_spellings(query).values() for w in re.findall(r"[\w-]+", spelt.casefold())}
    words = set(re.findall(r"[\w-]+", query.casefold())) - featured
    had = {str(getattr(i, "brand", "") or "").casefold() for i in items}
    named = [b for b in brands if b and b.casefold() in words and b.casefold() not in had and len(b) > 1]
    if len(named) != 1:
        return None
    make, first = named[0].casefold(), items[0]
    if _works_with(message, make):
        return None  # stop 54: "does the second one work with samsung too?" asks of it, not for a Samsung charger

    def kind(item: Any) -> tuple[Any, ...]:
        return (item.category, *(item.field_value(f) for f in type_fields))

    same = [i for i in catalogue if str(i.brand or "").casefold() == make and kind(i) == kind(first)]
    if not same:
        return None

    def rated(item: Any) -> float:
        value = item.field_value("rating_count")
        try:
            return float(str(value).replace(",", "")) if value is not None else 0.0
        except ValueError:
            return 0.0

    from chatrec.specs import specs

    sizes = specs(first.title)  # a 43-inch LG beside a 43-inch Samsung, before a more rated 32-inch one
    return max(same, key=lambda item: (len(specs(item.title) & sizes), rated(item)))
