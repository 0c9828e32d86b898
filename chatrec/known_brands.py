"""A well-known brand asked for (issue 12, lead, stop 35): "only well known brands please", "are any of them
from a brand I'd know", "要名牌的", "de una marca conocida", "lieber eine bekannte Marke".

No catalogue field says a brand is well known, and the words are no feature a title states ("known"). What
the shop does know is how many buyers rated each brand's items: the brands most rated across the catalogue are
the ones shoppers know. :func:`asked` finds the wish; :func:`known_first` puts the items of the most-rated
brands first (the search and its filters stay) and names those brands, so the reply says what it did and why.
A catalogue with no rating counts ranks brands by how many items the shop carries of them; one with no brands
changes nothing.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Sequence
from typing import Any

__all__ = ["as_wish", "asked", "known", "known_first", "without_wish", "WORDS"]

_ASKED = re.compile(
    r"\b(?:well[- ]?known|known|premium|famous|reputable|trusted|reliable|big|major|proper|popular|recogni[sz]able|recogni[sz]ed|"
    r"name|good|top|decent|real)\s+(?:brands?|makers?|names?|companies)\b"
    r"|\bbrands?\s+(?:that\s+)?(?:i'?d|i would|i|people|everyone)\s+(?:know|recogni[sz]e|trust|have heard of)\b"
    r"|\bbranded\b|\bbrand[- ]name\b"
    r"|名牌|大牌|大品牌|知名品牌|知名的牌子|牌子货|有名的牌子|有名的品牌|靠谱的牌子|品牌货"
    r"|\bmarcas?\s+(?:conocidas?|reconocidas?|famosas?|buenas?|de confianza|de renombre)\b"
    r"|\b(?:bekannte[nrs]?|namhafte[nrs]?|gute[nrs]?|renommierte[nrs]?)\s+Marken?\b|\bMarken(?:ware|produkte?|hersteller)\b",
    re.IGNORECASE,
)
#: The English words of the wish, never a feature an item's title must state.
WORDS = frozenset({"known", "well known", "famous", "reputable", "trusted", "popular", "branded", "brand", "big",
                   "name", "recognised", "recognized", "only"})
#: How many of the catalogue's brands count as well known: the most-rated fifth, at least three.
_SHARE = 0.2
_tiers: weakref.WeakKeyDictionary[Any, tuple[frozenset[str], list[str]]] = weakref.WeakKeyDictionary()


def asked(message: str) -> bool:
    """Whether the message asks for a well-known brand."""
    return bool(_ASKED.search(message))


def without_wish(query: str) -> str:
    """The search words without the wish's own ("only well known brands please" searches nothing of it)."""
    return " ".join(w for w in query.split() if w.lower() not in WORDS | {"brands", "please", "id", "know", "them"})


def as_wish(heard: Any, message: str) -> Any:
    """The request of a message asking for well-known brands: its words searched without the wish's own, and a
    question about the shown items or words read as nothing ("要名牌的") made a refinement shown now."""
    if not asked(message):
        return heard
    heard = heard.model_copy(update={"query": without_wish(heard.query)})
    if heard.intent in ("chitchat", "ask_about_item", "compare", "answer") and not heard.include.get("brand"):
        heard = heard.model_copy(update={"intent": "refine", "show_now": True, "references": [], "answered": None})
    return heard


def _count(item: Any) -> float:
    value = (getattr(item, "attributes", None) or {}).get("rating_count")
    try:
        return float(str(value).replace(",", "")) if value not in (None, "") else 0.0
    except ValueError:
        return 0.0


def known(index: Any) -> tuple[frozenset[str], list[str]]:
    """The well-known brands of the index's catalogue (folded) and their names, most rated first."""
    if index in _tiers:
        return _tiers[index]
    items = list(getattr(index, "items", ()) or ())
    rated: dict[str, float] = {}
    carried: Counter[str] = Counter()
    spelt: dict[str, str] = {}
    for item in items:
        brand = str(getattr(item, "brand", "") or "").strip()
        if not brand:
            continue
        key = brand.casefold()
        spelt.setdefault(key, brand)
        rated[key] = rated.get(key, 0.0) + _count(item)
        carried[key] += 1
    by: dict[str, float] = rated if sum(rated.values()) > 0 else {b: float(n) for b, n in carried.items()}
    ordered = sorted(by, key=lambda b: -by[b])
    top = ordered[: max(3, int(len(ordered) * _SHARE))] if ordered else []
    found = (frozenset(top), [spelt[b] for b in top])
    try:
        _tiers[index] = found
    except TypeError:
        pass
    return found


def known_first(candidates: Sequence[Any], index: Any) -> tuple[list[Any], list[str]]:
    """The candidates with the well-known brands' items first (each group in its order), and the names of
    those brands among them, most rated first; the candidates unchanged and [] when the catalogue has no brands."""
    brands, names = known(index)
    if not brands:
        return list(candidates), []
    def is_known(c: Any) -> bool:
        return str(getattr(c.item, "brand", "") or "").strip().casefold() in brands
    ordered = sorted(candidates, key=lambda c: not is_known(c))
    among = {str(c.item.brand).strip().casefold() for c in ordered[:5] if is_known(c)}
    return ordered, [n for n in names if n.casefold() in among]
