"""The classes of failure batch 7 of the blind conversations found (issue 12, branch i12s), each tried
on variants that are not in ``tests/conversations/blind_conversations_7.yaml``: a service the shop
cannot do (the search kept), "any from <brand>?" as a wish, the cheapest of a new product type, a
field given up without excluding ("other brands are fine too"), and "最便宜的是哪个" about the items
shown."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))

import runner  # noqa: E402

from chatrec import ChatRec  # noqa: E402
from chatrec.conversation import asks_cheapest_overall  # noqa: E402
from chatrec.conversation_moves import (  # noqa: E402
    cheapest_of_new_type,
    service_asked,
    value_asked_for,
    widened_fields,
)
from chatrec.request import ShopperRequest  # noqa: E402


def _items(rec: ChatRec, reply: object) -> list[object]:
    return [rec.item(r.item_id) for r in reply.recommendations]  # type: ignore[attr-defined]


# --- a service the shop cannot do --------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "could you wrap it as a gift for me?",
        "is gift wrapping possible?",
        "can you engrave his initials on it?",
        "能帮我礼品包装吗？",
        "¿podéis envolverlo para regalo?",
        "könnt ihr das als Geschenk verpacken?",
        "do you offer installation?",
    ],
)
def test_a_service_request_is_recognised(message: str) -> None:
    assert service_asked(ShopperRequest(), message)


@pytest.mark.parametrize("message", ["a gift for my dad", "a wrap dress", "show me hdmi cables"])
def test_a_wish_is_no_service_request(message: str) -> None:
    assert service_asked(ShopperRequest(), message) is None


def test_a_service_mid_search_is_declined_plainly_and_the_search_kept(electronics: ChatRec) -> None:
    first = electronics.respond("show me hdmi cables", session_id="s")
    assert first.recommendations
    reply = electronics.respond("would you gift wrap them for me?", session_id="s")
    assert not reply.recommendations
    assert "cannot" in reply.text.lower() or "can't" in reply.text.lower()
    after = electronics.respond("ok, any from AmazonBasics?", session_id="s")
    items = _items(electronics, after)
    assert items and all(i.brand == "AmazonBasics" and i.category == "HDMICables" for i in items)  # type: ignore[attr-defined]


# --- "any from <brand>?" -------------------------------------------------------------------------

_COUNTS = {"brand": {"Samsung": 4, "LG": 3, "boAt": 11}, "category": {"SmartTelevisions": 28}}


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("anything by Samsung?", "Samsung"),
        ("ok, any from lg?", "LG"),
        ("got any from BOAT", "boAt"),
        ("¿tienes alguno de Samsung?", "Samsung"),
        ("gibt es welche von LG?", "LG"),
        ("有LG的吗？", "LG"),
    ],
)
def test_any_from_a_brand_asks_to_see_it(message: str, value: str) -> None:
    assert value_asked_for(message, _COUNTS) == ("brand", value)


@pytest.mark.parametrize("message", ["any of these?", "any from the first list?", "anything by a good maker?",
                                     "is any of these from Samsung?"])
def test_any_from_something_not_a_value_is_not_read_so(message: str) -> None:
    assert value_asked_for(message, _COUNTS) is None


def test_any_from_a_brand_among_the_shown_shows_that_brand(electronics: ChatRec) -> None:
    electronics.respond("smart tv under 20000, show me", session_id="s")
    reply = electronics.respond("anything by Samsung?", session_id="s")
    items = _items(electronics, reply)
    assert items and all(i.brand == "Samsung" for i in items)  # type: ignore[attr-defined]


# --- the cheapest of a new product type ----------------------------------------------------------


def test_the_cheapest_of_another_type_is_the_shops_cheapest_of_it(electronics: ChatRec) -> None:
    electronics.respond("remote controls under 500 rupees please", session_id="s")
    reply = electronics.respond("what about the cheapest hdmi cable?", session_id="s")
    items = _items(electronics, reply)
    assert items and all(i.category == "HDMICables" for i in items)  # type: ignore[attr-defined]
    assert min(i.price for i in items) == 199.0  # type: ignore[attr-defined]  # the shop's cheapest HDMI cable
    assert "Tizum" in reply.text


@pytest.mark.parametrize(
    ("message", "current", "expected"),
    [
        ("¿y la tele más barata?", {"category": ["USBCables"]}, True),
        ("und der günstigste Fernseher?", {"category": ["USBCables"]}, True),
        ("which is the cheapest of these tvs?", {"category": ["USBCables"]}, False),
        ("the cheapest tv", {"category": ["SmartTelevisions"]}, False),
        ("a tv please", {"category": ["USBCables"]}, False),
    ],
)
def test_the_cheapest_of_a_new_type_is_told_from_the_cheapest_shown(
    message: str, current: dict[str, list[str]], expected: bool
) -> None:
    heard = ShopperRequest(include={"category": ["SmartTelevisions"]})
    assert cheapest_of_new_type(message, heard, current, ["category"]) is expected


# --- a field given up, nothing excluded ----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("I'm open to other brands", "brand"),
        ("different colours are ok as well", "baseColour"),
        ("别的颜色也行", "baseColour"),
        ("什么牌子都可以", "brand"),
        ("otros colores también valen", "baseColour"),
        ("andere Marken sind auch in Ordnung", "brand"),
    ],
)
def test_other_values_allowed_give_the_field_up(message: str, field: str) -> None:
    assert widened_fields(message, ["brand", "baseColour", "gender"]) == [field]


def test_other_brands_fine_too_keeps_the_search_and_excludes_nothing(electronics: ChatRec) -> None:
    electronics.respond("usb cables under 300 rupees", session_id="s")
    electronics.respond("only Ambrane", session_id="s")
    reply = electronics.respond("I'm fine with other brands too", session_id="s")
    items = _items(electronics, reply)
    assert items and all(i.category == "USBCables" and i.price <= 300 for i in items)  # type: ignore[attr-defined]
    assert any(i.brand != "Ambrane" for i in items)  # type: ignore[attr-defined]
    assert "Ambrane" not in str(electronics.session("s")["constraints"])  # neither wished nor excluded


def test_other_colours_fine_in_chinese_widens_the_colour(fashion: ChatRec) -> None:
    fashion.respond("给我看看男士黑色T恤", session_id="s")
    reply = fashion.respond("其他颜色也可以", session_id="s")
    items = _items(fashion, reply)
    assert items and all(i.attributes["articleType"] == "Tshirts" for i in items)  # type: ignore[attr-defined]
    assert any(i.attributes["baseColour"] != "Black" for i in items)  # type: ignore[attr-defined]


# --- "最便宜的是哪一款" asks about the items shown ---------------------------------------------------


@pytest.mark.parametrize(("message", "overall"), [("最便宜的是哪一款？", False), ("最便宜的是哪一个", False),
                                                   ("最便宜的耳机是哪款", True), ("你们店里最便宜的是什么", True)])
def test_which_is_cheapest_in_chinese_is_about_the_shown(message: str, overall: bool) -> None:
    assert asks_cheapest_overall(message) is overall


def test_which_is_cheapest_in_chinese_names_the_cheapest_shown(electronics: ChatRec) -> None:
    first = electronics.respond("给我看看两万以内的智能电视", session_id="s")
    shown = _items(electronics, first)
    assert shown
    reply = electronics.respond("最便宜的是哪一款？", session_id="s")
    assert not reply.recommendations or {r.item_id for r in reply.recommendations} <= {i.id for i in shown}  # type: ignore[attr-defined]
    cheapest = min(shown, key=lambda i: i.price)  # type: ignore[attr-defined]
    assert cheapest.brand in reply.text  # type: ignore[attr-defined]


# --- a new piece of an outfit keeps the outfit's use -----------------------------------------------


def test_a_new_piece_gives_up_the_colour_of_the_other_piece_not_the_use(fashion: ChatRec) -> None:
    fashion.respond("what should I wear to my cousin's wedding? I'm a guy", session_id="s")
    fashion.respond("maybe in blue", session_id="s")
    reply = fashion.respond("and some shoes for that", session_id="s")
    items = _items(fashion, reply)
    assert items and all(i.attributes["subCategory"] == "Shoes" for i in items)  # type: ignore[attr-defined]
    assert all(i.attributes["usage"] in ("Formal", "Ethnic") for i in items)  # type: ignore[attr-defined]
    assert "Blue" in reply.text  # the colour left out is named


def test_relax_gives_up_the_last_fields_after_the_other_attributes() -> None:
    from chatrec.dialogue import Wishes
    from chatrec.query import relax

    wishes = Wishes(include={"usage": ["Formal"], "baseColour": ["Red"], "subCategory": ["Shoes"]})
    fits = lambda w: len(w.include) <= 2  # noqa: E731 - any one wish left out is enough
    kept, dropped = relax(wishes, fits=fits, label=lambda w: "", last=["usage"])
    assert dropped == ["Red"] and "usage" in kept.include
    kept, dropped = relax(wishes, fits=fits, label=lambda w: "")
    assert dropped == ["Formal"]  # without ``last``: the oldest attribute first, as before


@pytest.mark.parametrize(("named_now", "expected"), [(["subCategory"], ["usage"]), (["baseColour"], []), ([], [])])
def test_outfit_fields_only_when_a_type_is_named(named_now: list[str], expected: list[str]) -> None:
    from chatrec.conversation_moves import outfit_fields

    assert outfit_fields(["gender", "usage", "baseColour"], named_now) == expected
