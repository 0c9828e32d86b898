"""A change of product said as a change (stop 43): "actually make it a backpack", "a backpack instead", "switch
to a backpack" on a shop without backpacks say the shop sells none (it said "None of the items ... mentions
“make”"); "make it black", "make it 14000", "make it a mouse instead" stay a colour, a budget, a new type."""

from __future__ import annotations

import pytest

from chatrec.followups import not_mentioned
from chatrec.not_carried import asked_for


@pytest.mark.parametrize(("message", "thing"), [
    ("actually make it a backpack", "backpack"), ("a backpack instead", "backpack"),
    ("no, some earbuds instead", "earbuds"), ("switch to a backpack please", "backpack"),
    ("change it to a tripod", "tripod"), ("the second one instead", None),
])
def test_a_change_of_product_names_the_new_product(message: str, thing: str | None) -> None:
    assert asked_for(message) == thing


def test_the_verb_of_a_change_is_no_missing_feature() -> None:
    texts = ["AmazonBasics usb cable black", "boAt usb cable"]
    vocabulary = {"make", "backpack", "usb", "cable", "black"}
    assert not_mentioned("make backpack", "actually make it a backpack", texts, vocabulary) == "backpack"


@pytest.mark.parametrize("message", ["actually make it a backpack", "a backpack instead"])
def test_a_change_to_a_product_the_shop_lacks_says_so(electronics_chatrec, message: str) -> None:  # type: ignore[no-untyped-def]
    first = electronics_chatrec.respond("show me usb cables")
    reply = electronics_chatrec.respond(message, session_id=first.session_id)
    assert "sells no backpack" in reply.text or "nothing called “backpack”" in reply.text, reply.text
    assert "“make”" not in reply.text


def test_make_it_with_a_colour_or_a_budget_is_no_product(electronics_chatrec) -> None:  # type: ignore[no-untyped-def]
    first = electronics_chatrec.respond("show me usb cables")
    reply = electronics_chatrec.respond("make it 300", session_id=first.session_id)
    assert "sells no" not in reply.text and reply.recommendations, reply.text
    assert all(r.price is not None and r.price <= 300 for r in reply.recommendations)


def test_the_verb_of_a_change_is_no_word_a_reason_credits() -> None:
    from chatrec.grounding import Request, Wording

    said = Request(text="wireless headphones. actually make it a backpack").said(Wording.load())
    assert "make" not in said and "backpack" in said and "wireless" in said


@pytest.mark.parametrize(("message", "plain"), [("actually make it a backpack", "actually a backpack"),
                                                ("make it black", "make it black"), ("make it 14000", "make it 14000")])
def test_make_it_before_a_product_is_read_as_the_product(message: str, plain: str) -> None:
    from chatrec.informal import normalise

    assert normalise(message) == plain
