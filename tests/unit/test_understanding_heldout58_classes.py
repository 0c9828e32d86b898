"""The failure classes of blind set 58 (issue 12, brief i12bi), each on wording that is none of the
set's sentences, in the same language, on the real demo catalogues' vocabularies
(chatrec.set58_classes, chatrec/data/set58_classes.json and chatrec/data/lexicon_set58.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts
SHOES = ("3167", "4140", "1951")  # white sports, green casual, purple sports women's shoes
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink, blue handbags
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics, JBL, boAt
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
HEADPHONES = "Headphones,Earbuds&Accessories"


def _positions(heard) -> list[int]:
    return sorted(r.position for r in heard.references)


# --- German dialect ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "field", "value"),
    [
        ("fashion", "i bräucht a Gürtele, gell", "subCategory", "Belts"),
        ("electronics", "a Mäusle fürn Rechner hald", "category", "Mice"),
        ("fashion", "icke will keene roten Schuhe", "subCategory", "Shoes"),
    ],
)
def test_swabian_and_berlin_german(catalogues, catalogue, text, field, value) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.language == "de", heard
    assert heard.include.get(field) == [value], heard


def test_berlin_keene_refuses(catalogues) -> None:
    heard = _read(catalogues, "fashion", "keene weißen mehr, wa", current={"category": ["Tshirts"]})
    assert heard.exclude.get("baseColour") == ["White"], heard
    assert "White" not in heard.include.get("baseColour", []), heard
    heard = _read(catalogues, "electronics", "ne Smartwatch, keene über 40 Euro")
    assert heard.price is not None and heard.price.max == pytest.approx(40 * 90.22, abs=1), heard.price
    assert heard.price.min is None


# --- typos of pinyin input -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "field", "value"),
    [
        ("electronics", "想要个电竟鼠标", "category", "GamingMice"),
        ("fashion", "女款未衣 黑色", "category", "Sweatshirts"),
        ("electronics", "路油器 要tp-link的", "category", "Routers"),
        ("electronics", "健盘 无线的", "category", "Keyboards"),
        ("electronics", "充电bao 两万毫安", "category", "PowerBanks"),
        ("electronics", "有没有好点的手ji", "category", "Smartphones"),
    ],
)
def test_homophone_and_pinyin_typos(catalogues, catalogue, text, field, value) -> None:
    heard = _read(catalogues, catalogue, text)
    assert value in heard.include.get(field, []), heard
    assert heard.language == "zh"


# --- words the lexicon lacked ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "field", "value"),
    [
        ("fashion", "帮新娘挑双凉鞋", "gender", "Women"),
        ("fashion", "Schuhe für die Braut", "gender", "Women"),
        ("fashion", "我想买件裙 蓝色的", "subCategory", "Dress"),
        ("electronics", "ne kleine Boxe für die Küche", "category", "BluetoothSpeakers"),
    ],
)
def test_words_the_lexicon_lacked(catalogues, catalogue, text, field, value) -> None:
    heard = _read(catalogues, catalogue, text)
    assert value in heard.include.get(field, []), heard


def test_broke_is_no_swimwear(catalogues) -> None:
    heard = _read(catalogues, "fashion", "una gorra barata que ando pelado")
    assert "Swimwear" not in heard.include.get("category", []), heard
    assert heard.include.get("category") == ["Caps"], heard


# --- budgets --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "low", "high"),
    [
        ("fashion", "una mochila entre cuarenta y sesenta euros", 40, 60),
        ("fashion", "un reloj entre doscientos y trescientos dolares", 200, 300),
        ("electronics", "un parlante por 30 chavos", None, 30 * 83),
        ("electronics", "audífonos de menos de 40 verdes", None, 40 * 83),
        ("fashion", "Mütze zw. 10 u. 20 Euro", 10, 20),
        ("fashion", "Sonnenbrille, so zwischen 50 u. 70 €", 50, 70),
    ],
)
def test_budgets(catalogues, catalogue, text, low, high) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.price is not None, heard
    assert heard.price.min == (pytest.approx(low, abs=1) if low is not None else None), heard.price
    assert heard.price.max == pytest.approx(high, abs=1), heard.price


def test_a_compound_number_stays_one(catalogues) -> None:
    heard = _read(catalogues, "fashion", "una gorra de treinta y cinco euros")
    assert heard.price is None or heard.price.min is None or heard.price.min != 30, heard.price


# --- off topic although a product is named ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text"),
    [
        ("fashion", "我那双运动鞋啥时候发货啊"),
        ("electronics", "打印机驱动装不上 咋整"),
        ("electronics", "耳机跟电脑连不上 怎么回事"),
        ("fashion", "帮我算算三件T恤打八折多少钱"),
        ("fashion", "老公又不理我了 好烦"),
        ("electronics", "mi celular no carga desde ayer"),
        ("electronics", "cómo pido la garantía de mi smartwatch"),
        ("fashion", "aquí está lloviendo a cántaros, y tú qué haces hoy?"),
        ("fashion", "Kannst du mir ein Referat über Mode schreiben?"),
        ("electronics", "Mein Laptop geht nicht mehr an, was mach ich jetzt?"),
    ],
)
def test_off_topic_with_product_words(catalogues, catalogue, text) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.intent == "off_topic", heard
    assert not heard.include, heard


@pytest.mark.parametrize(
    ("catalogue", "text"),
    [
        ("electronics", "耳机连不上了 想换个新的"),
        ("electronics", "mi celular no carga, busco uno nuevo"),
        ("electronics", "Handy geht nicht mehr an, ich brauch ein neues"),
    ],
)
def test_a_wish_keeps_the_fault_a_shopping_message(catalogues, catalogue, text) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.intent != "off_topic", heard


# --- the items pointed at --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "shown", "position"),
    [("más como la rosada porfa", BAGS, 3), ("algo como las blancas, por favor", SHOES, 1)],
)
def test_more_like_the_colour_said_politely(catalogues, text, shown, position) -> None:
    heard = _read(catalogues, "fashion", text, shown=shown)
    assert heard.intent == "more_like", heard
    assert _positions(heard) == [position]


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("entre el Zebronics y el boAt cuál suena más fuerte", [1, 3]),
        ("el JBL y el boAt, cuál se escucha mejor", [2, 3]),
        ("der JBL und der boAt, welcher hält länger durch", [2, 3]),
    ],
)
def test_which_of_named_items_compares(catalogues, text, positions) -> None:
    heard = _read(catalogues, "electronics", text, shown=SPEAKERS)
    assert heard.intent == "compare", heard
    assert _positions(heard) == positions


def test_what_kind_of_said_after_the_item(catalogues) -> None:
    heard = _read(catalogues, "fashion", "was ist die Weiße für ein Material?", shown=TEES)
    assert heard.intent == "ask_about_item", heard
    assert _positions(heard) == [3]


# --- refusals ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind", "refused"),
    [("衬衫 不要白色 灰色也不要", "Shirts", {"White", "Grey"}), ("高跟鞋 黑色的不要", "Heels", {"Black"})],
)
def test_chinese_topic_before_the_refusal(catalogues, text, kind, refused) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.intent == "recommend", heard
    assert heard.include.get("category") == [kind], heard
    assert set(heard.exclude.get("baseColour", [])) == refused, heard
    assert "category" not in heard.exclude, heard


@pytest.mark.parametrize(
    ("text", "current", "field", "kind", "refused"),
    [
        ("no quiero más zapatos marrones", {"subCategory": ["Shoes"]}, "subCategory", "Shoes", "Brown"),
        ("no me enseñes más camisetas negras, porfa", {"category": ["Tshirts"]}, "category", "Tshirts", "Black"),
    ],
)
def test_searched_type_kept_when_a_value_is_refused(catalogues, text, current, field, kind, refused) -> None:
    heard = _read(catalogues, "fashion", text, current=current)
    assert heard.include.get(field) == [kind], heard
    assert heard.exclude.get("baseColour") == [refused], heard
    assert kind not in heard.exclude.get(field, []), heard


# --- a laptop's charger -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["电脑充电器坏了 想买个新的", "un cargador para la portátil de mi hija"])
def test_charger_beside_a_laptop(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == ["LaptopChargers&PowerSupplies"], heard
    assert "Laptops" not in heard.include.get("subcategory", []), heard


def test_a_longer_second_number_is_left_whole(catalogues) -> None:
    heard = _read(catalogues, "electronics", "un celular entre quinientos y mil doscientos")
    assert heard.price is None or heard.price.max != 1000, heard.price
