""""What about sherwanis?" on a shop that has none: the reply says so before what comes closest."""

from __future__ import annotations

import pytest

from chatrec.not_carried import asked_for, not_carried

VOCABULARY = {"tie", "ties", "tshirt", "tshirts", "watch", "watches", "blue", "men"}


@pytest.mark.parametrize("message, thing", [
    ("what about sherwanis?", "sherwanis"),
    ("ok, how about some blue sherwanis for my husband?", "blue sherwanis"),
    ("do you sell hoverboards", "hoverboards"),
    ("do you have any rain boots in stock?", "rain boots"),
    ("any skateboards?", "skateboards"),
    ("black shoes for men", None),
    ("I need a sofa", "sofa"),
    ("hi, I'm looking for formal shoes for an interview", "formal shoes"),
    ("I want a laptop bag, not too expensive", "laptop bag"),
    ("looking for a phone my mom can use", "phone"),
    ("I want to look good at a wedding", None),
])
def test_the_thing_asked_for_by_name(message: str, thing: str | None) -> None:
    assert asked_for(message) == thing


def test_only_a_head_word_the_catalogue_never_uses_is_not_carried() -> None:
    assert not_carried("what about sherwanis?", VOCABULARY) == "sherwanis"
    assert not_carried("do you have ties?", VOCABULARY) is None
    assert not_carried("what about a blue watch?", VOCABULARY) is None
    assert not_carried("how about tshirts for men", VOCABULARY) is None
    assert not_carried("blue kaftans", VOCABULARY) is None  # not asked for by name (no known product noun)
    assert not_carried("blue sherwanis", VOCABULARY) == "blue sherwanis"  # stop 48: a garment's name, bare


def test_a_request_for_something_unnamed_is_not_a_thing_the_shop_lacks() -> None:
    assert not_carried("I need a sofa for my living room", VOCABULARY) == "sofa"
    assert not_carried("I want something for my dad", VOCABULARY) is None
    assert not_carried("i need a gift for my wife", VOCABULARY) is None
    assert not_carried("I want the second one", VOCABULARY) is None
    assert not_carried("show me blue watches under 50", VOCABULARY) is None
