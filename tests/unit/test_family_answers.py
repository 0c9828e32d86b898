"""A yes/no question naming a colour family about shown items is answered from their colour values (stop 40's UI
check: "is it pastel?" got "the catalogue data ... does not say anything about “pastel”" of a yellow top)."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item


def _top(n: str, colour: str | None) -> Item:
    return Item(id=n, title=f"Sepia Women {colour or 'Printed'} Top", category="Tops",
                attributes={"baseColour": colour} if colour else {})


YELLOW, BLACK, PEACH = _top("1", "Yellow"), _top("2", "Black"), _top("3", "Peach")


@pytest.mark.parametrize(("question", "language", "items", "starts", "says"), [
    ("is the first one pastel?", "en", [YELLOW], "No:", "not one of the pastel colours"),
    ("is it pastel?", "en", [PEACH], "Yes:", "one of the pastel colours"),
    ("is the second one dark?", "en", [BLACK], "Yes:", "Black (base colour)"),
    ("ist das zweite hell?", "de", [BLACK], "Nein:", "„helle Farben“"),
    ("第五个是深色的吗？", "zh", [BLACK], "是的", "属于深色"),
    ("¿el primero es de colores claros?", "es", [PEACH], "Sí:", "de los colores claros"),
])
def test_a_family_asked_of_a_shown_item_is_answered_from_its_colour(question, language, items, starts, says) -> None:
    answer = answer_question(question, items, language)
    assert answer.text.startswith(starts) and says in answer.text, answer.text
    assert answer.supported


def test_every_item_asked_about_gets_its_line() -> None:
    answer = answer_question("are they dark colours?", [YELLOW, BLACK], "en")
    assert answer.text.count("No:") == 1 and answer.text.count("Yes:") == 1, answer.text


def test_an_item_without_a_colour_is_left_to_the_other_answers() -> None:
    answer = answer_question("is it pastel?", [_top("4", None)], "en")
    assert "pastel colours" not in answer.text, answer.text


SHIRT = Item(id="5", title="Peter England Men White Shirt", category="Shirts",
             attributes={"usage": "Casual", "season": "Summer", "gender": "Men", "baseColour": "White"})
VALUES = {"usage": {"Casual": 9, "Formal": 4, "Sports": 2}, "season": {"Summer": 5, "Winter": 3},
          "gender": {"Men": 6, "Women": 5}, "baseColour": {"White": 3, "Black": 2}}


@pytest.mark.parametrize(("question", "language", "says"), [
    ("is the second one formal?", "en", "as Casual (usage), not formal"),
    ("is it for winter?", "en", "as Summer (season), not winter"),
    ("Das von Peter England, ist das formell?", "de", "Nein:"),
    ("第二个是正式的吗？", "zh", "不是"),
])
def test_a_value_of_another_field_value_is_a_no_from_the_data(question, language, says) -> None:
    """Stop 41: "is it formal?" of a shirt listed as Casual said the data "does not say anything about formal"."""
    answer = answer_question(question, [SHIRT], language, field_values=VALUES)
    assert says in answer.text and answer.supported, answer.text


def test_a_value_the_item_has_is_still_a_yes() -> None:
    answer = answer_question("is it casual?", [SHIRT], "en", field_values=VALUES)
    assert answer.text.startswith("Yes:"), answer.text


def test_without_the_catalogues_values_the_answer_is_as_before() -> None:
    answer = answer_question("is it formal?", [SHIRT], "en")
    assert "does not say anything" in answer.text, answer.text
