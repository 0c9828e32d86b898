""""Undo that" puts back the wishes as they were before the last message that changed them (stop 41,
b18-brand-undo: "oneplus tv", "actually samsung", "undo that" kept Samsung)."""

from __future__ import annotations

import pytest

from chatrec.dialogue import DialogueState, Heard, Undone
from chatrec.request import ShopperRequest
from chatrec.undo import asks_to_undo


@pytest.mark.parametrize("message", ["undo that", "Undo", "oops, undo the last change", "revert that please",
                                     "change it back", "mach das rückgängig", "rückgängig bitte", "deshazlo",
                                     "撤销", "改回去吧", "恢复到刚才的"])
def test_an_undo_is_read(message) -> None:
    assert asks_to_undo(message)


@pytest.mark.parametrize("message", ["go back to black", "undo the samsung and show lg", "can you undo a purchase?",
                                     "the second one", "put red back"])
def test_a_message_saying_more_is_no_bare_undo(message) -> None:
    assert not asks_to_undo(message)


def test_undone_puts_back_the_wishes_before_the_last_change_and_twice_redoes() -> None:
    state = DialogueState()
    state.apply(Heard(ShopperRequest(intent="recommend", include={"brand": ["OnePlus"], "category": ["SmartTelevisions"]})))
    state.apply(Heard(ShopperRequest(intent="refine", include={"brand": ["Samsung"]})))
    assert state.include["brand"] == ["Samsung"]
    state.apply(Undone())
    assert state.include["brand"] == ["OnePlus"] and state.include["category"] == ["SmartTelevisions"]
    state.apply(Undone())
    assert state.include["brand"] == ["Samsung"]
    assert DialogueState.from_dict(state.to_dict()).before_last == state.before_last


def test_a_message_that_changes_nothing_keeps_what_undo_puts_back() -> None:
    state = DialogueState()
    state.apply(Heard(ShopperRequest(intent="recommend", include={"brand": ["OnePlus"]})))
    state.apply(Heard(ShopperRequest(intent="refine", include={"brand": ["Samsung"]})))
    state.apply(Heard(ShopperRequest(intent="chitchat")))
    state.apply(Undone())
    assert state.include["brand"] == ["OnePlus"]


def test_undo_in_a_conversation(electronics) -> None:
    first = electronics.respond("oneplus tv")
    electronics.respond("actually samsung", session_id=first.session_id)
    reply = electronics.respond("undo that", session_id=first.session_id)
    assert reply.metadata["constraints"]["include"]["brand"] == ["OnePlus"], reply.metadata["constraints"]
    assert reply.recommendations and all("oneplus" in r.title.lower() for r in reply.recommendations)


def test_undo_before_any_change_says_there_is_nothing_to_undo(fashion) -> None:
    reply = fashion.respond("undo")
    assert reply.text.startswith("There is nothing to undo yet"), reply.text
    assert not reply.recommendations and reply.question is not None and reply.question.options


@pytest.mark.parametrize(("message", "start"), [("撤销", "目前还没有可以撤销"), ("mach das rückgängig", "Es gibt noch nichts")])
def test_nothing_to_undo_in_the_shoppers_language(fashion, message, start) -> None:
    assert fashion.respond(message).text.startswith(start)


def test_undo_back_to_no_wishes_asks_again_instead_of_showing_items_as_asked_for(fashion) -> None:
    first = fashion.respond("men's watches")
    reply = fashion.respond("undo that", session_id=first.session_id)
    assert reply.text.startswith("Done:") and reply.question is not None and not reply.recommendations
    assert reply.metadata["constraints"]["include"] == {}


def test_nothing_to_undo_with_wishes_keeps_the_list(fashion) -> None:
    first = fashion.respond("men's watches")
    fashion.respond("undo that", session_id=first.session_id)  # back to no wishes
    again = fashion.respond("men's watches", session_id=first.session_id)
    assert again.recommendations


def test_a_reason_after_undo_no_longer_credits_the_undone_colour(fashion) -> None:
    first = fashion.respond("men's watches")
    fashion.respond("black ones", session_id=first.session_id)
    reply = fashion.respond("undo", session_id=first.session_id)
    assert reply.recommendations and "baseColour" not in reply.metadata["constraints"]["include"]
    assert any("black" in r.title.lower() for r in reply.recommendations)  # the black ones are among them
    assert not any("colour" in r.reason for r in reply.recommendations), [r.reason for r in reply.recommendations]
