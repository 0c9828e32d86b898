"""Stop 45: whether a shown item works with a make or model the shopper names is read from the item's own words.

"the first one, will it work with a dell inspiron 15?" was answered "the catalogue data ... does not say anything
about “work dell inspiron”"; "is the second compatible with my HP laptop?" said the data did not say how it
connects to a laptop, while its name says "for HP Pavilion". Now the make is looked for in the name and the
description: quoted where it is said (as what the item is for, before the item's own brand), and where it is
not, the answer says fit is not confirmed and quotes what the item says it is for.
"""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.make_fits import asked_make

HP = Item(id="1", title="HP 65W AC Laptops Charger Adapter 4.5mm for HP Pavilion Black (Without Power Cable)",
          category="LaptopChargers&PowerSupplies", brand="HP", price=770.0, currency="INR")
CORD = Item(id="2", title="LAPSTER Accessories Power Cable Cord 2 Pin Laptop Adapter and Tape Recorder 1.5M",
            description="Compatable with Philiphs tape recorders and Emergency light charging|2 Pin Laptop Adapter",
            category="LaptopChargers&PowerSupplies", brand="LAPSTER", price=149.0, currency="INR")
REMOTE = Item(id="3", title="Electvision Remote Control Compatible with Amazon Fire tv Stick (Pairing Manual)",
              category="RemoteControls", price=1299.0, currency="INR")


@pytest.mark.parametrize(("question", "words"), [
    ("the first one, will it work with a dell inspiron 15?", ["dell", "inspiron", "15"]),
    ("is the second compatible with my HP laptop?", ["hp"]),
    ("does it fit a samsung tv?", ["samsung"]),
    ("¿el primero funciona con un Lenovo?", ["lenovo"]),
    ("passt der zweite zu meinem Dell?", ["dell"]),
    ("第一个能用在MacBook上吗", ["macbook"]),
    ("will it work with my phone?", []),  # a kind of device: chatrec.connect_questions
    ("will the first work with my iphone?", []),
    ("does it fit a 15.6 inch laptop?", []),  # a figure
    ("does it fit a black dress?", []),  # an everyday word
    ("will this fit in my bag", []),
    ("is it for women", []),
])
def test_the_make_asked(question: str, words: list[str]) -> None:
    assert asked_make(question) == words


def test_a_make_the_item_is_for_is_quoted_where_it_says_so() -> None:
    answer = answer_question("is the second compatible with my HP laptop?", [HP], positions=[2])
    assert "for HP Pavilion" in answer.text and answer.supported


def test_a_make_not_named_is_not_confirmed_and_what_it_is_for_is_quoted() -> None:
    answer = answer_question("the first one, will it work with a Dell Inspiron 15?", [CORD])
    assert "does not mention Dell Inspiron 15" in answer.text and "cannot confirm" in answer.text
    assert "Compatable with Philiphs tape recorders" in answer.text and not answer.supported
    remote = answer_question("does the first one work with a samsung tv?", [REMOTE]).text
    assert "does not mention samsung" in remote and "Compatible with Amazon Fire tv Stick" in remote
    assert "Pairing" not in remote  # the quote ends before the brackets


@pytest.mark.parametrize(("question", "language", "said"), [
    ("¿el primero funciona con un LG?", "es", "no mencionan LG"),
    ("passt der erste zu meinem Dell?", "de", "nennen Dell nicht"),
    ("第一个能用在Sony电视上吗", "zh", "没有提到 Sony"),
])
def test_in_the_shoppers_language(question: str, language: str, said: str) -> None:
    assert said in answer_question(question, [REMOTE], language).text
