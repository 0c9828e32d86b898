"""Batch 19 (i12db): shown items pointed at by a word of their titles, by the place next to the last one
pointed at, or as "the other" of a named one (:mod:`chatrec.shown_references`). Other wordings, products and
languages than the blind batch."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chatrec.request import ItemReference, ShopperRequest
from chatrec.shown_references import point, points_by_title, without_pointing_words


def _item(n: int, title: str, colour: str = "") -> SimpleNamespace:
    return SimpleNamespace(id=f"i{n}", title=title, attributes={"baseColour": colour} if colour else {})


BAGS = [_item(1, "Baggit Women Red Handbag", "Red"), _item(2, "Lavie Women Beige Sling Bag", "Beige"),
        _item(3, "Caprese Women Navy Blue Tote", "Navy Blue")]
TVS = [_item(4, "Sony 108 cm (43 inches) 4K Ultra HD Smart TV"), _item(5, "Samsung 80 cm (32 inches) HD Ready TV"),
       _item(6, "Sony 80 cm (32 inches) HD Ready TV")]


def _searching(**update: object) -> ShopperRequest:
    return ShopperRequest(intent="refine", include={"brand": ["Lavie"]}, **update)


@pytest.mark.parametrize(("message", "position"), [
    ("the lavie one, is it leather?", 2),
    ("and the caprese one?", 3),
    ("the one in beige, which brand?", 2),
    ("the navy one - how much?", 3),
    ("Das von Caprese, ist das aus Leder?", 3),
    ("el de Baggit, ¿es de cuero?", 1),
])
def test_a_title_word_of_one_shown_item_points_at_it(message: str, position: int) -> None:
    heard = point(_searching(), message, BAGS)
    assert heard.intent == "ask_about_item"
    assert heard.positions == [position]
    assert not heard.include


def test_a_word_of_every_shown_title_points_at_none() -> None:
    heard = _searching()
    assert point(heard, "the women one, is it leather?", BAGS) is heard


def test_a_wish_without_a_question_is_left_as_read() -> None:
    heard = _searching()
    assert point(heard, "show me lavie bags", BAGS) is heard


def test_two_shown_items_of_the_named_make_are_compared() -> None:
    heard = point(_searching(), "are the sony ones smart?", TVS)
    assert heard.intent == "compare" and heard.positions == [1, 3]


@pytest.mark.parametrize(("message", "last", "position"), [
    ("and the one before it, how big is it?", [3], 2),
    ("what about the previous one?", [2], 1),
    ("the next one, what does it cost?", [1], 2),
    ("¿y el anterior, cuánto cuesta?", [3], 2),
    ("und das davor, was kostet das?", [2], 1),
])
def test_the_place_next_to_the_last_pointed_one(message: str, last: list[int], position: int) -> None:
    heard = point(ShopperRequest(intent="ask_about_item", references=[ItemReference(position=last[0])]), message,
                  TVS, last)
    assert heard.positions == [position]


@pytest.mark.parametrize("message", [
    "not the sony ones, the other one - how much?",
    "nicht die von Sony, das andere - was kostet das?",
])
def test_the_other_one_is_the_shown_one_not_named(message: str) -> None:
    heard = point(ShopperRequest(intent="ask_about_item", references=[ItemReference(position=1)]), message, TVS)
    assert heard.positions == [2]


def test_a_follow_up_by_brand_asks_the_earlier_question() -> None:
    assert without_pointing_words("and the caprese one?", [BAGS[2]]) == "and the one?"
    assert without_pointing_words("the lavie one, is it beige?", [BAGS[1]]) == "the one, is it beige?"


def test_a_pointing_word_keeps_a_title_reference_from_a_bare_brand_wish() -> None:
    asked = ShopperRequest(intent="ask_about_item", references=[ItemReference(position=2, how="title")])
    assert points_by_title(asked, "and the lavie one?")
    assert not points_by_title(asked, "lavie?")


@pytest.mark.parametrize("message", [
    "the beige ones are nice. show me the beige ones only",
    "what's the cheapest navy one you have then",
    "any more like the lavie one?",
    "the red one is nice",
])
def test_a_wish_for_items_or_a_statement_is_no_question_about_a_shown_one(message: str) -> None:
    heard = _searching()
    assert point(heard, message, BAGS) is heard
