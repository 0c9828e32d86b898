"""The failure classes of blind set 55 (issue 12), each on wording that is none of the set's
sentences, on the real demo catalogues' vocabularies (chatrec.set55_classes, and a quantity in
litres as no price in chatrec.money)."""

from __future__ import annotations

import pytest

from chatrec.set55_classes import other_words
from tests.demo_reading import read as _read

EAR = ("B01DEWVZ2C", "B07GPXXNNG", "B08FN6WGDQ")  # JBL ₹599 (1,92,590 reviews), boAt ₹349 (3,63,713), Samsung
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics 3.9 (64,705 reviews), JBL 4.3, boAt 4.2
MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech 4.4, HP 4.3, Dell 4.5
WATCHES = ("5077", "10400", "10318", "5070")  # blue, black, steel, white (women's)
JEANS = ("11280", "9169", "11308")  # Wrangler black, Locomotive blue, Wrangler black
TEES = ("1617", "1889", "1849")  # red Reebok, navy Fifa, white Inkfruit

EARBUDS = ["Headphones,Earbuds&Accessories"]


def _positions(heard) -> list[int]:
    return sorted(r.position for r in heard.references)


def _price(heard) -> tuple[float | None, float | None]:
    return (None, None) if heard.price is None else (heard.price.min, heard.price.max)


# --- other words: autocorrect slips, regional words, people, Scots ---

