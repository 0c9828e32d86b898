"""Batch 12's conversation moves (issue 12, branch i12ak): what a shopper asks for, read beside the request.

- "do you have a 2 metre one?", "any 43 inch ones?", "¿hay alguno de 2 metros?" after items: a figure with
  a unit asked for is a search for items that state it, not a question about the items shown (the reading
  of single words took "2 metre" for a description of two shown cables).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from chatrec.followups import ASKS_FOR_ITEMS

__all__ = ["bare_value_ones", "complained_of", "device_opening", "spec_asked_for"]

#: Words that keep the question about the items shown: "do you have these in 2 metres?", "is the second one 2m?".
_ABOUT_SHOWN = re.compile(
    r"\b(?:these|those|them|they|it|this|that one|first|second|third|fourth|fifth|last|same)\b"
    r"|这些|这个|那个|第[一二三四五1-5]|diese[nrs]?|erste[nrs]?|zweite[nrs]?|dritte[nrs]?|estos|estas|esos|esas|primer[oa]?|segund[oa]|tercer[oa]?",
    re.IGNORECASE,
)


def spec_asked_for(heard: Any, message: str, bounds: dict[str, Any]) -> Any:
    """The request as a search when the message asks for items stating a figure ("do you have a 2 metre
    one?") and points at no shown item; unchanged otherwise."""
    if not bounds or heard.intent not in ("ask_about_item", "compare"):
        return heard
    if not (ASKS_FOR_ITEMS.search(message) or _FIGURE_ONES.match(message)) or _ABOUT_SHOWN.search(message):
        return heard
    return heard.model_copy(update={"intent": "refine", "references": [], "show_now": True})


#: Stop 58: a figure with its unit and "ones", nothing else ("256GB ones?", "43 inch ones?", "128G的?"): items asked
#: for, not a question about those shown (it said "The catalogue data for these 5 items does not say anything").
_FIGURE_ONES = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|or|maybe|hmm+|so)\W+)*(?:any\s+|the\s+|some\s+)?\d+(?:[.,]\d+)?\s*[^\W\d_]+\s+"
    r"(?:ones?|versions?|models?|variants?)(?:\s+(?:please|pls|then|instead))?\W*$", re.IGNORECASE)


#: The whole message is "the <value> ones" (plural, no verb, no question): "the white ones", "ok the
#: black ones then", "just the LG ones".
_BARE_ONES = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|hmm+|so|and|then|just|maybe|only|nah|no)\W+){0,3}(?:the|those) (?:[\w&+-]+ ){1,2}ones"
    r"(?:\W+(?:then|please|pls|instead|maybe))?\W*$",
    re.IGNORECASE,
)


def bare_value_ones(heard: Any, message: str, read: Callable[[str], Any], fields: Iterable[str]) -> Any:
    """"The white ones" (the whole message, plural) while items are shown: a search by the value, as
    "show me the white ones" is (:func:`chatrec.value_ones.asks_for_value_ones`), not more items like the
    one shown item of that value; unchanged otherwise ("the white one" points at it).

    ``read`` reads the message with nothing shown; ``fields`` are the attributes the value may come from.
    """
    from chatrec.value_ones import as_value_search

    if not _BARE_ONES.match(message):
        return heard
    return as_value_search(heard, message, read, fields)


#: A message that opens with what the product is for: "for fire tv stick actually", "ok, for my Samsung tv".
_FOR_OPENING = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|actually|sorry|no|nah|oh|but|hmm+|well|i mean|i meant|it'?s|it is|they'?re|they are|"
    r"(?:das |es )?ist|es|son)\W+){0,3}"
    r"(?:for|to fit|that fits?|fits?|compatible with|works? with|para|f(?:ü|ue|u)r)\s+\S",
    re.IGNORECASE,
)


#: A short message that is all the "for ..." phrase: "for my tv and the ps5", "für meinen Fernseher und die PS5"
#: (no clause after a comma, at most ten words), so every product type it names is a device (lead, stop 35).
_ONLY_DEVICES = re.compile(r"^[^,;:.!?。，；]*[.!?。]?\s*$")


