"""A kind named by two catalogue labels, said as a person says it (issue 12, shopping gaps round 6, i12al).

"in-ear earbuds" is read as the subcategory "Headphones, earbuds & accessories" narrowed to the category
"In-Ear", and the wishes summary listed both labels: "Here are 5 suggestions for In-Ear, Headphones,
earbuds & accessories". A shop assistant says "in-ear headphones": the finer label, then the first
kind the broad label lists, when the finer label is no noun of its own ("In-Ear", "Braided"); a finer
label that names the kind ("Smartphones" of "Mobiles & accessories") is said alone. Other languages
keep only the finer label (their words for "In-Ear" name the kind already: "入耳式耳机").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

__all__ = ["narrowed_pair"]

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
