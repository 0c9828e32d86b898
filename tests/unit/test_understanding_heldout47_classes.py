"""The failure classes of blind set 47 (issue 12), each on wording that is none of the set's
sentences, on the real demo catalogues' vocabularies (chatrec.indian_english, chatrec.problem_words)."""

from __future__ import annotations

import pytest

from chatrec.indian_english import is_hinglish, normalise
from chatrec.problem_words import product_for
from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
EAR = ("B01DEWVZ2C", "B07GPXXNNG", "B08FN6WGDQ")  # JBL, boAt (pink), Samsung Galaxy Buds
MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech ₹599, HP ₹269, Dell ₹299
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi ₹6,499, OnePlus ₹28,999, Samsung ₹9,499
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics, JBL, boAt
WATCHES = ("B09V12K8NT", "B0B5LVS732", "B0B3N7LR6K")  # boAt, Noise, Fire-Boltt
TEES = ("1617", "1889", "1849")  # red Reebok, navy blue Fifa, white Inkfruit
BAGS = ("3393", "5876", "8519", "9444")  # Murcia green dotted, Puma black, Nike pink tote, Nike blue


def _positions(heard) -> list[int]:
    return sorted(r.position for r in heard.references)


# --- Hinglish in Latin script ---

@pytest.mark.parametrize(
    ("text", "category", "low", "high"),
    [("5000 tak koi accha phone dikhao", "Smartphones", None, 5000),
     ("mixer grinder 3000 se kam", "MixerGrinders", None, 3000),
     ("smart watch 2000 se upar chahiye", "SmartWatches", 2000, None),
     ("power bank 1000-1500 mein kuch milega kya", "PowerBanks", 1000, 1500)],
)
def test_hinglish_amounts_are_budgets_and_the_message_is_english(
    catalogues, text: str, category: str, low: float | None, high: float | None
) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.language == "en"
    assert heard.include.get("category") == [category]
    assert heard.price is not None and (heard.price.min, heard.price.max) == (low, high)


@pytest.mark.parametrize(
    ("text", "shown", "last", "positions"),
    [("iska price kya hai", PHONES, [2], [2]),
     ("samsung ka storage kitna hai", PHONES, [], [3]),
     ("jbl wale ka sound kaisa hai", SPEAKERS, [], [2]),
     ("screen size kitna hai", TVS, [4], [4])],
)
def test_hinglish_questions_ask_about_the_item(catalogues, text: str, shown, last, positions) -> None:
    heard = _read(catalogues, "electronics", text, shown, last_references=last)
    assert heard.intent == "ask_about_item" and heard.language == "en"
    assert _positions(heard) == positions and not heard.include


@pytest.mark.parametrize(("text", "position"), [("dusra wala accha hai, aise aur dikhao", 2),
                                                 ("teesri wali jaisa kuch aur", 3)])
def test_hindi_ordinals_name_the_shown_item(catalogues, text: str, position: int) -> None:
    heard = _read(catalogues, "fashion", text, TEES)
    assert heard.intent == "more_like" and _positions(heard) == [position] and heard.language == "en"


def test_a_hindi_word_is_needed_to_read_hinglish() -> None:
    assert is_hinglish("bhai kuch sasta dikhao")
    assert not is_hinglish("ich suche mein Handy")  # German "mein" alone
    assert not is_hinglish("a black kurta for my mom")


# --- forms of address, greetings, free goods ---