@pytest.mark.parametrize(
    ("text", "include"),
    [("gaming moose with rgb", {"category": ["GamingMice"]}),
     ("a moose pad for my desk", {"category": ["MousePads"]}),
     ("pen driver 32gb sandisk", {"category": ["PenDrives"], "brand": ["SanDisk"]}),
     ("ear bugs for running", {"subcategory": EARBUDS}),
     ("logitech key bored", {"category": ["Keyboards"], "brand": ["Logitech"]}),
     ("split type air con, 1.5 ton", {"category": ["Split-SystemAirConditioners"]}),
     ("cheapest aircons you got", {"category": ["Split-SystemAirConditioners"]}),
     ("a bluetooth loudspeaker", {"category": ["BluetoothSpeakers"]}),
     ("keyboard-mouse set from hp", {"category": ["Keyboard&MouseSets"], "brand": ["HP"]})],
)
def test_other_words_for_electronics(catalogues, text: str, include: dict[str, list[str]]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert {k: sorted({v.casefold() for v in values}) for k, values in heard.include.items()} == \
        {k: sorted({v.casefold() for v in values}) for k, values in include.items()}


@pytest.mark.parametrize(
    ("text", "include"),
    [("rubber shoes for jogging", {"category": ["Sports Shoes"]}),
     ("grey tracksuit bottoms", {"category": ["Track Pants"], "baseColour": ["Grey"]}),
     ("a kurta for the missus", {"category": ["Kurtas"], "gender": ["Women"]}),
     ("a watch for himself, something classy", {"subCategory": ["Watches"], "gender": ["Men"]}),
     ("heels for herself", {"category": ["Heels"], "gender": ["Women"]}),
     ("jeans, the lads ones", {"category": ["Jeans"], "gender": ["Men"]})],
)
def test_other_words_for_fashion(catalogues, text: str, include: dict[str, list[str]]) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include == include


@pytest.mark.parametrize(("text", "colour"), [("nae pink", "Pink"), ("i dinnae want black ones", "Black")])
def test_scots_negation(catalogues, text: str, colour: str) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Tops"]})
    assert heard.exclude == {"baseColour": [colour]}
    assert "baseColour" not in heard.include


def test_other_words_leaves_plain_english_alone() -> None:
    assert other_words("a wireless mouse for my laptop under 500") == "a wireless mouse for my laptop under 500"
    assert other_words("they went then to the shop") == "they went then to the shop"


# --- budgets ---

@pytest.mark.parametrize(
    ("text", "price"),
    [("a mouse less then 700", (None, 700)),
     ("a router cheaper then 2000 pls", (None, 2000)),
     ("power bank under 1ooo", (None, 1000)),
     ("pendrive below 3oo rupees", (None, 300)),
     ("a kettle in the region of 900", (720, 1080)),
     ("a smartwatch somewhere around 2k", (1600, 2400)),
     ("an iron about 1000, 1200 at a push", (None, 1200)),
     ("a phone, ideally 15k, 18 at a stretch", (None, 18000)),
     ("earphones in the 500s", (500, 600))],
)
def test_budget_forms(catalogues, text: str, price: tuple[float | None, float | None]) -> None:
    assert _price(_read(catalogues, "electronics", text)) == price


def test_budget_in_a_decade_on_fashion(catalogues) -> None:
    assert _price(_read(catalogues, "fashion", "a belt in the 20s")) == (20, 30)


@pytest.mark.parametrize("text", ["a 1.7 litres kettle under 1500", "an electric kettle, roughly 1.2 liters, max 1500"])
def test_a_quantity_in_litres_is_no_price(catalogues, text: str) -> None:
    assert _price(_read(catalogues, "electronics", text)) == (None, 1500)


# --- answers that name no option ---

@pytest.mark.parametrize("text", ["the most popular one", "best sellers pls", "whatever people buy most"])
def test_popular_answers_the_question(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, pending=("brand", ["boAt", "JBL", "Boult"]))
    assert heard.intent == "answer"
    assert not heard.include and heard.relative_price is None


@pytest.mark.parametrize(("text", "relative"), [("cheapest option", "cheaper"), ("the premium kind please", "pricier")])
def test_relative_answers_the_question(catalogues, text: str, relative: str) -> None:
    heard = _read(catalogues, "electronics", text, pending=("category", ["SteamIrons", "DryIrons"]))
    assert (heard.intent, heard.relative_price) == ("answer", relative)


def test_relative_words_without_a_question_stay_a_search(catalogues) -> None:
    heard = _read(catalogues, "electronics", "the cheaper kind", current={"category": ["Mice"]})
    assert heard.intent != "answer"


# --- shown items by reviews and rating; the place turned down ---

def test_the_most_reviewed_one(catalogues) -> None:
    heard = _read(catalogues, "electronics", "the most reviewed one, is it loud", SPEAKERS)
    assert (heard.intent, _positions(heard)) == ("ask_about_item", [1])


def test_the_best_rated_one(catalogues) -> None:
    heard = _read(catalogues, "electronics", "the best rated one, anything similar?", MICE)
    assert (heard.intent, _positions(heard)) == ("more_like", [3])


def test_the_one_with_most_ratings_on_earphones(catalogues) -> None:
    heard = _read(catalogues, "electronics", "tell me about the one with the most ratings", EAR)
    assert _positions(heard) == [2]


@pytest.mark.parametrize(("text", "positions"),
                         [("not the last one, the other wrangler. similar ones?", [1]),
                          ("not the first, the other wrangler pls, more like it", [3])])
def test_place_turned_down_before_the_other(catalogues, text: str, positions: list[int]) -> None:
    assert _positions(_read(catalogues, "fashion", text, JEANS)) == positions


@pytest.mark.parametrize(("text", "positions"),
                         [("number 1 and 3, which is lighter", [1, 3]), ("no. 2 & no. 3 which one is better", [2, 3])])
def test_two_numbers(catalogues, text: str, positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, MICE)
    assert (heard.intent, _positions(heard)) == ("compare", positions)


def test_similar_but_for_is_no_negation(catalogues) -> None:
    heard = _read(catalogues, "fashion", "the red one, something like it but for women?", TEES)
    assert heard.include.get("gender") == ["Women"]
    assert "gender" not in heard.exclude


# --- a value turned down while items are shown ---

def test_value_turned_down_with_items_shown_is_a_refinement(catalogues) -> None:
    heard = _read(catalogues, "fashion", "not keen on blue really", WATCHES,
                  current={"subCategory": ["Watches"], "gender": ["Women"]})
    assert (heard.intent, heard.exclude) == ("refine", {"baseColour": ["Blue"]})


def test_shown_item_turned_down_is_still_rejected(catalogues) -> None:
    heard = _read(catalogues, "fashion", "not keen on the blue one", WATCHES,
                  current={"subCategory": ["Watches"], "gender": ["Women"]})
    assert heard.intent == "reject"


# --- "for work" on a bag ---

@pytest.mark.parametrize(("text", "kind"), [("a backpack for work", "Backpacks"), ("a handbag for the office", "Handbags")])
def test_work_says_nothing_about_a_bag(catalogues, text: str, kind: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("category") == [kind]
    assert "usage" not in heard.include


def test_work_trousers_stay_formal(catalogues) -> None:
    assert _read(catalogues, "fashion", "trousers for work").include.get("usage") == ["Formal"]


# --- off topic ---

@pytest.mark.parametrize("text", [
    "do you sell fridges?", "you guys have washing machines", "can i buy airtime here, recharge my phone",
    "do you accept gcash", "are you open on sundays", "where's the nearest branch", "whats the naira rate today",
    "write a cover letter for me", "who is the goat, messi or pele", "is there load shedding tomorrow",
    "explain the difference between weather and climate",
])
def test_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).intent == "off_topic"


@pytest.mark.parametrize(("text", "category"), [("a power bank for load shedding", "PowerBanks"),
                                                ("do you have rice cookers", "Rice&PastaCookers"),
                                                ("milk frother for coffee", "MilkFrothers"),
                                                ("do you have car chargers", "AutomobileChargers"),
                                                ("do you have bike mounts for phones", "HandlebarMounts")])
def test_products_beside_off_topic_words_stay_wishes(catalogues, text: str, category: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend"
    if text.endswith("for phones"):  # stop 56: the mounts filed with the phones (the shop's "Mounts" holds an Echo Dot's)
        assert category in heard.include.get("category", []) and all(
            c.endswith("Mounts") and c != "Mounts" for c in heard.include["category"]), heard
        return
    assert heard.include.get("category") == [category]


def test_top_rated_ones_are_no_shown_item(catalogues) -> None:
    # plural: a search ordered by rating (tests/unit/test_lead_shopping_round5.py), not one item shown
    heard = _read(catalogues, "electronics", "forget the brand, just the top rated ones", MICE)
    assert heard.intent != "ask_about_item" and not heard.references
