"""An occasion to dress for is a wish, even with no product named (issue 12, stop 55).

"面试穿的衣服" (clothes to wear to an interview) and "上班穿的衣服" (clothes for work) read no product and no
value, so the reply greeted the shopper and asked what they were looking for, while "something to wear to a
job interview" went on to ask which kind of formal wear. A message that names an occasion of
``prompts/occasion_words.txt`` and says it is something to wear ("穿", "衣服", "wear", "outfit", "ropa",
"Kleidung", "anziehen") is a request: the turn then adds the values that dress for the occasion
(:func:`chatrec.shopper_moves.occasion`).
"""

from __future__ import annotations

import re

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded

__all__ = ["adjust"]

_WEAR = re.compile(
    r"穿|衣服|服装|打扮|\b(?:wear|wearing|outfits?|clothes|clothing|dress(?:ed)? up|ropa|vestir(?:me)?|ponerme|"
    r"kleidung|klamotten|anziehen|anzuziehen|outfit)\b")


def adjust(request: ShopperRequest, message: str) -> ShopperRequest:
    """The request as a search when a chit-chat reading names an occasion to dress for (see the module doc)."""
    from chatrec.shopper_moves import occasion_said

    if request.intent != "chitchat" or not _WEAR.search(folded(message)) or occasion_said(message) is None:
        return request
    return request.model_copy(update={"intent": "recommend"})
