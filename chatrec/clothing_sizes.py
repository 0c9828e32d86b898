"""A size asked of shown items on a catalogue that lists none (stop 44).

"do you have it in XL?", "size 4", "有XL码吗", "¿hay talla M?", "gibt es die in Größe 40?" of clothes and shoes
whose catalogue rows hold no size: the answer was "The catalogue data for these 5 items does not say anything
about “xl”", true but no help. A shop assistant says the sizes are not listed here and where they are: the
shop's page for the item. Items that state a size (a size field, or a figure with a unit in the name: a 43-inch
TV) are answered from their data as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["asked_size", "unlisted"]

_LETTERS = r"xxs|xs|xxxl|xxl|xl|[2-5]xl|extra large|extra small"
_SIZE = re.compile(
    rf"\b(?:size|sz)\s*(?P<a>\d{{1,2}}(?:\.5)?|{_LETTERS}|s|m|l|small|medium|large)\b"
    rf"|\bin\s+(?:an?\s+)?(?:size\s+)?(?P<b>{_LETTERS})\b"
    rf"|\b(?P<c>{_LETTERS})\b"
    r"|\b(?:uk|us|eu)\s*(?P<d>\d{1,2}(?:\.5)?)\b"
    r"|(?P<e>(?:\d{2,3}|x{0,3}[sml]|\d?xl|大|小|中|加大))码"
    r"|(?:尺码|码数|尺寸)"
    r"|\btallas?\s+(?P<f>\d{1,2}|xs|s|m|l|xl|xxl|peque[ñn]a|mediana|grande)\b"
    r"|\bgr(?:ö|oe)(?:ß|ss)e\s+(?P<g>\d{1,2}|xs|s|m|l|xl|xxl)\b",
    re.IGNORECASE,
)


def asked_size(question: str) -> str | None:
    """The size a question asks about, as written ("XL", "size 4", "XL码", "talla M"), "" for a size asked with
    no value ("有什么尺码"), or None when it asks about no size."""
    found = _SIZE.search(question)
    if found is None:
        return None
    value = next((v for v in found.groupdict().values() if v), None)
    if value is None:
        return ""
    whole = found.group(0).strip()
    return whole if re.match(r"(?i)size|sz|uk|us|eu|talla|gr", whole) or whole.endswith("码") else value.upper()


def _states_size(item: Any) -> bool:
    from chatrec.spec_filters import stated

    if any("size" in str(name).lower() and value not in (None, "") for name, value in getattr(item, "attributes", {}).items()):
        return True
    return bool(stated(str(getattr(item, "title", "") or "")).get("inch"))


def unlisted(question: str, items: Sequence[Any], wording: Mapping[str, Any], title: Callable[[Any], str]) -> str | None:
    """The answer that the catalogue lists no sizes for the items asked about, or None when the question names
    no size ("what sizes are there?" is answered by :mod:`chatrec.assortment`), an item states one, or the
    wording has no sentence for it."""
    size = asked_size(question)
    if not size or not items or any(_states_size(item) for item in items):
        return None
    key = "no_sizes_one" if len(items) == 1 else "no_sizes_many"
    sentence = wording.get(key)
    if not sentence:
        return None
    return str(sentence).format(title=title(items[0]), asked=size)
