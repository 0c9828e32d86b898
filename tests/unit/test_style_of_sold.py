"""Stop 44: a style the item names say ("Ray-Ban Men Aviator Sunglasses") is a wish the items shown must state,
not a product the shop lacks: "do you have aviators?" was answered "This shop sells no aviators", and "only
aviator ones" showed three aviators and then other sunglasses as if they were."""

from __future__ import annotations

import pytest

from chatrec.shopper_moves import styles_sold_items

TITLES = ["Ray-Ban Men Aviator Sunglasses", "Basics Men Aviator Sunglasses", "Fastrack Men Sunglasses",
          "Lint Remover for Washing Machine", "Cable for Laptop", "Laptop Cable for Laptop", "Arrow Men Polo Tshirt",
          "Peter England Men Polo T-shirt"]


@pytest.mark.parametrize(("thing", "expected"), [
    ("aviators", True), ("aviator", True), ("polos", True),
    ("laptops", False),  # a product noun: the shop sells none, whatever titles say
    ("washing machines", False),  # named only as what an item is for
    ("hair dryers", False),  # in no title
])
def test_a_style_is_what_item_names_say_they_are(thing: str, expected: bool) -> None:
    assert styles_sold_items(thing, TITLES) is expected


def test_one_title_is_not_enough() -> None:
    assert not styles_sold_items("aviators", ["Ray-Ban Men Aviator Sunglasses", "Fastrack Men Sunglasses"])


def test_asking_for_aviators_shows_them_and_never_says_none_is_sold(fashion_chatrec) -> None:
    reply = fashion_chatrec.respond("do you have aviators?")
    assert "sells no" not in reply.text
    assert reply.recommendations and "Aviator" in reply.recommendations[0].title


@pytest.mark.parametrize("message", ["only aviator ones", "the aviator ones", "aviators please"])
def test_an_aviator_wish_keeps_to_items_that_say_it(fashion_chatrec, message: str) -> None:
    sid = fashion_chatrec.respond("sunglasses for men").session_id
    reply = fashion_chatrec.respond(message, session_id=sid)
    titles = [r.title for r in reply.recommendations]
    assert titles and all("aviator" in t.lower() for t in titles), titles
