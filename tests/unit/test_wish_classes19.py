"""Batch 19's wishes and rejections (chatrec/wish_classes19.py, issue 12, branch i12dc), on other wordings
than the blind conversations': other products, other languages."""

from __future__ import annotations

from typing import Any

import pytest

from chatrec import wish_classes19 as w
from tests.demo_reading import shown_attributes

_VALUES = frozenset({"white", "black", "brown", "pink", "navy", "blue", "red", "casual"})


def _makes(text: str) -> list[str]:
    from chatrec.compatible import device_makes

    return device_makes(text, ["Samsung", "Sony", "Mi"])


@pytest.mark.parametrize(("message", "plain"), [
    ("the black ones please, sorry my english is bad", "the black ones please"),
    ("sorry, my spanish isn't very good. show me red bags", "show me red bags"),
    ("blaue bitte, entschuldigung mein Deutsch ist nicht gut", "blaue bitte"),
    ("sorry my english", "sorry my english"),  # nothing else said: kept as it is
    ("sorry, wrong one", "sorry, wrong one"),
])
def test_language_apology_is_left_out(message: str, plain: str) -> None:
    assert w.without_language_apology(message) == plain


@pytest.mark.parametrize(("message", "plain"), [
    ("welche Marken habt ihr bei USB-Kabeln?", "welche Marken habt ihr bei USB-Kabel?"),
    ("mit Ladekabeln", "mit Ladekabel"),
    ("Und bei HDMI-Adaptern?", "Und bei HDMI-Adapter?"),
    ("Kabel bitte", "Kabel bitte"),
])
def test_german_compound_in_the_dative_plural(message: str, plain: str) -> None:
    assert w.german_compound_plural(message) == plain


@pytest.mark.parametrize(("message", "plain"), [
    ("mens ones pls", "for men"),
    ("ladies ones", "for women"),
    ("women's then", "for women"),
    ("kids ones?", "for kids"),
    ("mens ones with a strap", "mens ones with a strap"),  # more than the audience: read as it is
])
def test_bare_audience(message: str, plain: str) -> None:
    assert w.bare_audience(message, 5) == plain
    assert w.bare_audience(message, 0) == message  # nothing shown: no list whose audience is replaced


@pytest.mark.parametrize(("message", "plain"), [
    ("I can't stand brown and navy", "no brown or navy ones"),
    ("nope, i really hate pink or red bags", "nope, no pink or red ones"),
    ("I don't like blue shirts.", "no blue ones"),
    ("I hate waiting", "I hate waiting"),
    ("I don't like how long the delivery takes for these", "I don't like how long the delivery takes for these"),
])
def test_hated_values(message: str, plain: str) -> None:
    assert w.hated_values(message, _VALUES) == plain


@pytest.mark.parametrize(("message", "plain"), [
    ("these are all black, I'd rather have brown", "I'd rather have brown"),
    ("none of these, I want a longer cable", "I want a longer cable"),
    ("Die gefallen mir alle nicht. Lieber was Einfaches in Blau", "Lieber in Blau"),
    ("No me gusta ninguno, mejor algo sencillo en negro", "mejor en negro"),
    ("these are all too small", "bigger ones"),
    ("none of these, too expensive", "cheaper ones"),
    ("Keine davon, zu groß", "smaller ones"),
    ("these are all too pricey, max 5000", "these are all too pricey, max 5000"),  # the figure says it
    ("none of these", "none of these"),
])
def test_rejection_with_a_wish(message: str, plain: str) -> None:
    assert w.rejection_with_wish(message, 5) == plain
    assert w.rejection_with_wish(message, 0) == message


@pytest.mark.parametrize(("message", "plain"), [
    ("what do you have for iphones then?", "accessories for my iphone"),
    ("anything you got for my samsung?", "accessories for my samsung"),
    ("what do you have for men?", "what do you have for men?"),  # an audience, no device
    ("what do you have for under 500?", "what do you have for under 500?"),
])
def test_for_device_question(message: str, plain: str) -> None:
    assert w.for_device_question(message, _makes) == plain


