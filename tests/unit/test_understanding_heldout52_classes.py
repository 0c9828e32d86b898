"""The failure classes of blind set 52 (issue 12, brief i12at), each on wording that is none of the
set's sentences, on the real demo catalogues' vocabularies (chatrec.set52_classes and
chatrec/data/lexicon_set52.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts
KURTAS = ("7410", "11604", "11803")  # red, blue, black women's kurtas
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink, blue handbags
MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech, HP, Dell


# --- words the lexicon lacked ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "我想搵件藍色連身裙", {"subCategory": ["Dress"], "baseColour": ["Blue"]}),
        ("fashion", "男装背囊 黑色", {"category": ["Backpacks"], "gender": ["Men"], "baseColour": ["Black"]}),
        ("fashion", "男装銀包 黑色", {"subCategory": ["Wallets"], "gender": ["Men"], "baseColour": ["Black"]}),
        ("fashion", "紅色高踭鞋", {"category": ["Heels"], "baseColour": ["Red"]}),
        ("fashion", "俾細路仔買件T恤", {"category": ["Tshirts"], "gender": ["Boys"]}),
        ("fashion", "白色恤衫 男装", {"category": ["Shirts"], "baseColour": ["White"], "gender": ["Men"]}),
        ("fashion", "過節穿的紅色女裝", {"usage": ["Ethnic"], "baseColour": ["Red"], "gender": ["Women"]}),
        ("electronics", "想要部氣炸鍋", {"category": ["AirFryers"]}),
        ("electronics", "三星的智慧電視", {"category": ["SmartTelevisions"], "brand": ["Samsung"]}),
        ("electronics", "三星手鸡", {"category": ["Smartphones"], "brand": ["Samsung"]}),
        ("fashion", "camisetas para mi chavala", {"category": ["Tshirts"], "gender": ["Girls"]}),
        ("fashion", "unos vaqueros para el chaval", {"category": ["Jeans"], "gender": ["Boys"]}),
        ("fashion", "ich suech Herrelaufschue", {"category": ["Sports Shoes"], "gender": ["Men"]}),
        ("fashion", "Schue in Wiiss", {"subCategory": ["Shoes"], "baseColour": ["White"]}),
    ],
)
def test_words_the_lexicon_lacked(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    for field, values in wanted.items():
        assert heard.include.get(field) == values, (text, heard.include)


@pytest.mark.parametrize("text", ["粉红的手袋", "要粉红嘅手袋"])
def test_pink_without_colour_word_is_pink_not_red(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("baseColour") == ["Pink"]


@pytest.mark.parametrize(("text", "refused"), [("Rucksack, koa Schwarz", "Black"), ("a Hemd, koane roten", "Red")])
def test_bavarian_koa_refuses(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text)
    assert refused in heard.exclude.get("baseColour", []), heard
    assert refused not in heard.include.get("baseColour", [])


# --- refusals ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "field", "refused"),
    [
        ("fashion", "黑色都唔要", "baseColour", ["Black"]),
        ("fashion", "白色亦不要", "baseColour", ["White"]),
        ("electronics", "唔好要JBL", "brand", ["JBL"]),
        ("fashion", "唔好要白色嘅", "baseColour", ["White"]),
    ],
)
def test_cantonese_refusals(catalogues, catalogue, text, field, refused) -> None:
    current = {"category": ["Tshirts"]} if catalogue == "fashion" else {"category": ["BluetoothSpeakers"]}
    heard = _read(catalogues, catalogue, text, current=current)
    assert heard.exclude.get(field) == refused, heard
    assert not heard.include.get(field)


@pytest.mark.parametrize(
    ("catalogue", "shown", "current", "text", "field", "refused"),
    [
        ("electronics", TVS, {"category": ["SmartTelevisions"]}, "除了三星还有别的牌子吗", "brand", ["Samsung"]),
        ("fashion", BAGS, {"category": ["Handbags"]}, "除了黑色之外有没有其他的", "baseColour", ["Black"]),
    ],
)
def test_anything_besides_x_refuses_x(catalogues, catalogue, shown, current, text, field, refused) -> None:
    heard = _read(catalogues, catalogue, text, shown, current=current)
    assert heard.intent == "refine"
    assert heard.exclude.get(field) == refused


@pytest.mark.parametrize(
    ("text", "refused"),
    [("un celular que no sea Samsung ni MI", {"Samsung", "MI"}), ("quiero una tele, que no sea MI", {"MI"})],
)
def test_a_value_wanted_and_refused_is_refused(catalogues, text, refused) -> None:
    heard = _read(catalogues, "electronics", text)
    assert refused <= set(heard.exclude.get("brand", []))
    assert not set(heard.include.get("brand", [])) & refused


@pytest.mark.parametrize(
    ("text", "refused"), [("weiße Schuhe will i koane", "White"), ("Rot mag ich nicht mehr", "Red")],
)
def test_german_refusal_after_its_object(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text, current={"subCategory": ["Shoes"]})
    assert heard.exclude.get("baseColour") == [refused]
    assert not heard.include.get("baseColour")


# --- a device named as what the product is for -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "wanted"),
    [("电视用的遥控器", "RemoteControls"), ("iPhone手机用的数据线", "USBCables")],
)
def test_the_device_a_product_is_for_is_no_wish(catalogues, text, wanted) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == [wanted], heard.include


# --- budgets -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "low", "high"),
    [
        ("electronics", "两百美元以内的智能手表", None, 16600),
        ("electronics", "50美金以内的耳机", None, 4150),
        ("fashion", "手袋五百蚊以下", None, 500),
        ("fashion", "一千蚊以内嘅手錶", None, 1000),
        ("electronics", "tengo como 50 euros para un reloj inteligente", None, 4511),
        ("electronics", "tengo unos 3 mil para un celular", None, 3000),
        ("fashion", "Hemden so 30 bis 60 Franken", 30, 60),
        ("electronics", "Kopfhörer 1000 bis 2000", 1000, 2000),
    ],
)
def test_budget_forms(catalogues, catalogue, text, low, high) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.price is not None, text
    assert heard.price.max == pytest.approx(high, rel=0.01)
    assert (heard.price.min is None) if low is None else heard.price.min == pytest.approx(low, rel=0.01)


# --- Spanish closing words ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("busco un vestido rojo, vale", {"subCategory": ["Dress"], "baseColour": ["Red"]}),
        ("unas gafas de sol para mujer, tio", {"category": ["Sunglasses"], "gender": ["Women"]}),
    ],
)
def test_a_closing_word_of_address_is_no_wish(catalogues, text, wanted) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.language == "es"
    assert heard.include == wanted
    assert not heard.exclude


# --- pointing at shown items -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "shown", "text", "intent", "positions"),
    [
        ("electronics", PHONES, "第二部介绍一下", "ask_about_item", [2]),
        ("electronics", TVS, "最贵那台讲讲", "ask_about_item", [4]),
        ("fashion", TEES, "似第一件咁嘅有冇多啲", "more_like", [1]),
        ("fashion", KURTAS, "似最后嗰件咁嘅再俾几件我睇", "more_like", [3]),
        ("electronics", TVS, "二同四有咩分别", "compare", [2, 4]),
        ("electronics", PHONES, "第一部同第三部有乜分别", "compare", [1, 3]),
        ("fashion", TEES, "第一件太花了，换一件", "reject", [1]),
        ("fashion", KURTAS, "中间那件好老气，换一件", "reject", [2]),
        ("fashion", BAGS, "la tercera no me mola", "reject", [3]),
        ("fashion", KURTAS, "la segunda no me mola nada", "reject", [2]),
        ("electronics", TVS, "das erste, weg damit", "reject", [1]),
        ("fashion", BAGS, "die zweite kann weg", "reject", [2]),
        ("electronics", MICE, "el segundo es inalambrico o con cable", "ask_about_item", [2]),
        ("fashion", BAGS, "la primera es de piel o sintetica", "ask_about_item", [1]),
        ("electronics", PHONES, "不要三星那部，其他两部比较一下", "compare", [1, 2]),
        ("fashion", BAGS, "第一个不要，剩下的比一比", "compare", [2, 3, 4]),
        ("fashion", KURTAS, "des blaue, gibts des auch in Grün?", "more_like", [2]),
    ],
)
def test_pointing_at_shown_items(catalogues, catalogue, shown, text, intent, positions) -> None:
    heard = _read(catalogues, catalogue, text, shown)
    assert heard.intent == intent, (text, heard.intent, heard.positions)
    assert heard.positions == positions, (text, heard.positions)


def test_a_phone_wished_for_is_kept_when_no_other_product_is_named(catalogues) -> None:
    heard = _read(catalogues, "electronics", "想买个手机用的时间长一点")
    assert heard.include.get("category") == ["Smartphones"]


def test_a_size_range_is_no_price_range(catalogues) -> None:
    heard = _read(catalogues, "electronics", "Fernseher 43 bis 50 Zoll")
    assert heard.price is None or heard.price.min is None
