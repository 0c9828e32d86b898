"""A product said in two words whose last word alone heads other products of the shop (issue 12, stop 51).

"a washing machine for a family of 4" on a shop that files coffee, espresso and sewing machines: "machine" was
read as those three types, and the reply showed a lint remover "for Washing Machine" as "the type and feature
you asked for". A washing machine is another product than a coffee machine: when the two words are a known
name of a product (``chatrec/data/compound_products.json``) and none of the types the last word matched has
the first word, :func:`other_product` tells the reader to read no type from the last word; when no item's name
says the two words as what the item is, :func:`unsold_compound` gives the name for the reply to say the shop
has none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from chatrec.grounding import singular

__all__ = ["compounds", "other_product", "unsold_compound"]

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def compounds() -> frozenset[tuple[str, str]]:
    """The known two-word product names, singular ("washing", "machine")."""
    listed = json.loads((_DATA / "compound_products.json").read_text(encoding="utf-8"))["compounds"]
    tables = json.loads((_DATA / "unsold_products.json").read_text(encoding="utf-8"))
    names = [*listed, *(english for key, table in tables.items() if not key.startswith("_") for english in table.values())]
    pairs = (name.lower().split() for name in names)
    return frozenset((first, singular(last)) for first, last, *rest in (p for p in pairs if len(p) == 2))


def _words(value: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", value)]


def other_product(modifier: str, head: str, values: Iterable[str]) -> bool:
    """Whether "``modifier`` ``head``" names a product other than the type values the head matched: a known
    two-word name, and every value names the head with other words ("DripCoffeeMachines" of "washing machine"),
    none with the modifier or a word it begins ("RoboticVacuums" of "robot vacuum" is one)."""
    if (modifier, singular(head)) not in compounds():
        return False
    for value in values:
        words = _words(value)
        if len(words) < 2 or any(w.startswith(modifier) or modifier.startswith(w) for w in words if len(w) > 2):
            return False
    return True


def unsold_compound(thing: str | None, titles: Callable[[], Iterable[str]]) -> str | None:
    """The two-word product ``thing`` ends with ("washing machine" of "washing machine"), when it is a known name
    and no item's name says it as what the item is (``titles``: the names of the shop's items); else None."""
    from chatrec.shopper_moves import titles_name_items

    words = re.findall(r"[a-z]+", (thing or "").lower())
    if len(words) < 2 or (words[-2], singular(words[-1])) not in compounds():
        return None
    return None if titles_name_items(words[-2:], titles()) else " ".join(words[-2:])
