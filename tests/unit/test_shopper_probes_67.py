"""Stop 67: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from tests.demo_reading import talk

# --- a darker / lighter shade of the colour in force -----------------------------------------------------------------


def _colours(rec: Any, reply: Any) -> set[str]:
    return {str(rec.item(r.item_id).attributes.get("baseColour")) for r in reply.recommendations}


@pytest.mark.parametrize("messages, shades", [
    (("red kurta for women", "a darker shade"), {"Maroon", "Burgundy", "Rust"}),
    (("a blue shirt for office", "in a darker shade please"), {"Navy Blue"}),
    (("blue jeans for men", "something darker"), {"Navy Blue"}),
    (("una camisa azul para hombre", "un tono más oscuro"), {"Navy Blue"}),
])
def test_a_darker_shade_is_of_the_colour_in_force(whole_fashion: Any, messages: tuple[str, ...], shades: set[str]) -> None:
    # Before: "red kurta" -> "a darker shade" showed brown and black kurtas (every dark colour: Navy Blue, Black,
    # Brown, Olive, Teal...); "light blue shirt" -> "in a darker shade" showed grey and brown shirts
    reply = talk(whole_fashion, *messages, prefix="p67")
    assert reply.recommendations, reply.text
    wished = set(reply.metadata["constraints"]["include"].get("baseColour", ()))
    assert wished and wished <= shades, wished
    assert _colours(whole_fashion, reply) <= shades, (_colours(whole_fashion, reply), reply.text)


def test_dark_colours_said_as_such_are_the_whole_family(whole_fashion: Any) -> None:
    # guard: "dark colours please" after black shoes is every dark colour, not shades of black
    reply = talk(whole_fashion, "black shoes for men", "dark colours please", prefix="p67")
    assert len(reply.metadata["constraints"]["include"].get("baseColour", ())) >= 4, reply.metadata["constraints"]


# --- a feature the shopper misspelt is credited in the reasons ------------------------------------------------------

def test_a_misspelt_feature_is_credited(whole_electronics: Any) -> None:
    # Before: "wireles earbuds" found wireless earbuds, but no reason or summary said "wireless" (the wanted-feature
    # step read the message as typed)
    reply = talk(whole_electronics, "wireles earbuds with good bass undr 2000", prefix="p67")
    assert reply.recommendations, reply.text
    assert "wireless" in reply.text.lower().split("\n")[0], reply.text
    reasons = [r.reason for r in reply.recommendations]
    assert any("“Wireless”" in reason for reason in reasons), reasons


# --- does it work with a Mac? ----------------------------------------------------------------------------------------

_DELL = Item(id="d", title="Dell WM118 Wireless Mouse, 2.4 Ghz with USB Nano Receiver, Optical Tracking, 12-Months Battery "
                           "Life, Ambidextrous, Pc/Mac/Laptop - Black.", category="Mice", brand="Dell", price=569.0, currency="INR")
_TOAD = Item(id="t", title="Portronics Toad 23 Wireless Optical Mouse with 2.4GHz, USB Nano Dongle, Optical Orientation, "
                           "Click Wheel, Adjustable DPI(Black)", category="Mice", brand="Portronics", price=299.0, currency="INR",
             description="Enjoy up to a 10-meter wireless connection with the tiny plug-and-forget wireless receiver.")
_WIRED = Item(id="w", title="Logitech B100 Wired USB Mouse, 3 yr Warranty, 800 DPI Optical Tracking", category="Mice",
              brand="Logitech", price=275.0, currency="INR")


@pytest.mark.parametrize("question, language", [("does the second one work with mac?", "en"),
                                                ("¿el segundo funciona con mac?", "es"), ("第二个能用在mac上吗", "zh")])
def test_a_wireless_mouse_with_a_usb_receiver_is_not_by_cable(question: str, language: str) -> None:
    # Before: "Portronics Toad 23 Wireless Optical Mouse…: by cable — its name says “USB”; it does not say Bluetooth."
    answer = answer_question(question, [_TOAD], language)
    assert not any(said in answer.text for said in ("by cable", "por cable", "用线连")), answer.text
    assert "USB Nano Dongle" in answer.text, answer.text


@pytest.mark.parametrize("question, language", [("is the first one compatible with macbook?", "en"),
                                                ("does it work with mac?", "en"), ("¿el primero funciona con mac?", "es")])
def test_a_mouse_listing_mac_works_with_a_mac(question: str, language: str) -> None:
    # Before: "The catalogue data for Dell WM118… does not mention macbook, so I cannot confirm it works with it."
    # ("Pc/Mac/Laptop" names it), and "¿funciona con mac?" got "por cable — su nombre dice «USB»"
    answer = answer_question(question, [_DELL], language)
    assert "Pc/Mac/Laptop" in answer.text, answer.text


def test_a_wired_mouse_is_still_by_cable() -> None:
    # guard: a wired USB mouse connects by cable
    answer = answer_question("does it work with my laptop?", [_WIRED])
    assert "by cable" in answer.text, answer.text


# --- a vague need asks the broadest kind, and its answer shows items ------------------------------------------------

def test_something_for_the_gym_asks_the_broad_kind_first(whole_fashion: Any) -> None:
    # Before: "Which category would you like? For example: Sports Shoes, Basketballs, Bra, Socks, Skirts."
    reply = talk(whole_fashion, "hi, I need something for the gym", prefix="p67")
    assert reply.question is not None and reply.question.attribute == "masterCategory", (reply.question, reply.text)
    assert "Apparel" in reply.question.options, reply.question.options


@pytest.mark.parametrize("messages", [("hi, I need something for the gym", "Apparel"),
                                      ("我想买点健身用的东西", "服装"), ("etwas fürs Fitnessstudio", "Bekleidung")])
def test_the_broad_kind_answered_shows_items(whole_fashion: Any, messages: tuple[str, ...]) -> None:
    # Before (with the broad question): "Apparel" was followed by a second question, "Tshirts, Shorts, Jackets…?";
    # "etwas fürs Fitnessstudio" asked which colour
    reply = talk(whole_fashion, *messages, prefix="p67")
    assert reply.question is None and reply.recommendations, reply.text
    sections = {str(whole_fashion.item(r.item_id).attributes.get("masterCategory")) for r in reply.recommendations}
    assert sections == {"Apparel"}, (sections, reply.text)


def test_the_broad_kinds_are_offered_in_the_shoppers_words(whole_fashion: Any) -> None:
    reply = talk(whole_fashion, "algo para el gimnasio", prefix="p67")
    assert reply.question is not None, reply.text
    assert {"prendas de vestir", "artículos deportivos"} <= set(reply.question.options), reply.question.options


# --- what a smartwatch tracks, asked in the shopper's words ---------------------------------------------------------

_BUZZ = Item(id="b", title="Noise Pulse Buzz 1.69\" Bluetooth Calling Smart Watch with Call Function, 150 Watch Faces, 60 Sports "
                           "Modes, Spo2 & Heart Rate Monitoring, Calling Smart Watch for Men & Women - Rose Pink",
             category="SmartWatches", brand="Noise", price=1999.0, currency="INR")
_PLAIN_WATCH = Item(id="p", title="Fastrack Reflex 3.0 Smart Band with Steps Tracker (Black)", category="SmartWatches",
                    brand="Fastrack", price=1495.0, currency="INR")


@pytest.mark.parametrize("question, language, said", [
    ("第一个能测心率吗", "zh", "heart rate"), ("第二个有血氧检测吗", "zh", "spo2"),
    ("¿el segundo tiene oxígeno en sangre?", "es", "spo2"), ("does it have blood oxygen monitoring?", "en", "spo2"),
    ("misst die erste die Herzfrequenz?", "de", "heart rate")])
def test_what_a_smartwatch_tracks_is_read_in_any_language(question: str, language: str, said: str) -> None:
    # Before: "第一个能测心率吗" got the item's type, brand and rating; "第二个有血氧检测吗" and "does it have blood
    # oxygen monitoring?" got "the catalogue data does not mention it" of a watch whose name says "Spo2"
    answer = answer_question(question, [_BUZZ], language)
    assert said in answer.text.lower(), answer.text


def test_which_ones_have_blood_oxygen_names_the_ones_saying_spo2() -> None:
    # Before: "The catalogue data for these 2 items does not say anything about “blood oxygen”."
    answer = answer_question("which ones have blood oxygen?", [_BUZZ, _PLAIN_WATCH])
    assert "Noise Pulse Buzz" in answer.text and "Spo2" in answer.text, answer.text


def test_a_watch_not_saying_it_is_no_yes() -> None:
    # guard
    answer = answer_question("does it measure heart rate?", [_PLAIN_WATCH])
    assert not answer.text.startswith("Yes"), answer.text


def test_a_chinese_question_without_a_question_mark_asks_about_the_items(whole_electronics: Any) -> None:
    # Before: "续航多久" (how long does the battery last) after smartwatches was read as a wish and showed items again
    reply = talk(whole_electronics, "智能手表 3000以内", "续航多久", prefix="p67")
    assert reply.metadata["understood"]["intent"] in ("ask_about_item", "compare"), reply.metadata["understood"]
    assert not reply.recommendations, reply.text
