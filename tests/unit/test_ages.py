"""An age the shopper states picks children's or adults' items; a pronoun keeps the audience in force."""

from __future__ import annotations

import pytest

from chatrec.ages import audience_for_age, stated_age
from tests.demo_reading import read

VALUES = ["Men", "Women", "Boys", "Girls", "Unisex"]


@pytest.mark.parametrize("text, age", [
    ("a top for my 27 year-old niece", 27), ("he's 9", 9), ("for a kid aged 11", 11), ("my 6yo", 6),
    ("我儿子今年8岁", 8), ("para mi sobrina de 15 años", 15), ("meine Tochter ist 30 Jahre alt", 30),
    ("a 55 inch tv", None), ("2 years warranty", None), ("she is 5 feet tall", None),
])
def test_ages_are_read_in_several_languages(text: str, age: int | None) -> None:
    assert stated_age(text) == age


@pytest.mark.parametrize("text, wished, expected", [
    ("a blouse for my 28 year old daughter", ["Girls"], ["Women"]),
    ("sneakers for my 7-year-old son", ["Men"], ["Boys"]),
    ("she's 10", ["Women"], ["Girls"]),
    ("something for a 6 year old", [], ["Boys", "Girls"]),
    ("my 40 year old husband", ["Men"], None),
    ("he is 14", ["Boys"], None),  # between child and adult sizes: the wish stays
])
def test_the_age_moves_the_audience_between_childrens_and_adults_values(
        text: str, wished: list[str], expected: list[str] | None) -> None:
    assert audience_for_age(text, wished, VALUES) == expected


def test_a_catalogue_without_childrens_values_is_left_alone() -> None:
    assert audience_for_age("for my 8 year old son", ["Men"], ["Men", "Women"]) is None


@pytest.mark.parametrize("message, current, gender", [
    ("a kurta for my 35-year-old daughter", {}, ["Women"]),
    ("shoes for my grandson, he turned 6", {}, ["Boys"]),
    ("she is 24 actually", {"gender": ["Girls"]}, ["Women"]),
])
def test_the_rules_read_the_age_on_the_fashion_demo(catalogues: object, message: str, current: dict[str, list[str]],
                                                   gender: list[str]) -> None:
    assert read(catalogues, "fashion", message, current=current).include.get("gender") == gender


@pytest.mark.parametrize("first, second", [
    ("looking for a present for my 10 year old nephew", "he loves football"),
    ("a gift for my little niece", "she likes purple"),
])
def test_a_pronoun_keeps_the_audience_wished_before(fashion_chatrec: object, first: str, second: str) -> None:
    rec = fashion_chatrec
    before = rec.respond(first, session_id="p").metadata["constraints"]["include"]  # type: ignore[attr-defined]
    after = rec.respond(second, session_id="p").metadata["constraints"]["include"]  # type: ignore[attr-defined]
    assert before.get("gender") and after.get("gender") == before["gender"]


@pytest.mark.parametrize("message, gender", [
    ("给10岁的侄子买件T恤", ["Boys"]), ("给外甥女买条裙子", ["Girls"]), ("zapatos para mi sobrina", ["Girls"]),
    ("ein Hemd für meinen Neffen, er ist 25", ["Men"]),
])
def test_nephews_and_nieces_in_chinese_spanish_and_german(catalogues: object, message: str, gender: list[str]) -> None:
    assert read(catalogues, "fashion", message).include.get("gender") == gender
