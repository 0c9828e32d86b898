"""A place on the list beyond the items shown, when only one was shown (issue 12, shopping gaps round 6, i12al).

"something similar to the second but cheaper", "algo parecido al segundo", "和第二个差不多的", "wie das
zweite, aber billiger" after a reply of a single item: there is no second item. The rules take the one
item shown (the only thing the shopper can mean), and the reply says so plainly ("I showed you only
one item, so I went by that one: ..."), so that a shopper who remembered a longer list is not misled.
A question about "the second" is answered by :func:`chatrec.turn.out_of_range`; :func:`question_past_the_list`
(lead, stop 30) makes sure such a question is read as one: "el segundo tiene micrófono?" after one pair of
earphones had been read as a search for microphones.
"""

from __future__ import annotations

from typing import Any

from chatrec.request import ShopperRequest

__all__ = ["beyond_the_one", "note", "question_past_the_list"]

_FAR = 99  # "the last" and "all of them" map to it: never a place past the one item


def beyond_the_one(message: str, heard: ShopperRequest, n_shown: int) -> bool:
    """Whether the message names a place after the first while only one item was shown, and the request
    goes by the shown items (a reference to them, more like them, or a price relative to them)."""
    from chatrec.answers import find_reference

    if n_shown != 1 or heard.intent not in ("more_like", "refine", "recommend"):
        return False
    if not (heard.references or heard.relative_price is not None or heard.intent == "more_like"):
        return False
    found = find_reference(message, _FAR, heard.language) or []
    return len(found) < _FAR and any(1 < p < _FAR for p in found)


def note(phrases: Any, item: Any) -> str:
    """The reply's note: only one item was shown, the request went by it (``prompts/dialogue_only_one_shown.txt``)."""
    from chatrec.answers import _short_title

    text = str(phrases.render("only_one_shown", title=_short_title(item)))
    return text.replace("….", "…").replace("…。", "…")


def question_past_the_list(message: str, heard: ShopperRequest, n_shown: int) -> ShopperRequest:
    """A question about a place past the last list ("el segundo tiene micrófono?", "does the fourth have a
    mic?" after three) as a question about the items shown, so that the reply says there is no such item
    instead of searching for what the question names; the request unchanged otherwise."""
    from chatrec.answers import find_reference, is_question_about_shown

    if n_shown < 1 or heard.intent not in ("recommend", "refine") or heard.references:
        return heard
    if not is_question_about_shown(message, _FAR, heard.language):
        return heard
    found = find_reference(message, _FAR, heard.language) or []  # "these": every place
    found = [p for p in found if p != _FAR] if len(found) < _FAR else []
    if not found or max(found) <= n_shown:
        return heard
    return heard.model_copy(update={"intent": "ask_about_item", "include": {}, "exclude": {}, "price": None,
                                    "relative_price": None, "show_now": False, "query": "", "avoid_words": []})
