"""A colour turned down is turned down in two-colour items too (issue 12, shopping gaps round 4).

"Not white" after men's casual shoes excluded the items whose colour field is White, and still
showed "Numero Uno Men's Casual White Black Leatherette Shoe" (colour field Black) or a shoe whose
colour is "Black/White": a shopper who said no to white sees white. :func:`without_refused` also
leaves out the items whose colour value names the refused colour as one of its colours or whose
title names it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["colour_fields", "without_refused"]

_COLOUR_FIELD = re.compile(r"colou?r", re.IGNORECASE)


def colour_fields(names: Sequence[str] | Mapping[str, Any]) -> list[str]:
    """The fields that hold a colour ("baseColour", "color")."""
    return [name for name in names if _COLOUR_FIELD.search(name)]


def _has_phrase(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(tuple(tokens[i:i + n]) == tuple(phrase) for i in range(len(tokens) - n + 1))


def _names(item: Any, field: str, phrase: Sequence[str]) -> bool:
    from chatrec.understanding import normalise_tokens

    value = str((getattr(item, "attributes", None) or {}).get(field) or "")
    # i12au: a title's first word is its brand ("Red Tape Men Grey Shoes", "Red Chief"), no colour
    return _has_phrase(normalise_tokens(value), phrase) or _has_phrase(normalise_tokens(str(getattr(item, "title", "")))[1:], phrase)


def without_refused(candidates: Sequence[Any], exclude: Mapping[str, Sequence[str]]) -> list[Any]:
    """The candidates with no refused colour in their colour value or title ("Black/White", "White Black Shoe").

    Args:
        candidates: Retrieved candidates (anything with an ``item``).
        exclude: The wishes turned down, by field (``DialogueState.exclude``).

    Returns:
        The candidates kept, in their order (none, when every one names a refused colour).
    """
    from chatrec.understanding import normalise_tokens

    refused = [(field, normalise_tokens(str(value))) for field in colour_fields(exclude) for value in exclude[field]]
    refused = [(field, phrase) for field, phrase in refused if phrase]
    if not refused:
        return list(candidates)
    return [c for c in candidates if not any(_names(c.item, field, phrase) for field, phrase in refused)]
