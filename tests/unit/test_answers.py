"""Questions about the items shown: answered from their catalogue data, plainly when the data is silent."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question, find_reference, is_question_about_shown
from chatrec.catalog import Item

RED = Item(id="1", title="Puma Men Red Running Shoes", category="Sports Shoes", brand="Puma", price=60.0,
           currency="USD", attributes={"baseColour": "Red", "gender": "Men", "usage": "Sports"})
BLACK = Item(id="2", title="Bata Men Black Formal Shoes", category="Formal Shoes", brand="Bata", price=45.0,
             currency="USD", description="Leather upper, cushioned sole",
             attributes={"baseColour": "Black", "gender": "Men", "usage": "Formal"})
BLUE = Item(id="3", title="Nike Blue Cap", category="Caps", brand="Nike",
            attributes={"baseColour": "Blue", "gender": "Unisex"})


@pytest.mark.parametrize("message, expected", [
    ("is the second one good for running?", [2]),
    ("compare the first two", [1, 2]),
    ("why did you recommend the third?", [3]),
    ("what about the last one?", [5]),
    ("does #4 come in red?", [4]),
    ("what is the price of the 5th?", [5]),
    ("which is cheaper?", [1, 2, 3, 4, 5]),
    ("does it come in red?", [1, 2, 3, 4, 5]),
    ("black shoes for men", None),
])
def test_references_to_shown_items(message: str, expected: list[int] | None) -> None:
    assert find_reference(message, 5) == expected


@pytest.mark.parametrize("message, is_question", [
    ("does it come in red?", True),
    ("is the second one good for running?", True),
    ("compare the first two", True),
    ("which is cheaper?", True),
    ("and in blue?", False),  # a refinement: new items, not an answer
    ("any red ones?", False),
    ("is there something cheaper?", False),
    ("black running shoes", False),
])
def test_the_minimal_trigger_tells_questions_about_shown_items_from_new_requests(message: str, is_question: bool) -> None:
    assert is_question_about_shown(message, 5) is is_question
    assert is_question_about_shown(message, 0) is False


def test_colour_question_says_yes_or_names_the_listed_colour() -> None:
    answer = answer_question("does it come in red?", [RED])
    assert answer.supported and answer.text.startswith("Yes") and "Red" in answer.text
    answer = answer_question("does it come in red?", [BLACK])
    assert "Black" in answer.text and "not red" in answer.text and "nothing about other versions" in answer.text


def test_suitability_is_answered_from_the_data_or_plainly_not() -> None:
    assert "sports" in answer_question("is the second one good for sports?", [RED]).text.lower()
    silent = answer_question("is the second one good for hiking?", [BLACK])
    assert silent.supported is False and "does not say" in silent.text and "hiking" in silent.text


def test_which_is_cheaper_uses_the_prices_and_says_when_one_is_missing() -> None:
    answer = answer_question("which is cheaper?", [RED, BLACK, BLUE])
    assert answer.kind == "cheaper" and answer.text.startswith("The cheapest is Bata")
    assert "60 USD" in answer.text and "no price" in answer.text
    assert answer_question("which is cheaper?", [BLUE, BLUE]).supported is False


def test_compare_lists_both_and_names_the_differences() -> None:
    answer = answer_question("compare the first two", [RED, BLACK], positions=[1, 2])
    lines = answer.text.splitlines()
    assert lines[1].startswith("1. Puma") and lines[2].startswith("2. Bata")
    assert "differ in" in answer.text and "price" in answer.text


def test_why_repeats_the_reason_shown() -> None:
    answer = answer_question("why did you recommend the third?", [BLUE], positions=[3], reasons=["A blue cap by Nike."])
    assert answer.kind == "why" and "A blue cap by Nike." in answer.text


RATED = [
    Item(id=str(n), title=title, category="In-Ear", brand=brand, price=price, currency="INR",
         attributes={"rating": rating, "rating_count": count, "year": year})
    for n, (title, brand, price, rating, count, year) in enumerate([
        ("JBL C200SI Wired Earphones", "JBL", 799.0, "4.1", "53,648", 2019),
        ("boAt Airdopes 141 Earbuds", "boAt", 1499.0, "4.3", "12,000", 2022),
        ("Sony WI-C100 Neckband", "Sony", 1599.0, "3.6", "60,026", 2021),
    ], start=1)
]


@pytest.mark.parametrize("message, best, word", [
    ("which one has the best rating?", "boAt", "highest rating: 4.3"),
    ("and the worst rated?", "Sony", "lowest rating: 3.6"),
    ("which is the most popular?", "Sony", "highest rating count: 60,026"),
    ("the newest one?", "boAt", "highest year: 2022"),
    ("which of them is top rated", "boAt", "highest rating"),
])
def test_superlatives_name_the_shown_item_with_the_most_or_least(message: str, best: str, word: str) -> None:
    assert find_reference(message, 3) == [1, 2, 3]
    assert is_question_about_shown(message, 3)
    answer = answer_question(message, RATED)
    assert answer.kind == "best" and answer.text.startswith(best) and word in answer.text
    assert all(item.brand in answer.text for item in RATED)  # the others' values are given too


def test_superlative_without_the_field_says_so_and_best_for_a_use_is_not_a_rating() -> None:
    answer = answer_question("which is the best rated?", [RED, BLACK])
    assert answer.supported is False and "no rating" in answer.text
    assert answer_question("which is best for running?", RATED).kind != "best"
    assert not is_question_about_shown("show me the newest ones", 3)  # new items, not an answer


@pytest.mark.parametrize("message, language, best", [
    ("哪个评分最高？", "zh", "boAt"),
    ("¿cuál es el mejor valorado?", "es", "boAt"),
    ("welcher ist am besten bewertet?", "de", "boAt"),
    ("哪个最新？", "zh", "boAt"),
])
def test_superlatives_in_the_shoppers_language(message: str, language: str, best: str) -> None:
    assert is_question_about_shown(message, 3, language)
    answer = answer_question(message, RATED, language)
    assert answer.kind == "best" and answer.text.startswith(best)


def test_a_tie_for_the_best_names_every_item_sharing_it() -> None:
    tied = [RATED[0], RATED[1], Item(id="9", title="PTron Tangentbeat Neckband", brand="PTron",
                                     attributes={"rating": "4.3"})]
    answer = answer_question("which one has the best rating?", tied)
    assert answer.text.startswith("boAt Airdopes 141 Earbuds and PTron Tangentbeat Neckband share the highest rating: 4.3")
    assert answer.positions == [2, 3] and "JBL C200SI Wired Earphones 4.1" in answer.text


def test_a_related_word_in_the_data_is_quoted_without_claiming_what_was_asked() -> None:
    buds = Item(id="7", title="boAt Airdopes 171 True Wireless Earbuds, IPX4, Bluetooth v5.0", brand="boAt")
    answer = answer_question("is it waterproof?", [buds])
    assert "does not say “waterproof”" in answer.text and "“IPX4”" in answer.text
    assert answer.supported is False  # the data does not say waterproof
    cap = Item(id="8", title="Nike Cap", brand="Nike", attributes={"usage": "Sports"})
    assert "its usage is" not in answer_question("is it good for running?", [cap]).text
    assert "“running”" in answer_question("is it good for running?", [cap]).text
    assert "Sports" in answer_question("is it good for running?", [cap]).text


def test_when_every_item_ties_the_answer_says_they_are_all_the_same() -> None:
    same = [Item(id=str(n), title=f"Watch {n}", attributes={"year": 2016}) for n in range(3)]
    assert answer_question("which is the newest?", same).text == "All 3 have the same year: 2016."


def test_a_colour_question_in_german_names_the_colours_in_german() -> None:
    blue = Item(id="1", title="Titan Men Blue Watch", brand="Titan", attributes={"baseColour": "Blue"})
    black = Item(id="2", title="Fastrack Men Black Watch", brand="Fastrack", attributes={"baseColour": "Black"})
    text = answer_question("welches davon ist blau?", [blue, black], "de").text
    assert "als blau (Farbe)" in text and "als schwarz (Farbe), nicht blau" in text and "ist blue" not in text


@pytest.mark.parametrize("message, asked", [
    ("the first one looks good, is it waterproof?", "waterproof"),
    ("love it. does it have laces", "laces"),
    ("nice colour, but is it vegan?", "vegan"),
])
def test_a_remark_around_the_question_is_not_looked_up_as_a_feature(message: str, asked: str) -> None:
    text = answer_question(message, [RED]).text
    assert f"“{asked}”" in text, text


def test_what_no_shown_item_states_is_said_once_for_all_of_them() -> None:
    answer = answer_question("are they machine washable?", [RED, BLACK, BLUE])
    assert answer.supported is False
    assert answer.text == "The catalogue data for these 3 items does not say anything about “machine washable”."
    assert "leather" in answer_question("are they leather?", [RED, BLACK]).text.lower()  # one says so: per item


def test_the_words_that_pick_the_item_out_are_not_what_is_asked() -> None:
    text = answer_question("is the blue one waterproof?", [BLUE]).text
    assert "“waterproof”" in text and "blue waterproof" not in text


@pytest.mark.parametrize("message", ["I'll take the second one", "add it to cart", "ok, I'll buy it"])
def test_picking_an_item_to_buy_names_it_and_says_the_chat_cannot_order(message: str) -> None:
    answer = answer_question(message, [BLACK])
    assert answer.kind == "chosen" and "Bata Men Black Formal Shoes" in answer.text and "45" in answer.text
    assert "can't place orders" in answer.text
    assert answer_question(message, [RED, BLACK]).kind == "chosen"  # which one? asked back


def test_a_purchase_needs_a_shown_item() -> None:
    from chatrec.answers import asks_to_buy

    assert asks_to_buy("I'll take the first one", 3) and asks_to_buy("add it to cart", 3)
    assert asks_to_buy("我要买第二个", 3, "zh") and asks_to_buy("me lo llevo", 3, "es")
    assert not asks_to_buy("I want to buy a phone for my mum under 10000", 3)
    assert not asks_to_buy("I'll take the first one", 0)


PHONES = [
    Item(id="p1", title="Redmi A1 (Black, 2GB RAM, 32GB Storage) | 5000 mAh Battery", price=6499.0, currency="INR"),
    Item(id="p2", title="Galaxy M13 (Aqua Green, 4GB, 64GB Storage) | 6000mAh Battery", price=10999.0, currency="INR"),
    Item(id="p3", title="Spark 8T (Cyan, 4GB RAM, 64GB Storage)", description="50MP AI Camera, 1.2 kg", price=8499.0,
         currency="INR"),
]


@pytest.mark.parametrize("message, language, best, figure", [
    ("which one has the biggest battery?", "en", "Galaxy M13", "6000 mAh"),
    ("and the best camera?", "en", "Spark 8T", "50 MP"),
    ("哪个电池最大？", "zh", "Galaxy M13", "6000 mAh"),
    ("¿cuál tiene más batería?", "es", "Galaxy M13", "6000 mAh"),
])
def test_a_spec_superlative_reads_the_figures_the_items_state(message, language, best, figure) -> None:
    answer = answer_question(message, PHONES, language=language)
    assert answer.kind == "best" and answer.text.startswith(best) and figure in answer.text, answer.text
    assert "5000 mAh" in answer.text or "camera" in message  # the others' figures are given too


def test_a_spec_no_item_states_is_said_plainly_and_a_bare_biggest_on_clothes_is_not_a_spec() -> None:
    answer = answer_question("which is the lightest?", PHONES[:2])
    assert answer.supported is False and "weight" in answer.text
    assert answer_question("which is the biggest?", [RED, BLACK]).kind != "best"


@pytest.mark.parametrize("message, language, said", [
    ("what brand is the second one?", "en", "“Globalite”"),
    ("第二双是什么牌子的？", "zh", "“Globalite”"),
    ("¿de qué marca es?", "es", "«Globalite»"),
])
def test_a_brand_question_on_a_catalogue_without_brands_reads_the_name_and_says_so(message, language, said) -> None:
    item = Item(id="g", title="Globalite Women Grey Startech Sports Shoes", attributes={"baseColour": "Grey"})
    answer = answer_question(message, [item], language=language)
    assert said in answer.text and answer.kind == "attribute", answer.text
    assert "Bata" in answer_question("what brand is it?", [BLACK]).text  # a brand field is read as it is
