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

__all__ = ["asked_for", "not_carried"]

_ASKED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|hmm+|well|then|oh|ah|alright)\W+)*(?:what|how) about (?P<a>.+)$"
    r"|\b(?:do|does|d'?you|do u) (?:you|u|the shop|this shop|y'?all)? ?(?:have|sell|carry|stock|got) (?P<b>.+)$"
    r"|^\W*(?:any|got any|have you got any|is there any|are there any) (?P<c>.+)$",
    re.IGNORECASE,
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
    if not words or len(words) > 4:
        return None
    head = words[-1]
    if head in vocabulary or singular(head) in vocabulary or f"{head}s" in vocabulary:
        return None
    return thing
