""""Show me the LG ones": a value the shopper wants to see, not items pointed at (issue 12, i12af, batch 11).

While items are shown, "the blue ones" or "the LG ones" can point at shown items ("is the blue one
cotton?") or ask to see items of that value. With a verb of seeing or wanting ("show me the blue ones
then", "let's see the LG ones", "I'd rather have the black ones") the shopper asks for a search by
the value: the brand or colour becomes a wish in force (replacing the one before on that attribute)
and items are shown, never more items "like" the pointed one that do not have it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["as_value_search", "asks_for_value_ones"]

#: A verb of seeing or wanting, then "the <value> ones" (the value read separately).
_SHOW_ONES = re.compile(
    r"\b(?:show(?: me| us)?|see|give me|let'?s (?:see|have|look at)|i'?d (?:rather|prefer|like)(?: to see| to have)?|"
    r"i (?:want|prefer|would like)|go (?:for|with)|how about|what about|only)\b[^.?!]*?\b(?:the|those) "
    r"(?:[\w&+-]+ ){1,3}ones\b"
    r"|\bzeig(?:e|en sie)?(?: mir| uns)? (?:die|nur die) (?:[\w&+-]+ ){1,3}(?:an\b|$)"
    r"|\b(?:muéstrame|muestrame|enséñame|ensename|quiero ver|prefiero) (?:los|las|solo los|solo las) (?:[\w&+-]+ ){0,2}[\w&+-]+",
    re.IGNORECASE,
)
#: Asking for more like an item, or about it: the pointing reading stands.
_LIKE = re.compile(r"\b(?:like|similar|same as|as the|than)\b|\b(?:is|are|does|do|has|have)\b.*\?", re.IGNORECASE)


def asks_for_value_ones(
    heard: Any, message: str, read: Callable[[str], Any], fields: Iterable[str],
) -> Any:
    """The request as a search by the value when the message asks to see "the <value> ones" and the
    rules read it as pointing at shown items; the request unchanged otherwise.

    ``read`` reads the message with nothing shown (its ``include`` holds the values it names);
    ``fields`` are the attributes a value may come from (brand, colour, ...: never the product type,
    which "the jeans ones" does not change).
    """
    if not _SHOW_ONES.search(message) or _LIKE.search(message):
        return heard
    return as_value_search(heard, message, read, fields)


def as_value_search(heard: Any, message: str, read: Callable[[str], Any], fields: Iterable[str]) -> Any:
    """The request, read as pointing at shown items by an attribute, as a search by the values the message
    names in ``fields`` (read with nothing shown by ``read``); unchanged when it points otherwise or names
    no such value."""
    if heard.intent != "more_like" or not heard.references or any(r.how != "attribute" for r in heard.references):
        return heard
    wanted = set(fields)
    values = {name: list(found) for name, found in read(message).include.items() if name in wanted and found}
    if not values:
        return heard
    return heard.model_copy(update={
        "intent": "refine", "references": [], "show_now": True, "include": {**heard.include, **values},
    })
