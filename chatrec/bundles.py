"""Two products asked for together (issue 12, branch i12o): "a smart tv and an hdmi cable", "a formal
shirt and shoes to go with it". Each is shown in the same reply.

A bundle names product types joined by "and" / "plus" / "with": either two values of one type field
(``category``: HDMICables and SmartTelevisions, searched together already) or values of two type fields
(``articleType`` Shirts, ``subCategory`` Shoes), which no item has at once: the broader value is then
written as the narrower field's values its items have (Shoes -> Casual/Formal/Sports Shoes...), so one
search finds both. :func:`interleave` takes the candidates in turn from each product type so that each
is in the list.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

__all__ = ["as_one_field", "interleave", "is_bundle", "next_piece"]

_JOINED = re.compile(r"\b(?:and|plus|along with|together with|y|und)\b|[+&和]", re.IGNORECASE)


def is_bundle(message: str, include: Mapping[str, Sequence[str]], types: Sequence[str],
              narrowed: Mapping[str, Collection[str]] | None = None) -> bool:
    """True when the message asks for two or more product types together ("a tv and a wall mount").

    ``narrowed`` holds the types one word of the shopper's was narrowed to ("headphones": in-ear,
    over-ear... headsets): one product, however many values, so "he goes to college and needs
    headphones" is no bundle."""
    narrowed = narrowed or {}
    values = [v for name in types for v in include.get(name, ()) if v not in narrowed.get(name, ())]
    return len(values) >= 2 and _JOINED.search(message) is not None


def as_one_field(include: Mapping[str, Sequence[str]], types: Sequence[str], items: Sequence[Any]) -> dict[str, list[str]]:
    """The wishes with the product types of a bundle in one field: a broader type value (Shoes) becomes the
    narrower field's values its items have, so that the types are alternatives, not all at once."""
    named = [name for name in types if include.get(name)]
    if len(named) < 2:
        return {name: list(values) for name, values in include.items()}

    def spread(name: str) -> int:
        return len({str(item.field_value(name)) for item in items if item.field_value(name) is not None})

    narrow = max(named, key=spread)
    wanted = set(include[narrow])
    merged = {name: list(values) for name, values in include.items() if name not in named or name == narrow}
    for name in named:
        if name == narrow:
            continue
        allowed = set(include[name])
        wanted |= {str(v) for item in items if str(item.field_value(name)) in allowed
                   and (v := item.field_value(narrow)) is not None}
    merged[narrow] = sorted(wanted)
    return merged


def interleave(candidates: Sequence[Any], field: str) -> list[Any]:
    """The candidates taken in turn from each value of ``field`` (in the order each first appears)."""
    groups: dict[str, list[Any]] = {}
    for candidate in candidates:
        groups.setdefault(str(candidate.item.field_value(field)), []).append(candidate)
    order: list[Any] = []
    queues = list(groups.values())
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    return order


def next_piece(heard: Any, current: Mapping[str, Sequence[str]], types: Sequence[str]) -> Any:
    """ "and a belt" after several product types were shown together: the belt, not the belt added to
    them (the rules read "and X" as one more value of the types in force)."""
    if heard.intent not in ("recommend", "refine"):
        return heard
    include = dict(heard.include)
    for name in types:
        before, now = set(current.get(name, ())), set(include.get(name, ()))
        if len(before) >= 2 and before < now:
            include[name] = sorted(now - before)
    return heard if include == heard.include else heard.model_copy(update={"include": include})