def device_opening(
    heard: Any, message: str, current: Mapping[str, Sequence[str]], type_names: Sequence[str], makes: Sequence[str],
) -> Any:
    """"For fire tv stick actually" while remotes are sought: the types the message names are the device's
    (the accessory's title must name its make, kept by :mod:`chatrec.compatible`), not a new product type;
    the request without them (and without a brand that is the device's make). Unchanged when no type is in
    force, no device make was read, or the message names the type in force."""
    if not _FOR_OPENING.search(message):
        return heard
    if heard.intent == "more_like" and heard.references and all(r.how == "title" for r in heard.references):
        # "für meinen Fernseher und die PS5": a device named, not the shown item whose title names it (lead, stop 35)
        heard = heard.model_copy(update={"intent": "refine", "references": []})
    if heard.intent not in ("recommend", "refine", "answer"):
        return heard
    if not makes and (not _ONLY_DEVICES.match(message) or len(message.split()) > 10):
        return heard  # "for my dad, a smartwatch": a new wish after the person (lead, stop 35)
    in_force = {name for name in type_names if current.get(name)}
    said = {name for name in type_names if heard.include.get(name)}
    if not in_force or not said or all(set(heard.include[n]) <= set(current.get(n, ())) for n in said):
        return heard
    device = {m.casefold() for m in makes}
    include = {name: values for name, values in heard.include.items() if name not in said}
    if "brand" in include:
        kept = [b for b in include["brand"] if b.casefold() not in device]
        include = {k: v for k, v in include.items() if k != "brand"} | ({"brand": kept} if kept else {})
    return heard.model_copy(update={"include": include, "intent": "refine", "show_now": True})


#: A device the shopper tells a complaint about: "the remote never works", "my old tv is too heavy",
#: "his charger stopped working", "mi tele no funciona", "mein Fernseher ist kaputt".
_COMPLAINT = re.compile(
    r"\b(?:the|my|our|his|her|their|mum'?s|mom'?s|dad'?s)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+"
    r"(?:never works|(?:always|keeps) (?:breaking|dying|failing)|does ?n[o']?t work|does not work|is ?n[o']?t working|"
    r"is not working|stopped working|(?:is|was|got) (?:broken|dead|damaged|too \w+|so \w+)|broke|died)\b"
    r"|\b(?:mi|su|el|la)\s+(?:[\w-]+\s+)?[\w-]+\s+(?:no funciona|se (?:rompi[oó]|ha roto|estrope[oó])|est[aá] (?:rot[oa]|estropead[oa]))"
    r"|\b(?:mein|meine|unser|unsere|sein|seine|ihr|ihre|der|die|das)\s+(?:[\w-]+\s+)?[\w-]+\s+(?:ist|war)\s+(?:kaputt|defekt|zu \w+)",
    re.IGNORECASE,
)


def complained_of(heard: Any, message: str, type_names: Sequence[str], read: Callable[[str], Any]) -> Any:
    """The request without the product types the message names only in a complaint about a device the
    shopper has ("the remote never works ... so a smart tv is the way to go": TVs, not remotes), when it
    names another type outside the complaints; unchanged otherwise ("my tv remote is broken, need a new
    one" names remotes only there, and wants one)."""
    if heard.intent not in ("recommend", "refine", "answer"):
        return heard
    spans = [m.group(0) for m in _COMPLAINT.finditer(message)]
    if not spans or not any(heard.include.get(name) for name in type_names):
        return heard
    rest = _COMPLAINT.sub(" ", message)
    outside = read(rest).include
    named_outside = {v for name in type_names for v in outside.get(name, ())}
    if not named_outside:
        return heard
    inside = {v for span in spans for name in type_names for v in read(span).include.get(name, ())}
    only_complained = inside - named_outside
    if not only_complained:
        return heard
    include = dict(heard.include)
    for name in type_names:
        if name in include:
            kept = [v for v in include[name] if v not in only_complained]
            include = {k: v for k, v in include.items() if k != name} | ({name: kept} if kept else {})
    return heard.model_copy(update={"include": include})
