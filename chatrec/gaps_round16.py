"""Stop 60: conversations held as a shopper on the demo catalogues, and what they showed (issue 12).

- **"cat eye ones" of sunglasses shown** (:func:`ones_of_kind`): "eye" read as the make-up subcategory Eyes,
  and the reply showed eye shadow. "<words> ones" points back at the kind shown: a type its words match that
  no item of the kind in force shares is a wish about that kind ("cat eye" sunglasses), not a new product.
  A type the kind does hold ("sports ones" of shoes: Sports Shoes) narrows it, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from chatrec.understanding import singular
from chatrec.word_tables import folded

__all__ = ["ones_of_kind"]

#: "cat eye ones", "the round ones please", "eye one": up to three words before "one(s)".
_ONES = re.compile(r"((?:[^\W\d_][\w-]*\s+){1,3})ones?\b", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[^\W_]+", folded(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)))}


def ones_of_kind(heard: Any, message: str, in_force: Mapping[str, Sequence[str]],
                 shared: Callable[[str, Sequence[str], str, Sequence[str]], bool]) -> Any:
    """The request without a product type read from the words before "ones" that no item of the type in force
    (``in_force``: type field -> values) has (``shared(field, values, other_field, other_values)``: whether some
    item has both), kept as a wish of the search text; the request as it is otherwise."""
    if heard.intent not in ("recommend", "refine") or heard.references or not in_force:
        return heard
    found = _ONES.search(message)
    if found is None:
        return heard
    said = _words(found.group(1))
    new = {name: [v for v in values if v not in in_force.get(name, ())] for name, values in heard.include.items()
           if name in _TYPE_NAMES or name in in_force}
    new = {name: values for name, values in new.items() if values}
    if not new:
        return heard
    pointed = {name: values for name, values in new.items() if all(_words(str(v)) & said for v in values)}
    if not pointed or set(pointed) != set(new):
        return heard  # a type named elsewhere in the message ("now a belt, black ones") is a new product
    for name, values in pointed.items():
        for kind, kinds in in_force.items():
            if shared(kind, kinds, name, values):
                return heard  # "sports ones" of shoes: Sports Shoes are shoes
    include = {name: list(values) for name, values in heard.include.items() if name not in pointed}
    return heard.model_copy(update={"include": include, "intent": "refine", "show_now": True})


_TYPE_NAMES = ("category", "subcategory", "subCategory", "articleType", "masterCategory")
