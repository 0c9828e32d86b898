"""A kind named by two catalogue labels, said as a person says it (issue 12, shopping gaps round 6, i12al).

"in-ear earbuds" is read as the subcategory "Headphones, earbuds & accessories" narrowed to the category
"In-Ear", and the wishes summary listed both labels: "Here are 5 suggestions for In-Ear, Headphones,
earbuds & accessories". A shop assistant says "in-ear headphones": the finer label, then the first
kind the broad label lists, when the finer label is no noun of its own ("In-Ear", "Braided"); a finer
label that names the kind ("Smartphones" of "Mobiles & accessories") is said alone. Other languages
keep only the finer label (their words for "In-Ear" name the kind already: "入耳式耳机").

Stop 57: a search of many kinds ("something warm for my son": sweaters, sweatshirts, jackets, mufflers,
gloves...) was announced by the first alphabetically: "Here are 2 suggestions for Boys, Gloves or 6 similar" over a
jacket and mittens. The list's line names the kinds of the items shown when they are a few of many
(:func:`shown_kinds`): "for Boys, Gloves or Jackets". An occasion's styles ("a dress for a wedding": ethnic, formal
or party) are said as the shopper said the occasion (:func:`occasion_named`): "for wedding, Dress".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["narrowed_pair", "occasion_named", "shown_kinds"]

_LIST = re.compile(r",|\s&\s|&|\b(?:and|y|und)\b|及|和|、", re.IGNORECASE)


def narrowed_pair(include: Mapping[str, Sequence[str]], show: Callable[[str], str],
                  english: bool = True) -> tuple[str, str, str] | None:
    """The broad field, the fine field and the words for both ("In-ear headphones"), when the wishes hold
    one value in each of two product-type fields and one of them is a list of kinds ("Headphones,
    earbuds & accessories") that the other ("In-Ear") narrows; else None."""
    from chatrec.understanding import type_fields

    typed = [name for name in [*type_fields(list(include)), *(["category"] if "category" in include else [])]
             if len(set(include.get(name, ()))) == 1]
    typed = list(dict.fromkeys(typed))
    if len(typed) != 2 or len([n for n in include if n in typed or n in type_fields(list(include))]) != 2:
        return None
    labels = {name: show(include[name][0]) for name in typed}
    broad = [name for name in typed if _LIST.search(labels[name])]
    if len(broad) != 1:
        return None
    fine = next(name for name in typed if name != broad[0])
    fine_label, kind = labels[fine], _LIST.split(labels[broad[0]])[0].strip()
    if not fine_label or not kind or kind.lower() in fine_label.lower():
        return broad[0], fine, fine_label
    if not english or fine_label.split()[-1].lower().endswith("s"):
        return broad[0], fine, fine_label  # "Smartphones" names the kind alone; "In-Ear" needs its noun
    words = f"{fine_label.lower()} {kind.lower()}"
    return broad[0], fine, words[:1].upper() + words[1:]


def shown_kinds(wishes: Any, items: Sequence[Any], kinds: Sequence[str], most: int = 3) -> Any:
    """The wishes (:class:`~chatrec.dialogue.Wishes`) with each type field (``kinds``) of more than ``most`` wanted
    values narrowed to the values of the ``items`` shown, when those are at most ``most`` of them, else ordered with
    the first shown first; other fields (a colour family: "light colours") as they are."""
    from dataclasses import replace

    from chatrec.policy import field_values

    include: dict[str, tuple[str, ...]] = {}
    for name, values in wishes.include.items():
        held = list(dict.fromkeys(v for item in items for v in field_values(item, name)))  # in the order shown
        kept = tuple(v for v in held if v in values)
        if name not in kinds or len(values) <= most or not kept:
            include[name] = tuple(values)
        else:  # a few: those; many: the first shown first ("Hand blenders or 5 similar", not "Air fryers or ...")
            include[name] = kept if len(kept) <= most else kept + tuple(v for v in values if v not in kept)
    return replace(wishes, include=include)


def occasion_named(wishes: Any, said: tuple[str, Sequence[str]] | None) -> Any:
    """The wishes with the field that holds exactly the styles of the occasion said (``said``: the shopper's word
    and its styles, :func:`chatrec.shopper_moves.occasion_said`) shown as that word, when they are several."""
    from dataclasses import replace

    if said is None:
        return wishes
    word, styles = said
    folded = {s.casefold() for s in styles}
    include = {name: (word,) if len(values) > 1 and {str(v).casefold() for v in values} <= folded else tuple(values)
               for name, values in wishes.include.items()}
    return replace(wishes, include=include)
