"""A product named by its use: "laptop backpack" is a backpack, not a laptop (stop 46).

English names a product by its last noun and puts what it is for before it: a "laptop backpack" is a
backpack for a laptop, a "phone tripod" a tripod. The rules read the catalogue's types from every word,
so "laptop backpack" on the electronics demo (which sells no backpacks) was read as the type Laptops and
showed a laptop "of the type you asked for". When the product's head noun reads no type of its own and the
type read comes from the words before it alone ("laptop"), that type is only what the product is for: it is
no wish, and the head noun is what the shopper asked for (the shop may not sell it: the reply then says so).
A phrase that reads a type as a whole ("laptop bag" -> laptop sleeves) or whose head noun is a type
("gaming laptop", "phone tripod") keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from chatrec.not_carried import asked_for, bare_thing, product_nouns
from chatrec.text import tokens
from chatrec.understanding import ShopperRequest, type_fields

__all__ = ["for_use_only"]

_COURTESY = re.compile(r"[\s,]+(?:please|pls|plz|thanks|thank you|thx)\W*$", re.IGNORECASE)


def _types(include: Mapping[str, Sequence[str]]) -> dict[str, set[str]]:
    names = ["category", *type_fields(list(include))]
    return {name: set(include[name]) for name in dict.fromkeys(names) if include.get(name)}


def for_use_only(heard: ShopperRequest, message: str, read: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """The request without the product types that only its modifier words name ("laptop" of "laptop backpack").

    Args:
        heard: The request read from ``message``.
        message: The shopper's words (English).
        read: Reads a text into a request with the same vocabulary and context.
    """
    wished = _types(heard.include)
    if heard.language != "en" or heard.intent not in ("recommend", "refine") or not wished:
        return heard
    message = _COURTESY.sub("", message)  # "a laptop backpack please"
    thing = asked_for(message) or bare_thing(message)
    words = [w for w in tokens(thing or "") if w.isalpha()]
    if len(words) < 2 or len(words) > 4 or words[-1] not in product_nouns():
        return heard
    if _types(read(words[-1]).include):  # "gaming laptop", "phone tripod": the head noun is a type itself
        return heard
    if _types(read(" ".join(words[:-1])).include) != wished:  # "laptop bag": the whole phrase names laptop sleeves
        return heard
    include = {name: values for name, values in heard.include.items() if name not in wished}
    return heard.model_copy(update={"include": include})
