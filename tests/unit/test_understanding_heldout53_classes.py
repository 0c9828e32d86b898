"""The failure classes of blind set 53 (issue 12), each on wording that is none of the set's
sentences, on the real demo catalogues' vocabularies (chatrec.set53_classes, and the loop fixed in
chatrec.english_questions)."""

from __future__ import annotations

import pytest

from chatrec.set53_classes import other_words
from tests.demo_reading import read as _read

PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi ₹6,499, OnePlus ₹28,999, Samsung ₹9,499
EAR = ("B01DEWVZ2C", "B07GPXXNNG", "B08FN6WGDQ")  # JBL ₹599, boAt ₹349, Samsung ₹4,790
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics ₹549, JBL ₹1,999, boAt ₹1,799
TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus

EARBUDS = ["Headphones,Earbuds&Accessories"]


def _positions(heard) -> list[int]:
    return sorted(r.position for r in heard.references)


def _price(heard) -> tuple[float | None, float | None]:
    return (None, None) if heard.price is None else (heard.price.min, heard.price.max)


# --- a shown item named by its price; the loop it caused ---

@pytest.mark.parametrize(
    ("text", "shown", "intent", "positions"),
    [("the expensive one, does it have a mic", EAR, "ask_about_item", [3]),
     ("whats the battery like on the costly one", PHONES, "ask_about_item", [2]),
     ("the cheap one, is it loud enough", SPEAKERS, "ask_about_item", [1]),
     ("the costly one and the cheap one, which is better", PHONES, "compare", [1, 2]),
     ("the cheap one and the pricey one, whats the difference", SPEAKERS, "compare", [1, 2])],
)
def test_shown_item_named_by_its_price(catalogues, text: str, shown: tuple[str, ...], intent: str,
                                       positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert heard.intent == intent
    assert _positions(heard) == positions


def test_two_items_already_said_with_one_do_not_loop(catalogues) -> None:
    # "the X one and the Y one" reworded as itself was read again and again until RecursionError
    heard = _read(catalogues, "electronics", "the loud one and the small one", SPEAKERS)
    assert heard.language == "en"


# --- other words: dictation, Caribbean, Kenyan, Southern, emoji, brands dictated apart ---

@pytest.mark.parametrize(
    ("text", "include"),
    [("a navy blew jumper for my dad", {"category": ["Sweaters"], "baseColour": ["Navy Blue"], "gender": ["Men"]}),
     ("a blew shirt, slim fit", {"category": ["Shirts"], "baseColour": ["Blue"]}),
     ("mi need a red kurta fi mi wife", {"category": ["Kurtas"], "baseColour": ["Red"], "gender": ["Women"]}),
     ("looking for 👠 in black", {"category": ["Heels"], "baseColour": ["Black"]}),
     ("🎒 for college", {"category": ["Backpacks"]}),
     ("a book bag for uni", {"category": ["Backpacks"]})],
)
def test_other_words_for_fashion(catalogues, text: str, include: dict[str, list[str]]) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.intent == "recommend"
    assert {k: sorted(v) for k, v in heard.include.items()} == {k: sorted(v) for k, v in include.items()}


@pytest.mark.parametrize(
    ("text", "field", "values"),
    [("fire bolt watch with calling", "brand", ["Fire-Boltt"]),
     ("hand held vacuum cleaner", "category", ["HandheldVacuums"]),
     ("an electric beater for whipping cream", "category", ["HandMixers"]),
     ("a phone yenye big battery", "category", ["Smartphones"]),
     ("📱 under 10k", "category", ["Smartphones"])],
)
def test_other_words_for_electronics(catalogues, text: str, field: str, values: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend"
    assert sorted(heard.include.get(field, [])) == values


@pytest.mark.parametrize(
    ("text", "brand"),
    [("a mixer grinder, my old one makes a lot of noise", None),
     ("a kettle that doesnt make weird noises", None),
     ("cheaper than 800 if poss", None)],
)
def test_common_words_are_no_brand(catalogues, text: str, brand: str | None) -> None:
    heard = _read(catalogues, "electronics", text, current={"category": ["MixerGrinders"]})
    assert "brand" not in heard.include


def test_other_words_rewrites_only_what_it_names() -> None:
    assert other_words("blue jeans for my son") == "blue jeans for my son"
    assert other_words("mi cyaan find it") == "I can't find it"
    assert other_words("the mi tv") == "the mi tv"


# --- budgets said other ways ---

@pytest.mark.parametrize(
    ("text", "price"),
    [("a hand blender for three-fifty or so", (280.0, 420.0)),
     ("a mouse, four-ninety-nine max", (None, 499.0)),
     ("a smartwatch, i can spend around 2000", (None, 2000.0)),
     ("a kettle, we can spend roughly fifteen hundred", (None, 1500.0)),
     ("two grand for a smartwatch is enough", (None, 2000.0)),
     ("500 for a mouse is plenty", (None, 500.0)),
     ("a router no more than one thousand", (None, 1000.0)),
     ("a router under one thousand two hundred", (None, 1200.0)),
     ("mi cyaan pay more dan two tousand fi a speaker", (None, 2000.0))],
)
def test_budgets(catalogues, text: str, price: tuple[float | None, float | None]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert _price(heard) == price


@pytest.mark.parametrize(
    "text",
    ["a leather belt for my grandad, his is from 1988", "a watch like the one my dad had back in 1979"],
)
def test_a_year_is_no_price(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.price is None


# --- turning a value down ---

@pytest.mark.parametrize(
    ("text", "current", "exclude"),
    [("im off samsung after my last phone", {"category": ["Smartphones"]}, {"brand": ["Samsung"]}),
     ("she's gone off purple, show me tops", {}, {"baseColour": ["Purple"]}),
     ("not really keen on heels, something flat", {}, {"category": ["Heels"]}),
     ("fuggedaboutit with the black, gimme some color", {"category": ["Tshirts"]}, {"baseColour": ["Black"]})],
)
def test_turned_down(catalogues, text: str, current: dict[str, list[str]], exclude: dict[str, list[str]]) -> None:
    name = "electronics" if "brand" in exclude else "fashion"
    heard = _read(catalogues, name, text, current=current)
    assert heard.exclude == exclude
    assert not set(heard.include.get(next(iter(exclude)), [])) & set(next(iter(exclude.values())))


def test_off_to_somewhere_turns_nothing_down(catalogues) -> None:
    heard = _read(catalogues, "fashion", "I'm off to a wedding, need black heels")
    assert not heard.exclude
    assert heard.include.get("baseColour") == ["Black"]


# --- a child said by age ---

@pytest.mark.parametrize(
    ("text", "gender"),
    [("a tshirt for my 9 year old", ["Boys", "Girls"]),
     ("jeans for the little one, she's 6", ["Girls"]),
     ("shorts for my nephew who is 7", ["Boys"]),
     ("kurta for my kid aged 5", ["Boys", "Girls"])],
)
def test_child_by_age(catalogues, text: str, gender: list[str]) -> None:
    heard = _read(catalogues, "fashion", text)
    assert sorted(heard.include.get("gender", [])) == gender


@pytest.mark.parametrize("text", ["a tshirt for my son, he's 25", "a watch for my dad, he's 70"])
def test_grown_children_are_no_children(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("gender") == ["Men"]


def test_an_age_on_a_shop_without_childrens_sections(catalogues) -> None:
    heard = _read(catalogues, "electronics", "a smartwatch for my 10 year old")
    assert "gender" not in heard.include


# --- specifications with no product noun ---

@pytest.mark.parametrize(
    "text", ["6gb/64gb 6000mah under 12k", "12gb ram, 256gb, 120hz, 5g", "4gb + 64gb, 6.7 inch, 5000 mah"],
)
def test_specs_are_a_phone(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == ["Smartphones"]


def test_specs_with_a_product_noun_keep_it(catalogues) -> None:
    heard = _read(catalogues, "electronics", "a pen drive 64gb/128gb")
    assert heard.include.get("category") == ["PenDrives"]


# --- questions about shown items ---

@pytest.mark.parametrize(
    ("text", "shown", "intent", "positions"),
    [("the first one hows the camera", PHONES, "ask_about_item", [1]),
     ("the samsung, how good is the battery", PHONES, "ask_about_item", [3]),
     ("that there first one, how long does it last", SPEAKERS, "ask_about_item", [1]),
     ("#2 or #4 for the bedroom", TVS, "compare", [2, 4]),
     ("number 1 or number 3 for my mum", PHONES, "compare", [1, 3])],
)
def test_questions_about_shown_items(catalogues, text: str, shown: tuple[str, ...], intent: str,
                                     positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert heard.intent == intent
    assert _positions(heard) == positions
    assert not heard.include


# --- products the shop does not sell ---

@pytest.mark.parametrize("text", ["do you guys sell lawn mowers", "y'all carry any tyres?"])
def test_asking_for_what_is_not_sold(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).intent == "off_topic"


def test_asking_for_what_is_sold(catalogues) -> None:
    heard = _read(catalogues, "electronics", "do y'all sell power banks")
    assert heard.intent == "recommend"
    assert heard.include.get("category") == ["PowerBanks"]


# --- "both of the X ones", "same price or less", "not A B, C ones" ---

JEANS = ("11280", "9169", "11308")  # Wrangler black, Locomotive blue, Wrangler black slim
BAGS = ("3393", "5876", "8519", "9444")  # Murcia green, Puma black, Nike pink-blue, Nike blue


@pytest.mark.parametrize(
    ("name", "text", "shown", "positions"),
    [("fashion", "both of the black ones, which is slimmer", JEANS, [1, 3]),
     ("fashion", "both of the nike ones, more like those", BAGS, [3, 4])],
)
def test_both_of_the_x_ones(catalogues, name: str, text: str, shown: tuple[str, ...], positions: list[int]) -> None:
    assert _positions(_read(catalogues, name, text, shown)) == positions


@pytest.mark.parametrize(
    ("text", "ceiling"),
    [("other brands, same price or lower", 28999.0), ("something in the same budget or less pls", 28999.0)],
)
def test_same_price_or_less(catalogues, text: str, ceiling: float) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "refine"
    assert _price(heard) == (None, ceiling)


@pytest.mark.parametrize(
    ("text", "include", "exclude"),
    [("no formal shoes, comfy ones for every day", {"subCategory": ["Shoes"]}, {"category": ["Formal Shoes"]}),
     ("not sports shoes, just normal everyday ones", {"subCategory": ["Shoes"]}, {"category": ["Sports Shoes"]})],
)
def test_head_noun_of_ones(catalogues, text: str, include: dict[str, list[str]], exclude: dict[str, list[str]]) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include == include
    assert heard.exclude == exclude


# --- what the classes leave alone ---

@pytest.mark.parametrize(
    "text",
    ["a watch with 2 years warranty for my wife", "a dress for my sister, she is 5 foot 4", "a belt for him, he is 6 ft"],
)
def test_no_child_without_an_age(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert not {"Boys", "Girls"} & set(heard.include.get("gender", []))


@pytest.mark.parametrize("text", ["do you sell anything for a 10th anniversary", "do you guys stock gifts for teachers"])
def test_asking_what_is_sold_in_general_is_no_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent != "off_topic"
