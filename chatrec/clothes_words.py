"""Clothes said with no kind of clothes named are the shop's section of clothes (issue 12, stop 66).

"gym clothes for men" showed sports shoes, and so did "ropa para ir al gimnasio, para hombre": the word
"clothes" named no value, so every men's sports item was a match and shoes came first. A shop whose type
fields list a section of clothes ("Apparel" on the fashion demo) is searched in it when the message says
clothes ("clothes", "clothing", "ropa", "Kleidung", "Klamotten", "衣服", "服装") and names no kind; a
kind said ("shoes to go with my new clothes") or a refusal ("no clothes, just shoes") leaves the request as
read. The labelled sets read "clothes" as no value, so this is a step of the turn, not of the reader.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded

__all__ = ["section_of_clothes"]

_CLOTHES = re.compile(r"衣服|服装|\b(?:clothes|clothing|ropa|kleidung|klamotten|\w+kleidung)\b")
_REFUSED = re.compile(r"(?:\b(?:no|not|don'?t want|without|sin|nada de|kein\w*|ohne)\s+(?:\w+\s+)?|不要|不想要)$")
#: What a shop calls its section of clothes, lower case.
_SECTIONS = ("apparel", "clothing", "clothes")


def section_of_clothes(request: ShopperRequest, message: str, counts: Mapping[str, Any],
                       type_names: Sequence[str]) -> ShopperRequest:
    """The request searched in the shop's section of clothes when the message asks for clothes of no kind named.

    Args:
        request: The reading of the message.
        message: The message as written.
        counts: Field name to the catalogue's values and their counts (the vocabulary's).
        type_names: The fields that name a product type.
    """
    if request.intent not in ("recommend", "refine") or any(request.include.get(name) for name in type_names):
        return request
    text = folded(message)
    if not any(not _REFUSED.search(text[:found.start()]) for found in _CLOTHES.finditer(text)):
        return request
    for name in type_names:
        section = next((str(value) for value in counts.get(name, {}) if str(value).lower() in _SECTIONS), None)
        if section is not None:
            return request.model_copy(update={"include": {**request.include, name: [section]}})
    return request
