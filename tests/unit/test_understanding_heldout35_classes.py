"""The failure classes of blind set 35 and the English gaps left after set 31 (issue 12), each on
wording that is none of the set's sentences, on the real demo catalogues' vocabularies
(chatrec.pointing_budgets)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech ₹599, HP ₹269, Dell ₹299
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi ₹6,499, OnePlus ₹28,999, Samsung ₹9,499
EAR = ("B01DEWVZ2C", "B07GPXXNNG", "B08FN6WGDQ")  # JBL, boAt, Samsung earphones
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink, blue handbags
SHOES = ("3167", "4140", "1951")  # Nike white, Skechers green, Puma purple women's shoes
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts


@pytest.mark.parametrize(
    ("catalogue", "text", "high"),
    [("electronics", "earbuds for fifteen hundred", 1500), ("electronics", "a phone for ₹9000", 9000),
     ("electronics", "need a kettle for a thousand or less", 1000), ("electronics", "a router for 1800 please", 1800),
     ("fashion", "a dress for 50", 50)],
)
def test_an_amount_after_for_is_a_budget(catalogues, catalogue: str, text: str, high: float) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.price is not None and heard.price.max == high
    assert heard.include  # the product is still read


@pytest.mark.parametrize("text", ["a charger for 2", "a phone for 2 years", "a speaker for 100 people"])
def test_a_count_after_for_is_no_budget(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).price is None


@pytest.mark.parametrize(
    ("text", "size"), [("sneakers, size 8 or thereabouts", "8"), ("size 7-ish sandals for women", "7"), ("heels about size 5", "5")]
)
def test_an_approximate_size_is_no_budget(catalogues, text: str, size: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.price is None
    assert size in heard.query.split()  # the size stays in the search text
    assert heard.include


@pytest.mark.parametrize(
    ("text", "shown", "position", "intent"),
    [("is the left one leather?", BAGS, 1, "ask_about_item"), ("is the far right one comfy?", SHOES, 3, "ask_about_item"),
     ("the right-hand pair, in black?", SHOES, 3, "more_like"), ("the leftmost, anything similar?", BAGS, 1, "more_like")],
)
def test_a_shown_item_named_by_its_side(catalogues, text: str, shown: tuple[str, ...], position: int, intent: str) -> None:
    heard = _read(catalogues, "fashion", text, shown, current={"subCategory": ["Shoes"]})
    assert heard.intent == intent
    assert [r.position for r in heard.references] == [position]


@pytest.mark.parametrize(
    ("text", "last", "intent"),
    [("that one we talked about, is it cotton?", [3], "ask_about_item"),
     ("the ones I asked about, any others like them?", [1, 2], "more_like"),
     ("the tee you just described, similar ones please", [2], "more_like")],
)
def test_the_item_talked_about_is_the_one_referenced_last(catalogues, text: str, last: list[int], intent: str) -> None:
    heard = _read(catalogues, "fashion", text, TEES, current={"category": ["Tshirts"]}, last_references=last)
    assert heard.intent == intent
    assert sorted(r.position for r in heard.references) == last


@pytest.mark.parametrize(
    ("catalogue", "text", "shown", "current", "position"),
    [("fashion", "the Skechers pair, more shoes like that", SHOES, {"subCategory": ["Shoes"]}, 2),
     ("electronics", "the boAt ones, more earphones like them", EAR, {"category": ["In-Ear"]}, 2),
     ("fashion", "the pink bag, similar bags?", BAGS, {"category": ["Handbags"]}, 3)],
)
def test_more_like_an_item_naming_its_own_product_type_adds_no_wish(
    catalogues, catalogue: str, text: str, shown: tuple[str, ...], current: dict[str, list[str]], position: int
) -> None:
    heard = _read(catalogues, catalogue, text, shown, current=current)
    assert heard.intent == "more_like"
    assert [r.position for r in heard.references] == [position]
    assert heard.include == {}


def test_more_like_an_item_but_another_product_type_keeps_the_wish(catalogues) -> None:
    heard = _read(catalogues, "fashion", "more like the red tee but a shirt", TEES, current={"category": ["Tshirts"]})
    assert heard.intent == "more_like"
    assert heard.include.get("category") == ["Shirts"]


def test_going_back_to_an_items_type_after_another_search_keeps_the_type(catalogues) -> None:
    heard = _read(catalogues, "fashion", "more bags like the green one", BAGS, current={"category": ["Sunglasses"]})
    assert heard.intent == "more_like"
    assert heard.include.get("subCategory") == ["Bags"]


@pytest.mark.parametrize(
    ("text", "shown", "high"),
    [("anything below what the OnePlus costs?", PHONES, 28999), ("within the price of the Samsung please", PHONES, 9499),
     ("less than the Dell costs", MICE, 299)],
)
def test_a_budget_bounded_by_a_shown_items_price(catalogues, text: str, shown: tuple[str, ...], high: float) -> None:
    heard = _read(catalogues, "electronics", text, shown, current={"category": ["Smartphones"]})
    assert heard.intent == "refine"
    assert heard.price is not None and heard.price.max == high
    assert heard.references == []


@pytest.mark.parametrize(
    "text", ["these look really cheaply made", "they feel flimsy tbh", "better quality ones please", "show me a step up",
             "those look kind of tacky, got better ones?"],
)
def test_looking_cheap_or_asking_for_a_step_up_is_pricier(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.relative_price == "pricier"
    assert heard.intent == "refine"


def test_nothing_fancy_is_no_step_up(catalogues) -> None:
    heard = _read(catalogues, "electronics", "nothing too fancy", PHONES, current={"category": ["Smartphones"]})
    assert heard.relative_price != "pricier"


TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus


@pytest.mark.parametrize(
    ("text", "positions"),
    [("the 2 on the left, more like them", [1, 2]), ("the left two look good, anything similar?", [1, 2]),
     ("compare the two on the right", [3, 4]), ("the three on the right side, which is cheapest?", [2, 3, 4])],
)
def test_the_items_at_a_side_of_the_list(catalogues, text: str, positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert sorted(r.position for r in heard.references) == positions
