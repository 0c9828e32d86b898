"""Stop 45: a capacity bound in litres is a spec wish like an inch or a wattage bound. "kettle at least 1.5 litres"
searched the words "least 1 5 litre" and showed 1.2-litre kettles; litres had no unit family."""

from __future__ import annotations

import pytest

from chatrec.spec_filters import describe, read_bounds, stated


@pytest.mark.parametrize(("text", "bounds"), [
    ("kettle at least 1.5 litres", {"l": (1.5, None)}),
    ("at least 1.7 l", {"l": (1.7, None)}),
    ("a 30L backpack", {"l": (30.0, 30.0)}),
    ("mindestens 1,7 Liter", {"l": (1.7, None)}),
    ("至少1.5升的", {"l": (1.5, None)}),
    ("al menos 2 litros", {"l": (2.0, None)}),
    ("size L shirt", {}),
    ("2XL tshirt", {}),
])
def test_litres_are_read_as_a_capacity(text: str, bounds: dict[str, tuple[float | None, float | None]]) -> None:
    assert read_bounds(text) == bounds


def test_titles_state_litres_and_millilitres() -> None:
    assert stated("Pigeon Quartz Electric Kettle (14299) 1.7 Litre") == {"l": [1.7]}
    assert stated("Kitchen Kit Electric Kettle, 1.8L Stainless Steel") == {"l": [1.8]}
    assert stated("Milton 500ml bottle") == {"l": [0.5]}
    assert describe("l", 1.5, None) == ">= 1.5 L"


def test_a_capacity_no_item_states_is_said_plainly(electronics_chatrec) -> None:
    reply = electronics_chatrec.respond("electric kettle at least 1.7 litres")  # the fixture has no kettles
    assert "capacity (litres)" in reply.text and ">= 1.7 L" in reply.text, reply.text
