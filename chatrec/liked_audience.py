"""Whom the items a shopper likes are for (stop 43).

"I like the second one" of a women's blue dress asked for more like it; with every other women's blue
dress seen, the search showed girls' dresses "like" it. An item liked is liked for the person it is
made for: when every item pointed at (by place, name or attribute: not "show me more" of all) shares one audience value (``gender``: "Women", "Boys") that is no
"Unisex", and no audience is in force, the request for more like them carries that audience as a
wish, which then holds like one the shopper said (the summary names it; relaxation may give it up).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["with_audience"]

#: The fields that say whom an item is for.
_AUDIENCE_FIELDS = ("gender",)
#: Values that are for everyone: no audience to keep.
_EVERYONE = frozenset({"unisex", "all", "everyone"})


def with_audience(heard: Any, index: Any, fields: Sequence[str], include: Mapping[str, Sequence[str]]) -> Any:
    """``heard`` with the audience of the items it asks more like, when they share one (else unchanged)."""
    if heard.intent != "more_like" or not heard.references or any(r.how == "all" for r in heard.references):
        return heard  # "show me more" / "more like these" point at no item in particular: the search goes on as it was
    name = next((f for f in fields if f in _AUDIENCE_FIELDS), None)
    if name is None or include.get(name) or heard.include.get(name):
        return heard
    values = set()
    for reference in heard.references:
        item = index.get(reference.item_id) if reference.item_id and reference.item_id in index else None
        value = item.field_value(name) if item is not None else None
        if not isinstance(value, str) or not value.strip():
            return heard
        values.add(value)
    if len(values) != 1 or next(iter(values)).lower() in _EVERYONE:
        return heard
    return heard.model_copy(update={"include": {**heard.include, name: sorted(values)}})
