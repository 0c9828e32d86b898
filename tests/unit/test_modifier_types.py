"""Stop 46: a product named by its use is that product: "laptop backpack" is a backpack, not a laptop.

On the electronics demo "laptop backpack" was read as the type Laptops and showed a laptop "of the type you asked
for"; "a tv cabinet" showed televisions. When the head noun reads no type of its own and the type read comes from
the words before it alone, that type is no wish: the shop sells no such thing, and the reply says so. A phrase that
reads a type as a whole ("laptop bag": laptop sleeves) or whose head noun is a type ("tv remote", "gaming laptop")
keeps it.
"""

from __future__ import annotations

import pytest

from chatrec.modifier_types import for_use_only
from chatrec.understanding import ShopperRequest

_TYPES = {"laptop": {"subcategory": ["Laptops"]}, "laptop bag": {"category": ["LaptopSleeves&Slipcases"]},
          "remote": {"category": ["RemoteControls"]}, "tv": {"category": ["SmartTelevisions"]}}


def _read(text: str) -> ShopperRequest:
    found = next((types for words, types in sorted(_TYPES.items(), key=lambda pair: -len(pair[0])) if words in text), {})
    return ShopperRequest(intent="recommend", query=text, include=found)


@pytest.mark.parametrize("message", ["laptop backpack", "i need a laptop backpack", "a laptop trolley bag",
                                     "do you have laptop backpacks?", "a laptop backpack please"])
def test_a_type_named_only_by_the_modifier_is_no_wish(message: str) -> None:
    heard = ShopperRequest(intent="recommend", query=message, include={"subcategory": ["Laptops"]})
    assert for_use_only(heard, message, _read).include == {}


@pytest.mark.parametrize(("message", "include"), [
    ("laptop bag", {"category": ["LaptopSleeves&Slipcases"]}),  # the whole phrase names the type
    ("tv remote", {"category": ["RemoteControls"]}),  # the head noun is a type
    ("a new laptop", {"subcategory": ["Laptops"]}),  # one noun
])
def test_a_type_the_phrase_or_its_head_names_stays(message: str, include: dict[str, list[str]]) -> None:
    heard = ShopperRequest(intent="recommend", query=message, include=include)
    assert for_use_only(heard, message, _read).include == include


def test_a_tv_cabinet_is_no_television(electronics_chatrec) -> None:
    reply = electronics_chatrec.respond("i need a tv cabinet")
    assert "tv cabinet" in reply.text.lower(), reply.text
    assert not any("television" in r.reason for r in reply.recommendations), [r.reason for r in reply.recommendations]
    assert reply.metadata["understood"]["include"] == {}, reply.metadata["understood"]


def test_a_tv_remote_stays_a_remote(electronics_chatrec) -> None:
    reply = electronics_chatrec.respond("show me a tv remote")
    assert reply.metadata["understood"]["include"].get("category") == ["RemoteControls"], reply.metadata["understood"]
