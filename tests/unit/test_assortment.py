"""Questions about what the shop has (``chatrec/assortment.py``): the brands, sizes and price range of the
search, answered from the catalogue in the shopper's language, with quick replies a click reads back as a
wish. Wordings other than the ones the module's docstring names."""

from __future__ import annotations

from typing import Any

import pytest

from chatrec import assortment
from chatrec.recommender import ChatRec


def _items(rec: ChatRec, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


@pytest.mark.parametrize("message", [
    "which sizes do the televisions come in?",
    "what screen sizes have you got",
    "有哪些尺寸",
    "¿en qué tamaños vienen las teles?",
    "welche Größen gibt es?",
])
def test_a_sizes_question_is_recognised_in_each_language(message: str) -> None:
    assert assortment.asks_sizes(message)


@pytest.mark.parametrize("message", [
    "what's your price range for remotes?",
    "how expensive are your hdmi cables",
    "价位是多少",
    "¿qué rango de precios tienen?",
    "in welcher Preisspanne liegen die Kabel?",
])
def test_a_price_range_question_is_recognised_in_each_language(message: str) -> None:
    assert assortment.asks_prices(message)


@pytest.mark.parametrize("message", ["show me a 43 inch tv", "the second one in blue", "cheap usb cables please"])
def test_wishes_are_no_assortment_question(message: str) -> None:
    assert not assortment.asks_sizes(message) and not assortment.asks_prices(message)


def test_values_differing_in_case_are_one_choice() -> None:
    from collections import Counter

    assert assortment.one_spelling(Counter({"tizum": 2, "Tizum": 1, "boAt": 1})) == Counter({"tizum": 3, "boAt": 1})


def test_the_product_after_for_in_an_assortment_question_is_the_search_not_a_device() -> None:
    assert assortment.reworded("what's the price range for hdmi cables?") == "what's the price range: hdmi cables?"
    # a person after "for" stays a person, and a plain wish is left alone
    assert assortment.reworded("what sizes do you have for my son?") == "what sizes do you have for my son?"
    assert assortment.reworded("a cable for my tv") == "a cable for my tv"


def test_brands_of_a_named_product_are_those_of_that_product(electronics: ChatRec) -> None:
    reply = electronics.respond("which brands of hdmi cables do you carry?", session_id="b")
    assert reply.question is not None and reply.question.attribute == "brand"
    assert "HDMI" in reply.text and "brands" in reply.text
    hdmi = {i.brand.casefold() for i in electronics.retriever.index.items if i.category == "HDMICables"}
    options = [o.casefold() for o in reply.question.options]
    assert set(options) <= hdmi and len(set(options)) == len(options)  # one spelling per brand
    clicked = electronics.respond(reply.question.options[0], session_id="b")
    shown = _items(electronics, clicked)
    assert shown and all(i.brand.casefold() == options[0] for i in shown)
    assert all(i.category == "HDMICables" for i in shown)


def test_brands_after_a_search_in_force_are_those_of_the_search_in_german(electronics: ChatRec) -> None:
    electronics.respond("Zeig mir Fernseher", session_id="d")
    reply = electronics.respond("Welche Marken habt ihr?", session_id="d")
    assert reply.question is not None and reply.question.attribute == "brand"
    tvs = {i.brand.casefold() for i in electronics.retriever.index.items if i.category.endswith("Televisions")}
    assert f"{len(tvs)} Marken" in reply.text and reply.text.startswith("Für ") and "gern?" in reply.text


def test_sizes_come_from_the_titles_and_a_click_shows_that_size(electronics: ChatRec) -> None:
    reply = electronics.respond("what screen sizes do your tvs have?", session_id="s")
    assert reply.question is not None and len(reply.question.options) >= 2
    assert all(o.endswith("inches") for o in reply.question.options)
    assert not reply.recommendations
    size = reply.question.options[0]
    shown = _items(electronics, electronics.respond(size, session_id="s"))
    assert shown and all(size.split()[0] in i.title for i in shown)


def test_sizes_in_chinese_are_said_in_chinese(electronics: ChatRec) -> None:
    reply = electronics.respond("电视有哪些尺寸？", session_id="z")
    assert reply.question is not None and all(o.endswith("英寸") for o in reply.question.options)


def test_no_sizes_when_the_titles_state_none(electronics: ChatRec) -> None:
    reply = electronics.respond("what sizes do the remotes come in?", session_id="r")
    assert reply.question is None and not reply.recommendations
    assert "size" in reply.text.lower()


def test_the_price_range_is_the_searchs_with_budgets_to_click(electronics: ChatRec) -> None:
    reply = electronics.respond("how much do your usb cables cost? what's the price range", session_id="p")
    assert reply.question is not None and len(reply.question.options) == 3
    assert reply.question.options[0].startswith("under ")
    cables = [i for i in electronics.retriever.index.items if i.category == "USBCables" and i.price is not None]
    assert f"{min(i.price for i in cables):,.0f}" in reply.text and f"{max(i.price for i in cables):,.0f}" in reply.text
    shown = _items(electronics, electronics.respond(reply.question.options[0], session_id="p"))
    bound = float(reply.question.options[0].split()[-1].replace(",", ""))
    assert shown and all(i.price <= bound and i.category == "USBCables" for i in shown)


def test_the_price_range_in_spanish(electronics: ChatRec) -> None:
    reply = electronics.respond("¿qué rango de precios tienen para los cables hdmi?", session_id="e")
    assert reply.question is not None and reply.question.options[0].startswith("menos de ")
    assert reply.text[:1].isupper()  # "Cables hdmi cuestan ...": the type's name starts the sentence


def test_a_price_question_about_the_items_shown_is_no_assortment_question(electronics: ChatRec) -> None:
    electronics.respond("usb cables", session_id="q")
    reply = electronics.respond("how much is the second one?", session_id="q")
    assert not (reply.question is not None and reply.question.options and reply.question.options[0].startswith("under "))
