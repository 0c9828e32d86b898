"""Understanding messages: prices, catalogue values, negations, intents, answers to questions."""

from __future__ import annotations

from collections import Counter

import pytest

from chatrec.understanding import Vocabulary, parse_price, understand


@pytest.fixture
def vocabulary() -> Vocabulary:
    return Vocabulary({
        "gender": Counter({"Men": 50, "Women": 40, "Boys": 5}),
        "articleType": Counter({"Tshirts": 30, "Shirts": 20, "Casual Shoes": 10, "Watches": 8, "Jeans": 5}),
        "subCategory": Counter({"Topwear": 50, "Shoes": 10, "Watches": 8}),
        "baseColour": Counter({"Blue": 20, "Navy Blue": 10, "Red": 10, "Black": 15}),
        "brand": Counter({"Nike": 10, "Puma": 8}),
        "year": Counter({"2011": 10, "2012": 10}),
        "category": Counter({"Computers&Accessories|Cables|USBCables": 5, "Electronics|HomeTheater|Speakers": 3,
                             "WallChargers": 4, "AutomobileChargers": 2, "SkinCare": 3}),
    })


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("running shoes under $50", None, 50.0),
        ("something between 20 and 40", 20.0, 40.0),
        ("less than 3000 rupees please", None, 3000.0),
        ("from ₹1,000 to ₹2,500", 1000.0, 2500.0),
        ("at least 100 dollars", 100.0, None),
        ("budget of 2k", None, 2000.0),
        ("about $30", 24.0, 36.0),
    ],
)
def test_prices_are_read_in_common_phrasings(text: str, low: float | None, high: float | None) -> None:
    found_low, found_high, _ = parse_price(text)
    assert found_low == pytest.approx(low) if low is not None else found_low is None
    assert found_high == pytest.approx(high) if high is not None else found_high is None


def test_numbers_that_are_not_prices_are_ignored() -> None:
    assert parse_price("size 10 shoes for my 2 kids")[:2] == (None, None)


def test_values_are_taken_from_the_catalogue_vocabulary(vocabulary: Vocabulary) -> None:
    heard = understand("I'd like blue t-shirts for men", vocabulary)
    assert heard.include == {"baseColour": ["Blue"], "articleType": ["Tshirts"], "gender": ["Men"]}


def test_women_is_not_read_as_men_and_longest_value_wins(vocabulary: Vocabulary) -> None:
    heard = understand("navy blue shirts for women", vocabulary)
    assert heard.include["gender"] == ["Women"]
    assert heard.include["baseColour"] == ["Navy Blue"]
    assert heard.include["articleType"] == ["Shirts"]


def test_shared_words_go_to_the_most_general_field(vocabulary: Vocabulary) -> None:
    # "watches" is both a subCategory and an articleType: constrain the broader one.
    assert understand("watches", vocabulary).include == {"subCategory": ["Watches"]}


def test_category_path_segments_match(vocabulary: Vocabulary) -> None:
    heard = understand("I need usb cables", vocabulary)
    assert heard.include == {"category": ["Computers&Accessories|Cables|USBCables"]}


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("not red", "baseColour", "Red"),
        ("nothing from Nike", "brand", "Nike"),
        ("anything but black", "baseColour", "Black"),
        ("I don't want jeans", "articleType", "Jeans"),
        ("shirts without blue", "baseColour", "Blue"),
    ],
)
def test_negations_exclude_values(vocabulary: Vocabulary, text: str, field: str, value: str) -> None:
    heard = understand(text, vocabulary)
    assert value in heard.exclude[field]
    assert value not in heard.include.get(field, [])
    assert value.lower() not in heard.query


def test_negation_scope_ends_at_but(vocabulary: Vocabulary) -> None:
    heard = understand("not red but blue", vocabulary)
    assert heard.exclude == {"baseColour": ["Red"]}
    assert heard.include == {"baseColour": ["Blue"]}


def test_intents(vocabulary: Vocabulary) -> None:
    assert understand("just show me what you have", vocabulary).wants_items
    assert understand("can you recommend something", vocabulary).wants_items
    assert understand("something cheaper", vocabulary).relative_price == "cheaper"
    assert understand("let's start over", vocabulary).intent == "start_over"
    assert not understand("shirts for men", vocabulary).wants_items


def test_answers_to_a_pending_question(vocabulary: Vocabulary) -> None:
    pending = ("baseColour", ["Blue", "Red", "Black"])
    assert understand("Red", vocabulary, pending=pending).include == {"baseColour": ["Red"]}
    anything = understand("doesn't matter", vocabulary, pending=pending)
    assert anything.intent == "answer" and anything.answered == "baseColour" and not anything.include
    none = understand("none of these", vocabulary, pending=pending)
    assert none.exclude == {"baseColour": ["Black", "Blue", "Red"]}
    typed = understand("navy blue", vocabulary, pending=pending)
    assert typed.include == {"baseColour": ["Navy Blue"]} and typed.answered == "baseColour"


def test_numeric_fields_are_not_matched_in_free_text(vocabulary: Vocabulary) -> None:
    assert "year" not in understand("something from 2012", vocabulary).include


def test_a_head_noun_stands_for_every_value_ending_with_it(vocabulary: Vocabulary) -> None:
    assert understand("a new charger", vocabulary).include == {"category": ["AutomobileChargers", "WallChargers"]}
    # the noun before it says what it is for: a phone charger plugs into the wall (issue 12)
    assert understand("a phone charger", vocabulary).include == {"category": ["WallChargers"]}
    assert understand("i don't care", vocabulary).exclude == {}, "generic heads such as 'care' are not values"
