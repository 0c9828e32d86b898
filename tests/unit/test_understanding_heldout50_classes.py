"""The failure classes of blind set 50 (issue 12, brief i12ao), each on wording that is none of the
set's sentences, on the real demo catalogues' vocabularies (chatrec.set50_classes and
chatrec/data/lexicon_set50.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
WATCH = ("B09V12K8NT", "B0B5LVS732", "B0B3N7LR6K")  # boAt, Noise, Fire-Boltt smartwatches
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts
KURTAS = ("7410", "11604", "11803")  # red, blue, black women's kurtas
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink, blue handbags


# --- words the lexicon lacked ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "男生板鞋 白色", {"category": ["Casual Shoes"], "gender": ["Men"], "baseColour": ["White"]}),
        ("fashion", "想买双滑板鞋", {"category": ["Casual Shoes"]}),
        ("fashion", "粉底液 要显白一点的", {"category": ["Foundation and Primer"]}),
        ("electronics", "busco un selu barato", {"category": ["Smartphones"]}),
        ("electronics", "kiero un selular samsung", {"category": ["Smartphones"], "brand": ["Samsung"]}),
        ("fashion", "una casaca negra pa hombre", {"category": ["Jackets"], "baseColour": ["Black"], "gender": ["Men"]}),
        ("fashion", "Hosen fürs Büro, Herren", {"category": ["Trousers"], "usage": ["Formal"], "gender": ["Men"]}),
    ],
)
def test_words_the_lexicon_lacked(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    for field, values in wanted.items():
        assert heard.include.get(field) == values, (text, heard.include)
    assert "baseColour" not in heard.include or "baseColour" in wanted


@pytest.mark.parametrize("text", ["algo mas baratito", "unos baraticos porfa", "hay alguna mas baratica?"])
def test_a_diminutive_of_cheap_is_cheaper(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert heard.relative_price == "cheaper"


@pytest.mark.parametrize(
    ("text", "refused"),
    [("polos que no sean de deporte", "Sports"), ("pantalones que no sean para deporte", "Sports")],
)
def test_de_deporte_is_the_sports_usage(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.exclude.get("usage") == [refused]


def test_sports_shoes_said_with_de_deporte_stay_one_product(catalogues) -> None:
    heard = _read(catalogues, "fashion", "zapatos de deporte blancos")
    assert heard.include.get("category") == ["Sports Shoes"]
    assert "usage" not in heard.include


@pytest.mark.parametrize("text", ["Suche ein Ladekabel fürn Laptop", "ne Tastatur fürn PC"])
def test_fuern_is_for_a_device_not_a_second_wish(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text)
    assert "subcategory" not in heard.include or heard.include["subcategory"] != ["Laptops"]
    assert "TraditionalLaptops" not in heard.include.get("category", [])


@pytest.mark.parametrize("text", ["mir egal, Hauptsache unter 10k", "ist wurscht, Hauptsache bis 20k", "da igual, que no pase de 15 mil", "随便 两万以内就行"])
def test_hauptsache_keeps_an_answer_of_no_preference(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text, pending=("brand", ["Samsung", "Redmi", "OnePlus"]))
    assert heard.intent == "answer"


# --- a closing particle ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "refused"), [("黑色的不要哦", "Black"), ("蓝的就不要了嘛", "Blue"), ("白色的不要喔~", "White")])
def test_a_closing_particle_keeps_the_refusal(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text, KURTAS, current={"category": ["Kurtas"]})
    assert heard.exclude.get("baseColour") == [refused]
    assert refused not in heard.include.get("baseColour", [])


# --- money slang and capped approximate amounts -------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "most"),
    [
        ("fashion", "Sonnenbrille für nen Fuffi", 50),
        ("fashion", "ein Gürtel, höchstens nen Zwanni", 20),
        ("electronics", "Kopfhörer für einen Hunni", 9022),
        ("fashion", "zapatillas, como 40 lucas maximo", 40000),
        ("fashion", "una chompa, maximo unos 25 mil pesos", 25000),
        ("fashion", "Jacke so um die 120 Franken max", 120),
        ("electronics", "耳机 预算也就五百左右", 500),
    ],
)
def test_slang_and_capped_amounts_are_the_cap(catalogues, catalogue, text, most) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.price is not None
    assert heard.price.max == pytest.approx(most, rel=0.01)
    assert heard.price.min is None


# --- a shown item shown again, a new batch, a switch ---------------------------------------------------

@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (TVS, "zeig mir das LG nochmal"),
        (PHONES, "zeigst du mir das erste noch mal?"),
        (TVS, "muéstrame el samsung otra vez"),
        (PHONES, "ensename de nuevo el del medio"),
        (WATCH, "noise那个再给我看一下"),
    ],
)
def test_a_shown_item_asked_again_is_shown_again(catalogues, shown, text) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert heard.intent == "show_again"
    assert heard.references == []


@pytest.mark.parametrize("text", ["zeig mir nochmal sowas wie das LG", "再给我看看类似的"])
def test_more_like_an_item_is_not_showing_it_again(catalogues, text) -> None:
    assert _read(catalogues, "electronics", text, TVS).intent == "more_like"


@pytest.mark.parametrize(("text", "positions"), [("第二个第三个都不喜欢 换几个", [2, 3]), ("第一个不太行 换一批吧", [1])])
def test_items_turned_down_with_a_new_batch_are_rejected(catalogues, text, positions) -> None:
    heard = _read(catalogues, "electronics", text, PHONES)
    assert heard.intent == "reject"
    assert [r.position for r in heard.references] == positions


@pytest.mark.parametrize(
    ("text", "field", "value"), [("换成三星的吧", "brand", "Samsung"), ("换一个oneplus的 3w以内", "brand", "OnePlus")],
)
def test_a_switch_to_a_value_changes_the_search(catalogues, text, field, value) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "refine"
    assert heard.include.get(field) == [value]


# --- questions about shown items ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "last", "position"),
    [("这款颜色还有别的吗", [1], 1), ("它还有其他颜色吗", [3], 3), ("¿esta viene en otros colores?", [2], 2)],
)
def test_other_colours_of_the_item_in_focus_is_a_question(catalogues, text, last, position) -> None:
    heard = _read(catalogues, "fashion", text, TEES, last_references=last)
    assert heard.intent == "ask_about_item"
    assert [r.position for r in heard.references] == [position]
    assert heard.include == {}


@pytest.mark.parametrize("text", ["第二件还有别的颜色吗 类似的也多推荐几件", "¿la segunda viene en otros colores? muéstrame parecidas"])
def test_other_colours_with_more_like_it_stays_a_wish(catalogues, text) -> None:
    assert _read(catalogues, "fashion", text, TEES).intent == "more_like"


@pytest.mark.parametrize(
    ("shown", "text", "position"),
    [
        (BAGS, "¿de qué material es el bolso rosado?", 3),
        (TEES, "de que tela es la polera roja", 1),
        (BAGS, "aus welchem Material ist die grüne Tasche?", 1),
        (KURTAS, "黑色那件是什么面料", 3),
    ],
)
def test_a_material_question_names_the_shown_item_of_that_colour(catalogues, shown, text, position) -> None:
    heard = _read(catalogues, "fashion", text, shown)
    assert heard.intent == "ask_about_item"
    assert [r.position for r in heard.references] == [position]
    assert heard.include == {}


def test_a_wish_for_a_material_is_still_a_wish(catalogues) -> None:
    heard = _read(catalogues, "fashion", "quiero una polera roja de algodon", TEES)
    assert heard.intent in ("refine", "recommend", "more_like")


@pytest.mark.parametrize(
    ("shown", "text", "positions"),
    [(TVS, "das Samsung und das MI gefallen mir beide, mehr davon", [1, 3]), (PHONES, "me gustan ambos, el redmi y el samsung", [1, 3])],
)
def test_both_is_the_two_items_named(catalogues, shown, text, positions) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert sorted(r.position for r in heard.references) == positions


# --- off topic ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "language"),
    [
        ("electronics", "venden tractores?", "es"),
        ("fashion", "¿ustedes venden pasajes de avion?", "es"),
        ("electronics", "verkauft ihr auch Rasenmäher?", "de"),
        ("fashion", "你们卖游艇吗", "zh"),
        ("fashion", "Kann man bei euch mit Postfinance bezahlen?", "de"),
        ("electronics", "¿puedo pagar con Yape?", "es"),
        ("electronics", "可以用云闪付付款吗", "zh"),
        ("electronics", "发中通还是圆通", "zh"),
        ("fashion", "你是哪个大模型啊", "zh"),
    ],
)
def test_not_shopping_here_is_off_topic(catalogues, catalogue, text, language) -> None:
    heard = _read(catalogues, catalogue, text, PHONES if catalogue == "electronics" else ())
    assert heard.intent == "off_topic"
    assert heard.language == language
    assert heard.include == {}


@pytest.mark.parametrize(
    ("catalogue", "text", "field", "value"),
    [("electronics", "venden celulares samsung?", "brand", "Samsung"), ("fashion", "verkauft ihr auch Rucksäcke?", "category", "Backpacks")],
)
def test_do_you_sell_what_the_shop_has_is_a_wish(catalogues, catalogue, text, field, value) -> None:
    heard = _read(catalogues, catalogue, text)
    assert heard.intent == "recommend"
    assert value in heard.include.get(field, [])
