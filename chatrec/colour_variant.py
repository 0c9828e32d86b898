"""A colour asked for after a list, on a catalogue without a colour field (issue 12, lead, stop 32).

On the electronics demo, whose colours live only in titles, "and in white?", "do you have it in
white", "something in pink?", "y en blanco?" and "有白色的吗" after a list of speakers were read as a
question about the items shown, and the reply said "The catalogue data for these 5 items does not
say anything about 'white'", while "any black ones?" showed the black speaker. A shopper who asks
for a colour after a list wants the items in that colour, as on the fashion demo, where the same
words set the colour field. So a question about the items shown that names no item and asks for
nothing but colours becomes a refinement of the search, shown at once: the colour is then a wanted
word the titles must state. "is it white?", "are they white", "¿es blanco?", "ist der weiß?" and
"是白色的吗" ask whether the items are that colour and stay questions. On a catalogue with a colour field the
colour named is that field's value (stop 39).
"""

from __future__ import annotations

import re
from typing import Any

from chatrec.other_version import colours_named
from chatrec.request import ShopperRequest
from chatrec.word_tables import folded

__all__ = ["adjust", "is_colour_wish"]

#: Whether the items shown are of a colour: a question about them, not a wish ("is it white?").
_IS = re.compile(
    r"^\W*(?:and\s+|so\s+|y\s+|und\s+)?(?:is|are|was|were|es|son|ist|sind)\b"
    r"|\b(?:is|are)\s+(?:it|they|this|that|these|those)\b|\b(?:es|son)\s+(?:de\s+)?(?:color\s+)?\w+\s*\?*$"
    r"|^\W*(?:它|这个|那个|这些|那些|第.个)?是"
)

#: Words a colour wish is said with; anything else in the search words keeps the question.
_WITH = frozenset("colour color colours colors coloured colored shade shades one ones version it them these those they"
                  .split())


def _only_colours(query: str) -> bool:
    from chatrec.wanted_words import colour_words

    words = query.split()
    colours = {w.casefold() for w in colour_words()}
    return bool(words) and any(w in colours for w in words) and all(w in colours or w in _WITH for w in words)


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any) -> ShopperRequest:
    """The request, read as a colour wish shown now when it is one (see the module docstring)."""
    if request.intent != "ask_about_item" or not getattr(context, "shown", None):
        return request
    if any(getattr(r, "how", None) != "all" for r in request.references):
        return request  # "is the first one white?", "does the second come in white": that item's colour
    if request.include or request.exclude or request.price is not None or not _only_colours(request.query):
        return request
    if _IS.search(folded(message)):
        return request
    return request.model_copy(update={"intent": "refine", "show_now": True, "references": [],
                                      # stop 39: on a catalogue with a colour field, that field's value ("do you
                                      # have it in black?" searched the word only, and lost it when nothing new was black)
                                      "include": colours_named(request.query, getattr(vocabulary, "counts", None) or {})})


def is_colour_wish(request: ShopperRequest) -> bool:
    """Whether the request is a colour wish shown now that names nothing else (what :func:`adjust` makes of "and in
    white?"): a search, never read again as a question about the items shown."""
    return request.intent == "refine" and request.show_now and not request.include and not request.references \
        and _only_colours(request.query)
