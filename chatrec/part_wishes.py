"""A part asked of the product in hand is no new product (issue 12, stop 52).

Laptops shown, "any with a backlit keyboard?" showed keyboards: "keyboard" is a product type of the
shop, so the rules read it as a new product. Men's watches shown, "any with a metal strap?" was read as
a question about no shown item, and the reply said "This shop sells no with a metal strap". A shopper
who asks for "any" / "one" / "something" *with* a thing, naming no product before "with", asks for the
product in hand with that part or feature: the product type in force stays, and the words after "with"
are what the items should say. Only while a product type is in force (a cold "something with a camera"
still reads the camera as the product) and only for English; "does any of them have ..." stays a
question about the items shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from chatrec.reason_words import COMPARATIVES
from chatrec.request import ShopperRequest

__all__ = ["adjust", "part_asked"]

#: "any with ...", "do you have one with ...", "something that has ...", "ones having ...": no product named before.
_WITH_ONLY = re.compile(
    r"^\W*(?:(?:and|also|ok|okay|hmm|so|well|what about|how about)\W+)*"
    r"(?:(?:do you have|have you got|you got|got|is there|are there|show me|i want|i need|i'd like|id like)\s+)?"
    r"(?:any|anything|any ones?|one|ones|something|some|any models?|a model|models?|the ones?|those)\s+"
    r"(?:with|w/|that has|that have|which has|which have|having|that comes? with|which comes? with)\s+(?P<part>.+)$",
    re.IGNORECASE)


#: "one with a bigger screen", "any with more storage": more of a spec than the items shown have.
_COMPARATIVE = re.compile(rf"(?:(?:a|an|the)\s+)?(?:{'|'.join((*COMPARATIVES, 'fewer', 'worse', 'cheaper', 'newer'))})\b",
                          re.IGNORECASE)


def part_asked(message: str) -> str | None:
    """The part or feature a message asks of the product in hand ("any with a metal strap?" -> "a metal
    strap"), or None when the message names a product before "with" or asks no such thing."""
    found = _WITH_ONLY.match(message.strip())
    if found is None:
        return None
    part = re.sub(r"[\s?!.]+$", "", found.group("part")).strip()
    if _COMPARATIVE.match(part):
        return None  # "one with a bigger screen": more of a spec than the items shown have, searched as such
    return part or None


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request with the product type in force kept (see the module docstring)."""
    from chatrec.understanding import type_fields

    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    if request.language != "en" or vocabulary is None or part_asked(message) is None:
        return request
    types = set(type_fields(vocabulary.fields)) | {"category"}
    if not any(current.get(name) for name in types):
        return request
    # a wish for the items in hand, not a new product or a question about one shown
    asked = request.intent == "recommend" or (request.intent == "ask_about_item" and not request.references)
    return request.model_copy(update={
        "intent": "refine" if asked else request.intent,
        "include": {name: values for name, values in request.include.items() if name not in types},
        "show_now": True,  # "any with a collar?": the items, not a question about their colour
    })
