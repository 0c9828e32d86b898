"""The failure classes of blind set 57 (issue 12, brief i12bh), each on wording that is none of the
set's sentences, in English, on the real demo catalogues' vocabularies (chatrec.set57_classes and
chatrec/data/set57_classes.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi 6,499, OnePlus 28,999, Samsung 9,499
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics 549, JBL 1,999, boAt 1,799
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink, blue handbags
HEADPHONES = "Headphones,Earbuds&Accessories"


def _folded(values: list[str]) -> set[str]:
    """Values as the scorer compares them."""
    return {v.casefold() for v in values}


def _assert_include(heard, wanted: dict[str, list[str]], text: str) -> None:
    assert _folded(list(heard.include)) == _folded(list(wanted)), (text, heard.include)
    for field, values in wanted.items():
        assert _folded(heard.include.get(field, [])) == _folded(values), (text, heard.include)


# --- dialect spellings and regional product words ------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "wanted", "refused", "most"),
    [
        ("fashion", "a belt, nuthin over 25", {"subCategory": ["Belts"]}, {}, 25),
        ("electronics", "power bank nuh more than 2000", {"category": ["PowerBanks"]}, {}, 2000),
        ("fashion", "nuttin more than 30 for a cap", {"category": ["Caps"]}, {}, 30),
        ("fashion", "jeans that ain't blue", {"category": ["Jeans"]}, {"baseColour": ["Blue"]}, None),
        ("fashion", "a bag that aint a backpack", {"subCategory": ["Bags"]}, {"category": ["Backpacks"]}, None),
    ],
)
def test_dialect_spellings(catalogues, catalogue, text, wanted, refused, most) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.intent == "recommend", text
    _assert_include(heard, wanted, text)
    assert {k: _folded(v) for k, v in heard.exclude.items()} == {k: _folded(v) for k, v in refused.items()}, text
    assert (heard.price.max if heard.price else None) == most, (text, heard.price)


@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "a red toque for my son", {"category": ["Caps"], "baseColour": ["Red"], "gender": ["Boys"]}),
        ("fashion", "wool mittens for the kids", {"subCategory": ["Gloves"], "gender": ["Boys", "Girls"]}),
        ("fashion", "grey marle tee", {"category": ["Tshirts"], "baseColour": ["Grey Melange"]}),
        ("fashion", "brown boots for men", {"subCategory": ["Shoes"], "baseColour": ["Brown"], "gender": ["Men"]}),
        ("fashion", "a white sundress for summer", {"subCategory": ["Dress"], "baseColour": ["White"], "season": ["Summer"]}),
        ("electronics", "bt 5.0 earbuds", {"subcategory": [HEADPHONES]}),
        ("electronics", "bt headphones under 1500", {"subcategory": [HEADPHONES]}),
        ("fashion", "t shirts for my grandkids", {"category": ["Tshirts"], "gender": ["Boys", "Girls"]}),
        ("fashion", "shoes for the grandchildren", {"subCategory": ["Shoes"], "gender": ["Boys", "Girls"]}),
        ("fashion", "a tie for my dads office party", {"category": ["Ties"], "gender": ["Men"], "usage": ["Formal"]}),
        ("fashion", "tops for my dawter", {"category": ["Tops"], "gender": ["Girls"]}),
    ],
)
def test_regional_and_family_words(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    _assert_include(heard, wanted, text)


@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "a beige sweater, old money look", {"category": ["Sweaters"], "baseColour": ["Beige"]}),
        ("fashion", "black blazer, stealth wealth vibe", {}),
    ],
)
def test_trend_phrases_name_no_price(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.relative_price is None, text
    if wanted:
        _assert_include(heard, wanted, text)


def test_y2k_is_no_spanish_and(catalogues) -> None:
    heard = _read(catalogues, "fashion", "y2k tops in pink")
    assert heard.language == "en"
    _assert_include(heard, {"category": ["Tops"], "baseColour": ["Pink"]}, "y2k tops in pink")


@pytest.mark.parametrize(
    ("catalogue", "text", "wanted", "refused"),
    [
        ("electronics", "a phone, not smasung", {"category": ["Smartphones"]}, {"brand": ["Samsung"]}),
        ("electronics", "a lneovo mouse", {"category": ["Mice"], "brand": ["Lenovo"]}, {}),
    ],
)
def test_two_letters_swapped(catalogues, catalogue, text, wanted, refused) -> None:
    heard = _read(catalogues, catalogue, text)
    _assert_include(heard, wanted, text)
    assert {k: _folded(v) for k, v in heard.exclude.items()} == {k: _folded(v) for k, v in refused.items()}, text


def test_a_three_letter_word_is_swapped_only_into_a_brand(catalogues) -> None:
    heard = _read(catalogues, "electronics", "smartwatch sub 3k")
    assert "brand" not in heard.include and "category" in heard.include
    assert heard.price is not None and heard.price.max == 3000


# --- budgets ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "shown", "most"),
    [
        ("electronics", "smartwatch sub 3k", (), 3000),
        ("electronics", "mouse sub-₹500", (), 500),
        ("fashion", "sunglasses for under a ton", (), 100),
        ("electronics", "cap the budget at 20k", PHONES, 20000),
        ("electronics", "cap it at 800", SPEAKERS, 800),
    ],
)
def test_budget_words(catalogues, catalogue, text, shown, most) -> None:
    heard = _read(catalogues, catalogue, text, shown)
    assert heard.price is not None and heard.price.max == most and heard.price.min is None, (text, heard.price)


def test_thanks_a_ton_is_no_budget(catalogues) -> None:
    heard = _read(catalogues, "fashion", "thanks a ton")
    assert heard.intent == "chitchat" and heard.price is None


@pytest.mark.parametrize(
    ("text", "shown", "most"),
    [
        ("at most double the first one", PHONES, 12998),
        ("under half the second one", SPEAKERS, 999.5),
    ],
)
def test_a_multiple_of_a_shown_price(catalogues, text, shown, most) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert heard.intent == "refine" and not heard.references
    assert heard.price is not None and heard.price.max == pytest.approx(most) and heard.price.min is None


# --- off topic and small talk ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text"),
    [
        ("electronics", "my earbuds broke lol anyway who won the footy"),
        ("fashion", "got soaked in the rain today, by the way whats 15 percent of 80"),
        ("electronics", "my laptop is slow btw how do i bake bread"),
        ("fashion", "could you write me a cover letter"),
        ("electronics", "how do i get to the nearest mall"),
        ("fashion", "what should we have for dinner"),
        ("electronics", "help me fix my laptop screen"),
        ("fashion", "wonderin how long shippin takes"),
    ],
)
def test_off_topic(catalogues, catalogue, text) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.intent == "off_topic", (text, heard)
    assert not heard.include


@pytest.mark.parametrize("text", ["anyway, show me black jeans", "need a belt lol, btw who won the footy"])
def test_a_wish_said_around_a_change_of_subject_stays(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.intent == "recommend" and heard.include, (text, heard)


@pytest.mark.parametrize("text", ["how was your weekend", "how are you going mate"])
def test_small_talk(catalogues, text) -> None:
    assert _read(catalogues, "electronics", text).intent == "chitchat"


# --- shown items -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "shown", "intent", "positions"),
    [
        ("fashion", "the white thing, is it cotton", TEES, "ask_about_item", [3]),
        ("fashion", "not really keen on the red one", TEES, "reject", [1]),
        ("electronics", "pls tell me the battery of the second one", SPEAKERS, "ask_about_item", [2]),
        ("electronics", "kindly tell me the price of no. 1", PHONES, "ask_about_item", [1]),
        ("fashion", "all but the last one are ugly", BAGS, "reject", [1, 2, 3]),
    ],
)
def test_pointing_at_shown_items(catalogues, catalogue, text, shown, intent, positions) -> None:
    heard = _read(catalogues, catalogue, text, shown)
    assert heard.intent == intent and heard.positions == positions, (text, heard)
    assert not heard.include, (text, heard.include)


def test_not_keen_on_a_colour_refuses_it(catalogues) -> None:
    heard = _read(catalogues, "fashion", "not keen on black, show me kurtas")
    _assert_include(heard, {"category": ["Kurtas"]}, "not keen on black")
    assert _folded(heard.exclude.get("baseColour", [])) == {"black"}


# --- a child named for a gift --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("for my grandson, he likes blue shirts", {"category": ["Shirts"], "baseColour": ["Blue"], "gender": ["Boys"]}),
        ("a gift for my niece she loves purple bags", {"subCategory": ["Bags"], "baseColour": ["Purple"], "gender": ["Girls"]}),
        ("hoodie for my nephew he loves green", {"category": ["Sweatshirts"], "baseColour": ["Green"], "gender": ["Boys"]}),
    ],
)
def test_a_pronoun_after_a_child_is_the_child(catalogues, text, wanted) -> None:
    _assert_include(_read(catalogues, "fashion", text), wanted, text)


def test_an_adult_named_beside_the_child_stays(catalogues) -> None:
    heard = _read(catalogues, "fashion", "for my daughter and my wife, she likes red tops")
    assert _folded(heard.include.get("gender", [])) == {"girls", "women"}


# --- a size asked of a shown item, questions carry no wish ----------------------------------------------

@pytest.mark.parametrize(("text", "position"), [("second one in an XL", 2), ("the red one in a size M?", 1)])
def test_a_size_asked_of_a_shown_item_is_a_question(catalogues, text, position) -> None:
    heard = _read(catalogues, "fashion", text, TEES)
    assert heard.intent == "ask_about_item" and heard.positions == [position], (text, heard)


def test_a_bigger_size_still_asks_for_other_items(catalogues) -> None:
    heard = _read(catalogues, "fashion", "the navy one but in a bigger size", TEES)
    assert heard.intent == "more_like" and heard.positions == [2]


@pytest.mark.parametrize("text", ["does the logitech work on glass", "does the dell one work on a glass desk"])
def test_a_question_about_a_shown_item_carries_no_wish(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text, ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2"))
    assert heard.intent == "ask_about_item" and heard.references and not heard.include, (text, heard)


@pytest.mark.parametrize("text", ["need black jeans, and can you write my essay too", "show me kettles, also what should i cook for dinner"])
def test_a_wish_beside_an_assistant_task_is_served(catalogues, text) -> None:
    catalogue = "fashion" if "jeans" in text else "electronics"
    heard = _read(catalogues, catalogue, text)
    assert heard.intent != "off_topic" and heard.include, (text, heard)
