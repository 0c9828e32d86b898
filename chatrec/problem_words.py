"""Problems described instead of products: "my phone dies by lunch" wants a power bank (issue 12, set 47).

Shoppers who do not know a product's name say what goes wrong: "my phone dies by lunch, need
something to charge it when I'm out", "tap water tastes funny", "bathing water is freezing in the
mornings", "my sweaters are full of little fuzz balls", "wifi doesn't reach my bedroom", "my screen
got cracked again". :func:`adjust` gives such a message the product a shop assistant would bring.
The problems and their products are data (``chatrec/data/problem_words.json``): each problem is
a few regular expressions, the product is said in words the rules read ("power bank"), so that
the catalogue decides the value (PowerBanks on the electronics demo; nothing on a clothes shop).

A problem gives its product only when the shopper named no other product: "a fan heater, my room
gets freezing" keeps the fan heater. The device that has the problem ("my phone") is no wish and
gives way, unless the shopper wants another one ("my phone dies by lunch, I want a new phone
with a bigger battery").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.text import word_table

__all__ = ["adjust", "product_for", "words_of_problem"]

_TYPE_FIELDS = ("category", "subcategory", "subCategory", "articleType", "masterCategory", "department")


@lru_cache(maxsize=1)
def _problems() -> list[dict[str, Any]]:
    out = []
    for entry in word_table("problem_words")["problems"]:
        out.append({
            "product": entry["product"],
            "problems": [re.compile(p, re.IGNORECASE) for p in entry["problems"]],
            "devices": list(entry.get("devices", ())),
            "keep": re.compile(entry["keep"], re.IGNORECASE) if entry.get("keep") else None,
            "instead": (entry["instead"]["product"], re.compile(entry["instead"]["when"], re.IGNORECASE))
            if entry.get("instead") else None,
        })
    return out


def product_for(message: str) -> tuple[str, list[str]] | None:
    """The product words for the problem a message describes, and the words of the device that has
    it ("my phone dies by lunch" -> ("power bank", ["phone", ...])), or None."""
    found = _found(message)
    return None if found is None or not found[0] else found[:2]


def words_of_problem(message: str) -> str:
    """The words of the message (lower case) that describe a problem with a product for it, or "" (stop 65: "a phone
    for my grandma, something simple" asks for a basic mobile; its "simple" is no price tier too)."""
    found = _found(message)
    return found[2] if found is not None and found[0] else ""


def _found(message: str) -> tuple[str, list[str], str] | None:
    """:func:`product_for` and the words that say the problem ("does not reach my bedroom")."""
    lowered = re.sub(r"\s+", " ", message.lower())
    for entry in _problems():
        said = next((m.group(0) for p in entry["problems"] if (m := p.search(lowered))), None)
        if said is None:
            continue
        kept = entry["keep"].search(lowered) if entry["keep"] is not None else None
        if kept is not None:
            # stop 56: the device is wanted ("a new phone, mine keeps running out of storage"): no product for the
            # problem, whose words name none either (the storage department); the words keeping the device
            return "", re.findall(r"\w+", kept.group(0)), said
        product = entry["product"]
        if entry["instead"] is not None and entry["instead"][1].search(lowered):
            product = entry["instead"][0]
        return product, entry["devices"], said
    return None


#: Set while the product of a problem is read with the rules (which call :func:`adjust` again).
_REREADING = threading.local()


def adjust(
    request: ShopperRequest, message: str, vocabulary: Any = None,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """The product of the problem a message describes, in place of the device that has it.

    Args:
        request: The rules' request.
        message: The shopper's words.
        vocabulary: The catalogue's values (unused; the same arguments as the other steps).
        reread: Reads a text with the rules (the product words become the catalogue's values).
    """
    if reread is None or request.intent not in ("recommend", "refine", "chitchat"):
        return request
    found = _found(message)
    if found is None or getattr(_REREADING, "on", False):
        return request  # stop 48: the product's own words ("basic mobile") read again describe no problem
    product, devices, said = found
    if request.language != "en" and not _foreign(said):
        return request  # the English problems are said in English
    _REREADING.on = True
    try:
        # stop 56: a department read from the problem's own words is no product named ("something for video calls"
        # read TV & Video); the rest of the message, read again, says which are. A kind named in them is named
        # ("my phone charger died": a charger)
        if any(request.include.get(k) for k in _TYPE_FIELDS if k != "category"):
            rest = re.sub(r"\s+", " ", message.lower()).replace(said, " ")
            named = dict(reread(rest).include) if rest.strip() else {}
            if not product:  # the device is wanted ("a new phone, mine keeps ..."): what the words keeping it read
                for k, vs in reread(" ".join(devices)).include.items():
                    named[k] = [*named.get(k, ()), *vs]
            own = {k: [v for v in vs if k == "category" or k not in _TYPE_FIELDS or v in named.get(k, ())]
                   for k, vs in request.include.items()}
            request = request.model_copy(update={"include": {k: vs for k, vs in own.items() if vs}})
        if not product:
            return request.model_copy(update={"avoid_words": _not_problem(request.avoid_words, said)})
        return _with_product(request, reread, product, devices, said)
    finally:
        _REREADING.on = False


@lru_cache(maxsize=1)
def _foreign_words() -> re.Pattern[str]:
    return re.compile(word_table("problem_words")["foreign"])


def _foreign(said: str) -> bool:
    """Whether the words that say a problem are not English (the table's ``foreign``: its Spanish, German and
    Chinese)."""
    return bool(_foreign_words().search(said))


def _not_problem(avoid: list[str], said: str) -> list[str]:
    """The words to avoid less those of the problem ("wifi does not reach my bedroom": no "bedroom" to avoid)."""
    problem = set(re.findall(r"\w+", said))
    return [w for w in avoid if not set(re.findall(r"\w+", w.lower())) & problem]


def _with_product(request: ShopperRequest, reread: Callable[[str], ShopperRequest], product: str,
                  devices: list[str], said: str) -> ShopperRequest:
    """:func:`adjust` once the problem is found: its product in place of the device that has it."""
    wanted = reread(product).include
    types = {k: v for k, v in wanted.items() if k in _TYPE_FIELDS}
    if not types:
        return request  # the catalogue sells nothing of the kind
    device_values: set[str] = set()
    for word in devices:
        for name, values in reread(word).include.items():
            if name in _TYPE_FIELDS:
                device_values.update(values)
    include = {k: list(v) for k, v in request.include.items()}
    named = {v for k, values in include.items() if k in _TYPE_FIELDS for v in values}
    if named - device_values:
        return request  # the shopper named the product wanted
    include = {k: v for k, v in include.items() if k not in _TYPE_FIELDS}
    include.update({k: list(v) for k, v in types.items()})
    # stop 48: the problem's words are no words to avoid ("wifi does not reach my bedroom" showed extenders "not
    # reach, not bedroom") nor a feature to credit ("beat the heat": an AC "with heat, as its description says")
    problem = set(re.findall(r"\w+", said))
    avoid = _not_problem(request.avoid_words, said)
    query = " ".join(dict.fromkeys([*re.findall(r"\w+", product.replace(" or ", " ")),
                                    *(w for w in request.query.split()
                                      if not any(p.startswith(w.lower()) for p in problem))]))  # "doe" of "does"
    return request.model_copy(update={"include": include, "avoid_words": avoid, "query": query,
                                      "intent": "recommend" if not request.references else request.intent})
