"""Stop 45: an item pointed at by its price, then asked about ("the cheaper of those two, is it comfortable?"),
is answered about what is asked; the answer was its price alone. A bare "the cheaper one?" still gets the price,
and "does the first track heart rate?" is answered about "heart rate", not "track heart rate"."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item

BUDS = Item(id="1", title="Wecool Moonwalk M1 ENC True Wireless in Ear Earbuds with Mic", category="In-Ear",
            price=889.0, currency="INR")


@pytest.mark.parametrize(("question", "said"), [
    ("the cheaper of those two, is it comfortable?", "“comfortable”"),
    ("the pricier of the two, does it have a mic?", "Yes:"),
    ("the cheaper one?", "costs 889 INR"),
    ("is the cheaper one wireless?", "Yes:"),
    ("does the first track heart rate?", "“heart rate”"),
])
def test_what_is_asked_of_an_item_pointed_at_by_price(question: str, said: str) -> None:
    answer = answer_question(question, [BUDS])
    assert said in answer.text, answer.text
    assert "nothing to compare" not in answer.text


def test_two_items_asked_which_is_cheaper_still_compare() -> None:
    other = Item(id="2", title="boAt Airdopes 121v2", category="In-Ear", price=1299.0, currency="INR")
    answer = answer_question("which of the two is cheaper?", [BUDS, other], positions=[1, 2])
    assert answer.text.startswith("The cheapest is Wecool") or "Wecool" in answer.text.split(";")[0], answer.text
