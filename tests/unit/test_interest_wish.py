"""Stop 45: what the person a gift is for likes is a wish, not an off-topic question. "i need a present for my
nephew" then "he loves football" was answered "I can only help with shopping" (football is an off-topic word for
"who won the football match?"); now it is searched, and when the shop has nothing for it, the reply names the
interest ("football"), not the whole sentence."""

from __future__ import annotations

import pytest

from chatrec.not_carried import interest_in


@pytest.mark.parametrize(("text", "thing"), [
    ("he loves football", "football"), ("she's really into yoga", "yoga"), ("they are into gaming", "gaming"),
    ("my son plays football, need something for him", "football"), ("he likes to cook", "cook"),
    ("my dad is a fan of cricket and golf", "cricket"), ("my sister loves music a lot", "music"),
    ("who won the football match", None), ("i love it", None), ("show me the ones he likes", None),
])
def test_the_interest_said(text: str, thing: str | None) -> None:
    assert interest_in(text) == thing


def test_an_interest_after_a_gift_is_a_wish(electronics_chatrec) -> None:
    sid = electronics_chatrec.respond("i need a present for my 10 year old nephew").session_id
    reply = electronics_chatrec.respond("he loves football", session_id=sid)
    assert reply.metadata["understood"]["intent"] != "off_topic", reply.text
    assert "only help with shopping" not in reply.text
    assert "“he loves football”" not in reply.text


def test_a_question_about_a_match_is_still_off_topic(electronics_chatrec) -> None:
    assert electronics_chatrec.respond("who won the football match yesterday?").metadata["understood"]["intent"] == "off_topic"
