""""One for a Samsung TV": the device an accessory is for is no new product type (issue 12, i12ab, batch 10).

While remotes are shown, "what about one for a Samsung TV?" asks for a remote that fits a Samsung TV:
"one" stands for the product in the search and the TV is the device it must fit. Read word by word,
"TV" is a product type and "Samsung" a brand, so the search turned to Samsung televisions. With a
product type in force and the product named only by a pronoun before "for a/my ..." ("one", "ones",
"something", "uno para mi", "einen für meinen"), the types the message names are the device's: they
are dropped from the request, and so is a brand that is the device's make (the make the accessory's
title must name is kept by :func:`chatrec.compatible.device_makes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["device_is_no_new_type"]

#: The product said by a pronoun, then the device it is for.
_ONE_FOR = re.compile(
    r"\b(?:one|ones|something|anything|any)\s+(?:that\s+)?(?:for|to fit|fits?|works? with|compatible with)\s+"
    r"(?:a|an|my|the|our|his|her|their)\b"
    r"|\b(?:un[oa]s?|algo|alguno|alguna)\s+(?:que sirva |compatible )?(?:para|con)\s+(?:mi|mis|un|una|el|la|su)\b"
    r"|\b(?:eine[nmrs]?|was|etwas|welche)\s+(?:f(?:ü|ue|u)r|zu)\s+(?:mein|meine[nmrs]?|ein|eine[nmrs]?|den|die|das|dem)\b",
    re.IGNORECASE,
)


def device_is_no_new_type(
    heard: Any, message: str, current: Mapping[str, Sequence[str]], type_names: Sequence[str], makes: Sequence[str],
    read: Callable[[str], Any] | None = None,
) -> Any:
    """The request without the device's type and make when the message asks for "one for a <device>"
    while a product type is in force; the request unchanged otherwise, and when the words before the
    pronoun (``read`` reads them) name the product themselves ("back to the remotes, the ones for a
    Samsung TV")."""
    found = _ONE_FOR.search(message)
    if heard.intent not in ("recommend", "refine", "answer") or found is None:
        return heard
    if read is not None and found.start() > 0:
        before = read(message[: found.start()])
        if any(before.include.get(name) for name in type_names):
            return heard
    in_force = {name for name in type_names if current.get(name)}
    said = {name for name in type_names if heard.include.get(name)}
    if not in_force or not said or all(set(heard.include[n]) <= set(current.get(n, ())) for n in said):
        return heard  # no type in force, none named, or the same one named again
    device = {m.casefold() for m in makes}
    include = {name: values for name, values in heard.include.items() if name not in said}
    if "brand" in include:
        kept = [b for b in include["brand"] if b.casefold() not in device]
        include = {k: v for k, v in include.items() if k != "brand"} | ({"brand": kept} if kept else {})
    return heard.model_copy(update={"include": include, "intent": "refine"})
