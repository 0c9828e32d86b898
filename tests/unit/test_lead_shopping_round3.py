"""Found by shopping both demos as a customer (lead, stop 25): an accessory for the shopper's device in
Chinese, Spanish and German, the summary of several kinds of one thing, and type words in reasons."""

from __future__ import annotations

import pytest

from chatrec.catalog import Item
from chatrec.compatible import device_makes
from chatrec.dialogue import Wishes
from chatrec.grounding import FactWriter, Request, facts_for
from chatrec.recommender import ChatRec
from chatrec.wording import Phrases

MAKES = ["iPhone", "Samsung", "MI", "OnePlus"]


@pytest.mark.parametrize(("message", "make"), [
    ("necesito un cargador para mi iphone", "iphone"),
    ("una funda que sirva para el OnePlus Nord", "OnePlus"),
    ("ein Ladekabel für mein iPhone bitte", "iPhone"),
    ("ich hab ein Samsung, brauche ein Ladegerät", "Samsung"),
    ("想给我的iPhone配根线", "iPhone"),
    ("适用于OnePlus的充电器有吗", "OnePlus"),
])
def test_the_device_an_accessory_is_for_is_read_in_other_languages(message: str, make: str) -> None:
    assert make in device_makes(message, MAKES)


@pytest.mark.parametrize("message", ["für mein Handy", "para mi movil", "给我的手机买个壳"])
def test_a_kind_of_device_names_no_make(message: str) -> None:
    assert device_makes(message, MAKES) == []


def test_a_charger_for_a_chinese_shoppers_iphone_is_not_only_chargers_made_by_iphone(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("给我的iPhone买个充电器", session_id="zh-device")
    assert len(reply.recommendations) >= 2
    assert all("iphone" in r.title.lower() for r in reply.recommendations)
    assert any((electronics_chatrec.item(r.item_id).brand or "").lower() != "iphone" for r in reply.recommendations)


def test_a_make_named_twice_is_also_the_makers_brand(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("a Samsung charger for my Samsung phone", session_id="twice")
    assert reply.recommendations
    assert all(electronics_chatrec.item(r.item_id).brand == "Samsung" for r in reply.recommendations)


def test_several_kinds_of_one_thing_are_summed_up_by_that_thing() -> None:
    wishes = Wishes(include={"category": ["Wall chargers", "Automobile chargers", "Battery chargers"]})
    assert Phrases().summary(wishes) == "chargers"
    assert Phrases().language("zh").summary(wishes) == "充电器"
    assert Phrases().summary(Wishes(include={"category": ["Wall chargers", "Mice", "Keyboards"]})) != "chargers"
    two = Phrases().summary(Wishes(include={"category": ["Smart televisions", "Standard televisions"]}))
    assert "or" in two, "two kinds are both named"


def test_a_word_for_the_type_asked_is_no_feature_of_the_item() -> None:
    item = Item(id="e", title="Boult Audio BassBuds X1 in-Ear Wired Headphones with mic (Black)", category="In-Ear",
                brand="Boult", price=329.0, currency="INR", description="Extra bass earbuds with a headset mic")
    request = Request(text="earphones for the gym", include={"category": ["In-Ear"]})
    reason = FactWriter().write(facts_for(item, request))
    assert "headphones" not in reason.lower() and "earbud" not in reason.lower() and "headset" not in reason.lower()
    assert "feature" not in reason, reason
