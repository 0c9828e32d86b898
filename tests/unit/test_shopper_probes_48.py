"""Stop 48: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change.
"""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.not_carried import bare_thing


@pytest.mark.parametrize(("message", "thing"), [
    ("actually, a backpack", "backpack"),
    ("no, a backpack", "backpack"),
    ("ok so a backpack then", "backpack"),
    ("and a sofa please", "sofa"),
    ("sneakers for men", "sneakers"),
])
def test_a_change_of_mind_names_the_new_product(message: str, thing: str) -> None:
    assert bare_thing(message) == thing


def test_no_with_no_comma_turns_the_product_down_and_names_none() -> None:
    assert bare_thing("no backpacks") != "backpacks"


def test_actually_a_product_the_shop_lacks_is_said_so(electronics_chatrec: Any) -> None:
    """"actually, a backpack" after headphones read "None of the items for Headphones mentions “backpack”,
    so I cannot promise it; here are the closest": a wish of the headphones, not the product asked for."""
    electronics_chatrec.respond("usb cables, just show me", session_id="backpack")
    reply = electronics_chatrec.respond("actually, a backpack", session_id="backpack")
    assert "“backpack”" in reply.text and "mentions" not in reply.text, reply.text

