"""Grounded reasons: what the shopper would have read in issue 13 never passes; the fact template always does."""

from __future__ import annotations

import pytest

from chatrec.catalog import Item
from chatrec.errors import PromptError
from chatrec.explain import KnownValues
from chatrec.grounding import (
    FactWriter,
    Request,
    Wording,
    check_reason,
    facts_for,
    matched_facts_stated,
    repeated_phrases,
)

TONGA = Item(id="1", title="Tonga Women Printed Blue Dress", category="Dresses",
             attributes={"gender": "Women", "subCategory": "Dress", "baseColour": "Blue", "season": "Summer",
                         "year": 2012, "usage": "Casual"})
KIDS = Item(id="2", title="Doodle Girls Blue Printed Dress", category="Dresses",
            attributes={"gender": "Girls", "baseColour": "Blue", "season": "Summer", "usage": "Casual"})
CABLE = Item(id="3", title="Ambrane Unbreakable 60W Fast Charging Braided Type C Cable", category="USBCables",
             brand="Ambrane", price=199.0, currency="INR",
             description="Compatible with all Type C devices|Supports Quick Charging (2.0/3.0)|Braided outer",
             attributes={"department": "Computers&Accessories", "rating": 4.1, "rating_count": "43,994"})
VOCAB = KnownValues.from_items([TONGA, KIDS, CABLE])
WEDDING = Request(text="a blue dress for a summer wedding. not kids clothes please, I am an adult")


@pytest.mark.parametrize("reason, kind", [
    ("This item is a classic Tonga Blue Printed Dress, made by a renowned designer, and is available for a "
     "limited time only.", "unsupported"),
    ("This item is a classic example of a traditional Japanese dress, and it's a must-buy for any women's "
     "wedding.", "unsupported"),
    ("This is a blue dress for a child's summer.", "contradicts request"),
    ("This item is a Tonga Women's Blue Dress, a Tonga Women's Blue Dress, and a Tonga Women's Blue Dress.",
     "repeated"),
    ("A sustainable blue dress for summer.", "unsupported"),
])
def test_the_reasons_the_issue_quotes_are_caught(reason: str, kind: str) -> None:
    problems = check_reason(reason, TONGA, WEDDING, vocabulary=VOCAB)
    assert any(p.startswith(kind) for p in problems), problems


def test_a_reason_made_of_the_items_facts_and_the_shoppers_words_passes() -> None:
    assert check_reason("This blue dress for women is made for summer and casual wear.", TONGA, WEDDING,
                        vocabulary=VOCAB) == []


def test_the_template_reason_states_the_matched_facts_fluently_and_is_grounded() -> None:
    writer = FactWriter()
    facts = facts_for(TONGA, WEDDING)
    text = writer.write(facts)
    assert text.startswith("A blue dress for women")
    assert check_reason(text, TONGA, WEDDING, vocabulary=VOCAB) == []
    assert {f.kind for f in matched_facts_stated(text, facts)} >= {"type", "colour", "season"}
    assert repeated_phrases(text) == []


def test_price_budget_rating_and_a_described_feature_are_facts_of_the_request() -> None:
    request = Request(text="a usb cable with quick charging under 300, well rated", max_price=300)
    facts = facts_for(CABLE, request)
    matched = {f.kind: f.value for f in facts if f.matched}
    assert matched["type"] == "USB cable" and matched["price"] == "199 INR"
    assert matched["feature"] == "quick charging" and matched["rating"].startswith("4.1")
    text = FactWriter().write(facts)
    assert text.startswith("A USB cable by Ambrane") and "within your budget" in text
    assert "43,994 buyers" in text
    assert check_reason(text, CABLE, request, vocabulary=VOCAB) == []


def test_a_price_over_the_budget_is_not_said_to_fit_it() -> None:
    facts = facts_for(CABLE, Request(text="a usb cable under 150", max_price=150))
    price = next(f for f in facts if f.kind == "price")
    assert price.matched is False
    assert "within your budget" not in FactWriter().write(facts)


def test_what_the_shopper_refused_is_not_a_wish_and_its_related_words_contradict() -> None:
    wording = Wording.load()
    assert {"kid", "child", "girls"} <= WEDDING.negated(wording)
    assert "kids" not in WEDDING.words(wording)
    assert any(p.startswith("contradicts request") for p in check_reason("A dress for girls.", KIDS, WEDDING))


def test_an_unknown_language_names_the_missing_wording_file() -> None:
    with pytest.raises(PromptError, match="reasons_xx.json"):
        Wording.load("xx")


def test_the_budgets_number_is_no_feature_of_the_item() -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    kettle = Item(id="k", title="Pigeon Electric Kettle with 1500 Watt heating", category="Kettles", price=649.0,
                  currency="INR")
    budget = facts_for(kettle, Request(text="an electric kettle under 1500", max_price=1500.0))
    assert not [f for f in budget if f.kind == "feature" and "1500" in f.value], budget
    watts = facts_for(kettle, Request(text="a 1500 watt kettle"))
    assert [f for f in watts if f.kind == "feature" and "1500" in f.value], watts


def test_an_irregular_plural_type_is_named_in_the_singular() -> None:  # "a mice by HP"
    from chatrec.grounding import _singular

    assert _singular("mice") == "mouse" and _singular("knives") == "knife" and _singular("cables") == "cable"
