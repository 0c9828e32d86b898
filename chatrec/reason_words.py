"""Words a reason must not credit as a feature the shopper asked for (issue 12, shopping gaps round 6, i12al).

A reason credits a feature when a word the shopper said is in the item's description ("its description
mentions quick charging"). Two kinds of word were credited that name no feature:

- the words of a wish in force, which a clicked quick reply or the shop's own label brought in
  ("Mobiles & accessories" -> "mentions mobile"): that wish is said by its own fact, or not at all;
- a word naming the item's kind inside a compound of its type ("phone" of a smartphone, "watch" of a
  smartwatch): "A smartphone ...; its description mentions phone" says the type twice;
- (lead, stop 32) words pointing at a shown item or option: "the second one" credited hand blenders
  with "seconds, as its description says";
- (lead, stop 32) a product noun said as the modifier of another ("a phone stand", "a laptop bag", "a tv
  remote"): it says what the product is for, and "A stand ...; with phone, as its description says" credits
  the stand with nothing;
- (stop 52) a noun after a comparative ("a bigger screen"): a figure to compare, which every phone has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["COMPARATIVES", "compared", "modifiers", "not_features"]

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD = re.compile(r"[a-z0-9]+")


def _words(values: Iterable[str]) -> set[str]:
    from chatrec.grounding import singular

    found = {w for value in values for w in _WORD.findall(_CAMEL.sub(" ", str(value)).lower())}
    return found | {singular(w) for w in found}


def not_features(item: Any, request: Any, said: Iterable[str], synonyms: Mapping[str, Iterable[str]] | None = None) -> set[str]:
    """The words of ``said`` (the shopper's words) that a reason must not credit as features of ``item``
    asked for by ``request`` (a :class:`~chatrec.grounding.Request`): see the module docstring."""
    from chatrec.understanding import type_fields

    wished = _words(v for values in (getattr(request, "include", None) or {}).values() for v in values)
    attributes = getattr(item, "attributes", None) or {}
    own = [getattr(item, "category", "") or "", *(str(attributes.get(n) or "") for n in type_fields(list(attributes)))]
    compounds = {w for w in _words(own) if len(w) >= 7}
    inside = {w for w in said if len(w) >= 4 and any(c != w and c.endswith(w) for c in compounds)}
    compound = modifiers(getattr(request, "text", "") or "")
    compound |= {s for w in compound for s in (synonyms or {}).get(w, ())}  # "mobile" of "phone"
    compound |= {w for w in said if any(w.endswith(m) for m in compound)}  # "smartphone" read from "phone"
    return wished | inside | (_POINTING & set(said)) | compound | compared(getattr(request, "text", "") or "")


#: Comparatives of a figure ("a bigger screen", "more storage"), also read by :mod:`chatrec.part_wishes`.
COMPARATIVES = ("bigger", "larger", "longer", "shorter", "smaller", "higher", "lower", "faster", "slower", "better", "more",
                "less", "lighter", "heavier", "thinner", "thicker", "wider", "brighter", "louder", "quieter", "greater",
                "stronger")
#: A comparative before a noun: the noun names a figure to compare ("a bigger screen"), no feature to credit.
_COMPARED = re.compile(rf"\b(?:{'|'.join(COMPARATIVES)})\s+([a-z]+)")


def compared(text: str) -> set[str]:
    """Stop 52: the nouns a comparative names ("one with a bigger screen" -> {"screen"}): the phones shown after
    it were each credited "with screen, as its description says — the feature you asked for"."""
    from chatrec.grounding import singular

    found = {m.group(1) for m in _COMPARED.finditer(text.lower())}
    return found | {singular(w) for w in found}


#: Accessory nouns a product noun before them modifies ("phone stand", "laptop sleeve"), besides the product nouns.
_ACCESSORY = frozenset("stand stands holder holders case cases cover covers charger chargers cable cables remote remotes "
                       "mount mounts sleeve sleeves protector protectors guard guards adapter adapters strap straps band "
                       "bands skin skins pouch pouches dock docks table tables".split())


def modifiers(text: str) -> set[str]:
    """The product nouns said right before another product or accessory noun, and that noun: "a phone stand
    for my desk" -> {"phone", "stand"}; "a laptop bag" -> {"laptop", "bag"}."""
    from chatrec.not_carried import product_nouns

    nouns = product_nouns()
    words = _WORD.findall(text.lower())
    return {w for a, b in zip(words, words[1:]) if a in nouns and (b in nouns or b in _ACCESSORY) for w in (a, b)}


#: Words that point at an item or an option shown ("the second one", "the last option"), never a feature.
_POINTING = frozenset("first second third fourth fifth sixth last next previous option options".split())
