"""Classes of Chinese, Spanish and German wording found by blind set 39 (issue 12, brief i12w;
``chatrec/foreign_reading.py``, ``chatrec/data/lexicon_set39.json``): each class with wording
of its own (none of the set's sentences), on the real demo catalogues' vocabularies, and end to
end through ``ChatRec.respond``."""

from __future__ import annotations

import re

import pytest

from chatrec import ChatRec
from chatrec.foreign_reading import rewrite
from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics 3W, JBL, boAt 10W
SMARTWATCHES = ("B09V12K8NT", "B0B5LVS732", "B0B3N7LR6K")  # boAt 1.69", Noise 1.69", Fire-Boltt 1.78"
MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech, HP, Dell
TEES = ("1617", "1889", "1849")  # Reebok red, Fifa navy, Inkfruit white
WATCHES = ("5077", "10400", "10318", "5070")  # Being Human blue, Puma black, Esprit steel, Being Human white
SHOES = ("3167", "4140", "1951")  # Nike white, Skechers green, Puma purple
BAGS = ("3393", "5876", "8519", "9444")  # Murcia green, Puma black, Nike pink, Nike blue
JEANS = ("11280", "9169", "11308")  # Wrangler black, Locomotive blue, Wrangler black
KURTAS = ("7410", "11604", "11803")  # red, blue, black
FASHION = {"TEES": TEES, "WATCHES": WATCHES, "SHOES": SHOES, "BAGS": BAGS, "JEANS": JEANS, "KURTAS": KURTAS}
ELECTRONICS = {"TVS": TVS, "PHONES": PHONES, "SPEAKERS": SPEAKERS, "SMARTWATCHES": SMARTWATCHES, "MICE": MICE}


def _shown(name: str) -> tuple[str, tuple[str, ...]]:
    return ("fashion", FASHION[name]) if name in FASHION else ("electronics", ELECTRONICS[name])


@pytest.mark.parametrize(
    ("catalog", "text"),
    [("electronics", "快递几天能到上海"), ("fashion", "衣服买大了能换货吗"), ("electronics", "¿hacen devoluciones si no me gusta?"),
     ("electronics", "wie lange dauert der Versand nach Zürich?"), ("fashion", "鞋子不合适的话能退吗"),
     ("fashion", "kann ich die Schuhe umtauschen?"), ("electronics", "¿puedo devolver el celular si no me sirve?")],
)
def test_a_question_about_returns_or_delivery_is_off_topic(catalogues, catalog: str, text: str) -> None:
    request = _read(catalogues, catalog, text)
    assert request.intent == "off_topic"
    assert not request.include and not request.show_now


@pytest.mark.parametrize("text", ["你是不是sb啊", "你这机器人听不懂人话吗", "vos no entendes nada eh", "du checkst echt gar nix",
                                  "kapierst du wirklich nichts?"])
