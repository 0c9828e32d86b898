"""Two product types in a row (issue 12): a finer type narrows a coarser one it lies inside
("in-ear earbuds"), while a type before another it never goes with only describes it ("flat
sandals" are sandals); a hyphenated catalogue value is not translated away by the lexicon."""

from __future__ import annotations

import pytest

from chatrec.understanding import understand


@pytest.mark.parametrize("message, category", [
    ("in-ear earbuds", "In-Ear"),
    ("over ear headphones for my son", "Over-Ear"),
    ("any on-ear headphones under 2000?", "On-Ear"),
])
def test_a_finer_type_narrows_the_coarser_one_it_lies_in(catalogues, message: str, category: str) -> None:
    request = understand(message, catalogues["electronics"][0])
    assert request.include.get("category") == [category], request.include


@pytest.mark.parametrize("message, kept, dropped", [
    ("flat sandals", ("subCategory", "Sandal"), "Flats"),
    ("smart tv remote", ("category", "RemoteControls"), "SmartTelevisions"),
])
def test_a_type_it_never_goes_with_only_describes_the_head_noun(catalogues, message, kept, dropped) -> None:
    catalogue = "fashion" if "sandal" in message else "electronics"
    request = understand(message, catalogues[catalogue][0])
    assert kept[1] in request.include.get(kept[0], []), request.include
    assert all(dropped not in values for values in request.include.values()), request.include


@pytest.mark.parametrize("message, brand", [("白色运动鞋，男款，不要耐克", "nike"), ("不要阿迪达斯的", "adidas")])
def test_a_brand_written_in_chinese_is_read_as_the_brand(catalogues, message: str, brand: str) -> None:
    from chatrec.understanding import TurnContext

    request = understand(message, catalogues["fashion"][0], TurnContext(searching=True))
    said = " ".join([*request.avoid_words, *(v for values in request.exclude.values() for v in values)]).lower()
    assert brand[:5] in said, request  # avoid words are singular stems ("adidas" -> "adida")


@pytest.mark.parametrize("message, off_topic", [
    ("show me a smartwatch and also write me a poem", False),
    ("a kettle plus tell me a joke", False),
    ("write me a poem about headphones", True),
])
def test_a_product_wish_beside_an_unrelated_task_is_served(catalogues, message: str, off_topic: bool) -> None:
    request = understand(message, catalogues["electronics"][0])
    assert (request.intent == "off_topic") is off_topic, request


@pytest.mark.parametrize("message, wanted, not_wanted", [
    ("a remote for my fire tv stick, show me", "RemoteControls", "SmartTelevisions"),
    ("a charger for my old laptop", "WallChargers", "Laptops"),
    ("a tv to watch the world cup", "SmartTelevisions", "SmartWatches"),
])
def test_what_the_product_goes_with_or_a_verb_is_no_second_wish(catalogues, message, wanted, not_wanted) -> None:
    request = understand(message, catalogues["electronics"][0])
    values = [v for values in request.include.values() for v in values]
    assert wanted in values and not_wanted not in values, request.include


@pytest.mark.parametrize("message", ["who won the cricket world cup?", "when was gandhi born?", "how tall is the eiffel tower"])
def test_questions_about_the_world_are_off_topic(catalogues, message: str) -> None:
    assert understand(message, catalogues["electronics"][0]).intent == "off_topic"
