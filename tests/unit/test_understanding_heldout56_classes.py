"""The failure classes of blind set 56 (issue 12, brief i12bd), each on wording that is none of the
set's sentences, in the same language, on the real demo catalogues' vocabularies
(chatrec.set56_classes, chatrec/data/set56_classes.json and chatrec/data/lexicon_set56.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts
SHOES = ("3167", "4140", "1951")  # white sports, green casual, purple sports women's shoes
KURTAS = ("7410", "11604", "11803")  # red, blue, black women's kurtas
HEADPHONES = "Headphones,Earbuds&Accessories"


def _folded(values: list[str]) -> set[str]:
    """Values as the scorer compares them (the shop spells some brands several ways: boAt, Boat)."""
    return {v.casefold() for v in values}


# --- words the lexicon lacked ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "牛仔库 黑色的", {"category": ["Jeans"], "baseColour": ["Black"]}),
        ("fashion", "扭仔裤 女款", {"category": ["Jeans"], "gender": ["Women"]}),
        ("fashion", "un poleron azul pa mi hijo", {"category": ["Sweatshirts"], "baseColour": ["Blue"], "gender": ["Boys"]}),
        ("fashion", "bluyín negro de hombre", {"category": ["Jeans"], "baseColour": ["Black"], "gender": ["Men"]}),
        ("fashion", "zapatos de taco rojos", {"category": ["Heels"], "baseColour": ["Red"]}),
        ("fashion", "unos tacos altos para mi novia", {"category": ["Heels"], "gender": ["Women"]}),
        ("fashion", "una playera pa hacer ejercicio", {"category": ["Tshirts"], "usage": ["Sports"]}),
        ("fashion", "unas playeras chidas", {"category": ["Tshirts"]}),
        ("fashion", "ein Hemad in Schwarz", {"category": ["Shirts"], "baseColour": ["Black"]}),
        ("electronics", "Natel bis 15000", {"category": ["Smartphones"]}),
        ("electronics", "ein günstiges Natel von Samsung", {"category": ["Smartphones"], "brand": ["Samsung"]}),
        ("fashion", "schwarze Jeanshosen für Damen", {"category": ["Jeans"], "baseColour": ["Black"], "gender": ["Women"]}),
    ],
)
def test_words_the_lexicon_lacked(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    assert _folded(list(heard.include)) == _folded(list(wanted)), (text, heard.include)
    for field, values in wanted.items():
        assert _folded(heard.include.get(field, [])) == _folded(values), (text, heard.include)


# --- refusals said another way -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("唔好黑色嘅", "Black"),
        ("别再推粉色的了", "Pink"),
        ("不要再给我看白色的了", "White"),
        ("别给我黑色的了", "Black"),
        ("no me traigás más rojas", "Red"),
        ("no me muestres más las blancas", "White"),
    ],
)
def test_show_me_no_more(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert heard.intent == "refine"
    assert heard.exclude.get("baseColour") == [refused], heard
    assert refused not in heard.include.get("baseColour", []), heard


@pytest.mark.parametrize(
    ("text", "kind", "refused"),
    [("再也不买黑色的衬衫了", "Shirts", "Black"), ("再也不要红色的高跟鞋了", "Heels", "Red")],
)
def test_never_again_refuses_the_colour_keeps_the_product(catalogues, text, kind, refused) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("category") == [kind], heard
    assert heard.exclude.get("baseColour") == [refused], heard


@pytest.mark.parametrize("text", ["no me muestres más zapatillas deportivas", "no me mostrés más zapatillas deportivas, porfa"])
def test_spanish_show_me_no_more_product(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text, shown=SHOES)
    assert heard.exclude.get("category") == ["Sports Shoes"], heard
    assert "Sports Shoes" not in heard.include.get("category", []), heard


# --- casual said of shoes --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("别给运动鞋了 要休闲点的", {"shown": SHOES}),
        ("bloß keine Sportschuhe, lieber was Lässiges", {"shown": SHOES}),
        ("nada de zapatillas deportivas, mejor algo casual", {"current": {"subCategory": ["Shoes"]}}),
    ],
)
def test_casual_instead_of_sports_shoes_is_casual_shoes(catalogues, text, context) -> None:
    heard = _read(catalogues, "fashion", text, **context)
    assert heard.include.get("category") == ["Casual Shoes"], heard
    assert heard.exclude.get("category") == ["Sports Shoes"], heard
    assert "usage" not in heard.include and "usage" not in heard.exclude, heard


@pytest.mark.parametrize("shown", [SHOES, TEES])
def test_casual_of_items_shown_stays_a_usage(catalogues, shown) -> None:
    heard = _read(catalogues, "fashion", "lieber was Lässiges", shown=shown)
    assert heard.include.get("usage") == ["Casual"], heard
    assert "category" not in heard.include, heard


# --- the item pointed at ----------------------------------------------------------------------------------

def test_cantonese_that_points(catalogues) -> None:
    assert [r.position for r in _read(catalogues, "electronics", "中间嗰部几钱", shown=PHONES).references] == [2]
    heard = _read(catalogues, "electronics", "最后嗰部有冇5G", shown=PHONES)
    assert heard.intent == "ask_about_item" and [r.position for r in heard.references] == [3], heard


@pytest.mark.parametrize(
    ("text", "shown", "position"),
    [("白色那件不要 看看其他的", TEES, 3), ("黑色那条不要了 其他的再看看", KURTAS, 3)],
)
def test_one_turned_down_and_the_others_again(catalogues, text, shown, position) -> None:
    heard = _read(catalogues, "fashion", text, shown=shown)
    assert heard.intent == "reject", heard
    assert [r.position for r in heard.references] == [position]


@pytest.mark.parametrize(
    ("text", "position", "colour"),
    [("Habt ihr den roten auch in Grün?", 1, "Green"), ("gibts das weisse noch in schwarz", 3, "Black")],
)
def test_german_that_colour_also_in(catalogues, text, position, colour) -> None:
    heard = _read(catalogues, "fashion", text, shown=TEES)
    assert heard.intent == "more_like", heard
    assert [r.position for r in heard.references] == [position]
    assert heard.include.get("baseColour") == [colour], heard


# --- Andalusian Spanish ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "field", "value"),
    [("fashion", "una chaqueta pa mi mujé", "gender", "Women"), ("electronics", "un cargadó rápido", "category", "WallChargers")],
)
def test_final_r_dropped(catalogues, catalogue, text, field, value) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.include.get(field) == [value], heard
    assert heard.language == "es"


# --- budgets ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "low", "high"),
    [
        ("electronics", "充电宝 三百出头就行", 240, 360),
        ("electronics", "一千出头也可以 要智能手表", 800, 1200),
        ("electronics", "un celular por debajo de 10000", None, 10000),
        ("electronics", "algo abajo de 500 pa los audífonos", None, 500),
        ("electronics", "necesito audífonos pero no tengo mucha plata, como 800", None, 800),
        ("electronics", "no tengo mucho varo, unos 2000 pa un celular", None, 2000),
        ("electronics", "Maus unter 15 Flocken", None, 1353.26),
        ("electronics", "Kopfhörer bis 40 Mäuse", None, 3608.7),
    ],
)
def test_budgets(catalogues, catalogue, text, low, high) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.price is not None, heard
    assert heard.price.min == (pytest.approx(low, abs=1) if low is not None else None), heard.price
    assert heard.price.max == pytest.approx(high, abs=1), heard.price
    assert heard.relative_price is None


def test_money_slang_is_no_mouse(catalogues) -> None:
    heard = _read(catalogues, "electronics", "Kopfhörer bis 40 Mäuse")
    assert "Mice" not in heard.include.get("category", []), heard
    assert heard.include.get("subcategory") == [HEADPHONES]


def test_little_money_is_no_wool(catalogues) -> None:
    heard = _read(catalogues, "electronics", "no tengo mucho varo, unos 2000 pa un celular")
    assert not {"lana", "varo", "tengo"} & set(heard.avoid_words), heard.avoid_words


# --- off topic although a product is named ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text"),
    [
        ("electronics", "我昨天买的充电宝怎么还没到"),
        ("electronics", "小米15什么时候发布"),
        ("fashion", "帮我写个卖T恤的文案"),
        ("electronics", "耳机坏了 哪里修"),
        ("electronics", "电脑死机了怎么办"),
        ("fashion", "广州今天落雨吗"),
        ("electronics", "cómo emparejo mi smartwatch con el celular"),
        ("electronics", "a cuánto anda el euro"),
        ("fashion", "tienen sucursal en Monterrey? busco tenis"),
        ("electronics", "mi laptop se traba mucho, qué hago"),
        ("electronics", "Wie bekomme ich die Kopfhörer mit dem Handy gekoppelt?"),
        ("fashion", "Habt ihr am Sonntag offen?"),
        ("fashion", "Wo ist eure Filiale in Wien?"),
        ("fashion", "Zwei Brezn bitte"),
        ("electronics", "Könnt ihr mein Handy reparieren?"),
    ],
)
def test_off_topic_naming_a_product(catalogues, catalogue, text) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.intent == "off_topic", heard
    assert not heard.include and heard.price is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [("手机老死机 想换个新的", "Smartphones"), ("se me rompió el celular, quiero uno nuevo", "Smartphones")],
)
def test_a_fault_with_a_wish_is_shopping(catalogues, text, kind) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend", heard
    assert heard.include.get("category") == [kind]


# --- types, wearers, chargers, bags ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind"),
    [("鞋子穿坏了 想买双黑色皮鞋", "Formal Shoes"), ("Schuhe, am liebsten Sportschuhe in Weiß", "Sports Shoes")],
)
def test_kind_of_shoe_over_the_generic_word(catalogues, text, kind) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("category") == [kind], heard
    assert "subCategory" not in heard.include, heard


def test_kinds_of_different_types_are_both_kept(catalogues) -> None:
    heard = _read(catalogues, "fashion", "a silver watch or some earrings for my wife")
    assert heard.include.get("subCategory") == ["Watches"], heard
    assert heard.include.get("category") == ["Earrings"], heard


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("给儿子买件T恤 小朋友穿的", ["Boys"]),
        ("ein T-Shirt für meine Tochter, so für Kinder", ["Girls"]),
        ("给娃买条牛仔裤", ["Boys", "Girls"]),
        ("娃穿的运动鞋", ["Boys", "Girls"]),
    ],
)
def test_child_sex(catalogues, text, gender) -> None:
    assert sorted(_read(catalogues, "fashion", text).include.get("gender", [])) == gender


def test_a_doll_is_no_child(catalogues) -> None:
    assert "gender" not in _read(catalogues, "fashion", "粉色娃娃领衬衫").include


@pytest.mark.parametrize("text", ["有没有入耳的耳机 boAt的", "auriculares in ear baratos"])
def test_in_ear_within_headphones(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == ["In-Ear"], heard
    assert heard.include.get("subcategory") == [HEADPHONES], heard


def test_in_ear_as_the_shop_spells_it_is_that_type(catalogues) -> None:
    heard = _read(catalogues, "electronics", "auriculares In-Ear de boAt")
    assert heard.include.get("category") == ["In-Ear"], heard
    assert "subcategory" not in heard.include, heard


@pytest.mark.parametrize(
    ("text", "kind"),
    [("充电器 要快充", "WallChargers"), ("un cargador de 20W", "WallChargers"), ("Ladegerät fürs Auto", "AutomobileChargers")],
)
def test_charger(catalogues, text, kind) -> None:
    assert _read(catalogues, "electronics", text).include.get("category") == [kind]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [("una cartera negra pa mi novia", "category", "Handbags"), ("carteras de dama", "category", "Handbags"),
     ("una cartera para mi novio", "subCategory", "Wallets")],
)
def test_cartera(catalogues, text, field, value) -> None:
    assert _read(catalogues, "fashion", text).include.get(field) == [value]
