"""Shopping gaps round 12 (brief i12bm): a device someone has is context, not a wish."""

from __future__ import annotations

import pytest

from chatrec.gaps_round12 import fits_devices, owned_context, owned_device, owned_words
from chatrec.request import ShopperRequest

TYPES = ["category"]


@pytest.mark.parametrize("value", ["BasicCases", "ScreenProtectors", "WallChargers", "USBCables", "RemoteControls"])
def test_types_bought_for_a_device_fit_devices(value: str) -> None:
    assert fits_devices(value)


@pytest.mark.parametrize("value", ["BluetoothSpeakers", "In-Ear", "SmartWatches", "SmartTelevisions", "Over-Ear"])
def test_types_bought_for_themselves_fit_none(value: str) -> None:
    assert not fits_devices(value)


@pytest.mark.parametrize("message, makes", [
    ("my wife uses an iphone", ["iphone"]),
    ("my son has a oneplus", ["oneplus"]),
    ("mi padre tiene un samsung", ["samsung"]),
    ("er hat ein iPhone", ["iPhone"]),
    ("我老公用的是华为手机", []),
    ("她用的是苹果手机", []),
])
def test_an_ownership_statement_in_four_languages(message: str, makes: list[str]) -> None:
    assert owned_device(message, makes)


@pytest.mark.parametrize("message, makes", [
    ("a case for his samsung", ["samsung"]),
    ("un cargador para su iphone", ["iphone"]),
    ("给我老公的华为手机买个壳", []),
    ("samsung earbuds", ["samsung"]),
])
def test_a_wish_for_the_device_or_its_brand_is_no_ownership_statement(message: str, makes: list[str]) -> None:
    assert not owned_device(message, makes)


def test_a_device_had_while_speakers_are_sought_drops_the_make_and_keeps_the_wishes() -> None:
    heard = ShopperRequest(intent="refine", query="samsung smartphone", include={"brand": ["Samsung"]})
    speakers = {"category": ["BluetoothSpeakers", "OutdoorSpeakers"]}
    after, makes, dropped, note = owned_context(heard, ["samsung"], "my daughter uses a samsung phone", speakers, TYPES, "en")
    assert makes == [] and dropped == ["samsung"]
    assert "brand" not in after.include and after.query == ""
    assert note and "kept your wishes" in note


def test_the_device_said_in_chinese_is_no_new_type_and_the_note_is_chinese() -> None:
    heard = ShopperRequest(intent="recommend", include={"category": ["Smartphones"]}, language="zh")
    earphones = {"category": ["In-Ear"]}
    after, _, _, note = owned_context(heard, [], "我女儿用的是苹果手机", earphones, TYPES, "zh")
    assert after.include == {} and after.intent == "refine"
    assert note and "保留" in note


def test_a_device_had_while_cases_are_sought_stays_the_device_to_fit() -> None:
    heard = ShopperRequest(intent="refine")
    after, makes, dropped, note = owned_context(heard, ["oneplus"], "my brother has a oneplus", {"category": ["BasicCases"]},
                                                TYPES, "en")
    assert makes == ["oneplus"] and dropped == [] and note is None and after == heard


def test_with_no_type_in_force_the_statement_is_read_as_before() -> None:
    heard = ShopperRequest(intent="recommend", include={"brand": ["Samsung"]})
    assert owned_context(heard, ["samsung"], "she has a samsung", {}, TYPES, "en")[1] == ["samsung"]


def test_a_reason_never_credits_the_make_of_a_device_had() -> None:
    assert "samsung" in owned_words("he likes old songs. he has a samsung phone")
    assert "oneplus" in owned_words("mi hermano tiene un oneplus")
    assert "samsung" not in owned_words("he has a samsung phone, i want samsung earbuds")
    assert owned_words("samsung earbuds please") == set()
