"""A shown item asked for in another colour (lead, found in the UI): "die zweite gefällt mir, gibt es die auch
in braun?", "does the second one come in brown?", "I like the second one, is there one like it in brown?".

Read as a question about the item, the reply said only "No: the catalogue lists it as Black, not brown"
and showed nothing. A shop assistant says that and shows the closest items in brown: the answer stays
the first words of the reply and the turn searches for items like that one in the colour asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["colours_named", "version_wanted"]


def colours_named(message: str, counts: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """The catalogue's colour values a message names as written ("does the second one come in brown?" ->
    Brown), per colour field; the words of a pointing question are read as no search, so the reading
    alone has none."""
    text = message.lower()
    found: dict[str, list[str]] = {}
    for field, values in counts.items():
        if "colo" not in field.lower():
            continue
        named = [str(v) for v in values if str(v).strip() and re.search(rf"\b{re.escape(str(v).lower())}\b", text)]
        if named:
            found[field] = named
    return found


def version_wanted(heard: Any, item: Any, plain_include: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The colour values a question about one shown item asks for that the item is not listed as (field to
    values), read from the message without the items shown (``plain_include``); empty when the question
    asks no colour, or one the item has.

    Args:
        heard: The request, a question about one shown item.
        item: That item.
        plain_include: The values the message names when read as a search.
    """
    if heard.intent != "ask_about_item" or len(heard.references) != 1:
        return {}
    wanted: dict[str, list[str]] = {}
    for field, values in plain_include.items():
        if "colo" not in field.lower() or not values:
            continue
        own = str(item.field_value(field) or "")
        if own and own not in values:
            wanted[field] = list(values)
    return wanted
