"""The failure classes of blind set 54 (issue 12, brief i12ay), each on wording that is none of the
set's sentences, on the real demo catalogues' vocabularies (chatrec.set54_classes and
chatrec/data/lexicon_set54.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts
HEADPHONES = "Headphones,Earbuds&Accessories"


def _folded(values: list[str]) -> set[str]:
    """Values as the scorer compares them (the shop spells some brands several ways: boAt, Boat)."""
    return {v.casefold() for v in values}


# --- words the lexicon lacked ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "整条大裤衩 夏天穿", {"category": ["Shorts"]}),
        ("fashion", "给女娃儿买件粉色T恤", {"gender": ["Girls"], "category": ["Tshirts"], "baseColour": ["Pink"]}),
        ("electronics", "给我妈买个老年机", {"category": ["BasicMobiles"]}),
        ("electronics", "有没有那种煮饭用的 便宜点", {"category": ["Rice&PastaCookers"]}),
        ("electronics", "想要个烧水用的", {"category": ["ElectricKettles", "Kettle&ToasterSets"]}),
        ("electronics", "蓝牙耳塞 黑色", {"subcategory": [HEADPHONES]}),
        ("electronics", "书标 无线的", {"category": ["Mice"]}),
        ("fashion", "黑色高根鞋 女士", {"category": ["Heels"], "gender": ["Women"], "baseColour": ["Black"]}),
        ("electronics", "路油器 tp-link的", {"category": ["Routers"]}),
        ("fashion", "franela negra pa mi chamo", {"category": ["Tshirts"], "baseColour": ["Black"]}),
        ("fashion", "unos mahones azules", {"category": ["Jeans"], "baseColour": ["Blue"]}),
        ("fashion", "championes blancos", {"subCategory": ["Shoes"], "baseColour": ["White"]}),
        ("fashion", "bambas negras para mi hermano", {"subCategory": ["Shoes"], "baseColour": ["Black"]}),
        ("fashion", "unos espejuelos de sol pa mi jeva", {"category": ["Sunglasses"], "gender": ["Women"]}),
        ("fashion", "n kleid für meine olle", {"subCategory": ["Dress"], "gender": ["Women"]}),
        ("electronics", "n reiskocher von philips", {"category": ["Rice&PastaCookers"], "brand": ["Philips"]}),
        ("fashion", "sportliche jacke für herren", {"category": ["Jackets"], "usage": ["Sports"], "gender": ["Men"]}),
    ],
)
def test_words_the_lexicon_lacked(catalogues, catalogue, text, wanted) -> None:
    heard = _read(catalogues, catalogue, text)
    for field, values in wanted.items():
        assert _folded(heard.include.get(field, [])) == _folded(values), (text, heard.include)


@pytest.mark.parametrize(
    ("text", "current", "wanted", "refused"),
    [
        ("凉鞋不要 要平底的", {}, ("category", "Flats"), ("subCategory", "Sandal")),
        ("要平时穿的 不要皮鞋", {"subCategory": ["Shoes"]}, ("category", "Casual Shoes"), ("category", "Formal Shoes")),
    ],
)
def test_shoes_said_by_what_they_are_like(catalogues, text, current, wanted, refused) -> None:
    heard = _read(catalogues, "fashion", text, current=current)
    assert wanted[1] in heard.include.get(wanted[0], []), heard
    assert refused[1] in heard.exclude.get(refused[0], []), heard


@pytest.mark.parametrize("text", ["白色的不要 太刺眼", "红色的不要 太扎眼了吧"])
def test_glaring_names_no_eye_makeup(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert "subCategory" not in heard.include, heard
    assert heard.intent == "refine"
    assert heard.exclude.get("baseColour")


# --- refusals ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("这个 tshirt 不要 black 的 ok?", "Black"),
        ("不要 pink 的 lah", "Pink"),
        ("黑色的别来了", "Black"),
        ("蓝的别再来了", "Blue"),
        ("pinke find ich voll cringe", "Pink"),
        ("rote find ich hässlich", "Red"),
        ("lo rojo no, gracias", "Red"),
    ],
)
def test_colour_turned_down(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert refused in heard.exclude.get("baseColour", []), heard
    assert refused not in heard.include.get("baseColour", [])


@pytest.mark.parametrize(("text", "refused"), [("红的黄的都不要", ["Red", "Yellow"]), ("黑的、白的都不想要", ["Black", "White"])])
def test_every_colour_listed_before_one_refusal(catalogues, text, refused) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert sorted(heard.exclude.get("baseColour", [])) == refused, heard


@pytest.mark.parametrize(("text", "current", "brand"), [
    ("hp no gracias", "Mice", "hp"), ("samsung no gracias", "Smartphones", "samsung"),
])
def test_brand_no_thanks_turns_it_down(catalogues, text, current, brand) -> None:
    heard = _read(catalogues, "electronics", text, current={"category": [current]})
    assert _folded(heard.exclude.get("brand", [])) == {brand} and not heard.include.get("brand"), heard


@pytest.mark.parametrize(("text", "position"), [("el de samsung no, gracias", 1), ("la de LG no gracias", 2)])
def test_shown_item_no_thanks_stays_turned_down(catalogues, text, position) -> None:
    heard = _read(catalogues, "electronics", text, shown=TVS)
    assert heard.intent == "reject" and heard.positions == [position], heard


@pytest.mark.parametrize(
    ("catalogue", "text", "wanted", "refused"),
    [
        ("fashion", "除了红色 其他颜色的男士T恤都可以", {"gender": ["Men"], "category": ["Tshirts"]}, ("baseColour", "Red")),
        ("electronics", "除了三星 其他牌子的手机都行", {"category": ["Smartphones"]}, ("brand", "Samsung")),
    ],
)
def test_all_but_one_the_rest_wanted(catalogues, catalogue, text, wanted, refused) -> None:
    heard = _read(catalogues, catalogue, text)
    for field, values in wanted.items():
        assert heard.include.get(field) == values, heard
    assert refused[1] in heard.exclude.get(refused[0], []), heard
    assert "gender" not in heard.exclude


def test_filler_after_a_refusal_ends_it(catalogues) -> None:
    heard = _read(catalogues, "electronics", "耳机不要boAt的那个JBL的都行")
    assert _folded(heard.exclude.get("brand", [])) == {"boat"}, heard
    assert _folded(heard.include.get("brand", [])) == {"jbl"}, heard


@pytest.mark.parametrize(
    "text",
    ["Sehr geehrte Damen und Herren, ich suche eine Uhr für meinen Mann.",
     "Sehr geehrte Damen und Herren, haben Sie Gürtel für Herren? Mit freundlichen Grüßen, K. Weber"],
)
def test_letter_salutation_names_no_wearer(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("gender") == ["Men"], heard


# --- budgets -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("蓝牙音箱 budget 大概五百", None, 500),
        ("手机 budget大概一万左右", None, 10000),
        ("2k5左右的手表", 2000, 3000),
        ("耳机 3k5 以内", None, 3500),
        ("一两万的电视", 10000, 20000),
        ("一两千的手表", 1000, 2000),
        ("手机 不要超过 3k", None, 3000),
        ("手机 不要超过两千", None, 2000),
        ("手机 起码也得一万", 10000, None),
        ("最少要三千的手机", 3000, None),
        ("como minimo 15 mil un celular", 15000, None),
        ("al menos 3 lucas pa unos audifonos", 3000, None),
        ("entre 5 y 8 mil un celular", 5000, 8000),
        ("audifonos entre 2 y 4 lucas", 2000, 4000),
        ("no me gasto mas de 3 mil en audifonos", None, 3000),
        ("nix über 2000 für n handy", None, 2000),
        ("nichts über 500 für ne maus", None, 500),
    ],
)
def test_budget_forms(catalogues, text, low, high) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.price is not None, heard
    assert (heard.price.min, heard.price.max) == (low, high), (text, heard.price)


# --- sports shoes, timetables, price questions -------------------------------------------------------

@pytest.mark.parametrize(
    "text", ["zapatos negros pa mujer pa correr", "tenis de mujer pa el gym", "schuhe für herren zum laufen", "鞋子 男士 跑步穿"],
)
def test_shoes_for_a_sport_are_sports_shoes(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("category") == ["Sports Shoes"], heard
    assert "subCategory" not in heard.include


@pytest.mark.parametrize(
    "text", ["a que hora sale el autobus", "cuando pasa la guagua", "wann fährt der bus nach mitte", "末班车几点"],
)
def test_timetable_questions_are_off_topic(catalogues, text) -> None:
    assert _read(catalogues, "fashion", text).intent == "off_topic"


@pytest.mark.parametrize(("text", "position"), [("die dritte, wat kostet die", 3), ("der erste, was kostet der", 1)])
def test_price_question_without_question_mark(catalogues, text, position) -> None:
    heard = _read(catalogues, "electronics", text, shown=TVS)
    assert heard.intent == "ask_about_item", heard
    assert heard.positions == [position]


@pytest.mark.parametrize(("text", "position"), [("第三件 color 有别的吗", 3), ("第一件 这个 colour 还有别的吗", 1)])
def test_english_colour_word_in_chinese_question(catalogues, text, position) -> None:
    heard = _read(catalogues, "fashion", text, shown=TEES)
    assert heard.intent == "ask_about_item", heard
    assert heard.positions == [position]


def test_northern_zheng_is_buying(catalogues) -> None:
    assert _read(catalogues, "electronics", "整一个烤肠机 巴适").intent == "recommend"
    heard = _read(catalogues, "electronics", "帮我整一个电饭锅")
    assert heard.include.get("category") == ["Rice&PastaCookers"], heard


@pytest.mark.parametrize(("text", "language"), [("eine smartwach für meinen sohn", "de"), ("smartwach", "en")])
def test_typo_smartwach_german_only_after_a_german_article(catalogues, text, language) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.include.get("category") == ["SmartWatches"], heard
    assert heard.language == language
