"""The failure classes of blind set 48 (issue 12, brief i12am), each on wording that is none of the
set's sentences, on the real demo catalogues' vocabularies (chatrec.several_wishes and the lexicon)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech, HP, Dell
WATCHES = ("5077", "10400", "10318", "5070")  # blue, black, steel, white women's watches
SHOES = ("3167", "4140", "1951")  # white Nike, green Skechers, purple Puma women's shoes
KURTAS = ("7410", "11604", "11803")  # red, blue, black women's kurtas
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink, blue handbags


@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "red sneakers for women, sorry i meant white",
         {"baseColour": ["White"], "subCategory": ["Shoes"], "gender": ["Women"]}),
        ("fashion", "jeans for my son, no wait, for my daughter, blue",
         {"category": ["Jeans"], "gender": ["Girls"], "baseColour": ["Blue"]}),
        ("electronics", "a samsung tv, no wait, make that an LG",
         {"brand": ["LG"], "category": ["SmartTelevisions", "StandardTelevisions"]}),
        ("fashion", "黑色的女士手提包，哦不，我是说棕色的",
         {"baseColour": ["Brown"], "gender": ["Women"], "category": ["Handbags"]}),
        ("fashion", "zapatos de hombre marrones, no espera, mejor negros",
         {"subCategory": ["Shoes"], "gender": ["Men"], "baseColour": ["Black"]}),
        ("electronics", "Ein Handy von Samsung, nein doch lieber OnePlus",
         {"category": ["Smartphones"], "brand": ["OnePlus"]}),
    ],
)
def test_a_correction_replaces_the_same_fields_and_keeps_the_others(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.intent == "recommend"
    assert heard.include == wanted


def test_a_correction_keeps_the_budget_said_before_it(catalogues) -> None:
    heard = _read(catalogues, "electronics", "a samsung tv under 20000, no wait, an LG")
    assert heard.include["brand"] == ["LG"]
    assert heard.price is not None and heard.price.max == 20000


@pytest.mark.parametrize(
    ("catalogue", "shown", "text", "intent", "positions"),
    [
        ("electronics", TVS, "all except the first, which is cheapest?", "compare", [2, 3, 4]),
        ("electronics", TVS, "other than the samsung which has the best sound", "compare", [2, 3, 4]),
        ("electronics", TVS, "all but the last, compare them", "compare", [1, 2, 3]),
        ("electronics", MICE, "除了戴尔那个，另外两个哪个好", "compare", [1, 2]),
        ("fashion", WATCHES, "menos la negra, ¿cuál es más bonito?", "compare", [1, 3, 4]),
        ("fashion", WATCHES, "Außer der ersten, welche ist am günstigsten?", "compare", [2, 3, 4]),
    ],
)
def test_items_left_out_by_all_but_are_not_asked_about(catalogues, catalogue, shown, text, intent, positions) -> None:
    heard = _read(catalogues, catalogue, text, shown)
    assert heard.intent == intent
    assert heard.positions == positions
    assert heard.include == {}


@pytest.mark.parametrize(
    ("catalogue", "text", "unwanted", "wanted"),
    [
        ("electronics", "最烦三星了，给我看手机", {"brand": ["Samsung"]}, {"category": ["Smartphones"]}),
        ("electronics", "我很反感LG，想看看智能电视", {"brand": ["LG"]}, {"category": ["SmartTelevisions"]}),
        ("fashion", "detesto el negro, quiero zapatos de hombre", {"baseColour": ["Black"]},
         {"subCategory": ["Shoes"], "gender": ["Men"]}),
        ("fashion", "no soporto el amarillo, camisetas para mujer", {"baseColour": ["Yellow"]},
         {"category": ["Tshirts"], "gender": ["Women"]}),
        ("fashion", "Ich hasse Pink, zeig mir Handtaschen", {"baseColour": ["Pink"]}, {"category": ["Handbags"]}),
        ("electronics", "boAt kann ich nicht leiden, eine Smartwatch bitte", {"brand": ["Boat", "boAt"]},
         {"category": ["SmartWatches"]}),
    ],
)
def test_a_dislike_verb_refuses_the_value(catalogues, catalogue, text, unwanted, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    for name, values in unwanted.items():
        assert set(values) <= set(heard.exclude.get(name, []))
        assert not set(values) & set(heard.include.get(name, []))
    for name, values in wanted.items():
        assert heard.include.get(name) == values


@pytest.mark.parametrize(
    ("text", "high"),
    [("nada que pase de 800", 800), ("no me muestres nada por encima de 800 rupias", 800),
     ("bitte nichts teurer als 800", 800), ("keine über 900", 900)],
)
def test_nothing_above_an_amount_is_an_upper_bound(catalogues, text: str, high: float) -> None:
    heard = _read(catalogues, "electronics", text, MICE, current={"category": ["Mice"]})
    assert heard.intent == "refine"
    assert heard.price is not None and heard.price.max == high and heard.price.min is None


@pytest.mark.parametrize("text", ["ningún móvil que cueste más de 20000", "keine Handys über 20000"])
def test_no_product_above_an_amount_wants_the_product_below_it(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include == {"category": ["Smartphones"]}
    assert heard.exclude == {}
    assert heard.price is not None and heard.price.max == 20000 and heard.price.min is None


@pytest.mark.parametrize(
    ("shown", "text", "position", "colour"),
    [
        (KURTAS, "la roja la tienen en azul?", 1, "Blue"),
        (BAGS, "蓝色那个包有黑色的吗", 4, "Black"),
        (KURTAS, "Die schwarze, gibt es die auch in Rot?", 3, "Red"),
        (SHOES, "las de Skechers, ¿vienen en negro?", 2, "Black"),
    ],
)
def test_a_pointed_item_asked_for_in_another_colour_is_more_like_it(catalogues, shown, text, position, colour) -> None:
    heard = _read(catalogues, "fashion", text, shown)
    assert heard.intent == "more_like"
    assert heard.positions == [position]
    assert heard.include == {"baseColour": [colour]}


def test_a_question_about_a_pointed_item_stays_a_question(catalogues) -> None:
    heard = _read(catalogues, "fashion", "黑色那件有多长", KURTAS)
    assert heard.intent == "ask_about_item"
    assert heard.positions == [3]


@pytest.mark.parametrize("text", ["none of those yellow things please", "none of the white stuff"])
def test_none_of_that_value_stuff_refuses_the_value(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert heard.intent == "refine"
    assert heard.include == {}
    assert len(heard.exclude.get("baseColour", [])) == 1


@pytest.mark.parametrize(
    ("catalogue", "text", "name", "value"),
    [("electronics", "海信的电视", "brand", "Hisense"), ("electronics", "闪迪的U盘", "brand", "SanDisk"),
     ("fashion", "pantalones para el gimnasio", "usage", "Sports"), ("fashion", "给老公买健身房穿的T恤", "usage", "Sports"),
     ("fashion", "un bolso de mano rojo", "category", "Handbags")],
)
def test_lexicon_words_of_set_48(catalogues, catalogue: str, text: str, name: str, value: str) -> None:
    heard = _read(catalogues, catalogue, text)
    assert value in heard.include.get(name, [])


@pytest.mark.parametrize("text", ["type-c cable", "c type cables under 200", "braided type c cable from portronics"])
def test_a_cable_named_by_its_connector_is_a_usb_cable(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == ["USBCables"]


@pytest.mark.parametrize(
    ("text", "current", "refused", "kept"),
    [
        ("white or grey tshirts, skip black", {"category": ["Tshirts"]}, {"baseColour": ["Black"]},
         {"baseColour": ["Grey", "White"]}),
        ("un móvil, olvídate de Samsung", {}, {"brand": ["Samsung"]}, {"category": ["Smartphones"]}),
        ("ein Handy, vergiss Samsung", {}, {"brand": ["Samsung"]}, {"category": ["Smartphones"]}),
        ("a phone, forget samsung", {}, {"brand": ["Samsung"]}, {"category": ["Smartphones"]}),
    ],
)
def test_forgetting_a_value_never_wished_refuses_it(catalogues, text, current, refused, kept) -> None:
    catalogue = "fashion" if "tshirts" in text else "electronics"
    heard = _read(catalogues, catalogue, text, current=current)
    for name, values in refused.items():
        assert heard.exclude.get(name) == values
    for name, values in kept.items():
        assert heard.include.get(name) == values


def test_forgetting_a_wish_in_force_refuses_nothing(catalogues) -> None:
    heard = _read(catalogues, "fashion", "forget red", current={"category": ["Tshirts"], "baseColour": ["Red"]})
    assert heard.exclude == {}


@pytest.mark.parametrize(
    ("text", "positions"),
    [("the first two, which one's cheaper", [1, 2]), ("the 1st and 3rd which ones got the better picture", [1, 3])],
)
def test_which_over_the_items_named_compares_them(catalogues, text: str, positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, TVS)
    assert heard.intent == "compare"
    assert heard.positions == positions


def test_more_of_the_items_named_stays_more_like(catalogues) -> None:
    heard = _read(catalogues, "electronics", "the 1st and 3rd, any more like those", TVS)
    assert heard.intent == "more_like"


@pytest.mark.parametrize(
    ("text", "wanted", "refused"),
    [("a keyboard, not a gaming one", "Keyboards", "GamingKeyboards"), ("a mouse, not gaming", "Mice", "GamingMice"),
     ("eine Maus, aber keine Gaming-Maus", "Mice", "GamingMice")],
)
def test_a_kind_refused_after_the_product_keeps_the_product(catalogues, text: str, wanted: str, refused: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == [wanted]
    assert heard.exclude.get("category") == [refused]


PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi 2GB RAM, OnePlus 8GB RAM, Samsung 4GB RAM "Upto 8GB RAM"


@pytest.mark.parametrize("text", ["the 8gb ram one, how much is it", "the one with 8gb ram, what colour is it"])
def test_an_amount_a_title_gives_as_a_maximum_does_not_name_that_item(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, PHONES)
    assert heard.intent == "ask_about_item"
    assert heard.positions == [2]
