"""Stop 66: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.language import Lexicon
from chatrec.understanding import _fix_lexicon_typos
from tests.demo_reading import talk

# --- a feature stated only as the microphone's is no "yes" ------------------------------------------------------

_JBL = Item(id="j", title="JBL C200SI, Premium in Ear Wired Earphones with Mic, Signature Sound (Blue)", category="In-Ear",
            brand="JBL", price=799.0, currency="INR",
            description="True Powerful Bass|Premium matallic finish with better & Ergonomics|Noise Cancelling Microphone|"
                        "Quick Launch Access to Google Assistant / Siri")
_ZEB = Item(id="z", title="ZEBRONICS Zeb-Sound Bomb N1 True Wireless in Ear Earbuds with Mic ENC", category="In-Ear",
            brand="ZEBRONICS", price=999.0, currency="INR",
            description="Environmental Noise Cancellation for clear calls|Gaming Mode|up to 18H Playback")
_ANC = Item(id="a", title="Boult Audio Omega with 30dB ANC+ ENC True Wireless Earbuds", category="In-Ear", brand="Boult",
            price=1999.0, currency="INR", description="Active Noise Cancelling Microphone for calls")


@pytest.mark.parametrize("question, language", [
    ("the second one, does it have noise cancelling?", "en"), ("does it have anc?", "en"),
    ("¿el segundo tiene cancelación de ruido?", "es"), ("第二个有降噪吗", "zh"), ("hat es Geräuschunterdrückung?", "de")])
def test_noise_cancelling_of_the_microphone_is_no_yes(question: str, language: str) -> None:
    # Before: "Yes: JBL C200SI…: its description says “noise cancelling”" (it says "Noise Cancelling Microphone").
    answer = answer_question(question, [_JBL], language)
    assert not answer.text.startswith(("Yes", "Sí", "是", "Ja")), answer.text
    assert "Noise Cancelling Microphone" in answer.text, answer.text


def test_environmental_noise_cancellation_is_for_calls() -> None:
    answer = answer_question("does the third one have noise cancellation?", [_ZEB])
    assert "Environmental Noise Cancellation" in answer.text and "microphone" in answer.text, answer.text


def test_an_item_stating_anc_as_its_own_is_still_a_yes() -> None:
    # guard: its name says "ANC" as its own; the description's microphone does not undo that
    answer = answer_question("does it have noise cancelling?", [_ANC])
    assert answer.text.startswith("Yes"), answer.text


# --- a typo of a feature word ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, meant", [("wireles earbuds with good bass", "wireless earbud"),
                                          ("a red dres for a party", "red dress"), ("cordles mouse", "cordless")])
def test_a_typo_of_a_feature_word_is_corrected(typed: str, meant: str) -> None:
    # Before: "wireles" stayed (read as the singular of "wireless"), and wired earphones came first.
    assert meant in _fix_lexicon_typos(typed, Lexicon.default())


def test_wireles_earbuds_are_wireless(whole_electronics: Any) -> None:
    reply = talk(whole_electronics, "wireles earbuds with good bass undr 2000", prefix="p66")
    assert reply.recommendations, reply.text
    titles = [whole_electronics.item(r.item_id).title for r in reply.recommendations]
    assert all("wired" not in t.lower().replace("wireless", "") for t in titles), titles
    assert "wireless" in reply.metadata["understood"]["query"], reply.metadata["understood"]


# --- clothes with no kind named are the shop's section of clothes ---------------------------------------------------

@pytest.mark.parametrize("message", ["gym clothes for men", "ropa para ir al gimnasio, para hombre", "我想买健身穿的衣服，男士",
                                     "Sportkleidung für Herren"])
def test_gym_clothes_are_clothes_not_shoes(whole_fashion: Any, message: str) -> None:
    # Before: five sports shoes ("clothes" named no value; "gym" read as sports wear).
    reply = talk(whole_fashion, message, prefix="p66")
    assert reply.recommendations, reply.text
    sections = {str(whole_fashion.item(r.item_id).attributes.get("masterCategory")) for r in reply.recommendations}
    assert sections == {"Apparel"}, (sections, reply.text)


def test_refused_clothes_are_no_section(whole_fashion: Any) -> None:
    # guard: "no clothes, just shoes" keeps the shoes
    reply = talk(whole_fashion, "no clothes please, just shoes for men", prefix="p66")
    assert "Apparel" not in str(reply.metadata["understood"]["include"]), reply.metadata["understood"]


def test_gym_clothes_are_not_narrowed_to_the_outdoor_kinds(whole_fashion: Any) -> None:
    # Before (with the section): only rain jackets, track pants and tracksuits, the sport kinds inside Apparel
    reply = talk(whole_fashion, "gym clothes for men", prefix="p66")
    kinds = {str(whole_fashion.item(r.item_id).category) for r in reply.recommendations}
    assert reply.metadata["understood"]["include"].get("category") is None, reply.metadata["understood"]
    assert kinds and not kinds <= {"Rain Jacket", "Track Pants", "Tracksuits"}, kinds


# --- a vague need asks which kind first ------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["hi, I need something for the gym", "algo para el gimnasio"])
def test_something_for_the_gym_asks_which_kind_not_which_colour(whole_fashion: Any, message: str) -> None:
    # Before: "Which colour would you like? For example: White, Black, Grey, Blue, Silver." ("gym" read as the usage
    # Sports, whose word "sport" counted as naming a product)
    reply = talk(whole_fashion, message, prefix="p66")
    assert reply.question is not None, reply.text
    assert reply.question.attribute in ("category", "subCategory", "masterCategory"), reply.question
