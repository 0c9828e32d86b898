"""An outfit is several kinds of things (issue 12, lead, stop 31).

"need an outfit for a job interview, I'm a guy" showed five pairs of formal shoes: the search read the
occasion and the audience, and the nearest items happened to be of one type. When the shopper asks for
an outfit or a look (``data/outfit_words.json``, four languages) and no product type is wished, the list
takes the product types in turns (the best of each type first, in the retrieval's order), so the first
suggestions are a shirt, trousers and shoes rather than one of them five times. Nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from chatrec.word_tables import folded, pattern

__all__ = ["asks_outfit", "mixed"]

_TABLE = str(Path(__file__).parent / "data" / "outfit_words.json")
_T = TypeVar("_T")


def asks_outfit(message: str) -> bool:
    """Whether the message asks for a whole outfit or look, in any of the shop's languages."""
    text = folded(message)
    language = "zh" if re.search(r"[\u3400-\u9fff]", text) else None
    names = [language] if language else ["en", "es", "de"]
    return any(p is not None and p.search(text) for p in (pattern(_TABLE, "outfit", name) for name in names))


def mixed(candidates: Sequence[_T], text: str, include: Mapping[str, Sequence[str]],
          type_names: Sequence[str]) -> list[_T]:
    """The candidates with their product types taken in turns when ``text`` asks for an outfit and no
    product type is wished (``include`` holds none of ``type_names``); else unchanged."""
    if any(include.get(name) for name in type_names) or not asks_outfit(text):
        return list(candidates)
    groups: dict[str, list[_T]] = {}
    for candidate in candidates:
        item: Any = getattr(candidate, "item", candidate)
        attributes = getattr(item, "attributes", None) or {}
        kind = "|".join(  # the finest type the item has, with the coarser ones
            str(getattr(item, "category", "") or "") if name == "category" else str(attributes.get(name) or "")
            for name in type_names)
        groups.setdefault(kind, []).append(candidate)
    if len(groups) < 2:
        return list(candidates)
    out: list[_T] = []
    for turn in range(max(len(g) for g in groups.values())):
        out.extend(g[turn] for g in groups.values() if turn < len(g))
    return out
