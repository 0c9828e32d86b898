""""Back to the TVs, the second one you showed me": an item recalled, not more like it (issue 12, i12af, batch 11).

A shopper who comes back to an item shown before ("ok back to the TVs, the second one you showed me",
"the third one you suggested earlier") names it to hear about it again. Read word by word, a bare
pointer with no wish reads as "more like this one" and a new list replaced the item the shopper was
recalling. With words of recalling (back to, you showed, from before, earlier) and nothing asked for
beyond the item (no "like it", no new wish besides the product type being returned to), the turn is
about that item: its facts and price, the list it came from in force again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["recalls_item"]

_RECALL = re.compile(
    r"\b(?:you (?:showed|suggested|recommended|had|listed)|(?:go|going|come|coming|get|getting) back to|back to the|"
    r"from before|from earlier|earlier|before)\b",
    re.IGNORECASE,
)
#: Wanting more like it, or a change of it: the more-like reading stands.
_LIKE = re.compile(
    r"\b(?:like|similar|same|more|other|another|cheaper|bigger|smaller|but|in (?:a |an )?\w+ colou?r)\b", re.IGNORECASE,
)


def recalls_item(heard: Any, message: str, type_names: Iterable[str], returned: bool) -> Any:
    """The request as a question about the item recalled, or the request unchanged.

    ``type_names`` are the product-type fields: naming the type returned to ("back to the TVs") is no
    new wish. ``returned`` says whether an earlier list was found for the message to come back to: a
    message returning to a list there is not ("back to the remotes" when none were shown) is left as read.
    """
    if heard.intent != "more_like" or len(heard.references) != 1 or heard.references[0].how != "position":
        return heard
    if not returned and _BACK_CLAUSE.match(message):
        return heard
    if not _RECALL.search(message) or _LIKE.search(message):
        return heard
    types = set(type_names)
    if any(name not in types for name in heard.include) or heard.exclude or heard.price or heard.relative_price:
        return heard
    return heard.model_copy(update={"intent": "ask_about_item", "include": {}, "query": "", "show_now": False})


#: The clause returning to an earlier list, before what is asked of it ("ok back to the TVs, ...").
_BACK_CLAUSE = re.compile(
    r"^\W*(?:(?:ok|okay|so|right|alright|now|and)\W+)*(?:let'?s |can we |could we )?"
    r"(?:(?:go|going|come|coming|get|getting) )?back to (?:the |those |these |your )?[^,;:!?.]*?(?:[,;:!?.]| - | -- )\s*",
    re.IGNORECASE,
)


def asked_part(message: str) -> str:
    """What a message returning to an earlier list asks of it: the message without the clause that
    returns ("ok back to the TVs, the second one you showed me" -> "the second one you showed me"), or
    the message itself when nothing follows that clause."""
    found = _BACK_CLAUSE.match(message)
    if found is None or not re.search(r"\w", message[found.end():]):
        return message
    return _YOU_SHOWED.sub("", message[found.end():])


#: "(the first one) you had": words of recalling that ask nothing of the item.
_YOU_SHOWED = re.compile(
    r"\s+(?:that |which )?you (?:showed|suggested|recommended|had|listed)(?: me| us)?(?: before| earlier| first)?\b",
    re.IGNORECASE,
)
