"""The failure classes of blind set 60 (issue 12, brief i12bn), each on wording that is none of the
set's sentences, in English, on the real demo catalogues' vocabularies (chatrec.set60_classes and
chatrec/data/set60_classes.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi 6,499, OnePlus 28,999, Samsung 9,499
TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
WATCHES = ("B09V12K8NT", "B0B5LVS732", "B0B3N7LR6K")  # boAt 1,499, Noise 1,898, Fire-Boltt 3,999
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts
POUND = 105.06  # rupees, the documented default rate
DOLLAR = 83.0


def _folded(values: list[str]) -> set[str]:
    """Values as the scorer compares them."""
    return {v.casefold() for v in values}


def _assert_include(heard, wanted: dict[str, list[str]], text: str) -> None:
    assert _folded(list(heard.include)) == _folded(list(wanted)), (text, heard.include)
    for field, values in wanted.items():
        assert _folded(heard.include.get(field, [])) == _folded(values), (text, heard.include)


# --- product words, family words, "a + b" -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "black flip flaps for men", {"subCategory": ["Flip Flops"], "baseColour": ["Black"], "gender": ["Men"]}),
        ("fashion", "flipflaps for the beach", {"subCategory": ["Flip Flops"]}),
        ("electronics", "an electric jug that boils fast", {"category": ["ElectricKettles"]}),
        ("electronics", "a cordless jug under 1500", {"category": ["ElectricKettles"]}),
        ("electronics", "wireless controller for my laptop", {"category": ["Gamepads"]}),
        ("electronics", "a gaming controller for the kids", {"category": ["Gamepads"]}),
        ("fashion", "a rucksack for hiking", {"category": ["Backpacks"]}),
        ("fashion", "blue rucksacks for the twins", {"category": ["Backpacks"], "baseColour": ["Blue"]}),
        ("fashion", "brown shoes for him, the formal type", {"category": ["Formal Shoes"], "baseColour": ["Brown"], "gender": ["Men"]}),
        ("fashion", "shirts for my husband, the casual sort", {"category": ["Shirts"], "usage": ["Casual"], "gender": ["Men"]}),
        ("electronics", "need a fast charger pls", {"category": ["WallChargers"]}),
        ("electronics", "fast charger for my samsung", {"category": ["WallChargers"]}),
        ("fashion", "a handbag for my tita", {"category": ["Handbags"], "gender": ["Women"]}),
        ("fashion", "a watch for tito ben", {"subCategory": ["Watches"], "gender": ["Men"]}),
        ("fashion", "trainers for my three sons", {"category": ["Sports Shoes"], "gender": ["Boys"]}),
        ("fashion", "t-shirts for our twin lads", {"category": ["Tshirts"], "gender": ["Boys"]}),
        ("fashion", "dresses for my daughters", {"subCategory": ["Dress"], "gender": ["Girls"]}),
        ("fashion", "a stole for my mums 70th", {"subCategory": ["Stoles"], "gender": ["Women"]}),
        ("fashion", "a tie for my dads birthday", {"category": ["Ties"], "gender": ["Men"]}),
        ("fashion", "a belt + a wallet for men", {"subCategory": ["Belts", "Wallets"], "gender": ["Men"]}),
        ("electronics", "mouse + mouse pad", {"category": ["Mice", "MousePads"]}),
    ],
)
def test_product_and_family_words(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.intent == "recommend", text
    _assert_include(heard, wanted, text)


# --- money slang ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "least", "most"),
    [
        ("a mouse for a pony", None, round(25 * POUND, 2)),
        ("headphones, a pony at most", None, round(25 * POUND, 2)),
        ("a phone for a monkey max", None, round(500 * POUND, 2)),
        ("a tv for 3 bills", None, 300 * DOLLAR),
        ("smartwatch under five bills", None, 500 * DOLLAR),
        ("a speaker for round 3k", 2400, 3600),
        ("a kettle for round 1500", 1200, 1800),
        ("a mouse under 700-ish", None, 700),
        ("earbuds max 2k ish", None, 2000),
        ("a kettle, anything over 1500 is too dear", None, 1500),
        ("power bank, anything above 1k is a rip off, keep it below that", None, 1000),
    ],
)
def test_money_slang(catalogues, text, least, most) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.price is not None, text
    assert heard.price.min == pytest.approx(least) if least else heard.price.min is None, (text, heard.price)
    assert heard.price.max == pytest.approx(most, rel=1e-3), (text, heard.price)


def test_round_is_no_bound_for_a_shape(catalogues) -> None:
    """"a round 40mm watch" names a shape, no price."""
    heard = _read(catalogues, "fashion", "a round 40mm watch for men")
    assert heard.price is None


# --- Singlish and dialect wording over shown items ----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "most"),
    [
        ("got cheaper ones? under 5k", 5000),
        ("got cheaper one or not, below 8000 can?", 8000),
    ],
)
def test_singlish_cheaper(catalogues, text, most) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "refine", text
    assert heard.price is not None and heard.price.max == most, (text, heard.price)
    assert not heard.positions, text


@pytest.mark.parametrize(
    "text", ["the last one is too cost, something below 2000", "that one too expensive lah, got under 2k?"],
)
def test_too_dear_with_a_bound_is_a_search(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text, WATCHES, current={"category": ["SmartWatches"]},
                  last_references=[3])
    assert heard.intent == "refine", (text, heard.intent)
    assert heard.price is not None and heard.price.max == 2000, (text, heard.price)
    assert not heard.positions, text


@pytest.mark.parametrize(
    ("text", "intent", "positions"),
    [
        ("them navy ones, more like that", "more_like", [2]),
        ("them white ones, are they cotton", "ask_about_item", [3]),
    ],
)
def test_them_for_those(catalogues, text, intent, positions) -> None:
    heard = _read(catalogues, "fashion", text, TEES, current={"category": ["Tshirts"]})
    assert heard.intent == intent, (text, heard.intent)
    assert heard.positions == positions, text


@pytest.mark.parametrize("text", ["the two middle ones are nice, similar pls", "the 2 middle ones, more like them"])
def test_two_middle_ones(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert heard.intent == "more_like", text
    assert heard.positions == [2, 3], text


@pytest.mark.parametrize("text", ["number 3 again pls", "show me no. 2 again"])
def test_number_again_shows_the_list_again(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text, TEES, current={"category": ["Tshirts"]})
    assert heard.intent == "show_again", (text, heard.intent)
    assert not heard.positions, text


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("not that i don't like red, but something calmer", "Red"),
        ("not that I dont mind white, but it stains", "White"),
    ],
)
def test_double_negation_refuses(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert _folded(heard.exclude.get("baseColour", [])) == {refused.casefold()}, (text, heard.exclude)


# --- two words typed as one -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "redjacket for winter", {"category": ["Jackets"], "baseColour": ["Red"], "season": ["Winter"]}),
        ("fashion", "whitesneakers for my wife", {"subCategory": ["Shoes"], "baseColour": ["White"], "gender": ["Women"]}),
        ("electronics", "a wirelessmouse for office", {"category": ["Mice"]}),
    ],
)
def test_glued_words(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    _assert_include(heard, wanted, text)


@pytest.mark.parametrize("text", ["redmi phone under 10k", "a blackberry coloured kurta"])
def test_words_of_their_own_stay_whole(catalogues, text) -> None:
    heard = _read(catalogues, "electronics" if "redmi" in text else "fashion", text)
    assert "baseColour" not in heard.include or heard.include["baseColour"] != ["Red"], (text, heard.include)
    if "redmi" in text:
        assert _folded(heard.include.get("brand", [])) == {"redmi"}, (text, heard.include)


# --- talk that shops for nothing -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my earbuds fell out during the game haha, whats the score now", "off_topic"),
        ("my smartwatch died at the final, who won in the end", "off_topic"),
        ("the kettle i ordered from you last week stopped working, what should i do", "off_topic"),
        ("bought this mouse here yesterday and it won't connect, help", "off_topic"),
        ("parcel arrived today, thank you so much", "chitchat"),
        ("thanks, the order came on time", "chitchat"),
    ],
)
def test_talk_with_no_shopping(catalogues, text, intent) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == intent, (text, heard.intent)
    assert not heard.include, text


@pytest.mark.parametrize(
    "text",
    ["the earbuds i bought here broke, need a new pair", "my phone i bought here keeps restarting, i want a new one"],
)
def test_a_wish_beside_the_talk_is_served(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent not in ("off_topic", "chitchat"), (text, heard.intent)


# --- answers, features, children, shown items picked by what they are not -------------------------------------

@pytest.mark.parametrize(
    ("text", "refused"),
    [("anything but blue", ["Blue"]), ("any apart from black and red", ["Black", "Red"])],
)
def test_turning_options_down_answers(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text, pending=("baseColour", ["Black", "Blue", "Red"]),
                  current={"category": ["Jeans"]})
    assert heard.intent == "answer", (text, heard.intent)
    assert _folded(heard.exclude.get("baseColour", [])) == _folded(refused), (text, heard.exclude)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("a samsung phone with a huge battery", {"category": ["Smartphones"], "brand": ["Samsung"]}),
        ("smartwatch with great battery life under 3k", {"category": ["SmartWatches"]}),
        ("a tablet or phone with the best camera", {"category": ["Smartphones"], "subcategory": ["Tablets"]}),
        ("a power bank that gives three full phone charges", {"category": ["PowerBanks"]}),
    ],
)
def test_a_quality_is_no_product(catalogues, text, wanted) -> None:
    heard = _read(catalogues, "electronics", text)
    _assert_include(heard, wanted, text)


def test_a_battery_alone_is_the_product(catalogues) -> None:
    heard = _read(catalogues, "electronics", "good batteries for the remote")
    assert any("batter" in v.casefold() for v in heard.include.get("category", [])), heard.include


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("a winter cap for the kid, he's a little boy", ["Boys"]),
        ("shoes for the kids, both are girls", ["Girls"]),
    ],
)
def test_child_said_to_be_a_boy_or_girl(catalogues, text, gender) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("gender") == gender, (text, heard.include)


@pytest.mark.parametrize(
    ("shown", "text", "intent", "positions"),
    [
        (PHONES[:2], "the one that's not redmi, how much ram", "ask_about_item", [2]),
        (TVS[:2], "the one that isn't the lg, does it have wifi?", "ask_about_item", [1]),
        (TVS[:2], "the other one, not the samsung... more like it", "more_like", [2]),
    ],
)
def test_the_one_that_is_not(catalogues, shown, text, intent, positions) -> None:
    heard = _read(catalogues, "electronics", text, shown, current={"category": ["SmartTelevisions"]})
    assert heard.intent == intent, (text, heard.intent)
    assert heard.positions == positions, text
    assert not heard.exclude, text
