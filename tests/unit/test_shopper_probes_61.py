"""Stop 61: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.demo_reading import talk


def _talk(rec: Any, *messages: str) -> Any:
    return talk(rec, *messages, prefix="p61")


# --- a product the shop does not sell, named bare or respelt -------------------------------------------------------

def test_a_thing_not_sold_is_quoted_as_the_shopper_wrote_it(whole_fashion: Any) -> None:
    # Before: "This shop sells no flying pan": "frying" had been respelt to a catalogue word.
    reply = _talk(whole_fashion, "i need a frying pan")
    assert "frying pan" in reply.text and "flying" not in reply.text, reply.text


@pytest.mark.parametrize("message, thing", [("a frying pan please", "frying pan"),
                                            ("some tennis rackets", "tennis rackets"),
                                            ("a power strip", "power strip")])
def test_a_product_named_bare_that_the_shop_does_not_sell_is_said(whole_fashion: Any, message: str, thing: str) -> None:
    # Before: only "Which category would you like?", as if the shopper had named nothing.
    reply = _talk(whole_fashion, message)
    assert f"“{thing}”" in reply.text and not reply.recommendations, reply.text


def test_a_feature_of_a_thing_not_sold_is_no_wish_and_shows_nothing_near(whole_fashion: Any) -> None:
    # Before: "I found nothing called “pan”. Nothing I have says “non stick”, so these are the closest without it."
    # (then capris named "Pan" and sandals as "the closest match").
    reply = _talk(whole_fashion, "a non stick pan")
    assert "“non stick pan”" in reply.text and "Nothing I have says" not in reply.text, reply.text
    assert not reply.recommendations and reply.question is not None, reply.text


def test_a_thing_not_sold_leaves_nothing_behind_for_the_next_wish(whole_fashion: Any) -> None:
    # Before: the next wish's items were credited "pan" / "防浪涌" from the pan asked for before.
    reply = _talk(whole_fashion, "a non stick pan", "black watches")
    assert reply.recommendations, reply.text
    for rec in reply.recommendations:
        assert "pan" not in rec.reason.lower() and "stick" not in rec.reason.lower(), rec.reason


def test_a_chinese_thing_not_sold_is_quoted_without_its_count(whole_fashion: Any) -> None:
    reply = _talk(whole_fashion, "a non stick pan", "一个插线板")
    assert "“插线板”" in reply.text and not reply.recommendations, reply.text


def test_a_thing_not_sold_with_a_feature_asks_which_kind(whole_fashion: Any) -> None:
    # Before: a rain jacket and four backpacks as "the closest match to your request" for waterproof tents.
    reply = _talk(whole_fashion, "waterproof tents")
    assert "“waterproof tents”" in reply.text and not reply.recommendations and reply.question is not None, reply.text


@pytest.mark.parametrize("message, kind", [("gloves", "Gloves"), ("do you have laptops?", None)])
def test_things_sold_are_still_shown(whole_fashion: Any, whole_electronics: Any, message: str, kind: str | None) -> None:
    # Guard: "glove" is a product noun now; it is sold on the fashion shop. Laptops are sold on the electronics one.
    rec = whole_fashion if kind else whole_electronics
    reply = _talk(rec, message)
    assert reply.recommendations and "nothing called" not in reply.text, reply.text


def test_as_written_puts_back_a_respelt_word_and_leaves_chinese() -> None:
    from chatrec.gaps_round17 import as_written

    assert as_written("flying pan", "i need a frying pan") == "frying pan"
    assert as_written("插线板", "一个插线板") == "插线板"
    assert as_written("power strip", "a power strip") == "power strip"


def test_named_whole_takes_the_features_said_before_the_thing() -> None:
    from chatrec.gaps_round17 import named_whole

    assert named_whole("pan", "a non stick pan") == "non stick pan"
    assert named_whole("pan", "pans, non stick") == "pan"


def test_a_german_thing_not_sold_keeps_its_capital(whole_fashion: Any) -> None:
    # Before: „pfanne“, lower-cased as it was read.
    reply = _talk(whole_fashion, "ich suche eine Pfanne")
    assert "„Pfanne“" in reply.text, reply.text
