"""Thanks after items were shown gets "you are welcome", not the opening question again."""

from __future__ import annotations

from chatrec import ChatRec
from chatrec.understanding import is_thanks


def test_thanks_after_items_is_answered_in_kind(fashion_chatrec: ChatRec) -> None:
    shown = fashion_chatrec.respond("blue shoes for women", session_id="t1")
    assert shown.recommendations
    reply = fashion_chatrec.respond("thanks a lot!", session_id="t1")
    assert reply.text.startswith("You are welcome")
    assert reply.question is None and not reply.recommendations


def test_thanks_in_chinese_is_answered_in_chinese(fashion_chatrec: ChatRec) -> None:
    assert fashion_chatrec.respond("我想买女士蓝色的鞋子", session_id="t2").text
    fashion_chatrec.respond("随便，给我看看吧", session_id="t2")
    reply = fashion_chatrec.respond("谢谢", session_id="t2")
    assert reply.text.startswith("不客气")


def test_a_greeting_still_opens_with_a_question(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("hello", session_id="t3")
    assert reply.question is not None and reply.question.options


def test_what_counts_as_thanks() -> None:
    assert all(is_thanks(m) for m in ("thanks!", "Thank you so much", "谢谢", "gracias", "danke schön", "bye"))
    assert not any(is_thanks(m) for m in ("blue shoes", "think about it", "is it thin?"))