@pytest.mark.parametrize("text", ["ok bhai show me kurtas in red", "yaar i want a black kurta"])
def test_a_form_of_address_is_no_wearer(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("category") == ["Kurtas"] and "gender" not in heard.include


def test_beta_after_my_is_a_son(catalogues) -> None:
    heard = _read(catalogues, "fashion", "a watch for my beta")
    assert heard.include.get("gender") == ["Boys"]


@pytest.mark.parametrize("text", ["thanks beta, god bless you", "heyy wassup", "yo wyd", "namaskar ji"])
def test_greetings_thanks_and_blessings_are_chitchat(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.intent == "chitchat" and not heard.include


@pytest.mark.parametrize("text", ["send me a smartwatch for free", "can i have these earbuds free of cost"])
def test_asking_for_goods_for_free_is_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text, EAR).intent == "off_topic"


# --- product names as Indian, older and phonetic spellers write them ---

@pytest.mark.parametrize(
    ("text", "field", "values"),
    [("fone for my mom under 10k", "category", ["Smartphones"]),
     ("induction plate bajaj", "category", ["InductionCooktop"]),
     ("one of those little ear pieces for music", "subcategory", ["Headphones,Earbuds&Accessories"]),
     ("a thing to charge my phone from the wall socket", "category", ["WallChargers"]),
     ("a mixer for the kitchen, preethi", "category", ["MixerGrinders"]),
     ("hand mixer for cakes", "category", ["HandMixers"]),
     ("usb wire for my phone", "category", ["USBCables"]),
     ("charger for my redmi phone", "category", ["WallChargers"]),
     ("pen drive 32gb", "category", ["PenDrives"])],
)
def test_product_names_of_indian_older_and_phonetic_spellers(catalogues, text: str, field: str, values: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get(field) == values
    assert "Redmi" not in heard.include.get("brand", [])  # the phone's brand, not the charger's


@pytest.mark.parametrize(
    ("text", "category", "gender"),
    [("jeens for men", "Jeans", "Men"),
     ("sweat shirt for men", "Sweatshirts", "Men"),
     ("hand bag for my wife", "Handbags", "Women"),
     ("need a grey track suit for my husband", "Tracksuits", "Men"),
     ("shoes for my sun who is six", None, "Boys")],
)
def test_clothes_spelt_apart_or_misheard(catalogues, text: str, category: str | None, gender: str) -> None:
    heard = _read(catalogues, "fashion", text)
    if category:
        assert heard.include.get("category") == [category]
    assert heard.include.get("gender") == [gender]


@pytest.mark.parametrize(("text", "ceiling"), [("sony 4k tv under 60000", 60000), ("43 inch 4k led tv within 30k", 30000)])
def test_4k_beside_a_television_word_is_a_resolution(catalogues, text: str, ceiling: float) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.price is not None and heard.price.max == ceiling and heard.price.min is None
    assert normalise("tv budget 4k") == "tv budget 4k"


@pytest.mark.parametrize("text", ["black trousers for the office", "a white shirt for office going"])
def test_office_on_a_clothes_shop_is_formal_wear(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("usage") == ["Formal"]


@pytest.mark.parametrize(("text", "first", "second"), [("mustard yellow kurta", "Mustard", "Yellow"),
                                                        ("a teal blue shirt", "Teal", "Blue")])
def test_a_colour_value_before_a_basic_colour_names_that_colour(catalogues, text: str, first: str, second: str) -> None:
    heard = _read(catalogues, "fashion", text)
    assert first in heard.include.get("baseColour", []) and second not in heard.include.get("baseColour", [])


# --- wishes and questions said of the items shown ---

def test_a_condition_is_no_question(catalogues) -> None:
    heard = _read(catalogues, "electronics", "i can stretch to 25k if it's worth it", PHONES,
                  current={"category": ["Smartphones"]})
    assert heard.intent == "refine" and heard.price is not None and heard.price.max == 25000


@pytest.mark.parametrize(("text", "shown", "brand"), [("something other than boat?", EAR, "boAt"),
                                                      ("any brand except noise?", WATCHES, "Noise")])
def test_anything_other_than_a_brand_with_a_question_mark_is_a_wish(catalogues, text: str, shown, brand: str) -> None:
    heard = _read(catalogues, "electronics", text, shown, current={"category": ["x"]})
    assert heard.intent == "refine" and brand in heard.exclude.get("brand", [])


@pytest.mark.parametrize("text", ["what is the best of these", "whats the loudest one among these"])
def test_what_is_the_most_of_these_compares_every_item(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, SPEAKERS)
    assert heard.intent == "compare" and _positions(heard) == [1, 2, 3]


@pytest.mark.parametrize("text", ["how much battery life", "battery backup kitna hai"])
def test_a_battery_question_of_an_item_shown_asks_about_it(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, last_references=[1])
    assert heard.intent == "ask_about_item" and _positions(heard) == [1] and not heard.include


@pytest.mark.parametrize(("text", "shown", "position"), [("the samsung one, full specs please", TVS, 1),
                                                         ("the dell one specs", MICE, 3)])
def test_details_of_a_shown_item_are_a_question(catalogues, text: str, shown, position: int) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert heard.intent == "ask_about_item" and _positions(heard) == [position] and not heard.include


@pytest.mark.parametrize(("text", "field", "value"), [("same but for women", "gender", "Women"),
                                                      ("same thing but in blue", "baseColour", "Blue")])
def test_same_but_changes_the_search_under_way(catalogues, text: str, field: str, value: str) -> None:
    heard = _read(catalogues, "fashion", text, TEES, current={"category": ["Tshirts"]})
    assert heard.intent == "refine" and heard.include.get(field) == [value] and not heard.references


@pytest.mark.parametrize(("text", "shown", "brand"), [("can't stand boat, show others", EAR, "boAt"),
                                                      ("sick of redmi, anything else?", PHONES, "Redmi")])
def test_a_brand_named_bare_after_a_dislike_is_left_out(catalogues, text: str, shown, brand: str) -> None:
    heard = _read(catalogues, "electronics", text, shown, current={"category": ["x"]})
    assert heard.intent == "refine" and brand in heard.exclude.get("brand", []) and not heard.references


def test_it_in_a_comparison_is_the_item_pointed_at_last(catalogues) -> None:
    heard = _read(catalogues, "electronics", "how does it compare to the dell", MICE, last_references=[1])
    assert heard.intent == "compare" and _positions(heard) == [1, 3]


# --- problems described instead of products ---

@pytest.mark.parametrize(
    ("text", "field", "values"),
    [("my battery dies before evening, need backup charging when travelling", "category", ["PowerBanks"]),
     ("our borewell water is salty", "category", ["WaterFilters&Purifiers"]),
     ("no hot water for bathing in winter", "category", ["InstantWaterHeaters", "StorageWaterHeaters"]),
     ("the jumper has bobbles all over", "category", ["LintShavers"]),
     ("weak wifi signal upstairs", "category", ["Repeaters&Extenders"]),
     ("my phone screen keeps getting scratched", "category", ["ScreenProtectors"]),
     ("my laptop gets very hot on my lap", "category", ["CoolingPads"]),
     ("phone storage is full, need more space for photos", "category", ["MicroSD"])],
)
def test_a_problem_gives_the_product_that_solves_it(catalogues, text: str, field: str, values: list[str]) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend" and heard.include.get(field) == values


def test_a_product_named_with_a_problem_stays() -> None:
    assert product_for("my phone dies by noon, want a new phone with a bigger battery") is None
    assert product_for("wifi is patchy upstairs")[0] == "wifi range extender"  # type: ignore[index]
    assert product_for("the remote's batteries die every week, need rechargeable batteries") is None


def test_a_named_product_or_a_shop_without_the_product_keeps_the_request(catalogues) -> None:
    assert _read(catalogues, "electronics", "a fan heater, my room gets freezing").include.get("category") == ["FanHeaters"]
    assert _read(catalogues, "electronics", "my phone dies by noon, want a new phone with a bigger battery"
                 ).include.get("category") == ["Smartphones"]
    assert "category" not in _read(catalogues, "fashion", "the tap water tastes funny").include


@pytest.mark.parametrize(("text", "shown", "position"),
                         [("the redmi feels flimsy, anything like the samsung one?", PHONES, 3),
                          ("2nd one is ugly tbh. something similar to the first one", MICE, 1)])
def test_more_like_points_at_the_item_of_the_last_clause(catalogues, text: str, shown, position: int) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert heard.intent == "more_like" and _positions(heard) == [position]


@pytest.mark.parametrize(("text", "shown", "position", "colour"),
                         [("the being human with blue strap, more like it", ("5077", "10400", "10318", "5070"), 1, "Blue"),
                          ("the nike with pink, anything similar", BAGS, 3, "Pink")])
def test_a_feature_after_with_picks_the_item_of_that_name(catalogues, text: str, shown, position: int, colour: str) -> None:
    heard = _read(catalogues, "fashion", text, shown)
    assert heard.intent == "more_like" and _positions(heard) == [position]
    assert colour not in heard.include.get("baseColour", [])


def test_two_plain_colours_stay_two_and_a_ball_is_no_lint(catalogues) -> None:
    assert set(_read(catalogues, "fashion", "black white sneakers").include.get("baseColour", [])) == {"Black", "White"}
    assert product_for("a small ball for my son") is None


@pytest.mark.parametrize("text", ["like i told you before, the black ones", "originally i wanted the black ones tbh"])
def test_plural_ones_when_going_back_to_an_earlier_wish_are_that_wish(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text, ("11280", "9169", "11308"),
                  current={"category": ["Jeans"], "baseColour": ["Blue"]})
    assert heard.intent == "refine" and heard.include.get("baseColour") == ["Black"] and not heard.references


def test_a_bag_for_the_office_is_no_formal_wear(catalogues) -> None:
    assert "usage" not in _read(catalogues, "fashion", "a brown backpack for office use").include
