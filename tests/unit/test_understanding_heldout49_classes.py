"""The failure classes of blind set 49 (issue 12), each on wording that is none of the set's
sentences, on the real demo catalogues' vocabularies (chatrec.set49_classes)."""

from __future__ import annotations

import pytest

from chatrec.set49_classes import need_product, other_words
from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
EAR = ("B01DEWVZ2C", "B07GPXXNNG", "B08FN6WGDQ")  # JBL, boAt (pink), Samsung Galaxy Buds
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi ₹6,499, OnePlus ₹28,999, Samsung ₹9,499
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics, JBL, boAt
SHOES = ("3167", "4140", "1951")  # Nike, Skechers, Puma
JEANS = ("11280", "9169", "11308")  # Wrangler, Locomotive, Wrangler
WATCHES = ("5077", "10400", "10318", "5070")  # Being Human, Puma, Esprit, Being Human
BAGS = ("3393", "5876", "8519", "9444")  # Murcia green dotted, Puma black, Nike pink tote, Nike blue


def _positions(heard) -> list[int]:
    return sorted(r.position for r in heard.references)


# --- other words for a product: dictation, brand names, British and Australian words ---

@pytest.mark.parametrize(
    ("text", "field", "values"),
    [("a blue tooth mouse for my laptop", "category", ["Mice"]),
     ("blue-tooth earphones under 2000", "subcategory", ["Headphones,Earbuds&Accessories"]),
     ("jaffle maker for the caravan", "category", ["SandwichMakers"]),
     ("a toasty machine", "category", ["SandwichMakers"]),
     ("photocopier for a small office", "category", ["InkjetPrinters", "Printers"]),
     ("a garmin type thing for running", "category", ["SmartWatches"]),
     ("xbox controller", "category", ["Gamepads"]),
     ("a joystick for gaming on my laptop", "category", ["Gamepads"]),
     ("sellotape", "category", ["Tape"]),
     ("a pack of biros for the office", "category", ["RetractableBallpointPens", "StickBallpointPens"]),
     ("cheap dyson", "category", ["CanisterVacuums", "HandheldVacuums", "RoboticVacuums", "Wet-DryVacuums"]),
     ("an i pad for my son", "subcategory", ["Tablets"]),
     ("a coffee maker for my office", "category", ["DripCoffeeMachines"])],
)
def test_other_words_for_electronics(catalogues, text: str, field: str, values: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend"
    assert sorted(heard.include.get(field, [])) == values


@pytest.mark.parametrize(
    ("text", "include"),
    [("tea shirts for men in white", {"category": ["Tshirts"], "gender": ["Men"], "baseColour": ["White"]}),
     ("plain tea shirt for my daughter", {"category": ["Tshirts"], "gender": ["Girls"]}),
     ("pink nail paint", {"category": ["Nail Polish"], "baseColour": ["Pink"]}),
     ("nail lacquer for my wife", {"category": ["Nail Polish"], "gender": ["Women"]}),
     ("cologne for my dad", {"category": ["Perfume and Body Mist"], "gender": ["Men"]}),
     ("eau de toilette for him", {"category": ["Perfume and Body Mist"], "gender": ["Men"]}),
     ("bathers for my daughter", {"category": ["Swimwear"], "gender": ["Girls"]}),
     ("pjs for my wife", {"category": ["Night suits"], "gender": ["Women"]}),
     ("a black singlet for the gym", {"category": ["Innerwear Vests"], "baseColour": ["Black"], "usage": ["Sports"]})],
)
def test_other_words_for_clothes_and_care(catalogues, text: str, include: dict[str, list[str]]) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include == include


def test_other_words_leave_the_words_the_rules_know() -> None:
    assert other_words("a bluetooth speaker") == "a bluetooth speaker"
    assert other_words("a blue tooth speaker") == "a bluetooth speaker"
    assert other_words("a perfume and a sandwich maker") == "a perfume and a sandwich maker"


def test_a_colour_that_suits_is_no_suit(catalogues) -> None:
    heard = _read(catalogues, "fashion", "a dress, my mum says pink suits me")
    assert "Night suits" not in heard.include.get("category", [])
    assert heard.include.get("baseColour") == ["Pink"] and "gender" not in heard.include


# --- a need said instead of a product ---

@pytest.mark.parametrize(
    ("text", "category"),
    [("i need to boil milk for my baby at night", ["ElectricKettles"]),
     ("something to make hot water for tea at work", ["ElectricKettles"]),
     ("something that can track my sleep", ["SmartWatches"]),
     ("a gadget to count my steps on walks", ["SmartWatches"]),
     ("something to weigh flour when baking", ["DigitalKitchenScales"]),
     ("weighing machine for baking, accurate to 1g", ["DigitalKitchenScales"]),
     ("a film you put on the phone screen so it doesnt get scratched", ["ScreenProtectors"]),
     ("something to keep my room warm at night", ["RoomHeaters"]),
     ("i want to make fresh juice every morning", ["Juicers"])],
)
def test_a_need_gives_its_product(catalogues, text: str, category: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend" and heard.include.get("category") == category


def test_a_named_product_wins_over_the_need(catalogues) -> None:
    heard = _read(catalogues, "electronics", "a smartphone that can track my sleep")
    assert heard.include.get("category") == ["Smartphones"]
    assert need_product("nothing to see here") is None


def test_a_need_in_a_clothes_shop_gives_nothing_it_does_not_sell(catalogues) -> None:
    heard = _read(catalogues, "fashion", "something to boil water for tea")
    assert not heard.include


# --- a list-valued type read for one member; a kind word of a wanted product ---

def test_a_printer_is_the_printer_types_but_ink_keeps_the_list(catalogues) -> None:
    assert _read(catalogues, "electronics", "printer under 10000").include == {"category": ["InkjetPrinters", "Printers"]}
    assert _read(catalogues, "electronics", "printer ink").include == {"subcategory": ["Printers,Inks&Accessories"]}


@pytest.mark.parametrize("text", ["an iron that uses steam, not too heavy", "iron, the steam kind"])
def test_steam_of_an_iron_is_no_steam_cleaner(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).include == {"category": ["SteamIrons"]}


def test_a_steam_cleaner_is_still_one(catalogues) -> None:
    heard = _read(catalogues, "electronics", "steam cleaner")
    assert heard.include == {"category": ["PressureWashers,Steam&WindowCleaners"]}


# --- a coarse type said again after a finer one ---

@pytest.mark.parametrize("text", ["a laptop bag, should not look like a school bag",
                                  "laptop bag for work, a proper bag not a backpack"])
def test_a_bag_after_a_laptop_bag_adds_nothing(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("category") == ["Laptop Bag"] and "subCategory" not in heard.include


# --- remarks about the assistant, the shop's stores, other tasks ---

@pytest.mark.parametrize("text", ["this app is rubbish", "honestly this chatbot is useless"])
def test_a_remark_about_the_assistant_is_no_rejection(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, EAR)
    assert heard.intent == "chitchat" and not heard.references


def test_a_rejection_of_the_items_stays_one(catalogues) -> None:
    assert _read(catalogues, "electronics", "these are rubbish", EAR).intent == "reject"


@pytest.mark.parametrize("text", ["do you have a physical shop in sydney", "can i visit your showroom this weekend",
                                  "can you write my cover letter", "help me with my science project pls"])
def test_stores_and_other_tasks_are_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).intent == "off_topic"


def test_a_request_with_a_task_word_stays_a_request(catalogues) -> None:
    heard = _read(catalogues, "electronics", "a speaker for my project presentation")
    assert heard.intent == "recommend" and heard.include


# --- shown items: tell me about, anything bigger, plural names, which of them ---

@pytest.mark.parametrize(
    ("text", "positions"),
    [("give me more details on the cheapest one", [1]),
     ("more info about the pricier of the first two", [2]),
     ("tell me more about the samsung", [3])],
)
def test_tell_me_about_a_shown_item_asks(catalogues, text: str, positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, PHONES)
    assert heard.intent == "ask_about_item" and _positions(heard) == positions
    assert heard.relative_price is None and not heard.include


@pytest.mark.parametrize(
    ("text", "shown", "positions"),
    [("the samsung, do you have anything bigger?", TVS, [1]),
     ("the jbl one, got anything louder?", SPEAKERS, [2])],
)
def test_anything_bigger_than_a_shown_item_wants_more_like_it(catalogues, text: str, shown, positions) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert heard.intent == "more_like" and _positions(heard) == positions


def test_a_size_question_between_shown_items_stays_a_question(catalogues) -> None:
    heard = _read(catalogues, "electronics", "is the samsung bigger than the lg?", TVS)
    assert heard.intent == "compare" and _positions(heard) == [1, 2]


@pytest.mark.parametrize(
    ("text", "shown", "intent", "positions"),
    [("both nikes, which one is bigger", BAGS, "compare", [3, 4]),
     ("the nikes, are they waterproof", BAGS, "ask_about_item", [3, 4]),
     ("the being humans, which has a leather strap", WATCHES, "compare", [1, 4]),
     ("the wranglers are nice, more like those", JEANS, "more_like", [1, 3]),
     ("the two being humans, which one has the white strap", WATCHES, "compare", [1, 4]),
     ("the two being humans, which one is the silicon strap", WATCHES, "compare", [1, 4]),
     ("the 2 wranglers which one is slim fit", JEANS, "compare", [1, 3])],
)
def test_a_plural_name_names_every_shown_item_of_it(catalogues, text: str, shown, intent: str, positions) -> None:
    heard = _read(catalogues, "fashion", text, shown)
    assert heard.intent == intent and _positions(heard) == positions


# --- a relative who is only the subject ---

@pytest.mark.parametrize(
    ("text", "exclude"),
    [("heels, my girlfriend thinks black is boring", {"baseColour": ["Black"]}),
     ("kurta, no yellow my mum says it doesnt suit me", {"baseColour": ["Yellow"]})],
)
def test_a_relative_who_only_says_is_no_wearer(catalogues, text: str, exclude) -> None:
    heard = _read(catalogues, "fashion", text)
    assert "gender" not in heard.include and heard.exclude == exclude


@pytest.mark.parametrize("text", ["my mum says i need a new watch for her birthday", "my wife wants a black handbag",
                                  "sandals for my mum, my sister says she likes brown"])
def test_a_relative_who_will_wear_it_stays_the_wearer(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("gender") == ["Women"]
