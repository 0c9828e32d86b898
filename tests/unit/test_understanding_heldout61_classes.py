"""The failure classes of blind set 61 (issue 12, brief i12bo), each on wording that is none of the
set's sentences, in the same language, on the real demo catalogues' vocabularies
(chatrec.set61_classes, chatrec/data/set61_classes.json and chatrec/data/lexicon_set61.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts
WATCHES = ("5077", "10400", "10318", "5070")  # Being Human, Puma, Esprit, Being Human women's watches
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI (Android), OnePlus (Android)
HEADPHONES = "Headphones,Earbuds&Accessories"
CNY, EUR = 11.53, 90.22


def _positions(heard) -> list[int]:
    return sorted(r.position for r in heard.references)


# --- Austrian, Bavarian and Swiss German ------------------------------------------------------------------

def test_austrian_german_is_read_as_german(catalogues) -> None:
    heard = _read(catalogues, "fashion", "a Kappn bräucht i, aber bloß ka schwarze")
    assert heard.language == "de", heard
    assert heard.exclude.get("baseColour") == ["Black"], heard
    heard = _read(catalogues, "fashion", "Kriag i a Tüte dazu, oder kost des extra?")
    assert (heard.intent, heard.language) == ("off_topic", "de"), heard


def test_swiss_german_is_read_as_german(catalogues) -> None:
    heard = _read(catalogues, "electronics", "Chopfhörer ohni Kabel für mini Tochter")
    assert heard.language == "de", heard
    assert heard.include.get("subcategory") == [HEADPHONES], heard
    heard = _read(catalogues, "fashion", "e Jacke für öppe 60 Stutz")
    assert heard.include.get("category") == ["Jackets"], heard
    assert heard.price is not None and (heard.price.min, heard.price.max) == pytest.approx((48, 72)), heard.price
    heard = _read(catalogues, "electronics", "es Handy, alles usser Redmi", current={"category": ["Smartphones"]})
    assert heard.exclude.get("brand") == ["Redmi"], heard


# --- Chinese wording read again -----------------------------------------------------------------------

def test_cantonese_this_one_names_the_item_pointed_at(catalogues) -> None:
    heard = _read(catalogues, "fashion", "呢件几多钱", TEES, last_references=[3])
    assert heard.intent == "ask_about_item" and _positions(heard) == [3], heard
    heard = _read(catalogues, "electronics", "呢部几多钱", PHONES, last_references=[1])
    assert heard.intent == "ask_about_item" and _positions(heard) == [1], heard


@pytest.mark.parametrize(
    ("catalogue", "text", "current", "field", "value"),
    [
        ("fashion", "黑颜色伐要", {"category": ["Tshirts"]}, "baseColour", "Black"),
        ("electronics", "三星额勿要", {"category": ["Smartphones"]}, "brand", "Samsung"),
        ("electronics", "手机避雷红米", {}, "brand", "Redmi"),
    ],
)
def test_wu_and_slang_refusals(catalogues, catalogue, text, current, field, value) -> None:
    heard = _read(catalogues, catalogue, text, current=current)
    assert heard.exclude.get(field) == [value], heard
    assert value not in heard.include.get(field, []), heard


@pytest.mark.parametrize("text", ["要一根usb线 一米五", "lightning线有吗"])
def test_a_cable_said_as_its_plug(catalogues, text) -> None:
    assert _read(catalogues, "electronics", text).include.get("category") == ["USBCables"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("两百左右人民币的耳机", 160 * CNY, 240 * CNY),
        ("三百以内 rmb 的耳机", None, 300 * CNY),
        ("三五千块的耳机", 3000 * CNY, 5000 * CNY),
        ("一到三千块的耳机", 1000 * CNY, 3000 * CNY),
        ("两张以内的耳机", None, 200 * CNY),
        ("耳机 两百块 不超过", None, 200 * CNY),
    ],
)
def test_chinese_budgets(catalogues, text, low, high) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("subcategory") == [HEADPHONES], heard
    assert heard.price is not None, heard
    assert heard.price.min == (pytest.approx(low, rel=1e-3) if low else None), heard.price
    assert heard.price.max == pytest.approx(high, rel=1e-3), heard.price


def test_baby_boy_and_girl_and_taking_the_child_along(catalogues) -> None:
    assert _read(catalogues, "fashion", "女宝的凉鞋").include.get("gender") == ["Girls"]
    heard = _read(catalogues, "fashion", "男宝宝穿的T恤")
    assert heard.include.get("gender") == ["Boys"] and heard.include.get("category") == ["Tshirts"], heard
    heard = _read(catalogues, "fashion", "遛娃用的双肩包 要大容量")
    assert heard.include.get("category") == ["Backpacks"] and "gender" not in heard.include, heard


def test_a_chinese_self_correction_keeps_what_follows(catalogues) -> None:
    heard = _read(catalogues, "fashion", "要红色的 不对 要蓝色的", current={"category": ["Tshirts"]})
    assert heard.include.get("baseColour") == ["Blue"], heard
    heard = _read(catalogues, "electronics", "我要三星手机 说错了 是OPPO的")
    assert heard.include.get("brand") == ["OPPO"], heard
    assert _read(catalogues, "electronics", "台扇有吗").include.get("category") == ["TableFans"]


# --- Spanish wording read again -----------------------------------------------------------------------

def test_mexican_padre_is_cool_unless_it_is_a_father(catalogues) -> None:
    heard = _read(catalogues, "fashion", "unos tenis bien padres para la escuela")
    assert "gender" not in heard.include, heard
    heard = _read(catalogues, "fashion", "una playera padrísima")
    assert heard.include.get("category") == ["Tshirts"] and "gender" not in heard.include, heard
    assert _read(catalogues, "fashion", "una cartera para mi padre").include.get("gender") == ["Men"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("unos lentes de sol, traigo 600 de lana", None, 600),
        ("cargo como 1200 varos para unos lentes de sol", None, 1200),
        ("lentes de sol por unas 20 lucas", 16000, 24000),
        ("lentes de sol por menos de 300 barras", None, 300000),
    ],
)
def test_spanish_money_slang(catalogues, text, low, high) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("category") == ["Sunglasses"], heard
    assert heard.price is not None, heard
    assert (heard.price.min, heard.price.max) == (pytest.approx(low) if low else None, pytest.approx(high)), heard.price


@pytest.mark.parametrize(
    ("text", "current", "field", "value"),
    [
        ("por favor, no me muestre relojes dorados", {"subCategory": ["Watches"]}, "baseColour", "Gold"),
        ("le agradecería que no me enseñara sandalias", {"gender": ["Women"]}, "subCategory", "Sandal"),
        ("zapatos de mujer pero sin tacos", {}, "category", "Heels"),
    ],
)
def test_usted_refusals_and_tacos(catalogues, text, current, field, value) -> None:
    heard = _read(catalogues, "fashion", text, current=current)
    assert heard.exclude.get(field) == [value], heard
    assert value not in heard.include.get(field, []), heard


@pytest.mark.parametrize(
    ("catalogue", "text", "shown", "position"),
    [
        ("fashion", "¿el primer reloj es resistente al agua?", WATCHES, 1),
        ("electronics", "¿el tercer celular tiene 5G?", PHONES, 3),
    ],
)
def test_spanish_short_ordinals_before_a_noun(catalogues, catalogue, text, shown, position) -> None:
    heard = _read(catalogues, catalogue, text, shown)
    assert heard.intent == "ask_about_item" and _positions(heard) == [position], heard


def test_a_question_by_place_is_about_that_item_only(catalogues) -> None:
    heard = _read(catalogues, "electronics", "¿el cuarto televisor tiene Android?", TVS)
    assert _positions(heard) == [4], heard


def test_clothes_for_the_office_are_formal(catalogues) -> None:
    heard = _read(catalogues, "fashion", "camisas blancas pa la oficina")
    assert heard.include.get("usage") == ["Formal"] and heard.include.get("category") == ["Shirts"], heard
    heard = _read(catalogues, "fashion", "通勤穿的白衬衫")
    assert heard.include.get("usage") == ["Formal"] and heard.include.get("baseColour") == ["White"], heard
    heard = _read(catalogues, "fashion", "裤子 上班穿 黑色")
    assert heard.include.get("usage") == ["Formal"], heard
    # shoes for the office keep their type alone, as the earlier sets label them
    assert "usage" not in _read(catalogues, "fashion", "男士黑色皮鞋 上班穿").include


# --- German wording ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["keine pinken Sneaker", "Rucksack, aber nichts Pinkes"])
def test_inflected_pink_is_refused(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.exclude.get("baseColour") == ["Pink"], heard


@pytest.mark.parametrize(
    ("catalogue", "text", "field", "value"),
    [
        ("electronics", "eine Handyhuelle fuer mein iPhone", "category", "BasicCases"),
        ("fashion", "Sonnenbrille fuer Maenner, schwarz", "gender", "Men"),
    ],
)
def test_german_without_umlauts(catalogues, catalogue, text, field, value) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.include.get(field) == [value], heard


@pytest.mark.parametrize(
    ("text", "refused", "said"),
    [
        ("keine weißen Hemden, die werden so schnell gelb", "White", "Yellow"),
        ("nada de blanco porque se pone amarillo enseguida", "White", "Yellow"),
    ],
)
def test_a_colour_in_the_reason_for_a_refusal_is_no_wish(catalogues, text, refused, said) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Shirts"]})
    assert heard.exclude.get("baseColour") == [refused], heard
    assert said not in heard.include.get("baseColour", []), heard


# --- off topic, though a product is named --------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "language"),
    [
        ("electronics", "前天买的耳机什么时候发货啊", "zh"),
        ("fashion", "孩子咳嗽好几天了怎么办", "zh"),
        ("electronics", "手机被狗咬坏了 哈哈哈", "zh"),
        ("electronics", "se me cayó el celular al agua jugando, jajaja", "es"),
        ("electronics", "¿qué plan de datos me conviene para el celular?", "es"),
        ("electronics", "Welcher Handytarif lohnt sich gerade?", "de"),
        ("fashion", "Bekomme ich eine Tüte dazu?", "de"),
    ],
)
def test_no_shopping_though_a_product_is_named(catalogues, catalogue, text, language) -> None:
    heard = _read(catalogues, catalogue, text)
    assert (heard.intent, heard.language) == ("off_topic", language), heard


def test_a_wish_keeps_a_broken_device_story_a_shopping_message(catalogues) -> None:
    heard = _read(catalogues, "electronics", "耳机被狗咬坏了 想买个新的")
    assert heard.intent == "recommend" and heard.include.get("subcategory") == [HEADPHONES], heard


# --- shown items, brands, colours -----------------------------------------------------------------------

def test_a_shown_item_wanted_cheaper_is_more_like_it(catalogues) -> None:
    heard = _read(catalogues, "fashion", "第一件还有更便宜的吗", TEES)
    assert heard.intent == "more_like" and _positions(heard) == [1] and heard.relative_price == "cheaper", heard
    heard = _read(catalogues, "electronics", "第二个有没有便宜一点的", PHONES)
    assert heard.intent == "more_like" and _positions(heard) == [2] and heard.relative_price == "cheaper", heard


def test_more_like_a_shown_item_but_cheaper(catalogues) -> None:
    heard = _read(catalogues, "electronics", "la segunda me gusta, ¿hay algo así más barato?", PHONES)
    assert heard.intent == "more_like" and heard.relative_price == "cheaper", heard


@pytest.mark.parametrize(("text", "other"), [("耳机 JBL或者boAt都行", "jbl"), ("audífonos Sony o boAt, cualquiera", "sony")])
def test_a_brand_in_its_own_case_beside_another_brand(catalogues, text, other) -> None:
    heard = _read(catalogues, "electronics", text)
    assert {b.casefold() for b in heard.include.get("brand", [])} == {other, "boat"}, heard


@pytest.mark.parametrize(
    ("text", "current"),
    [("红色也行 颜色无所谓", {"category": ["Tshirts"]}), ("el rojo también, el color da igual", {"category": ["Tshirts"]})],
)
def test_a_colour_named_while_colour_is_given_up_is_no_wish(catalogues, text, current) -> None:
    heard = _read(catalogues, "fashion", text, current=current)
    assert "baseColour" not in heard.include, heard


# --- words the lexicon lacked ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "field", "value"),
    [
        ("fashion", "女装冷衫 要长袖", "category", "Sweaters"),
        ("electronics", "有冇藍牙耳筒", "subcategory", HEADPHONES),
        ("fashion", "un morral negro para el colegio", "category", "Backpacks"),
        ("fashion", "eine warme Haube für den Winter", "category", "Caps"),
    ],
)
def test_new_lexicon_words(catalogues, catalogue, text, field, value) -> None:
    assert _read(catalogues, catalogue, text).include.get(field) == [value]


def test_cantonese_brown_is_refused(catalogues) -> None:
    heard = _read(catalogues, "fashion", "皮带 唔要啡色")
    assert heard.exclude.get("baseColour") == ["Brown"], heard


def test_an_age_or_a_count_after_tengo_is_no_budget(catalogues) -> None:
    heard = _read(catalogues, "fashion", "tengo 15 años y busco unos tenis")
    assert heard.price is None, heard.price
