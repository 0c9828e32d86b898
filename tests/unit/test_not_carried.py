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
])
def test_the_thing_asked_for_by_name(message: str, thing: str | None) -> None:
    assert asked_for(message) == thing


def test_only_a_head_word_the_catalogue_never_uses_is_not_carried() -> None:
    assert not_carried("what about sherwanis?", VOCABULARY) == "sherwanis"
    assert not_carried("do you have ties?", VOCABULARY) is None
    assert not_carried("what about a blue watch?", VOCABULARY) is None
    assert not_carried("how about tshirts for men", VOCABULARY) is None
    assert not_carried("blue sherwanis", VOCABULARY) is None  # not asked for by name
