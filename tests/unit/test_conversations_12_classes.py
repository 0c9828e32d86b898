"""The classes of failure batch 12 of the blind conversations found (issue 12, branch i12ak), each tried on
wording that is not in ``tests/conversations/blind_conversations_12.yaml``: (a) the device an accessory is
for, named bare ("for sony") or as a device that broke; (b) "do you have a 1 metre one?" is a search;
(c) "the brown ones" alone is a search by the value; (d) "for an LG tv" while remotes are sought names the
device; (e) a product named only in a complaint is no wish; (f) "and the third, how much?" asks its own
question; (g) "ill grab it" buys; (h) Spanish and German yes/no verbs ("¿soporta 4k?"); (i) "not nike"
narrows like "not purple"; (j) closings in Chinese, Spanish and German; (k) garment styles the titles name
("polo"); (l) "华为手机能用的" names the device."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))

import runner  # noqa: E402

from chatrec import ChatRec  # noqa: E402
from chatrec.answers import resolve_question  # noqa: E402
from chatrec.catalog import Item  # noqa: E402
from chatrec.compatible import device_makes  # noqa: E402
from chatrec.shopper_moves import closes  # noqa: E402
from chatrec.specs import features  # noqa: E402

_MAKES = ["LG", "Samsung", "OnePlus", "MI", "Mi", "Sony", "boAt"]


def _items(rec: ChatRec, reply: object) -> list[Item]:
    return [rec.item(r.item_id) for r in reply.recommendations]  # type: ignore[attr-defined]


# --- (a) the device named bare, or as the device that broke ---------------------------------------


@pytest.mark.parametrize(("text", "make"), [
    ("a remote for lg please", "lg"),
    ("need a charging cable that works with OnePlus", "oneplus"),
    ("my Samsung tv died yesterday, need a remote", "samsung"),
    ("mein Sony Fernseher ist kaputt, ich brauche eine Fernbedienung", "sony"),
])
def test_the_make_of_the_device_is_read_bare_or_broken(text: str, make: str) -> None:
    assert make in [m.casefold() for m in device_makes(text, _MAKES)]


@pytest.mark.parametrize("text", [
    "tshirts for women",
    "Necesito un mando para mi tele",  # Spanish "mi" is "my", not the make Mi
    "a cable for the office",
])
def test_no_make_is_read_from_words_that_are_no_catalogue_make(text: str) -> None:
    assert device_makes(text, _MAKES) == []


def test_a_remote_for_a_make_named_bare_names_that_make(electronics: ChatRec) -> None:
    items = _items(electronics, electronics.respond("tv remote for sony", session_id="s"))
    assert items and all(i.category == "RemoteControls" and "sony" in i.title.lower() for i in items)


def test_a_remote_for_a_broken_device_names_its_make(electronics: ChatRec) -> None:
    items = _items(electronics, electronics.respond("a remote please, my dad's Samsung one stopped working", session_id="s"))
    assert items and all(i.category == "RemoteControls" and "samsung" in i.title.lower() for i in items)


def test_one_for_another_make_keeps_the_remotes(electronics: ChatRec) -> None:
    electronics.respond("Fernbedienung für meinen Samsung Fernseher", session_id="s")
    items = _items(electronics, electronics.respond("jetzt noch eine für Sony bitte", session_id="s"))
    assert items and all(i.category == "RemoteControls" and "sony" in i.title.lower() for i in items)


# --- (b) "do you have a 1 metre one?" ---------------------------------------------------------------


@pytest.mark.parametrize("ask", ["is there a 1 metre one?", "do you have one that is 1m long"])
def test_asking_for_a_figure_is_a_search(electronics: ChatRec, ask: str) -> None:
    electronics.respond("usb type c cables", session_id="s")
    reply = electronics.respond(ask, session_id="s")
    items = _items(electronics, reply)
    bad = [i.title for i in items if not re.search(r"(?<![\d.])1\s*-?\s*(?:m|mtrs?|meters?|metres?)\b|3\.28 feet", i.title, re.I)]
    assert items and not bad, bad


def test_asking_about_a_shown_item_s_figure_stays_a_question(electronics: ChatRec) -> None:
    electronics.respond("usb type c cables", session_id="s")
    reply = electronics.respond("is the second one 1 metre?", session_id="s")
    assert reply.metadata.get("intent") in ("ask_about_item", "compare")


# --- (c) "the brown ones" alone ---------------------------------------------------------------------


@pytest.mark.parametrize(("first", "then", "value"), [
    ("handbags for women", "the brown ones", "Brown"),
    ("sunglasses for women", "ok the purple ones then", "Purple"),
])
def test_the_value_ones_alone_search_by_the_value(fashion: ChatRec, first: str, then: str, value: str) -> None:
    fashion.respond(first, session_id="s")
    items = _items(fashion, fashion.respond(then, session_id="s"))
    assert items and all(i.attributes["baseColour"] == value for i in items)


# --- (d) "for an LG tv" while remotes are sought -------------------------------------------------------


@pytest.mark.parametrize(("first", "then", "make"), [
    ("remote controls", "for an LG tv actually", "lg"),
    ("Fernbedienung", "für einen Samsung Fernseher", "samsung"),
])
def test_a_device_named_after_for_keeps_the_accessory(electronics: ChatRec, first: str, then: str, make: str) -> None:
    electronics.respond(first, session_id="s")
    items = _items(electronics, electronics.respond(then, session_id="s"))
    assert items and all(i.category == "RemoteControls" and make in i.title.lower() for i in items)


# --- (e) a product named only in a complaint ------------------------------------------------------------


@pytest.mark.parametrize(("text", "category"), [
    ("my old remote is broken and honestly the whole tv is ancient, so i want a new smart tv under 15000", "SmartTelevisions"),
    ("the hdmi cable keeps breaking and i give up on it, i need a wifi adapter for my pc", "WirelessUSBAdapters"),
])
def test_a_product_complained_of_is_no_wish(electronics: ChatRec, text: str, category: str) -> None:
    items = _items(electronics, electronics.respond(text, session_id="s"))
    assert items and all(i.category == category for i in items)


def test_a_broken_product_asked_for_again_is_the_wish(electronics: ChatRec) -> None:
    reply = electronics.respond("my tv remote is broken, i need a new one", session_id="s")
    items = _items(electronics, reply)
    assert not items or all(i.category == "RemoteControls" for i in items)


# --- (f) a follow-up with a question of its own ------------------------------------------------------


@pytest.mark.parametrize("text", ["and the third one, how much?", "y el tercero, ¿cuánto cuesta?", "und das dritte, was kostet es?",
                                  "那第三个多少钱"])
def test_a_follow_up_asking_the_price_asks_it(text: str) -> None:
    assert resolve_question(text, "en", "is the first one 4k?") == text


def test_a_bare_follow_up_still_repeats_the_question() -> None:
    assert resolve_question("and the third one?", "en", "is the first one 4k?") == "is the first one 4k?"


# --- (g) "ill grab it" -------------------------------------------------------------------------------


@pytest.mark.parametrize("buy", ["ok ill grab the second one", "im getting the second one"])
def test_a_buy_without_apostrophe_takes_the_item(electronics: ChatRec, buy: str) -> None:
    shown = _items(electronics, electronics.respond("hdmi cables", session_id="s"))
    reply = electronics.respond(buy, session_id="s")
    assert len(shown) >= 2 and not reply.recommendations
    assert shown[1].title.split()[0].lower() in reply.text.lower()


# --- (h) yes/no questions with "soporta", "funciona", "unterstützt" --------------------------------------


@pytest.mark.parametrize(("first", "ask", "lang", "yes_no"), [
    ("cables hdmi", "¿el primero soporta 4k?", "es", ("Sí", "No")),
    ("HDMI-Kabel", "unterstützt das erste 4k?", "de", ("Ja", "Nein")),
])
def test_a_yes_no_question_is_answered_yes_or_no_in_the_language(
    electronics: ChatRec, first: str, ask: str, lang: str, yes_no: tuple[str, str]
) -> None:
    shown = _items(electronics, electronics.respond(first, session_id="s"))
    reply = electronics.respond(ask, session_id="s")
    assert shown and not reply.recommendations
    assert reply.text.startswith(yes_no), reply.text
    assert runner.reply_language(reply.text, [i.title for i in shown]) == lang


# --- (i) "not nike" narrows ----------------------------------------------------------------------------


def test_not_a_make_after_every_fitting_item_was_seen_keeps_the_colour(fashion: ChatRec) -> None:
    fashion.respond("sports shoes for men", session_id="s")
    fashion.respond("black", session_id="s")
    items = _items(fashion, fashion.respond("no nike please", session_id="s"))
    assert items and all(i.attributes["baseColour"] == "Black" and "nike" not in i.title.lower() for i in items)


def test_not_a_make_keeps_the_colour_when_some_are_new(fashion: ChatRec) -> None:
    fashion.respond("formal shoes for men", session_id="s")
    fashion.respond("black", session_id="s")
    items = _items(fashion, fashion.respond("nothing from franco leone", session_id="s"))
    assert items and all(i.attributes["baseColour"] == "Black" and "franco" not in i.title.lower() for i in items)


# --- (j) closings in Chinese, Spanish and German ------------------------------------------------------------


@pytest.mark.parametrize("text", ["好的谢谢，我先不买了", "vale, muchas gracias, me lo pienso", "danke, ich schau mich noch um",
                                  "我再考虑一下吧，谢谢"])
def test_a_closing_in_another_language_closes(text: str) -> None:
    assert closes(text)


@pytest.mark.parametrize("text", ["谢谢，再给我看看红色的", "gracias, ahora unos zapatos", "danke, und jetzt Schuhe"])
def test_thanks_with_a_new_wish_is_no_closing(text: str) -> None:
    assert not closes(text)


# --- (k) garment styles the titles name -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "feature"), [("any polo tshirts?", "polo"), ("got v neck tees", "v-neck"),
                                                ("a round neck one", "crew neck")])
def test_a_garment_style_is_a_feature(text: str, feature: str) -> None:
    assert feature in features(text)


def test_polos_asked_for_show_polos(fashion: ChatRec) -> None:
    fashion.respond("tshirts for men", session_id="s")
    items = _items(fashion, fashion.respond("got any polo ones?", session_id="s"))
    assert items and all("polo" in i.title.lower() and i.attributes["articleType"] == "Tshirts" for i in items)


# --- (l) a device named in Chinese before "用的" ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "make"), [("要华为手机能用的", "Huawei"), ("小米电视上可以用的", "Mi")])
def test_a_chinese_device_before_yong_de_is_the_device(text: str, make: str) -> None:
    assert make in device_makes(text, [])
