"""Stop 45: a shown item named by a word of its title, then "anything similar?", asks for items like it.

"the brown one looks nice, anything similar?" was read as a question about the brown one and answered "The
catalogue data ... does not say anything about “anything similar”". Asking for similar items, alternatives or
"something like it" is a wish for items, in every language the shopper writes.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("message", [
    "the brown one looks nice, anything similar?",
    "the brown one, do you have something like it?",
    "any alternatives to the brown one?",
    "棕色的那个不错，有类似的吗？",
    "el marrón me gusta, ¿tienes algo parecido?",
    "die braune gefällt mir, gibt es etwas Ähnliches?",
])
def test_similar_to_a_named_shown_item_shows_items(fashion_chatrec, message: str) -> None:
    sid = fashion_chatrec.respond("show me handbags").session_id
    shown = fashion_chatrec.respond("show me handbags", session_id=sid)
    assert any("Brown" in r.title for r in shown.recommendations)
    reply = fashion_chatrec.respond(message, session_id=shown.session_id)
    understood = reply.metadata["understood"]
    assert understood["intent"] in ("more_like", "refine", "recommend"), (message, understood, reply.text)
    assert reply.recommendations, reply.text
    assert "does not say" not in reply.text and "没有" not in reply.text[:20]


def test_a_question_about_the_named_item_is_still_answered(fashion_chatrec) -> None:
    sid = fashion_chatrec.respond("show me handbags").session_id
    reply = fashion_chatrec.respond("the brown one, is it for women?", session_id=sid)
    assert reply.metadata["understood"]["intent"] == "ask_about_item"
