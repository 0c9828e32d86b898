"""Classes of Chinese, Spanish and German wording found by blind set 46 (issue 12, brief i12ai;
``chatrec/foreign_constraints.py``, ``chatrec/data/foreign_constraints.json``,
``chatrec/data/lexicon_set46.json``): each class with wording of its own (none of the set's
sentences), on the real demo catalogues' vocabularies."""

from __future__ import annotations

import pytest

from chatrec.foreign_constraints import normalise
from chatrec.language import detect_language
from tests.demo_reading import read as _read

PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
PAIR = ("B0BBN4DZBD", "B0B3CPQ5PF")  # Redmi, OnePlus
MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech, HP, Dell
TEES = ("1617", "1889", "1849")  # Reebok red, Fifa navy, Inkfruit white
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink (Nike), blue (Nike)
WATCHES = ("5077", "10400", "10318", "5070")  # blue, black, steel, white
KURTAS = ("7410", "11604", "11803")  # red, blue, black


# --- words the lexicon lacked (lexicon_set46.json) ---

@pytest.mark.parametrize(("text", "gender"), [
    ("给我闺蜜挑双高跟鞋", "Women"), ("好闺蜜过生日 想送个手表", "Women"),
    ("我個仔想要對波鞋", "Boys"), ("同个仔买条短裤", "Boys"), ("我個女要件T恤", "Girls"),
])
def test_chinese_and_cantonese_people_say_who_it_is_for(catalogues, text: str, gender: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("gender") == [gender]


@pytest.mark.parametrize("text", ["买两个无线鼠镖", "有没有便宜的鼠表"])
def test_a_pinyin_typo_of_mouse_is_a_mouse_not_a_watch(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).include.get("category") == ["Mice"]


@pytest.mark.parametrize(("text", "category"), [
    ("batidora de mano philips", "HandBlenders"), ("una minipimer buena", "HandBlenders"),
    ("planchas a vapor baratas", "SteamIrons"), ("cargador para movil rapido", "WallChargers"),
    ("un cargador de carro", "AutomobileChargers"), ("necesito un cargador del cel", "WallChargers"),
])
def test_spanish_names_of_small_appliances_and_chargers(catalogues, text: str, category: str) -> None:
    assert _read(catalogues, "electronics", text).include.get("category") == [category]


@pytest.mark.parametrize("text", ["un chandal negro", "un jogging gris para mi hijo"])
def test_chandal_and_jogging_are_track_pants(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("category") == ["Track Pants"]


def test_de_vestir_is_formal_and_can_be_refused(catalogues) -> None:
    assert _read(catalogues, "fashion", "pantalones de vestir para hombre").include.get("usage") == ["Formal"]
    assert _read(catalogues, "fashion", "una camisa que no sea de vestir").exclude.get("usage") == ["Formal"]


@pytest.mark.parametrize(("text", "category"), [
    ("a schwarze Jackn", "Jackets"), ("a Leiberl in Rot", "Tshirts"), ("a Tascherl für d'Mama", "Handbags"),
])
def test_austro_bavarian_noun_forms(catalogues, text: str, category: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("category") == [category]


def test_fuer_den_alltag_is_casual(catalogues) -> None:
    assert _read(catalogues, "fashion", "Schuhe für den Alltag, Herren").include.get("usage") == ["Casual"]


def test_a_german_price_limit_with_darf_kosten_is_german() -> None:
    assert detect_language("darf nicht mehr als 500 kosten") == "de"
    assert detect_language("was darf es denn kosten") == "de"


# --- Spanish voseo, clipped words and budget words (normalise) ---

@pytest.mark.parametrize(("text", "expected"), [
    ("mostrame otras", "muestrame otras"), ("volvé a mostrarme las primeras", "vuelve a mostrarme las primeras"),
    ("una mochila pa la escuela", "una mochila para la escuela"), ("algo lindo pal verano", "algo lindo para el verano"),
])
def test_voseo_and_clipped_words_are_written_as_the_lexicon_knows_them(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_english_is_never_rewritten() -> None:
    assert normalise("a gift for my pa") == "a gift for my pa"


def test_pa_before_a_purpose_reads_the_phrase(catalogues) -> None:
    assert _read(catalogues, "fashion", "zapatillas pa correr").include.get("category") == ["Sports Shoes"]
    assert _read(catalogues, "fashion", "una mochila pa la escuela").include.get("category") == ["Backpacks"]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("un celular tipo 3 mil", 2400, 3600), ("mi tope son 800 rupias", None, 800), ("con un tope de 1500", None, 1500),
])
def test_spanish_budget_words_tipo_and_tope(catalogues, text: str, low: float | None, high: float) -> None:
    price = _read(catalogues, "electronics", text).price
    assert price is not None
    assert (price.min, price.max) == (low, high)


# --- intents and references (adjust) ---

@pytest.mark.parametrize(("text", "shown", "field", "value"), [
    ("不要黑色的了，换一批", TEES, "baseColour", "Black"),
    ("kein Schwarz mehr, zeig andere", TEES, "baseColour", "Black"),
])
def test_a_refused_value_with_show_others_refines(catalogues, text: str, shown, field: str, value: str) -> None:
    request = _read(catalogues, "fashion", text, shown, current={"category": ["Tshirts"]})
    assert request.intent == "refine"
    assert request.exclude.get(field) == [value]


@pytest.mark.parametrize("text", ["两个都不行，换别的", "ninguno de los dos, otra cosa", "beide nix, was anderes"])
def test_every_shown_item_refused_names_none(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, PAIR)
    assert request.intent == "reject"
    assert request.references == []


@pytest.mark.parametrize("text", ["listo, gracias!", "好的 谢谢啦", "passt, danke"])
def test_thanks_with_agreeing_words_is_small_talk(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent == "chitchat"


@pytest.mark.parametrize("text", ["帮我写一篇作文", "给老板写封邮件"])
def test_a_chinese_writing_task_is_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent == "off_topic"


@pytest.mark.parametrize("text", ["淘宝才卖三百 你们能便宜点吗", "en amazon sale menos, me lo dejan mas barato?"])
def test_haggling_after_another_shops_price_is_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text, PHONES).intent == "off_topic"


@pytest.mark.parametrize("text", ["en amazon esta mas barato, hay algo mas economico?",
                                  "bei MediaMarkt billiger - gibt es was Günstigeres?"])
def test_another_shops_price_with_a_wish_for_cheaper_items_searches_cheaper(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert request.intent == "refine"
    assert request.relative_price == "cheaper"


@pytest.mark.parametrize(("text", "position"), [("第一件有大一码的吗", 1), ("la azul la tienen en otra talla?", 2)])
def test_a_shown_item_in_another_size_is_a_question_about_it(catalogues, text: str, position: int) -> None:
    request = _read(catalogues, "fashion", text, KURTAS)
    assert request.intent == "ask_about_item"
    assert [r.position for r in request.references] == [position]


@pytest.mark.parametrize(("text", "last", "position", "colour"), [
    ("这件有白色的吗", (1,), 1, "White"), ("那个有没有红色的", (2,), 2, "Red"),
    ("el negro lo tienen en azul?", (), 2, "Blue"), ("y la tenes en blanco?", (3,), 3, "White"),
])
def test_the_item_pointed_at_in_another_value_is_more_like_it(
    catalogues, text: str, last: tuple[int, ...], position: int, colour: str,
) -> None:
    request = _read(catalogues, "fashion", text, WATCHES, last_references=list(last))
    assert request.intent == "more_like"
    assert [r.position for r in request.references] == [position]
    assert request.include.get("baseColour") == [colour]


@pytest.mark.parametrize(("text", "shown", "catalogue", "positions"), [
    ("红米和三星的比一下", PHONES, "electronics", [1, 3]),
    ("惠普那个跟戴尔的有啥区别", MICE, "electronics", [2, 3]),
    ("compara la verde con la negra", BAGS, "fashion", [1, 2]),
    ("Vergleich mal das rote und das weiße", TEES, "fashion", [1, 3]),
])
def test_two_shown_items_around_a_comparing_word_are_compared(
    catalogues, text: str, shown, catalogue: str, positions: list[int],
) -> None:
    request = _read(catalogues, catalogue, text, shown)
    assert request.intent == "compare"
    assert [r.position for r in request.references] == positions


def test_mi_beside_another_brand_is_the_brand_but_my_before_a_person(catalogues) -> None:
    assert "MI" in _read(catalogues, "electronics", "un celular de samsung o de mi").include.get("brand", [])
    assert "MI" not in _read(catalogues, "electronics", "audifonos de boat para mi papa").include.get("brand", [])


@pytest.mark.parametrize("text", ["pasame los anteriores", "zeig mir die von vorher", "刚才那批再给我看看"])
def test_the_items_shown_before_are_shown_again(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text, TEES, current={"category": ["Tshirts"]}).intent == "show_again"


@pytest.mark.parametrize("text", ["un cable usb tipo 3.0", "un cargador tipo c rapido"])
def test_tipo_before_a_version_or_a_port_is_no_budget(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).price is None


@pytest.mark.parametrize(("text", "high"), [("hasta 20 mil una tele", 20000), ("no mas de 9 mil un celular", 9000)])
def test_an_article_after_mil_starts_the_product(catalogues, text: str, high: int) -> None:
    price = _read(catalogues, "electronics", text).price
    assert price is not None and price.max == high


@pytest.mark.parametrize("text", ["第三件有没有大一号的", "第三件 有小一码的吗"])
def test_a_size_bigger_or_smaller_is_no_first_item(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text, KURTAS)
    assert request.intent == "ask_about_item"
    assert [r.position for r in request.references] == [3]
