"""Mid-search messages nothing is read from: the search is kept and the reply says so; small talk
after items gets a short answer, not the opening greeting of a new conversation."""

from __future__ import annotations

import pytest

from chatrec.understanding import is_small_talk


@pytest.mark.parametrize("message", ["不要太暴露的", "要那种有质感一点的"])
def test_words_nothing_is_read_from_keep_the_search_and_say_so(electronics_chatrec: object, message: str) -> None:
    rec = electronics_chatrec
    first = rec.respond("show me smart tvs under 20000", session_id="u")  # type: ignore[attr-defined]
    assert first.recommendations
    reply = rec.respond(message, session_id="u")  # type: ignore[attr-defined]
    assert reply.metadata["policy"]["decision"] == "unread" and reply.question is None, reply.text
    assert "20,000" in reply.text  # the wishes in force are named: nothing was dropped
    state = reply.metadata["constraints"]
    assert state["max_price"] == 20000 and state["include"]


@pytest.mark.parametrize("message", ["ok", "how are you today?", "cool", "👍", "好的", "vale"])
def test_small_talk_after_items_gets_no_new_opening(electronics_chatrec: object, message: str) -> None:
    rec = electronics_chatrec
    rec.respond("show me usb cables", session_id="s")  # type: ignore[attr-defined]
    reply = rec.respond(message, session_id="s")  # type: ignore[attr-defined]
    assert reply.question is None and not reply.recommendations, reply.text
    assert "what are you looking for" not in reply.text.lower()


def test_small_talk_is_told_from_a_wish_in_every_language() -> None:
    assert all(is_small_talk(m) for m in ["ok thanks", "谢谢", "hola", "danke schön", "how's your day going?"])
    assert not any(is_small_talk(m) for m in ["不要太暴露的", "a red dress", "something less loud"])


def test_cheaper_than_most_shown_is_a_bound_in_whole_units(electronics_chatrec: object) -> None:
    rec = electronics_chatrec
    rec.respond("show me usb cables", session_id="c")  # type: ignore[attr-defined]
    reply = rec.respond("something cheaper pls", session_id="c")  # type: ignore[attr-defined]
    bound = reply.metadata["constraints"]["max_price"]
    assert bound is None or bound < 100 or float(bound).is_integer(), bound
