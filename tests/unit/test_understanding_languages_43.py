"""Classes of Chinese, Spanish and German wording found by blind set 43 (issue 12, brief i12ad;
``chatrec/foreign_wishes.py``, ``chatrec/data/foreign_wishes.json``, ``chatrec/data/lexicon_set43.json``):
each class with wording of its own (none of the set's sentences), on the real demo catalogues'
vocabularies."""

from __future__ import annotations

import pytest

from chatrec.foreign_wishes import rewrite
from chatrec.language import Lexicon
from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
TEES = ("1617", "1889", "1849")  # Reebok red, Fifa navy, Inkfruit white
JEANS = ("11280", "9169", "11308")  # Wrangler black, Locomotive blue, Wrangler black


@pytest.mark.parametrize(
    ("text", "current", "field", "value"),
    [("棕色的不考虑", {"category": ["Handbags"]}, "baseColour", "Brown"),
     ("三星的不要 换个牌子", {"category": ["Smartphones"]}, "brand", "Samsung"),
     ("高跟的不要", {"category": ["Heels"]}, "category", "Heels"),
     ("rojas no, gracias", {"category": ["Sandals"]}, "baseColour", "Red"),
     ("Samsung no, porfa", {"category": ["Smartphones"]}, "brand", "Samsung")],
)
def test_a_value_refused_after_it_is_named_is_left_out(catalogues, text: str, current, field: str, value: str) -> None:
    catalogue = "electronics" if "Smartphones" in current["category"] else "fashion"
    request = _read(catalogues, catalogue, text, current=current)
    assert value in request.exclude.get(field, [])
    assert value not in request.include.get(field, [])


