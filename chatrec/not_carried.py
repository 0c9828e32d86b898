""""What about sherwanis?", "do you have hoverboards?": saying so when the shop has none.

When the shopper asks for a thing by name and the catalogue never uses that word (in any
title, description or value), the honest reply says so before showing what comes closest,
instead of presenting the closest items as if they were what was asked for.
"""

from __future__ import annotations

import re
from collections.abc import Container

from chatrec.grounding import singular
from chatrec.text import tokens

__all__ = ["GENERIC", "asked_for", "not_carried"]

_ASKED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|hmm+|well|then|oh|ah|alright)\W+)*(?:what|how) about (?P<a>.+)$"
    r"|\b(?:do|does|d'?you|do u) (?:you|u|the shop|this shop|y'?all)? ?(?:have|sell|carry|stock|got) (?P<b>.+)$"
    r"|^\W*(?:any|got any|have you got any|is there any|are there any) (?P<c>.+)$"
    r"|^\W*(?:(?:hi|hello|hey|hiya|ok(?:ay)?|so|well|um+|uh+)\W+)*(?:i(?:'m| am)? ?(?:need|want|would like|'d like|"
    r"am looking for|'m looking for|looking for|am searching for|search(?:ing)? for)|looking for|searching for|"
    r"(?:please )?(?:show|get|find) me|i'?m after) (?P<d>.+)$",
    re.IGNORECASE,
)
#: Where the thing's name ends: "formal shoes for an interview", "a phone my mom can use", "a laptop bag, not too expensive".
_END = re.compile(
    r"\s+(?:for|with|without|to|in|on|at|under|below|over|above|from|that|which|who|like|but|and|or|not|no|my|your|"
    r"his|her|their|our|i|he|she|we|they|it|so|because|as|of|around|about|than|between|within|up|less|more)\b.*$",
    re.IGNORECASE,
)
#: Words that name no product: "I need something for a party", "looking for a gift".
GENERIC = frozenset(
    "something anything stuff thing things item items product products gift gifts present presents idea ideas "
    "help advice recommendation recommendations suggestion suggestions option options one ones else more "
    "everything nothing new other others another alternative alternatives similar these those them same different outfit outfits clothes clothing look wear attire gear "
    "accessories essentials basics".split()
)
_LEAD = re.compile(r"^(?:any|some|a|an|the|good|nice|cheap|decent)\s+", re.IGNORECASE)
_TAIL = re.compile(r"\s+(?:for (?:me|him|her|us|them|my\b.*|a\b.*|the\b.*)|please|pls|here|in stock|at all|too|then)\s*$",
                   re.IGNORECASE)


def asked_for(message: str) -> str | None:
    """The thing the message asks for by name ("what about sherwanis?" -> "sherwanis"), or None."""
    match = _ASKED.search(message.strip())
    if match is None:
        return None
    thing = next(g for g in match.groups() if g is not None)
    thing = re.split(r"[?!.,;]", thing, maxsplit=1)[0].strip()
    for _ in range(3):
        thing = _LEAD.sub("", _TAIL.sub("", thing)).strip()
    if match.group("d") is not None:  # "I need formal shoes for an interview": the name ends before "for"
        thing = _LEAD.sub("", _END.sub("", thing)).strip()
        if re.match(r"to\b", thing, re.IGNORECASE):  # "I want to look good at a wedding": no thing named
            return None
    return thing or None


def not_carried(message: str, vocabulary: Container[str]) -> str | None:
    """The thing asked for by name when the catalogue never uses its head word, else None.

    Args:
        message: The shopper's words.
        vocabulary: Every word the catalogue uses (the lexical index's vocabulary).
    """
    thing = asked_for(message)
    if thing is None:
        return None
    words = [w for w in tokens(thing) if w.isalpha() and len(w) > 2]
    if not words or len(words) > 4 or GENERIC & set(words):
        return None
    head = words[-1]
    if head in vocabulary or singular(head) in vocabulary or f"{head}s" in vocabulary:
        return None
    return thing