def _say(rec: Any, *messages: str) -> Any:
    reply = None
    for message in messages:
        reply = rec.respond(message, session_id="s")
    return reply


def test_hated_colours_are_avoided_and_the_type_kept(fashion: Any) -> None:
    reply = _say(fashion, "casual shoes for men", "nah, I can't stand blue or khaki shoes")
    shown = shown_attributes(fashion, reply)
    assert shown and all(a["articleType"] == "Casual Shoes" for a in shown)
    assert not {a["baseColour"] for a in shown} & {"Blue", "Khaki"}


def test_rejection_then_a_colour_in_german(fashion: Any) -> None:
    reply = _say(fashion, "Zeig mir Damenuhren", "Die gefallen mir alle nicht, zu auffällig. Lieber was Schlichtes in Schwarz")
    shown = shown_attributes(fashion, reply)
    assert shown and all(a["baseColour"] == "Black" and a["articleType"] == "Watches" for a in shown)


def test_rejection_then_a_colour_in_english(fashion: Any) -> None:
    reply = _say(fashion, "show me shirts for men", "i dont like any of these, i'd rather have blue")
    shown = shown_attributes(fashion, reply)
    assert shown and all(a["baseColour"] == "Blue" and a["articleType"] == "Shirts" for a in shown)


def test_bare_audience_replaces_the_audience(fashion: Any) -> None:
    reply = _say(fashion, "watches for women", "mens ones pls")
    shown = shown_attributes(fashion, reply)
    assert shown and all(a["gender"] == "Men" and a["articleType"] == "Watches" for a in shown)


def test_german_plural_compound_is_its_type(electronics: Any) -> None:
    reply = _say(electronics, "Habt ihr Fernseher?", "Welche Marken habt ihr bei USB-Kabeln?")
    assert "Cinch" not in reply.text and "Marken" in reply.text


def test_what_for_a_device_shows_its_accessories(electronics: Any) -> None:
    reply = _say(electronics, "do you sell laptops?", "ok, what have you got for iphone?")
    titles = [electronics.item(r.item_id).title for r in reply.recommendations]
    assert titles and all("lightning" in t.lower() or "iphone" in t.lower() or "8 pin" in t.lower() for t in titles)


def test_equal_prices_name_the_items(electronics: Any) -> None:
    reply = _say(electronics, "hdmi cables", "the amazon ones under 500", "which is the cheapest?")
    if "same" in reply.text:
        assert "Amazon" in reply.text


def test_bigger_asked_past_the_budget_leaves_the_budget_out(electronics: Any) -> None:
    reply = _say(electronics, "smart tvs under 12000", "none of these, they are too small")
    sizes = [electronics.item(r.item_id).title for r in reply.recommendations]
    assert sizes and all("32 inch" not in t.lower() for t in sizes)
    assert "budget" in reply.text


@pytest.mark.parametrize(("message", "rest", "language"), [
    ("the purple ones please, sorry my german isnt great", "the purple ones please", "en"),
    ("hmm actually brown, sorry my german is rusty", "hmm actually brown", "en"),
    ("sorry, my german is not so good. the purple ones", "the purple ones", "en"),
    ("perdón, mi inglés no es bueno, the blue ones", "the blue ones", "es"),
    ("sorry my english is bad, die blauen bitte", "die blauen bitte", None),  # sorry for the language it is in
    ("the purple ones", "the purple ones", None),
])
def test_an_apology_for_a_language_is_left_out_and_says_the_answers_language(message, rest, language) -> None:
    """Stop 41 (b19-switch-de-en-sunglasses): the apology kept "the purple ones" from being read; left out, the reply
    must still be in the language the apology is written in when it names another."""
    assert w.language_apology(message) == (rest, language)
