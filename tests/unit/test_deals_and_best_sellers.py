"""Stop 45: deals and best sellers are answered from the catalogue's own data.

"which has the biggest discount?" of shown items was off topic (the word "discount" was read as a question about
the shop's policy), "what are your best sellers?" was off topic (the learned off-topic reader), and "headphones
with the best deal" was ordered by rating ("best" won over "best deal"). The discount is the price's percentage
below the list price where the catalogue lists one; best sellers are ordered by how many buyers rated them. A
discount for the shopper ("can I get a discount?") stays a question the shop's data cannot answer.
"""

from __future__ import annotations

import pytest

from chatrec.answers import _superlative_rule, _wording, answer_question, discount
from chatrec.catalog import Item


def _item(n: int, price: float, listed: str | None, count: str = "1,000") -> Item:
    attributes = {"rating": "4.1", "rating_count": count}
    if listed is not None:
        attributes["list_price"] = listed
    return Item(id=str(n), title=f"Headphones model {n}", category="In-Ear", price=price, currency="INR",
                attributes=attributes)


def test_the_discount_is_the_price_below_the_list_price() -> None:
    assert discount(_item(1, 849.0, "₹2,490")) == 66.0
    assert discount(_item(2, 500.0, "₹500")) is None  # not below
    assert discount(_item(3, 500.0, None)) is None  # no list price


@pytest.mark.parametrize(("text", "field"), [
    ("headphones with the best deal", "discount"), ("which has the biggest discount", "discount"),
    ("the best rated ones", "rating"), ("what are your best sellers", "rating count"), ("the most popular", "rating count"),
])
def test_the_longest_phrase_names_the_figure(text: str, field: str) -> None:
    found = _superlative_rule(text, _wording("en"))
    assert found is not None and found[0]["fields"][0] == field, found


@pytest.mark.parametrize(("question", "language", "said"), [
    ("which has the biggest discount?", "en", "discount (% off the list price): 66"),
    ("哪个折扣最大", "zh", "折扣（比标价低的百分比）最高：66"),
    ("¿cuál tiene más descuento?", "es", "descuento (% bajo el precio de lista): 66"),
])
def test_the_biggest_discount_of_shown_items(question: str, language: str, said: str) -> None:
    items = [_item(1, 999.0, "₹1,299"), _item(2, 849.0, "₹2,490"), _item(3, 500.0, None)]
    answer = answer_question(question, items, language, positions=[1, 2, 3])
    assert said in answer.text, answer.text
    assert answer.text.startswith("Headphones model 2"), answer.text


def test_a_discount_question_about_shown_items_is_no_policy_question(electronics_chatrec) -> None:
    sid = electronics_chatrec.respond("show me headphones").session_id
    reply = electronics_chatrec.respond("which has the biggest discount?", session_id=sid)
    assert reply.metadata["understood"]["intent"] != "off_topic", reply.text
    assert electronics_chatrec.respond("can i get a discount?").metadata["understood"]["intent"] == "off_topic"


@pytest.mark.parametrize("message", ["what are your best sellers?", "show me your best sellers", "what's trending?"])
def test_best_sellers_are_no_off_topic_question(electronics_chatrec, message: str) -> None:
    reply = electronics_chatrec.respond(message)
    assert reply.metadata["understood"]["intent"] == "recommend", reply.text


def test_the_biggest_discount_is_no_size() -> None:
    """'which has the biggest discount?' of laptop chargers said which had the biggest size (13 inch)."""
    sized = Item(id="9", title='Artis 45 Watts Laptop Adapter Compatible with MB Air 13" & MB Air 11"', category="Chargers",
                 price=1699.0, currency="INR", attributes={"list_price": "₹2,999"})
    answer = answer_question("which has the biggest discount?", [sized, _item(2, 849.0, "₹2,490")], positions=[1, 2])
    assert "discount" in answer.text and "size" not in answer.text, answer.text