def test_an_insult_to_the_assistant_is_small_talk(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.intent == "chitchat"
    assert not request.include


@pytest.mark.parametrize(
    ("shown", "text", "positions"),
    [("BAGS", "除了最后一个 其他的类似款再看看", [1, 2, 3]), ("TVS", "menos la primera, mostrame parecidas a las otras", [2, 3, 4]),
     ("KURTAS", "bis auf die rote, mehr wie die anderen", [2, 3])],
)
def test_more_like_the_rest_of_the_shown_ones(catalogues, shown: str, text: str, positions: list[int]) -> None:
    catalog, ids = _shown(shown)
    request = _read(catalogues, catalog, text, ids)
    assert request.intent == "more_like"
    assert request.positions == positions


@pytest.mark.parametrize(
    ("shown", "text", "position"), [("TVS", "三星那台不要 换几台别的", 1), ("WATCHES", "die schwarze nicht, zeig andere", 2)],
)
def test_one_turned_down_and_others_asked_for_rejects_it(catalogues, shown: str, text: str, position: int) -> None:
    catalog, ids = _shown(shown)
    request = _read(catalogues, catalog, text, ids)
    assert request.intent == "reject"
    assert request.positions == [position]


def test_no_and_the_other_one_still_wants_the_other_one(catalogues) -> None:
    request = _read(catalogues, "fashion", "no che, la otra", TEES[:2], last_references=[1])
    assert request.intent == "more_like"
    assert request.positions == [2]


@pytest.mark.parametrize(
    ("shown", "text", "intent", "positions"),
    [("SMARTWATCHES", "那只1.69寸的还有类似的吗", "more_like", [1, 2]), ("SPEAKERS", "la de 10W, hay parecidas?", "more_like", [3]),
     ("SPEAKERS", "der mit 3W ist wasserdicht?", "ask_about_item", [1]),
     ("SMARTWATCHES", "el de 1.78 pulgadas tiene GPS?", "ask_about_item", [3])],
)
def test_a_shown_item_by_a_number_and_unit_of_its_title(
    catalogues, shown: str, text: str, intent: str, positions: list[int],
) -> None:
    catalog, ids = _shown(shown)
    request = _read(catalogues, catalog, text, ids)
    assert request.intent == intent
    assert request.positions == positions


@pytest.mark.parametrize(
    ("shown", "text", "position"),
    [("SHOES", "esos blancos, tenes mas asi?", 1), ("WATCHES", "那块黑色的表 有类似的吗", 2),
     ("BAGS", "die grüne von Murcia, mehr davon", 1), ("BAGS", "la de Nike rosa, algo parecido?", 3)],
)
def test_a_colour_said_with_a_pointing_word_names_the_shown_item(catalogues, shown: str, text: str, position: int) -> None:
    catalog, ids = _shown(shown)
    request = _read(catalogues, catalog, text, ids)
    assert request.intent == "more_like"
    assert request.positions == [position]
    assert "baseColour" not in request.include  # it says which one, no new wish


def test_a_colour_after_but_is_still_a_wish(catalogues) -> None:
    request = _read(catalogues, "fashion", "la tercera pero en negro", SHOES)
    assert request.positions == [3]
    assert request.include.get("baseColour") == ["Black"]


@pytest.mark.parametrize(
    ("shown", "text", "positions"),
    [("JEANS", "los dos Wrangler me encantan, hay mas?", [1, 3]), ("BAGS", "beide Nike Taschen sind super, mehr davon", [3, 4]),
     ("WATCHES", "两块Being Human的都不错 还有类似的吗", [1, 4])],
)
def test_both_with_a_title_word_two_shown_items_share(catalogues, shown: str, text: str, positions: list[int]) -> None:
    catalog, ids = _shown(shown)
    request = _read(catalogues, catalog, text, ids)
    assert request.intent == "more_like"
    assert request.positions == positions
    assert "baseColour" not in request.include  # "beide" is no typo of "beige"


@pytest.mark.parametrize("text", ["el rojo me gusta, tenes mas?", "das rote, gibt es mehr davon?"])
def test_any_more_of_the_one_pointed_at_is_more_like_it(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text, TEES)
    assert request.intent == "more_like"
    assert request.positions == [1]


def test_another_colour_of_the_one_pointed_at_stays_a_question(catalogues) -> None:
    assert _read(catalogues, "fashion", "第一件还有别的颜色吗", TEES).intent == "ask_about_item"


@pytest.mark.parametrize(
    ("shown", "text", "last"),
    [("PHONES", "这部电池耐用吗", 2), ("TVS", "这台画质怎么样", 3), ("MICE", "y este que tal?", 1),
     ("SHOES", "und der hier, wie ist der?", 2)],
)
def test_this_one_with_a_question_asks_about_the_item_pointed_at_last(catalogues, shown: str, text: str, last: int) -> None:
    catalog, ids = _shown(shown)
    request = _read(catalogues, catalog, text, ids, last_references=[last])
    assert request.intent == "ask_about_item"
    assert request.positions == [last]
    assert not request.include


@pytest.mark.parametrize(("shown", "text"), [("SMARTWATCHES", "邊部最抵"), ("PHONES", "边部影相最好"), ("TEES", "邊件最靚")])
def test_the_cantonese_which_compares_the_shown_ones(catalogues, shown: str, text: str) -> None:
    catalog, ids = _shown(shown)
    request = _read(catalogues, catalog, text, ids)
    assert request.intent == "compare"
    assert request.positions == list(range(1, len(ids) + 1))


def test_the_cantonese_which_rewrite_leaves_side_words() -> None:
    assert rewrite("边只最耐", "zh") == "哪只最耐"
    assert rewrite("旁边那个", "zh") == "旁边那个"
    assert rewrite("边只", "es") == "边只"


@pytest.mark.parametrize(
    ("text", "colour"), [("Schuhe für Damen, aber nich weiß", "White"), ("ne Tasche, nich pink", "Pink")],
)
def test_colloquial_german_nich_negates(catalogues, text: str, colour: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.exclude.get("baseColour") == [colour]
    assert colour not in request.include.get("baseColour", [])


@pytest.mark.parametrize(
    ("text", "unwanted", "wanted"),
    [("黑色不太适合我，要白色的衬衫", "Black", "White"), ("粉色唔啱我 有冇藍色嘅手袋", "Pink", "Blue"),
     ("el rojo no me queda, hay tops verdes?", "Red", "Green")],
)
def test_a_colour_that_does_not_suit_the_shopper_is_left_out(catalogues, text: str, unwanted: str, wanted: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.exclude.get("baseColour") == [unwanted]
    assert request.include.get("baseColour") == [wanted]


def test_a_chinese_question_about_returns_gets_no_items(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("鞋子不合适的话能退吗", session_id="zh-returns")
    assert not reply.recommendations
    assert reply.question is None  # no question about shoes: the shopper asked the shop something
    assert re.search(r"[\u4e00-\u9fff]", reply.text)  # answered in Chinese


@pytest.mark.parametrize(("text", "field"), [("Schuhe mit Gratisversand", "subCategory"), ("zapatillas con entrega rapida", "category")])
def test_a_product_wished_with_delivery_words_stays_a_wish(catalogues, text: str, field: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.intent == "recommend"
    assert request.include.get(field)


@pytest.mark.parametrize("text", ["no me gustan", "都不太喜欢", "唔鍾意", "die gefallen mir nich", "die sind nix für mich",
                                  "no son lo mio"])
def test_disliking_the_shown_ones_with_nothing_named_rejects_them(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text, JEANS, current={"category": ["Jeans"]})
    assert request.intent == "reject"
    assert not request.positions


def test_disliking_a_colour_is_no_rejection_of_all(catalogues) -> None:
    request = _read(catalogues, "fashion", "不喜欢黑色", JEANS, current={"category": ["Jeans"]})
    assert request.intent == "refine"
    assert request.exclude.get("baseColour") == ["Black"]


@pytest.mark.parametrize(("text", "gender"), [("帮我外婆挑个钱包", "Women"), ("给姥爷买块表", "Men"), ("阿嬷想要个包", "Women")])
def test_grandparents_on_either_side(catalogues, text: str, gender: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("gender") == [gender]


def test_a_cantonese_this_with_a_brand_names_the_shown_item(catalogues) -> None:
    request = _read(catalogues, "electronics", "呢個JBL幾好 有冇差唔多嘅", SPEAKERS)
    assert request.intent == "more_like"
    assert request.positions == [2]
    assert not request.include.get("brand")


@pytest.mark.parametrize(
    ("shown", "text", "positions"),
    [("BAGS", "alle außer der schwarzen, mehr in der Richtung", [1, 3, 4]),
     ("KURTAS", "todas menos la roja, algo parecido", [2, 3]), ("WATCHES", "除了黑色那块 别的都可以 来点类似的", [1, 3, 4])],
)
def test_all_but_the_ones_turned_down(catalogues, shown: str, text: str, positions: list[int]) -> None:
    catalog, ids = _shown(shown)
    request = _read(catalogues, catalog, text, ids)
    assert request.intent == "more_like"
    assert request.positions == positions


@pytest.mark.parametrize(
    ("text", "colour"), [("Hemd für Herren, weiß auf keinen Fall", "White"), ("Rock, Schwarz bloß nicht", "Black"),
                         ("una falda, negro ni loca", "Black")],
)
def test_a_colour_refused_after_it_is_named(catalogues, text: str, colour: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.exclude.get("baseColour") == [colour]
    assert colour not in request.include.get("baseColour", [])
    assert "season" not in request.exclude  # "auf keinen Fall" is no autumn


@pytest.mark.parametrize("text", ["rote Handtasche für Oma, nix Teures", "un bolso rojo, nada caro"])
def test_nothing_expensive_is_cheaper(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).relative_price == "cheaper"


@pytest.mark.parametrize("text", ["你们店在哪里 实体店有吗", "你会说英语吗", "Welche Öffnungszeiten habt ihr?",
                                  "tienen tienda fisica en Guadalajara?"])
def test_questions_about_the_shop_or_the_assistant_are_off_topic(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.intent == "off_topic"


@pytest.mark.parametrize(
    ("shown", "text"),
    [("TVS", "zeig mir nochmal die Fernseher von eben"), ("TEES", "me mostras otra vez las remeras de antes?"),
     ("TEES", "de nuevo las anteriores porfa")],
)
def test_the_items_shown_before_asked_for_again(catalogues, shown: str, text: str) -> None:
    catalog, ids = _shown(shown)
    current = {"category": ["SmartTelevisions"]} if shown == "TVS" else {"category": ["Tshirts"]}
    request = _read(catalogues, catalog, text, ids, current=current)
    assert request.intent == "show_again"


@pytest.mark.parametrize(
    ("catalog", "text", "field", "value"),
    [("electronics", "扫地机器人", "category", "RoboticVacuums"), ("fashion", "帆布鞋", "category", "Casual Shoes"),
     ("electronics", "手提电脑", "subcategory", "Laptops"), ("fashion", "un reloj pa mi jefa", "gender", "Women"),
     ("fashion", "zapatillas para la nena", "gender", "Girls"), ("fashion", "algo para el pibe", "gender", "Boys")],
)
def test_product_and_person_words_the_lexicon_lacked(catalogues, catalog: str, text: str, field: str, value: str) -> None:
    assert value in _read(catalogues, catalog, text).include.get(field, [])


@pytest.mark.parametrize("text", ["四台都看不上", "感觉都一般", "这几台都看不中"])
def test_chinese_cannot_stand_any_of_them_rejects_them(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert request.intent == "reject"


def test_one_turned_down_with_kanbushang_and_the_others_liked(catalogues) -> None:
    request = _read(catalogues, "electronics", "三星那台看不上 其他的类似的再来点", TVS, current={"category": ["SmartTelevisions"]})
    assert request.intent == "more_like"
    assert request.positions == [2, 3, 4]


@pytest.mark.parametrize(
    ("text", "unwanted", "wanted"), [("不喜欢红色的 要蓝色的包", "Red", "Blue"), ("不要黑色 想要白色的T恤", "Black", "White")],
)
def test_a_chinese_refusal_ends_at_the_space_before_the_wish(catalogues, text: str, unwanted: str, wanted: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.exclude.get("baseColour") == [unwanted]
    assert request.include.get("baseColour") == [wanted]


@pytest.mark.parametrize("text", ["洗面奶", "男士洗面乳"])
def test_chinese_face_wash(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("category") == ["Face Wash and Cleanser"]