@pytest.mark.parametrize("text", ["Schwarz nicht, lieber blau", "红色不要 蓝色可以", "negras no, azules sí"])
def test_the_wish_after_a_refused_value_is_wanted(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert request.include.get("baseColour") == ["Blue"]
    assert request.exclude.get("baseColour") == ["Black" if "chwarz" in text or "negras" in text else "Red"]


@pytest.mark.parametrize("text", ["creo que no", "tal vez no", "das passt nicht"])
def test_a_plain_spanish_no_refuses_no_value(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert not request.exclude


@pytest.mark.parametrize(
    ("text", "catalogue", "field", "value"),
    [("除了白色 其他颜色都可以", "fashion", "baseColour", "White"), ("除了JBL都行", "electronics", "brand", "JBL")],
)
def test_anything_but_a_value_leaves_it_out(catalogues, text: str, catalogue: str, field: str, value: str) -> None:
    current = {"category": ["Tshirts"]} if catalogue == "fashion" else {"category": ["In-Ear"]}
    assert _read(catalogues, catalogue, text, current=current).exclude.get(field) == [value]


def test_anything_but_a_shown_item_is_no_value_left_out(catalogues) -> None:
    request = _read(catalogues, "fashion", "除了第一个 其他都可以", TEES)
    assert not request.exclude


@pytest.mark.parametrize(
    "text", ["要个双肩包 不要太重 黑色的", "una mochila no muy grande, negra", "ein Rucksack, nicht zu groß, in Schwarz"],
)
def test_not_too_big_refuses_none_of_the_wishes_after_it(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.include.get("baseColour") == ["Black"]
    assert not request.exclude


def test_not_too_expensive_still_asks_for_cheaper(catalogues) -> None:
    assert _read(catalogues, "electronics", "不要太贵的耳机").relative_price == "cheaper"


@pytest.mark.parametrize("text", ["预算可以再加点", "podemos pagar un poquito más", "me puedo estirar un poco",
                                  "ich würde auch etwas mehr zahlen", "Budget darf auch etwas höher sein"])
def test_a_wish_to_spend_more_is_pricier(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, current={"category": ["SmartWatches"]})
    assert request.intent == "refine"
    assert request.relative_price == "pricier"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("Handy bis 15'000", None, 15000), ("Smartwatch zwischen 1'000 und 2'000", 1000, 2000),
     ("Smartwatch ab 2000 bis 4000", 2000, 4000), ("Handy ab 10k bis 15k", 10000, 15000), ("ab 500 Rupien", 500, None),
     ("un smartwatch desde 2000 hasta 4000", 2000, 4000)],
)
def test_a_swiss_thousands_apostrophe_and_from_to_ranges_are_read(catalogues, text: str, low, high) -> None:
    price = _read(catalogues, "electronics", text).price
    assert price is not None and (price.min, price.max) == (low, high)


def test_a_product_kind_said_after_it_comes_first() -> None:
    assert rewrite("耳机 头戴式的", "zh", Lexicon.default()).strip() == "头戴式耳机"


@pytest.mark.parametrize(
    ("text", "catalogue", "field", "value"),
    [("busco un zelular", "electronics", "category", "Smartphones"),
     ("volso para mi esposa", "fashion", "category", "Handbags")],
)
def test_a_spanish_first_letter_written_as_it_sounds(catalogues, text: str, catalogue: str, field: str, value: str) -> None:
    assert _read(catalogues, catalogue, text).include.get(field) == [value]


@pytest.mark.parametrize(
    ("text", "category", "high"),
    [("蓝牙音箱 1500以内 有现货吗 包邮不", "BluetoothSpeakers", 1500),
     ("una pava eléctrica hasta 2000, ¿hacen envíos?", "ElectricKettles", 2000),
     ("Powerbank bis 1500, ist der Versand kostenlos?", "PowerBanks", 1500)],
)
def test_a_wish_with_a_delivery_question_is_the_wish(catalogues, text: str, category: str, high: int) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.intent == "recommend"
    assert request.include.get("category") == [category]
    assert request.price is not None and request.price.max == high


@pytest.mark.parametrize("text", ["jeje gracias, sos un capo", "danke, du bist spitze", "谢谢你 太给力了"])
def test_thanks_and_praise_are_small_talk(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent == "chitchat"


def test_thanks_before_a_wish_keeps_the_wish(catalogues) -> None:
    request = _read(catalogues, "fashion", "gracias, ahora quiero zapatos")
    assert request.intent == "recommend"
    assert request.include.get("subCategory") == ["Shoes"]


def test_the_brand_mi_with_its_capital_in_spanish(catalogues) -> None:
    request = _read(catalogues, "electronics", "un celular Mi o Samsung hasta 15000")
    assert {"MI", "Samsung"} <= set(request.include.get("brand", []))
    assert "brand" not in _read(catalogues, "electronics", "un celular para mi mamá").include


@pytest.mark.parametrize(
    ("text", "intent", "positions"),
    [("¿la de MI tiene HDMI?", "ask_about_item", [3]), ("compará la de Samsung con la de Mi", "compare", [1, 3])],
)
def test_the_shown_mi_item_named_in_spanish(catalogues, text: str, intent: str, positions: list[int]) -> None:
    request = _read(catalogues, "electronics", text, TVS)
    assert (request.intent, request.positions) == (intent, positions)


@pytest.mark.parametrize(
    ("text", "shown", "position"),
    [("la de LG no, gracias", TVS, 2), ("das von OnePlus nicht, danke", PHONES, 2), ("红米那个不要了 谢谢", PHONES, 1)],
)
def test_a_shown_item_refused_then_thanked_is_rejected(catalogues, text: str, shown, position: int) -> None:
    request = _read(catalogues, "electronics", text, shown)
    assert (request.intent, request.positions) == ("reject", [position])


@pytest.mark.parametrize(
    "text", ["combo de teclado y mouse Logitech", "Tastatur und Maus als Set von HP", "a wireless keyboard and mouse set",
             "鼠标键盘套装", "Tastatur-Maus-Set kabellos"],
)
def test_a_keyboard_and_mouse_set_is_the_set(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).include.get("category") == ["Keyboard&MouseSets"]


@pytest.mark.parametrize("text", ["los dos negros, ¿cuál es más barato?", "die zwei schwarzen, welche ist bequemer?"])
def test_the_two_shown_items_of_a_colour(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text, JEANS)
    assert (request.intent, request.positions) == ("compare", [1, 3])


@pytest.mark.parametrize(
    ("text", "catalogue", "include"),
    [("充电保", "electronics", {"category": ["PowerBanks"]}),
     ("男生体恤衫", "fashion", {"gender": ["Men"], "category": ["Tshirts"]}),
     ("连帽的卫衣 男款", "fashion", {"gender": ["Men"], "category": ["Sweatshirts"]}),
     ("Partykleid in Rot", "fashion", {"usage": ["Party"], "subCategory": ["Dress"], "baseColour": ["Red"]}),
     ("un reloj de acero para mi papá", "fashion", {"subCategory": ["Watches"], "baseColour": ["Steel"], "gender": ["Men"]})],
)
def test_words_of_the_set43_lexicon(catalogues, text: str, catalogue: str, include) -> None:
    assert _read(catalogues, catalogue, text).include == include


def test_a_sports_watch_refused_leaves_out_sports_wear_not_watches(catalogues) -> None:
    request = _read(catalogues, "fashion", "Herrenuhr, keine Sportuhr, in Schwarz")
    assert request.include.get("subCategory") == ["Watches"]
    assert request.exclude == {"usage": ["Sports"]}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [("不要白的 蓝色的", ["Blue"], ["White"]), ("黑色就算了 棕色有吗", ["Brown"], ["Black"]),
     ("给我儿子买件T恤 不要粉色 蓝色或者绿色都行", ["Blue", "Green"], ["Pink"])],
)
def test_a_space_closes_a_chinese_refusal(catalogues, text: str, wanted: list[str], unwanted: list[str]) -> None:
    request = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert request.include.get("baseColour") == wanted
    assert request.exclude.get("baseColour") == unwanted


@pytest.mark.parametrize(
    ("text", "gender"),
    [("Sandalen für meine Kleine", "Girls"), ("Turnschuhe für meinen Kleinen", "Boys"), ("给外孙女买双凉鞋", "Girls"),
     ("给外孙买双凉鞋", "Boys")],
)
def test_a_child_said_fondly(catalogues, text: str, gender: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("gender") == [gender]
