"""Stop 45: a question about a shown item that states a figure is answered yes or no from the item's data.

"do you have the first in size 43?" of a 32-inch TV said the data did not mention "size"; "is the second one
under 20000?" said it did not mention "under"; "how much is it in dollars?" gave rupees only. Now the figure the
item states is quoted with a yes or no, a price bound is checked against the price (converted when the shopper
names another currency), and a price asked in another currency is said in both, marked approximate.
"""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.money import named_currency

TV32 = Item(id="1", title="Samsung 80 cm (32 Inches) Wondertainment Series HD Ready LED Smart TV", category="SmartTelevisions",
            brand="Samsung", price=13490.0, currency="INR")
TV43 = Item(id="2", title="OnePlus 108 cm (43 inches) Y Series Full HD Smart Android LED TV", category="SmartTelevisions",
            brand="OnePlus", price=24999.0, currency="INR")
BANK = Item(id="3", title="MI Power Bank 3i 20000mAh Lithium Polymer 18W Fast Power Delivery Charging", category="PowerBanks",
            brand="MI", price=1799.0, currency="INR")
NO_PRICE = Item(id="4", title="Kodak 80 cm (32 inches) HD Ready LED TV", category="StandardTelevisions", brand="Kodak")


@pytest.mark.parametrize(("question", "item", "language", "start", "quoted"), [
    ("do you have the first in size 43?", TV32, "en", "No:", "32 Inches"),
    ("is the first one 43 inches?", TV43, "en", "Yes:", "43 inches"),
    ("is the second 32 inch?", TV32, "en", "Yes:", "32 Inches"),
    ("第一个是43寸的吗", TV32, "zh", "不是，", "32 Inches"),
    ("¿el primero es de 43 pulgadas?", TV32, "es", "No:", "32 Inches"),
    ("does the first have 10000mah?", BANK, "en", "No:", "20000mAh"),
    ("is it 20000 mah?", BANK, "en", "Yes:", "20000mAh"),
])
def test_a_figure_asked_is_answered_yes_or_no_from_the_figure_stated(question: str, item: Item, language: str,
                                                                     start: str, quoted: str) -> None:
    answer = answer_question(question, [item], language)
    assert answer.text.startswith(start), answer.text
    assert quoted in answer.text


def test_a_spec_asked_with_no_figure_still_gets_the_figure_without_a_verdict() -> None:
    answer = answer_question("what size is it?", [TV32])
    assert "32 Inches" in answer.text and not answer.text.startswith(("Yes", "No"))


@pytest.mark.parametrize(("question", "language", "start"), [
    ("is the second one under 20000?", "en", "Yes:"),
    ("is it below 10k?", "en", "No:"),
    ("does it cost more than 20000?", "en", "No:"),
    ("第二个在20000元以内吗", "zh", "是的，"),
    ("¿el segundo cuesta menos de 500?", "es", "No:"),
    ("ist das erste unter 15000?", "de", "Ja:"),
])
def test_a_price_bound_is_checked_against_the_price(question: str, language: str, start: str) -> None:
    answer = answer_question(question, [TV32], language)
    assert answer.text.startswith(start), answer.text
    assert "13" in answer.text and "490" in answer.text


def test_a_bound_in_another_currency_is_converted_and_said_approximate() -> None:
    answer = answer_question("is the first one under 500 euro?", [TV32])
    assert answer.text.startswith("Yes:") and "13,490 INR" in answer.text and "approximate" in answer.text
    assert answer_question("is it under 100 euro?", [TV32]).text.startswith("No:")


def test_several_items_get_a_verdict_each_and_a_priceless_one_says_so() -> None:
    answer = answer_question("are they under 20000?", [TV32, TV43, NO_PRICE], positions=[1, 2, 3])
    assert answer.text.count("Yes:") == 1 and answer.text.count("No:") == 1
    assert "no price" in answer.text


def test_a_figure_with_a_unit_is_no_price_bound() -> None:
    answer = answer_question("is it under 25000 mah?", [BANK])
    assert "costs" not in answer.text


@pytest.mark.parametrize(("question", "language", "said"), [
    ("how much is the first one in dollars?", "en", "about $163"),
    ("第二个多少人民币", "zh", "约合 ¥"),
    ("¿cuánto cuesta el primero en euros?", "es", "unos €"),
    ("wie viel kostet das erste in euro?", "de", "etwa €"),
])
def test_a_price_asked_in_another_currency_is_said_in_both(question: str, language: str, said: str) -> None:
    answer = answer_question(question, [TV32], language)
    assert said in answer.text, answer.text
    assert ("13.490" if language in ("es", "de") else "13,490") in answer.text  # stop 48: as the language writes it


def test_a_price_asked_in_the_catalogue_currency_is_said_once() -> None:
    assert "about" not in answer_question("how much is it in rupees?", [TV32]).text


@pytest.mark.parametrize(("text", "code"), [
    ("how much is it in dollars?", "USD"), ("多少人民币", "CNY"), ("en euros", "EUR"), ("in rs", "INR"),
    ("how many hours does it last", None), ("is it for users", None),
])
def test_a_currency_named_without_an_amount(text: str, code: str | None) -> None:
    assert named_currency(text) == code


@pytest.mark.parametrize(("question", "language", "said"), [
    ("how much is the navy one", "en", "no prices for these 2 items"),
    ("are they under 1000?", "en", "no prices for these 2 items"),
    ("这两个多少钱", "zh", "没有这 2 件商品的价格"),
])
def test_several_items_with_no_price_are_said_in_one_line(question: str, language: str, said: str) -> None:
    shirts = [Item(id=str(n), title=f"Nike Men Navy Blue Jacket {n}", category="Jackets") for n in (1, 2)]
    answer = answer_question(question, shirts, language, positions=[1, 2])
    assert said in answer.text and answer.text.count("。" if language == "zh" else ".") <= 2, answer.text


@pytest.mark.parametrize("question", ["is it 5g?", "ok and is it 5g?", "does the first one support 4g"])
def test_a_network_generation_is_no_weight(question: str) -> None:
    phone = Item(id="9", title="Samsung Galaxy M13 5G (Aqua Green, 6GB, 128GB Storage) | 5000mAh Battery",
                 category="Smartphones", price=13999.0, currency="INR")
    assert "weight" not in answer_question(question, [phone]).text


@pytest.mark.parametrize("question", ["is it ok for kids under 5?", "is it suitable for people over 60",
                                      "can it hold more than 10 books"])
def test_a_number_that_is_no_price_gets_no_price_verdict(question: str) -> None:
    assert "costs" not in answer_question(question, [TV32]).text
