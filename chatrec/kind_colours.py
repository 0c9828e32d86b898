"""A colour said for one kind stays with that kind (issue 12, stop 57).

Shopping the fashion demo: "red dress for my wife" (no red dress, the red left out and kept in mind), then "now
sports shoes for my son" said "Still left out, as nothing matches every wish: Red"; "something warm for my son",
"in blue?", then "something comfy for me to wear at home, I'm a woman" showed her only blue lounge pants and
nightdresses. A colour is a wish about the thing it was said for: a new kind unrelated to the one searched
("now a watch" after black shoes) is searched in any colour, as its budget is
(:func:`chatrec.gaps_round13.budget_for_new_type`), unless the shopper keeps the colour ("a belt in the same
colour", "del mismo color", "in der gleichen Farbe", "同样颜色的"): then the request names it. A colour said of the
person before any kind ("she basically only wears black") is a taste and stays for every kind
(:attr:`chatrec.dialogue.DialogueState.kind_colours`); one left behind is said in the reply.
A kind of the same family ("shirts" after "t-shirts") keeps it; going back to the earlier kind brings it back
with that search's other wishes (:mod:`chatrec.person_recall`). "Matching" keeps no colour: "and shoes to match" of
white formal shirts wants formal shoes, not white ones.

The words are data (``data/kind_colours.json``), per language, on folded text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.refused_colours import colour_fields
from chatrec.word_tables import folded, table

__all__ = ["colours_left_behind", "keeps_colour", "with_kept_colour"]

_DATA = str(Path(__file__).parent / "data" / "kind_colours.json")


@lru_cache(maxsize=1)
def _same_colour() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{source})" for source in table(_DATA)["same_colour"].values()))


def keeps_colour(message: str) -> bool:
    """Whether the message keeps the colour searched for what it asks ("in the same colour", "del mismo color",
    "gleiche Farbe", "同样颜色")."""
    return bool(_same_colour().search(folded(message)))


def with_kept_colour(request: Any, message: str, current: Mapping[str, Sequence[str]]) -> Any:
    """The request with the colour in force named when the message keeps it ("a belt in the same colour" after
    blue jeans: Blue), so a new kind does not leave it behind; a colour of its own wins."""
    if request.intent not in ("recommend", "refine") or not keeps_colour(message):
        return request
    colours = {name: list(current[name]) for name in colour_fields(list(current)) if current.get(name)}
    if not colours or any(request.include.get(name) for name in colour_fields(list(request.include))):
        return request
    include = {**request.include, **colours}
    return request.model_copy(update={"include": include})


def colours_left_behind(old: Mapping[str, Sequence[str]], heard: Mapping[str, Sequence[str]],
                        types: Sequence[str]) -> list[str]:
    """The colour fields of the wishes in force (``old``) that stay with their kind when the kinds heard replace it
    and the message names no colour: the heard kinds are unrelated to the old ones in a type field both name
    (:func:`chatrec.gaps_round13.related_types`: "Watches" after "Shoes"), or they are for someone else ("sports
    shoes for my son" after a dress for a wife). Kinds of two different fields ("Earrings" after "Jewellery") may be
    one inside the other: the colour stays."""
    from chatrec.gaps_round13 import related_types
    from chatrec.vocabulary import audience_fields

    left = [name for name in colour_fields(list(old)) if old.get(name)]
    if not left or any(heard.get(name) for name in colour_fields(list(heard))):
        return []
    shared = [name for name in types if heard.get(name) and old.get(name)]
    unrelated = bool(shared) and not any(
        related_types([str(v) for v in heard[name]], [str(v) for v in old[name]]) for name in shared)
    audiences = [name for name in audience_fields(list(heard)) if heard.get(name) and old.get(name)]
    someone_else = bool(audiences) and all(not set(heard[name]) & set(old[name]) for name in audiences)
    return left if unrelated or someone_else else []
