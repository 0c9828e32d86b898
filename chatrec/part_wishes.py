"""A part asked of the product in hand is no new product (issue 12, stop 52).

Laptops shown, "any with a backlit keyboard?" showed keyboards: "keyboard" is a product type of the
shop, so the rules read it as a new product. Men's watches shown, "any with a metal strap?" was read as
a question about no shown item, and the reply said "This shop sells no with a metal strap". A shopper
who asks for "any" / "one" / "something" *with* a thing, naming no product before "with", asks for the
product in hand with that part or feature: the product type in force stays, and the words after "with"
are what the items should say. Only while a product type is in force (a cold "something with a camera"
still reads the camera as the product), in English, German and Spanish (stop 53) and Chinese ("有卡通图案的吗",
stop 55); "does any of them have ..." stays a question about the items shown.
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


#: Stop 53: the same in German and Spanish ("mit guter Kamera" of phones showed video cameras; "eins mit …",
#: "gibt es welche mit …", "¿hay alguno con …?", "que tenga …").
_WITH_ONLY_FOREIGN = {
    "de": re.compile(
        r"^\W*(?:(?:und|also|ok|okay|hm+|gut)\W+)*(?:(?:gibt es|habt ihr|haben sie|hast du|zeig mir|zeigen sie mir)\s+)?"
        r"(?:(?:eins|einen|eine|eines|welche|etwas|was|irgendwas|lieber|am liebsten|ein modell|modelle)\s+)?"
        r"(?:mit)\s+(?P<part>.+)$", re.IGNORECASE),
    "es": re.compile(
        r"^\W*(?:(?:y|ok|vale|bueno|pues)\W+)*(?:(?:hay|tienes|tienen|tiene|muéstrame|muestrame|enséñame|quiero|busco)\s+)?"
        r"(?:(?:alguno|alguna|algunos|algunas|uno|una|algo|unos|unas|mejor|preferiblemente|de preferencia)\s+)?"
        r"(?:con|que tenga|que tengan)\s+(?P<part>.+)$", re.IGNORECASE),
    # stop 55: "有卡通图案的吗" (any with a cartoon print?), "有没有纯棉的", "有没有带帽子的" of tees shown asked the colour
    "zh": re.compile(r"^\W*(?:那|那么|还|请问)?(?:有没有|有冇|有)(?:带|带有)?(?P<part>[^的吗么嘛呢？?，,。]{1,12})的"
                     r"(?:款|款式)?(?:吗|么|嘛|呢|没有|没)?\W*$"),
}
#: Chinese more of a spec ("有没有大一点的", "有没有更便宜的"): searched as such.
_COMPARATIVE_ZH = re.compile(r"更|一点|一些|点儿|便宜|贵|大一|小一|多一|少一|高一|低一|长一|短一")
#: Their words of more of a spec ("mit größerem Bildschirm", "con más memoria"), searched as such.
_COMPARATIVE_FOREIGN = re.compile(
    r"^(?:(?:einem|einer|einen|eine|ein|un|una)\s+)?(?:größer\w*|groesser\w*|mehr|besser\w*|länger\w*|stärker\w*|"
    r"kleiner\w*|leichter\w*|más|mas|mejor|mejores|mayor|mayores|menos)\b", re.IGNORECASE)

#: "one with a bigger screen", "any with more storage": more of a spec than the items shown have.
_COMPARATIVE = re.compile(rf"(?:(?:a|an|the)\s+)?(?:{'|'.join((*COMPARATIVES, 'fewer', 'worse', 'cheaper', 'newer'))})\b",
                          re.IGNORECASE)


def part_asked(message: str, language: str = "en") -> str | None:
    """The part or feature a message asks of the product in hand ("any with a metal strap?" -> "a metal
    strap"; "mit guter Kamera" -> "guter Kamera"), or None when the message names a product before "with"
    or asks no such thing."""
    pattern = _WITH_ONLY if language == "en" else _WITH_ONLY_FOREIGN.get(language)
    found = pattern.match(message.strip().lstrip("¿¡")) if pattern is not None else None
    if found is None:
        return None
    part = re.sub(r"[\s?!.]+$", "", found.group("part")).strip()
    if _COMPARATIVE.match(part) or language != "en" and _COMPARATIVE_FOREIGN.match(part) \
            or language == "zh" and _COMPARATIVE_ZH.search(part):
        return None  # "one with a bigger screen": more of a spec than the items shown have, searched as such
    return part or None


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request with the product type in force kept (see the module docstring)."""
    from chatrec.understanding import type_fields

    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    if vocabulary is None or part_asked(message, request.language) is None:
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
