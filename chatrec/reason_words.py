"""Words a reason must not credit as a feature the shopper asked for (issue 12, shopping gaps round 6, i12al).

A reason credits a feature when a word the shopper said is in the item's description ("its description
mentions quick charging"). Two kinds of word were credited that name no feature:

- the words of a wish in force, which a clicked quick reply or the shop's own label brought in
  ("Mobiles & accessories" -> "mentions mobile"): that wish is said by its own fact, or not at all;
- a word naming the item's kind inside a compound of its type ("phone" of a smartphone, "watch" of a
  smartwatch): "A smartphone ...; its description mentions phone" says the type twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["not_features"]

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD = re.compile(r"[a-z0-9]+")


def _words(values: Iterable[str]) -> set[str]:
    from chatrec.grounding import singular

    found = {w for value in values for w in _WORD.findall(_CAMEL.sub(" ", str(value)).lower())}
    return found | {singular(w) for w in found}


def not_features(item: Any, request: Any, said: Iterable[str]) -> set[str]:
    """The words of ``said`` (the shopper's words) that a reason must not credit as features of ``item``
    asked for by ``request`` (a :class:`~chatrec.grounding.Request`): see the module docstring."""
    from chatrec.understanding import type_fields

    wished = _words(v for values in (getattr(request, "include", None) or {}).values() for v in values)
    attributes = getattr(item, "attributes", None) or {}
    own = [getattr(item, "category", "") or "", *(str(attributes.get(n) or "") for n in type_fields(list(attributes)))]
    compounds = {w for w in _words(own) if len(w) >= 7}
    inside = {w for w in said if len(w) >= 4 and any(c != w and c.endswith(w) for c in compounds)}
    return wished | inside
