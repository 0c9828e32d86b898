"""Conversation moves batch 7's shoppers make (issue 12, branch i12s), in any of the four languages.

- "can you gift wrap it?", "能帮我礼品包装吗", "¿me lo envolvéis para regalo?": a service a product
  catalogue cannot act on (:func:`service_asked`). The turn answers it like a question about the
  shop's terms: said plainly, no search, every wish kept.
- "any from boAt?", "anything by Samsung?", "有boAt的吗": the shopper asks to see items of that value
  (:func:`value_asked_for`), even when some items shown already have it; read as a wish, not as a
  question about the items shown.
- "and the cheapest smart tv?" after USB cables: the shop's cheapest of a product type the items
  shown are not of (:func:`cheapest_of_new_type`), with the budget set for the other type given up.
- "other brands are fine too", "其他牌子也可以", "otras marcas también valen": the field is given up
  and no value of it excluded (:func:`widened_fields`).
- "and shoes to go with it" after white shirts for a wedding: when nothing fits every wish, the colour
  said of the shirts is given up before the use of the outfit (Formal) (:func:`outfit_fields`).

Cue phrases are data: ``prompts/conversation_cues_7.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from chatrec.conversation import load_cues
from chatrec.prompting import default_prompts_dir
from chatrec.request import ShopperRequest
from chatrec.understanding import type_fields

__all__ = ["cheapest_of_new_type", "outfit_fields", "service_asked", "value_asked_for", "widen", "widened_fields"]

_CUES_FILE = default_prompts_dir() / "conversation_cues_7.txt"
_USE_FIELD = re.compile(r"usage|occasion", re.IGNORECASE)

#: The words of a field, in the four languages, to the catalogue field's kind.
_FIELD_KINDS = {
    "brand": "brand", "brands": "brand", "make": "brand", "makes": "brand", "marca": "brand", "marcas": "brand",
    "marken": "brand", "marke": "brand", "hersteller": "brand", "牌子": "brand", "品牌": "brand",
    "colour": "colour", "colours": "colour", "color": "colour", "colors": "colour", "colores": "colour",
    "farben": "colour", "farbe": "colour", "颜色": "colour", "顏色": "colour",
}


def _cues(section: str) -> Sequence[re.Pattern[str]]:
    return load_cues(_CUES_FILE).get(section, ())


def service_asked(heard: ShopperRequest, message: str) -> str | None:
    """The service asked for ("gift wrap", "礼品包装") when the message asks the shop for a service a
    catalogue cannot act on and states no wish or budget; else None."""
    if heard.include or heard.price is not None:
        return None
    for pattern in _cues("service"):
        found = pattern.search(message)
        if found:
            return found.group(0).strip()
    return None


def value_asked_for(message: str, counts: Mapping[str, Mapping[str, int]]) -> tuple[str, str] | None:
    """(field, catalogue value) when the whole message asks to see items of one value ("any from
    boAt?"), else None. The value must be one of the catalogue's (any case), so "any of these?"
    is never read so."""
    for pattern in _cues("any_from"):
        found = pattern.search(message.strip())
        if found is None:
            continue
        said = found.group("what").strip().lower()
        for field in sorted(counts, key=lambda name: name != "brand"):  # a brand first: "any from Samsung?"
            value = next((v for v in counts[field] if v.lower() == said), None)
            if value is not None:
                return field, value
    return None


def cheapest_of_new_type(message: str, heard: ShopperRequest, current: Mapping[str, Sequence[str]],
                         types: Iterable[str]) -> bool:
    """True when the message asks for the cheapest item of a product type the search is not on yet
    ("and the cheapest smart tv?" while USB cables are shown), not about the items shown."""
    if not any(p.search(message) for p in _cues("cheapest")) or any(p.search(message) for p in _cues("shown_words")):
        return False
    named = {name: values for name, values in heard.include.items() if name in set(types)}
    return bool(named) and any(not set(values) <= set(current.get(name, ())) for name, values in named.items())


def widened_fields(message: str, fields: Sequence[str]) -> list[str]:
    """The catalogue fields the shopper gives up by allowing any of their values ("other brands are
    fine too": ``brand``), in the message's order."""
    found: list[str] = []
    for pattern in _cues("widen"):
        for match in pattern.finditer(message):
            kind = _FIELD_KINDS.get(match.group("what").lower())
            field = _field_of(kind, fields) if kind else None
            if field is not None and field not in found:
                found.append(field)
    return found


def _field_of(kind: str, fields: Sequence[str]) -> str | None:
    if kind == "brand":
        return next((f for f in fields if f.lower() == "brand"), None)
    return next((f for f in fields if "colo" in f.lower()), None)


def widen(heard: ShopperRequest, dropped: Sequence[str]) -> ShopperRequest:
    """The request with the fields given up: dropped, no value of them included or excluded."""
    if not dropped:
        return heard
    return heard.model_copy(update={
        "drop": [*heard.drop, *(f for f in dropped if f not in heard.drop)],
        "include": {n: v for n, v in heard.include.items() if n not in dropped},
        "exclude": {n: v for n, v in heard.exclude.items() if n not in dropped},
        "intent": "refine" if heard.intent in ("reject", "chitchat", "off_topic") else heard.intent,
        "show_now": True,
    })


def outfit_fields(wishes: Iterable[str], named_now: Iterable[str]) -> list[str]:
    """The use or occasion fields among the wishes (fashion ``usage``) when this message names a product
    type: a new piece of an outfit keeps its use longer than a colour said of another piece."""
    named = list(named_now)
    if not set(named) & ({"category"} | set(type_fields(named))):
        return []
    return [name for name in wishes if _USE_FIELD.search(name)]
