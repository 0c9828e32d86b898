"""The failure classes of blind set 51 (issue 12), each on wording that is none of the set's
sentences, on the real demo catalogues' vocabularies (chatrec.set51_classes and the small fixes
in chatrec.money, chatrec.mixed_turns and chatrec.language)."""

from __future__ import annotations

import pytest

from chatrec.language import detect_language
from chatrec.set51_classes import need_product, other_words
from tests.demo_reading import read as _read

PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi ₹6,499, OnePlus ₹28,999, Samsung ₹9,499
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics, JBL, boAt
SHOES = ("3167", "4140", "1951")  # Nike, Skechers, Puma
TEES = ("1617", "1889", "1849")

EARBUDS = ["Headphones,Earbuds&Accessories"]


def _positions(heard) -> list[int]:
    return sorted(r.position for r in heard.references)


def _price(heard) -> tuple[float | None, float | None]:
    return (None, None) if heard.price is None else (heard.price.min, heard.price.max)


# --- other words for a product: autocorrect, regional words, products described ---

@pytest.mark.parametrize(
    ("text", "field", "values"),
    [("bluetooth spear for the braai", "category", ["BluetoothSpeakers"]),
     ("blue tooth spears for the kitchen", "category", ["BluetoothSpeakers"]),
     ("ear bugs for running", "subcategory", EARBUDS),
     ("need new earbids", "subcategory", EARBUDS),
     ("two mouses for the office", "category", ["Mice"]),
     ("a telly that connects to wifi", "category", ["SmartTelevisions"]),
     ("an android tv for the bedroom", "category", ["SmartTelevisions"]),
     ("a normal telly, nothing clever", "category", ["StandardTelevisions"]),
     ("kettle which works on electricity", "category", ["ElectricKettles"])],
)
def test_other_words_for_electronics(catalogues, text: str, field: str, values: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend"
    assert sorted(heard.include.get(field, [])) == values


@pytest.mark.parametrize(
    ("text", "include"),
    [("a brolly for my mum", {"subCategory": ["Umbrellas"], "gender": ["Women"]}),
     ("jandals for the beach", {"subCategory": ["Flip Flops"]}),
     ("tackies for school, he's 10", {"subCategory": ["Shoes"], "gender": ["Boys"]}),
     ("a fanny pack", {"category": ["Waist Pouch"]}),
     ("shoes for jogging", {"category": ["Sports Shoes"]}),
     ("hooded jumper for my daughter", {"category": ["Sweatshirts"], "gender": ["Girls"]}),
     ("a kurta colour of grass", {"category": ["Kurtas"], "baseColour": ["Green"]}),
     ("a tshirt the colour of snow", {"category": ["Tshirts"], "baseColour": ["White"]})],
)
def test_other_words_for_fashion(catalogues, text: str, include: dict[str, list[str]]) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.intent == "recommend"
    assert {k: sorted(v) for k, v in heard.include.items()} == include


def test_other_words_leaves_plain_words_alone() -> None:
    assert other_words("a spear for fishing") == "a spear for fishing"  # no speaker without a speaker word
    assert other_words("a bluetooth speaker") == "a bluetooth speaker"


# --- a child's sex said with a pronoun after a regional word for a child ---

@pytest.mark.parametrize(
    ("text", "gender"),
    [("a tshirt for the bairn, she's 6", ["Girls"]),
     ("shoes for my laaitie, he is 9", ["Boys"]),
     ("a cap for the wean, he's a wee boy", ["Boys"])],
)
def test_child_pronoun(catalogues, text: str, gender: list[str]) -> None:
    assert _read(catalogues, "fashion", text).include.get("gender") == gender


# --- a double negative wants the value ---

@pytest.mark.parametrize(
    ("text", "brand"),
    [("i dont not like boat, show me boat speakers", ["Boat", "boAt"]),
     ("I do not not want samsung, samsung phones pls", ["Samsung"])],
)
def test_double_negative(catalogues, text: str, brand: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert sorted(heard.include.get("brand", [])) == brand
    assert "brand" not in heard.exclude


def test_concession_is_no_double_negative(catalogues) -> None:
    # "it's not that I don't like blue, I just want green": green is the wish, blue neither wanted nor refused
    heard = _read(catalogues, "fashion", "its not that i dont like red, i just want black now")
    assert heard.include.get("baseColour") == ["Black"]


# --- a need said instead of a product ---

@pytest.mark.parametrize(
    ("text", "category"),
    [("something that can juice oranges and grind spices", ["JuicerMixerGrinders"]),
     ("a machine to grind chutney and also make juice", ["JuicerMixerGrinders"]),
     ("a battery of power to charge my phone while travelling", ["PowerBanks"]),
     ("a box of power for the phone", ["PowerBanks"])],
)
def test_needs(catalogues, text: str, category: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == category


def test_need_product_only_for_its_words() -> None:
    assert need_product("a juicer") is None
    assert need_product("a grinder for coffee") is None


# --- budget wordings ---

@pytest.mark.parametrize(
    ("text", "price"),
    [("atleast 15k phone", (15000.0, None)),
     ("a decent watch at least 2k", (2000.0, None)),  # "decent" is no "n't"
     ("I want a phone at least 10k", (10000.0, None)),
     ("I can't go above 900 for a mouse", (None, 900.0)),  # a real negation still caps
     ("earbuds max 1-2k", (None, 2000.0)),
     ("a speaker under 2-3k", (None, 3000.0)),
     ("5 usb cables, 300 each max", (None, 300.0)),
     ("a mouse for like 700", (560.0, 840.0)),
     ("a mouse below the 500", (None, 500.0))],
)
def test_budget_wordings(catalogues, text: str, price: tuple[float | None, float | None]) -> None:
    assert _price(_read(catalogues, "electronics", text)) == price


@pytest.mark.parametrize(
    ("text", "price"),
    [("mouse under 600 bucks", (None, 600.0)),  # 600 dollars is above every mouse: rupees
     ("a pendrive, max 700 bucks", (None, 700.0)),
     ("headphones under 50 bucks", (None, 4150.0)),  # 50 dollars is a real budget for headphones
     ("earphones for about 80 bucks", (5312.0, 7968.0)),  # 80 rupees buys next to no earphones
     ("a laptop under 1000 bucks", (None, 83000.0)),  # 1,000 rupees is far below any laptop
     ("mouse under 600 dollars", (None, 49800.0))],  # dollars said as dollars stay dollars
)
def test_bucks_on_a_rupee_shop(catalogues, text: str, price: tuple[float | None, float | None]) -> None:
    assert _price(_read(catalogues, "electronics", text)) == price


def test_short_budget_is_no_shorts(catalogues) -> None:
    heard = _read(catalogues, "fashion", "in black, short budget, under 20")
    assert heard.include == {"baseColour": ["Black"]}
    assert _price(heard) == (None, 20.0)


@pytest.mark.parametrize("text", ["a skirt, no more than 40", "kurta no more than 35 please"])
def test_no_more_than_is_a_budget(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.exclude == {}
    assert heard.price is not None and heard.price.max in (40.0, 35.0)


# --- a finer type turned down beside its product ---

@pytest.mark.parametrize(
    ("text", "include", "exclude"),
    [("keyboard, but not the gaming ones", ["Keyboards"], ["GamingKeyboards"]),
     ("a tv, not the smart ones", ["StandardTelevisions"], ["SmartTelevisions"]),
     ("no need for a smart tv, just a standard tv", ["StandardTelevisions"], ["SmartTelevisions"])],
)
def test_finer_type_turned_down(catalogues, text: str, include: list[str], exclude: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == include
    assert heard.exclude.get("category") == exclude


def test_a_brand_kind_stays_a_brand(catalogues) -> None:
    heard = _read(catalogues, "electronics", "phone, not the samsung ones")
    assert heard.include.get("category") == ["Smartphones"]
    assert heard.exclude == {"brand": ["Samsung"]}


# --- a price compared with one shown item, on a shop without prices ---

@pytest.mark.parametrize("text", ["anything cheaper than the first one?", "less expensive than the third pair?"])
def test_cheaper_than_one_shown(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text, SHOES, current={"category": ["Sports Shoes"]})
    assert (heard.intent, heard.relative_price, heard.references) == ("refine", "cheaper", [])


def test_question_comparing_two_shown_stays_a_question(catalogues) -> None:
    heard = _read(catalogues, "electronics", "is the LG cheaper than the Samsung one?", ("B09F6S8BT6", "B08DPLCM6T"))
    assert heard.intent in ("compare", "ask_about_item")


# --- shown items turned down ---

@pytest.mark.parametrize(("text", "positions"), [("1 and 2 no", [1, 2]), ("number 3 nope", [3]), ("#2 no thanks", [2])])
def test_numbers_then_no(catalogues, text: str, positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, PHONES)
    assert heard.intent == "reject"
    assert _positions(heard) == positions


@pytest.mark.parametrize(
    ("text", "positions"),
    [("not the jbl one, the other two r fine", [1, 3]), ("not the boat one, the rest are ok", [1, 2])],
)
def test_not_that_one_the_others(catalogues, text: str, positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, SPEAKERS)
    assert heard.intent == "more_like"
    assert _positions(heard) == positions


# --- remarks and greetings ---

@pytest.mark.parametrize("text", ["ur kinda mid ngl", "this app is lowkey dogwater", "howzit bru",
                                  "how are you getting on today", "hiya love, how are you keeping"])
def test_remarks_and_greetings(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent == "chitchat"


def test_a_verdict_on_a_product_is_no_remark_on_the_assistant(catalogues) -> None:
    heard = _read(catalogues, "fashion", "the track pants are rubbish, show me jeans")
    assert heard.intent != "chitchat"


def test_a_remark_with_a_wish_is_the_wish(catalogues) -> None:
    heard = _read(catalogues, "fashion", "hi, how are you? I need black jeans")
    assert heard.intent == "recommend"
    assert heard.include.get("category") == ["Jeans"]


# --- English words German spells the same ---

@pytest.mark.parametrize("text", ["need a router above 3000, cheap ones die fast", "also need a hose pipe adapter"])
def test_shared_words_are_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["die schwarze Hose bitte", "ich will die blaue"])
def test_german_stays_german(text: str) -> None:
    assert detect_language(text) == "de"
