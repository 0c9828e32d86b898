"""Classes of Chinese, Spanish and German wording found by blind set 36 (issue 12): each class
with wording of its own (none of the set's sentences), on the real demo catalogues' vocabularies,
and end to end through ``ChatRec.respond``."""

from __future__ import annotations

import pytest

from chatrec import ChatRec
from chatrec.language import detect_language, fold
from chatrec.regional_wording import spelled_numbers
from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
TWO_TVS = TVS[:2]
TEES = ("1617", "1889", "1849")  # Reebok red, Fifa navy, Inkfruit white
WATCHES = ("5077", "10400", "10318", "5070")  # blue, black (Puma), steel (Esprit), white
JEANS = ("11280", "9169", "11308")  # black, blue, black


@pytest.mark.parametrize(
    ("catalog", "text", "field", "value"),
    [("fashion", "女士连衣群", "subCategory", "Dress"), ("electronics", "想要个冲电宝", "category", "PowerBanks"),
     ("electronics", "蓝牙耳鸡有吗", "subcategory", "Headphones,Earbuds&Accessories")],
)
def test_chinese_homophone_typos_of_product_words(catalogues, catalog: str, text: str, field: str, value: str) -> None:
    request = _read(catalogues, catalog, text)
    assert value in request.include.get(field, [])
    assert request.language == "zh"


@pytest.mark.parametrize("text", ["给我爸挑部手机，拍照一定要好", "手机，拍照好一点的，别太贵"])
def test_a_chinese_quality_wish_is_no_second_product_type(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.include == {"category": ["Smartphones"]}


@pytest.mark.parametrize(
    ("text", "positions"), [("黑色那几条，相似的还有没有", [1, 3]), ("这种的还有吗？", [1, 2, 3])],
)
def test_chinese_more_of_this_kind(catalogues, text: str, positions: list[int]) -> None:
    request = _read(catalogues, "fashion", text, JEANS, current={"category": ["Jeans"]})
    assert request.intent == "more_like"
    assert request.positions == positions


@pytest.mark.parametrize(
    ("text", "shown", "positions", "colour"),
    [("gibt's sowas auch in Blau?", WATCHES, [1, 2, 3, 4], "Blue"),
     ("gibt es so etwas noch in Gelb?", TEES, [1, 2, 3], "Yellow")],
)
def test_german_such_a_one_in_another_colour(catalogues, text: str, shown, positions: list[int], colour: str) -> None:
    request = _read(catalogues, "fashion", text, shown)
    assert request.intent == "more_like"
    assert request.positions == positions
    assert request.include.get("baseColour") == [colour]


@pytest.mark.parametrize(
    ("text", "written"),
    [("entre quinientos y mil", "entre 500 y mil"), ("entre doscientos y cuatrocientos", "entre 200 y 400"),
     ("cuarenta y cinco", "45")],
)
def test_spanish_y_joins_two_amounts_after_hundreds_and_tens_with_units(text: str, written: str) -> None:
    assert spelled_numbers(fold(text), "es").strip() == written


@pytest.mark.parametrize(("text", "low", "high"), [("un ratón entre doscientos y cuatrocientos", 200, 400),
                                                    ("auriculares entre mil y tres mil rupias", 1000, 3000)])
def test_spanish_ranges_in_words_are_read(catalogues, text: str, low: float, high: float) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.price is not None and (request.price.min, request.price.max) == (low, high)


@pytest.mark.parametrize("text", ["welche von beiden ist leiser?", "welcher von beiden hält länger?"])
def test_german_which_of_both_compares(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, TWO_TVS, current={"category": ["SmartTelevisions"]})
    assert request.intent == "compare"
    assert request.positions == [1, 2]


@pytest.mark.parametrize("text", ["du taugst absolut nichts", "ehrlich, du bist nicht zu gebrauchen"])
def test_german_useless_said_to_the_assistant_is_small_talk(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).intent == "chitchat"


@pytest.mark.parametrize("text", ["Kinderuhr in Pink", "Damenschuhe in Beige"])
def test_a_german_compound_beside_english_looking_words_is_german(text: str) -> None:
    assert detect_language(text) == "de"


@pytest.mark.parametrize("text", ["小米那台还有类似的吗", "像小米那台的再来几个"])
def test_another_name_of_a_shown_items_brand_names_that_item(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert request.intent == "more_like"
    assert request.positions == [3]
    assert "brand" not in request.include


@pytest.mark.parametrize(
    ("text", "colour"), [("un bolso granate", "Maroon"), ("eine Jacke in Anthrazit", "Charcoal"), ("酒红色的包包", "Burgundy")],
)
def test_colours_the_lexicon_lacked(catalogues, text: str, colour: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("baseColour") == [colour]


def test_a_chinese_homophone_typo_gets_the_product_and_a_chinese_reply(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("男士牛仔库", session_id="zh-typo")
    if not reply.recommendations:  # a question first
        reply = fashion_chatrec.respond("直接给我看吧", session_id="zh-typo")
    shown = [fashion_chatrec.item(r.item_id).attributes for r in reply.recommendations]
    assert shown and all(a["articleType"] == "Jeans" for a in shown)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in reply.text)
