"""Batch 15's conversation classes (issue 12, branch i12az; ``chatrec/batch15_classes.py``), on other
wordings than the batch's: several of one shown item bought, "you guys" as the shop, a remark about the
assistant, a no before going back, "put X back", going back by a broader name and a length given up."""

from __future__ import annotations

from typing import Any

import pytest

from chatrec import batch15_classes
from chatrec.recommender import ChatRec
from chatrec.request import ItemReference, ShopperRequest


@pytest.fixture
def fashion(fashion_chatrec: ChatRec) -> ChatRec:
    return fashion_chatrec


@pytest.fixture
def electronics(electronics_chatrec: ChatRec) -> ChatRec:
    return electronics_chatrec


def _items(rec: ChatRec, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


# ---------------------------------------------------------------- several of one shown item

@pytest.mark.parametrize(("message", "pick"), [
    ("two of the second please", "I'll take the second one"),
    ("I need 4 of the third one for the team", "I'll take the third one"),
    ("a couple of the last one", "I'll take the last one"),
    ("drei von der zweiten, bitte", "ich nehme den zweiten"),
    ("vier vom dritten", "ich nehme den dritten"),
    ("quiero tres de la segunda", "me quedo con el segundo"),
    ("me llevo la tercera", "me quedo con el tercero"),
    ("第二个要三个", "就要第二个"),
    ("买两双第一双", "就要第一个"),
])
def test_several_of_one_shown_item_is_its_pick(message: str, pick: str) -> None:
    assert batch15_classes.picked(message, 3) == pick


@pytest.mark.parametrize(("message", "shown"), [
    ("two of the first one", 0),  # nothing shown: no item to pick
    ("two of the fourth", 3),  # past the list: the out-of-range reply says so
    ("one of the first ones", 3),  # "one of": which one is not said
    ("show me two of them in blue", 3),
    ("tell me about the first two", 3),
    ("I want three cables, type c", 3),
])
def test_other_counts_are_no_pick(message: str, shown: int) -> None:
    assert batch15_classes.picked(message, shown) is None


def test_buying_several_of_one_item_answers_about_it_and_shows_nothing_new(electronics: ChatRec) -> None:
    first = _items(electronics, electronics.respond("hdmi cables", session_id="buy"))[0]
    reply = electronics.respond("can I get two of the first one", session_id="buy")
    assert not reply.recommendations
    assert first.brand.lower() in reply.text.lower() or first.title.split()[0].lower() in reply.text.lower()


def test_buying_several_in_german_answers_in_german(electronics: ChatRec) -> None:
    electronics.respond("zeig mir HDMI-Kabel", session_id="de")
    reply = electronics.respond("drei vom zweiten, danke", session_id="de")
    assert not reply.recommendations
    assert "Wahl" in reply.text and "choice" not in reply.text  # "Gute Wahl: ...", the pick answered in German


# ---------------------------------------------------------------- "you guys", remarks about the assistant

@pytest.mark.parametrize(("message", "read"), [
    ("you guys have nice stuff", "you have nice stuff"),
    ("do u guys deliver on sunday", "do you deliver on sunday"),
    ("ya folks are quick", "you are quick"),
])
def test_you_guys_is_the_shop(message: str, read: str) -> None:
    assert batch15_classes.rewritten(message, 0) == read


@pytest.mark.parametrize("message", [
    "this is taking ages", "omg this site is so slow", "the app is kinda laggy today", "das dauert heute ewig",
    "esto va muy lento", "你们今天怎么这么慢",
])
def test_a_remark_about_the_assistant_is_chitchat(message: str) -> None:
    heard = ShopperRequest(intent="refine", query="slow", show_now=True)
    assert batch15_classes.remark(message)
    assert batch15_classes.read(heard, message).intent == "chitchat"


@pytest.mark.parametrize("message", ["slow cooker", "this one is too slow at charging, faster ones?", "it is black"])
def test_wishes_are_no_remark(message: str) -> None:
    assert not batch15_classes.remark(message)


def test_a_remark_keeps_the_search_and_shows_nothing(fashion: ChatRec) -> None:
    fashion.respond("sunglasses for men", session_id="remark")
    reply = fashion.respond("ugh this is taking forever", session_id="remark")
    assert not reply.recommendations
    reply = fashion.respond("black ones", session_id="remark")
    assert reply.recommendations and all(i.attributes["articleType"] == "Sunglasses" for i in _items(fashion, reply))


def test_a_remark_with_a_wish_keeps_the_wish() -> None:
    heard = ShopperRequest(intent="refine", include={"baseColour": ["Black"]}, show_now=True)
    assert batch15_classes.read(heard, "this is taking forever, black ones").intent == "refine"


# ---------------------------------------------------------------- a no before going back, "put X back"

@pytest.mark.parametrize(("message", "read"), [
    ("no, back to the red ones", "back to the red ones"),
    ("nah go back to the watches", "go back to the watches"),
    ("nein, zurück zu den Uhren", "zurück zu den Uhren"),
    ("hmm no, put lg back", "bring lg back"),
    ("put the black back please", "bring the black back please"),
    ("can you put Samsung back", "can you bring Samsung back"),
])
def test_going_back_and_putting_back_are_read_plainly(message: str, read: str) -> None:
    assert batch15_classes.rewritten(message, 5) == read


@pytest.mark.parametrize("message", ["put it back", "no, not these", "nope", "no red please", "please put them back"])
def test_other_messages_stay(message: str) -> None:
    assert batch15_classes.rewritten(message, 5) == message


def test_no_then_back_to_an_earlier_colour_shows_it_again(fashion: ChatRec) -> None:
    fashion.respond("black watches for women", session_id="back")
    fashion.respond("show me white ones", session_id="back")
    reply = fashion.respond("no no, back to the black ones", session_id="back")
    items = _items(fashion, reply)
    assert items and all(i.attributes["baseColour"] == "Black" for i in items)


def test_put_a_brand_back_after_any_brand(electronics: ChatRec) -> None:
    electronics.respond("lg smart tv", session_id="brand")
    electronics.respond("any brand is fine", session_id="brand")
    reply = electronics.respond("no wait, put LG back", session_id="brand")
    items = _items(electronics, reply)
    assert items and all(i.brand == "LG" for i in items)


# ---------------------------------------------------------------- going back by a broader name

def test_back_types_keeps_the_earlier_lists_type() -> None:
    heard = ShopperRequest(intent="show_again", include={"category": ["SmartTelevisions", "StandardTelevisions"]})
    assert batch15_classes.back_types(heard, {"category": ["SmartTelevisions"]}).include == {"category": ["SmartTelevisions"]}


def test_back_types_keeps_a_type_said_that_is_no_broader() -> None:
    heard = ShopperRequest(intent="show_again", include={"category": ["HDMICables"]})
    assert batch15_classes.back_types(heard, {"category": ["SmartTelevisions"]}).include == {"category": ["HDMICables"]}


def test_back_to_the_televisions_after_smart_tvs_and_cables(electronics: ChatRec) -> None:
    electronics.respond("smart tv under 20000", session_id="tv")
    electronics.respond("and some usb cables", session_id="tv")
    reply = electronics.respond("ok take me back to the televisions", session_id="tv")
    items = _items(electronics, reply)
    assert items and all(i.category == "SmartTelevisions" for i in items)


def test_back_to_the_televisions_after_asking_about_one(electronics: ChatRec) -> None:
    electronics.respond("smart tv under 20000", session_id="tv2")
    electronics.respond("now hdmi cables", session_id="tv2")
    electronics.respond("the second tv from before, how much was it?", session_id="tv2")
    reply = electronics.respond("back to the televisions", session_id="tv2")
    items = _items(electronics, reply)
    assert items and all(i.category == "SmartTelevisions" for i in items)


def test_back_to_shown_needs_words_of_going_back() -> None:
    shown = [type("I", (), {"field_value": lambda self, name: "SmartTelevisions"})()]
    heard = ShopperRequest(intent="recommend", include={"category": ["SmartTelevisions", "StandardTelevisions"]})
    assert batch15_classes.back_to_shown(heard, "show me tvs", shown, ["category"]) is heard
    kept = batch15_classes.back_to_shown(heard, "back to the tvs", shown, ["category"])
    assert kept.include == {"category": ["SmartTelevisions"]}
    asked = heard.model_copy(update={"references": [ItemReference(position=1, item_id="x")]})
    assert batch15_classes.back_to_shown(asked, "back to the tvs", shown, ["category"]) is asked


# ---------------------------------------------------------------- a length given up

@pytest.mark.parametrize("message", [
    "never mind the length", "how long doesn't matter", "egal wie lang, also die Länge ist egal", "olvida el largo",
    "长度无所谓",
])
def test_a_length_given_up(message: str) -> None:
    assert batch15_classes.lengths_given_up(message, ["m"]) == ["m"]


@pytest.mark.parametrize(("message", "in_force"), [
    ("forget the length", ["inch"]), ("at least 2 metres long", ["m"]), ("forget the colour", ["m"]),
])
def test_no_length_given_up(message: str, in_force: list[str]) -> None:
    assert batch15_classes.lengths_given_up(message, in_force) == []


def test_forgetting_the_length_shows_the_shorter_cables_too(electronics: ChatRec) -> None:
    electronics.respond("usb c cable at least 2 metres", session_id="len")
    reply = electronics.respond("ok never mind the length, show me type c cables", session_id="len")
    assert "2 m" not in reply.text and ">=" not in reply.text
    assert reply.recommendations
