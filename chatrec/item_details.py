"""The details of a shown item asked for, in every language (issue 12, stop 57).

Kurtas shown, "más detalles del primero", "mehr Infos zum ersten" and "第一个的详细信息" were read as "more like the
first" ("más", "mehr": more) and showed other kurtas; "details of the third" asked about a word "details" the
catalogue does not use. A message that points at a shown item and asks for its details, information or specs
(``data/item_details.json``) asks about that item (:func:`adjust`); "more like the first" stays a search.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.word_tables import folded, table

__all__ = ["adjust", "asks_details"]

_DATA = str(Path(__file__).parent / "data" / "item_details.json")


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = table(_DATA)
    return (re.compile("|".join(f"(?:{source})" for source in words["details"].values())),
            re.compile(words["more_like"]))


def asks_details(message: str) -> bool:
    """Whether the message asks for an item's details ("details of the third", "详细信息"), not for more like it."""
    details, more_like = _compiled()
    text = folded(message)
    return bool(details.search(text)) and not more_like.search(text)


def adjust(request: Any, message: str) -> Any:
    """A request pointing at shown items that asks for their details asks about them (``ask_about_item``), with
    nothing to search."""
    if not request.references or request.intent not in ("more_like", "refine", "recommend") or not asks_details(message):
        return request
    return request.model_copy(update={"intent": "ask_about_item", "include": {}, "exclude": {}, "show_now": False})
