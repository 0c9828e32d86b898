""""No, I meant the second and the third": the last question asked again of the items meant (issue 12, i12af, batch 11).

After an answer about shown items ("compare the first two"), a shopper who corrects which items they
meant ("no, I meant the second and the third", "quise decir el tercero", "ich meinte das zweite")
asks the same question of those items. Read alone the correction points at items with no question and
read as "more like these": a new list, and the question left unanswered. When the last reply answered
a question about shown items, the correction is that question again (compare for several items, a
question about one), answered of the items it names; :mod:`chatrec.ellipsis` carries the question over.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["corrects_items"]

_MEANT = re.compile(
    r"^\W*(?:(?:no|nope|sorry|oops|ah|actually)\W+)*i\s+mean(?:t)?\b"
    r"|^\W*(?:(?:no|perdón|perdon|lo siento)\W+)*(?:quise decir|me refer[ií]a a|me refiero a)\b"
    r"|^\W*(?:(?:nein|sorry|entschuldigung)\W+)*ich\s+mein(?:t)?e\b"
    r"|^\W*(?:不是|不对)?\W*(?:我是说|我指的是|我说的是)",
    re.IGNORECASE,
)


def corrects_items(heard: Any, message: str, answered_last: bool) -> Any:
    """The request as the last question asked again of the items the correction names, when the
    message corrects which items were meant and the last reply answered a question about shown items;
    the request unchanged otherwise."""
    if not answered_last or not _MEANT.search(message):
        return heard
    pointed = [r for r in heard.references if r.how in ("position", "title")]
    if not pointed or heard.exclude or heard.price:
        return heard
    return heard.model_copy(update={
        "intent": "compare" if len(pointed) > 1 else "ask_about_item", "references": pointed,
        "include": {}, "relative_price": None, "show_now": False,
    })
