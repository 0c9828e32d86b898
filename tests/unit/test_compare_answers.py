"""Comparing shown items: each number says what it is, and each item's name states what sets it apart."""

from __future__ import annotations

import re

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.specs import feature_spellings

WIRED = Item(id="1", title="Zebronics Zeb Buds in Ear Type C Wired Earphones with Mic, Braided 1.2 Metre Cable, 10mm Drivers",
             category="In-Ear", brand="Zebronics", price=399.0, currency="INR",
             attributes={"rating": 3.4, "rating_count": 3454})
TWS = Item(id="2", title="Boult Audio Propods TWS Bluetooth Truly Wireless in Ear Earbuds with Mic, Ipx5 Water Resistant",
           category="In-Ear", brand="Boult", price=1099.0, currency="INR",
           attributes={"rating": 3.5, "rating_count": 12966})
SPEAKER_3W = Item(id="3", title="Acme Party 3W Portable Speaker", category="Bluetooth Speakers", brand="Acme", price=549.0,
                  currency="INR")
SPEAKER_20W = Item(id="4", title="Acme Party 20W Portable Speaker", category="Bluetooth Speakers", brand="Acme", price=1549.0,
                   currency="INR")


def test_feature_spellings_keep_the_names_own_spelling() -> None:
    spelt = feature_spellings("Omega with 30dB ANC, Type-C Fast Charging, IPX5 True Wireless")
    assert spelt["noise cancelling"] == "ANC" and spelt["type c"] == "Type-C" and spelt["wireless"] == "Wireless"


@pytest.mark.parametrize("question, language", [
    ("what's the difference between these two", "en"),
    ("how do the two compare?", "en"),
    ("这两个有什么区别", "zh"),
    ("¿en qué se diferencian?", "es"),
    ("was ist der Unterschied zwischen den beiden?", "de"),
])
def test_a_comparison_names_each_items_own_features_as_its_name_spells_them(question: str, language: str) -> None:
    text = answer_question(question, [WIRED, TWS], language, positions=[1, 2]).text
    first, second = (line for line in text.splitlines() if line[:2] in ("1.", "2."))
    assert "“Wired”" in first and "“Braided”" in first and "“Wireless”" not in first
    assert "“Wireless”" in second and "“Water Resistant”" in second and "“Wired”" not in second
    assert "“Mic”" not in text  # both names say it: nothing sets either apart


def test_numbers_in_a_comparison_say_what_they_are() -> None:
    text = answer_question("compare the first two", [WIRED, TWS], positions=[1, 2]).text
    assert "rating 3.4" in text and re.search(r"rating count 3,?454", text) and not re.search(r", 3,?454,", text)
    zh = answer_question("比较一下前两个", [WIRED, TWS], "zh", positions=[1, 2]).text
    assert "评分 3.5" in zh and re.search(r"评分人数 12,?966", zh)


def test_a_spec_only_one_name_states_is_named_and_a_shared_one_is_not() -> None:
    text = answer_question("compare them", [SPEAKER_3W, SPEAKER_20W], positions=[1, 2]).text
    assert "“3W”" in text and "“20W”" in text and "“Portable”" not in text


def test_a_comparison_names_values_in_the_shoppers_language() -> None:
    black = Item(id="5", title="Acme Men Black Formal Shoes", category="Formal Shoes",
                 attributes={"baseColour": "Black", "gender": "Men", "year": 2011})
    brown = Item(id="6", title="Acme Men Brown Formal Shoes", category="Formal Shoes",
                 attributes={"baseColour": "Brown", "gender": "Men", "year": 2012})
    spanish = answer_question("compara los dos primeros", [black, brown], "es", positions=[1, 2]).text
    assert "negro" in spanish and "Black," not in spanish and "año 2011" in spanish
    chinese = answer_question("比较一下前两个", [black, brown], "zh", positions=[1, 2]).text
    assert "黑色" in chinese and "Black" not in chinese.split("：", 1)[1].split("\n")[0]
