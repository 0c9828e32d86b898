"""Classes of Chinese, Spanish and German pointing and budget wording found by blind set 37
(issue 12, brief i12t; ``chatrec/foreign_pointing.py``): each class with wording of its own
(none of the set's sentences), on the real demo catalogues' vocabularies, and end to end
through ``ChatRec.respond``."""

from __future__ import annotations

import pytest

from chatrec import ChatRec
from chatrec.foreign_pointing import rewrite
from tests.demo_reading import read as _read

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus 13,490/13,490/13,999/14,999
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi 6,499, OnePlus 28,999, Samsung 9,499
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics 549, JBL 1,999, boAt 1,799
SMARTWATCHES = ("B09V12K8NT", "B0B5LVS732", "B0B3N7LR6K")  # boAt, Noise, Fire-Boltt
TEES = ("1617", "1889", "1849")  # Reebok red, Fifa navy, Inkfruit white
WATCHES = ("5077", "10400", "10318", "5070")  # blue, black (Puma), steel (Esprit), white
BAGS = ("3393", "5876", "8519", "9444")  # green, black (Puma), pink (Nike), blue (Nike)
JEANS = ("11280", "9169", "11308")  # black, blue, black
KURTAS = ("7410", "11604", "11803")  # red, blue, black
CNY = 83 / 7.2  # rupees per yuan at the documented default rates


@pytest.mark.parametrize(
    ("text", "high"), [("充电宝，最多出叁佰", 300), ("耳机预算不超过壹仟贰佰", 1200), ("路由器，贰仟以内", 2000)],
)
def test_formal_chinese_numerals_are_amounts(catalogues, text: str, high: float) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.price is not None and request.price.max == high


@pytest.mark.parametrize(
    ("text", "low", "high"), [("手机2w以内", None, 20000), ("电视预算3w左右", None, 30000), ("平板0.8w到1.2w", 8000, 12000)],
)
def test_w_for_wan_beside_a_budget_word(catalogues, text: str, low: float | None, high: float) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.price is not None
    assert (request.price.min, request.price.max) == (low, high)


def test_a_w_for_watts_stays_no_budget(catalogues) -> None:
    assert _read(catalogues, "electronics", "想要个20w的蓝牙音箱").price is None


@pytest.mark.parametrize(("text", "language"), [("Ladekabel bis max. 500", "de"), ("Maus bis höchstens 700", "de")])
def test_a_german_cap_with_max_dot_is_german_and_a_budget(catalogues, text: str, language: str) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.language == language
    assert request.price is not None and request.price.max in (500, 700)


@pytest.mark.parametrize(
    ("catalog", "text", "shown", "position"),
    [("fashion", "倒数第二块表，有类似的吗", WATCHES, 3), ("fashion", "la antepenúltima, ¿tienes parecidas?", WATCHES, 2),
     ("fashion", "die vorletzte Tasche gefällt mir, mehr davon", BAGS, 3),
     ("electronics", "el penúltimo, ¿tiene cámara buena?", PHONES, 2)],
)
def test_an_item_counted_from_the_end(catalogues, catalog: str, text: str, shown, position: int) -> None:
    assert _read(catalogues, catalog, text, shown).positions == [position]


@pytest.mark.parametrize(
    ("text", "last", "position"),
    [("另外那台呢？多少钱", [1], 2), ("¿y la otra qué tal?", [2], 1), ("und das andere, hat es mehr Speicher?", [1], 2)],
)
def test_the_other_of_two_after_talking_about_one(catalogues, text: str, last: list[int], position: int) -> None:
    request = _read(catalogues, "electronics", text, PHONES[:2], last_references=last)
    assert request.positions == [position]


@pytest.mark.parametrize(
    ("text", "positions"),
    [("中间两个看着不错，还有吗", [2, 3]), ("中间的那两块表，类似的有没有", [2, 3])],
)
def test_the_middle_pair_of_four(catalogues, text: str, positions: list[int]) -> None:
    request = _read(catalogues, "fashion", text, WATCHES)
    assert request.intent == "more_like"
    assert request.positions == positions


@pytest.mark.parametrize(
    ("text", "shown", "positions"),
    [("那几条黑色的挺好，再找几条这样的", JEANS, [1, 3]), ("los negros me gustan, más así", JEANS, [1, 3]),
     ("die schwarzen gefallen mir, mehr davon", JEANS, [1, 3]), ("las rojas, ¿tienes más así?", KURTAS, [1])],
)
def test_shown_items_by_a_colour_they_share(catalogues, text: str, shown, positions: list[int]) -> None:
    request = _read(catalogues, "fashion", text, shown)
    assert request.intent == "more_like"
    assert request.positions == positions
    assert not request.include  # the colour points; it is no new wish


@pytest.mark.parametrize(
    ("text", "position"), [("那台lg的，再便宜点的有吗", 2), ("嗰部OnePlus，有冇平啲嘅", 4)],
)
def test_a_demonstrative_before_a_latin_brand_points_at_that_item(catalogues, text: str, position: int) -> None:
    request = _read(catalogues, "electronics", text, TVS)
    assert request.positions == [position]
    assert "brand" not in request.include


@pytest.mark.parametrize(
    ("text", "position", "colour"), [("粉色那个包，换成蓝色的呢", 3, "Blue"), ("第一件，换个白的有吗", 1, "White")],
)
def test_that_item_in_another_colour(catalogues, text: str, position: int, colour: str) -> None:
    shown = BAGS if "包" in text else TEES
    request = _read(catalogues, "fashion", text, shown)
    assert request.intent == "more_like"
    assert request.positions == [position]
    assert request.include.get("baseColour") == [colour]


@pytest.mark.parametrize("text", ["keins davon, bitte was anderes", "keine von den dreien", "weder noch, ehrlich gesagt"])
def test_german_none_of_these_rejects(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text, SPEAKERS, current={"category": ["BluetoothSpeakers"]}).intent == "reject"


@pytest.mark.parametrize(
    ("text", "high"),
    [("有没有比boAt那个还便宜的", 1799), ("algo más barato que el JBL", 1999), ("etwas billiger als der JBL?", 1999)],
)
def test_cheaper_than_a_shown_item_is_a_budget_up_to_its_price(catalogues, text: str, high: float) -> None:
    request = _read(catalogues, "electronics", text, SPEAKERS, current={"category": ["BluetoothSpeakers"]})
    assert request.intent == "refine"
    assert request.price is not None and request.price.max == high
    assert not request.references


@pytest.mark.parametrize("text", ["carísimo todo, ¿nada más económico?", "son costosísimos"])
def test_a_spanish_superlative_of_dear_asks_for_cheaper(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert request.relative_price == "cheaper"


@pytest.mark.parametrize(
    ("text", "position"), [("小米那台，有类似但便宜点的吗", 3), ("三星那台，再便宜一点的", 1)],
)
def test_a_brand_by_another_name_points_at_the_shown_item(catalogues, text: str, position: int) -> None:
    request = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert request.positions == [position]
    assert "brand" not in request.include


def test_asking_for_a_brand_by_another_name_is_still_a_wish(catalogues) -> None:
    request = _read(catalogues, "electronics", "有没有小米的？", TVS, current={"category": ["SmartTelevisions"]})
    assert not request.positions
    assert "MI" in request.include.get("brand", [])


@pytest.mark.parametrize(
    ("text", "last"), [("这款有其他颜色吗？", [2]), ("¿y esta es de piel?", [3]), ("ist dieser auch wasserdicht?", [1])],
)
def test_this_one_after_talking_about_an_item(catalogues, text: str, last: list[int]) -> None:
    request = _read(catalogues, "fashion", text, BAGS, last_references=last)
    assert request.intent == "ask_about_item"
    assert request.positions == last


@pytest.mark.parametrize(
    ("text", "positions"), [("die zwei von Nike, welche ist leichter?", [3, 4]), ("las dos de Nike, ¿cuál pesa menos?", [3, 4])],
)
def test_which_over_items_pointed_at_compares(catalogues, text: str, positions: list[int]) -> None:
    request = _read(catalogues, "fashion", text, BAGS)
    assert request.intent == "compare"
    assert request.positions == positions


@pytest.mark.parametrize(
    ("text", "positions"),
    [("la primera no, la tercera sí, más así", [3]), ("die ersten zwei nicht, die letzte schon, mehr davon", [3])],
)
def test_a_clause_refusing_items_leaves_the_ones_pointed_at(catalogues, text: str, positions: list[int]) -> None:
    request = _read(catalogues, "fashion", text, TEES)
    assert request.intent == "more_like"
    assert request.positions == positions


@pytest.mark.parametrize(
    ("text", "position", "colour"),
    [("die blaue Tasche, aber in Rot", 4, "Red"), ("die schwarze Uhr, gibt's die in Weiß?", 2, "White")],
)
def test_a_german_colour_and_noun_points_at_the_shown_item(catalogues, text: str, position: int, colour: str) -> None:
    shown = BAGS if "Tasche" in text else WATCHES
    request = _read(catalogues, "fashion", text, shown)
    assert request.positions == [position]
    assert request.include.get("baseColour") == [colour]


@pytest.mark.parametrize("text", ["谁开发了你？", "¿quién te programó?", "wer hat dich programmiert?", "你背后是什么模型？"])
def test_who_made_the_assistant_is_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).intent == "off_topic"


@pytest.mark.parametrize("text", ["你这破AI一点用都没有", "你这个机器人真笨", "no sirves para nada, robot", "du bist echt nutzlos"])
def test_insulting_the_assistant_is_small_talk(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]}).intent == "chitchat"


def test_an_item_called_useless_is_no_small_talk(catalogues) -> None:
    request = _read(catalogues, "electronics", "第二个电视一点用都没有，换别的", TVS, current={"category": ["SmartTelevisions"]})
    assert request.intent != "chitchat"


def test_rewrite_leaves_english_alone() -> None:
    assert rewrite("the other one, max. 500", "en") == "the other one, max. 500"


def test_a_chinese_cap_in_formal_numerals_filters_the_reply(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("鼠标，不超过伍佰", session_id="zh-formal")
    if not reply.recommendations:  # a question first
        reply = electronics_chatrec.respond("直接给我看吧", session_id="zh-formal")
    prices = [electronics_chatrec.item(r.item_id).price for r in reply.recommendations]
    assert prices and all(p is not None and p <= 500 for p in prices)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in reply.text)


@pytest.mark.parametrize(
    ("text", "shown", "positions"),
    [("后两件都不喜欢", TEES, [2, 3]), ("ni la azul ni la negra, otra cosa", KURTAS, [2, 3]),
     ("weder die blaue noch die schwarze, zeig was anderes", KURTAS, [2, 3]), ("das OnePlus gefällt mir nicht", PHONES, [2])],
)
def test_turning_down_the_items_pointed_at_rejects_them(catalogues, text: str, shown, positions: list[int]) -> None:
    catalog = "electronics" if shown == PHONES else "fashion"
    request = _read(catalogues, catalog, text, shown)
    assert request.intent == "reject"
    assert sorted(request.positions) == positions
    assert not request.include and not request.exclude


@pytest.mark.parametrize("text", ["la azul no me gusta, ¿la tienes en verde?", "第二件不要太花的，类似的有吗"])
def test_a_wish_beside_a_refusal_is_no_rejection(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text, KURTAS).intent != "reject"


@pytest.mark.parametrize(
    ("text", "intent", "position"),
    [("wieso schlägst du die teuerste vor?", "ask_about_item", 2), ("den günstigsten finde ich gut, gibt's ähnliche?", "more_like", 1)],
)
def test_a_german_superlative_of_price_points_at_that_item(catalogues, text: str, intent: str, position: int) -> None:
    request = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert request.intent == intent
    assert request.positions == [position]


@pytest.mark.parametrize(
    ("text", "positions"), [("compárame los de Redmi y OnePlus", [1, 2]), ("die von OnePlus oder Samsung, welche ist besser?", [2, 3])],
)
def test_two_brands_after_one_article_point_at_both(catalogues, text: str, positions: list[int]) -> None:
    request = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert request.intent == "compare"
    assert sorted(request.positions) == positions


@pytest.mark.parametrize(("text", "position"), [("die roten, haben die Taschen?", 1), ("las blancas, ¿son de algodón?", 3)])
def test_shown_ones_by_colour_before_a_comma(catalogues, text: str, position: int) -> None:
    assert _read(catalogues, "fashion", text, TEES).positions == [position]


@pytest.mark.parametrize("text", ["ein günstiges Handi", "Handi mit guter Kamera"])
def test_a_german_word_with_i_for_y(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).include.get("category") == ["Smartphones"]


@pytest.mark.parametrize(("text", "high"), [("手机1万5以内", 15000), ("手表不超过2千5", 2500), ("电视1w8以内", 18000)])
def test_a_digit_after_wan_or_qian_is_its_tenth(catalogues, text: str, high: float) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.price is not None and request.price.max == high


@pytest.mark.parametrize(("text", "high"), [("un reloj inteligente de menos de 3 lucas", 3000), ("audífonos hasta una luca", 1000)])
def test_lucas_are_thousands(catalogues, text: str, high: float) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.price is not None and request.price.max == high


@pytest.mark.parametrize("text", ["¿hay algo un poco más barato?", "un poco más económico, porfa"])
def test_a_common_spanish_word_is_no_brand(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert "brand" not in request.include
    assert request.relative_price == "cheaper"


def test_a_capitalised_brand_that_is_a_common_word_stays_a_brand(catalogues) -> None:
    assert _read(catalogues, "electronics", "un móvil POCO").include.get("brand") == ["POCO"]


@pytest.mark.parametrize(
    ("catalog", "text", "field", "value"),
    [("fashion", "给媳妇买件羽绒服", "category", "Jackets"), ("fashion", "男款帽衫", "category", "Sweatshirts"),
     ("electronics", "家里要个吸尘器", "category", "HandheldVacuums"), ("electronics", "移动硬盘有推荐吗", "category", "ExternalHardDisks"),
     ("electronics", "una freidora de aire para mi mamá", "category", "AirFryers"),
     ("electronics", "ein kleiner Staubsauger", "category", "HandheldVacuums"),
     ("fashion", "una cazadora para el invierno", "category", "Jackets")],
)
def test_product_words_the_lexicon_lacked(catalogues, catalog: str, text: str, field: str, value: str) -> None:
    assert value in _read(catalogues, catalog, text).include.get(field, [])


@pytest.mark.parametrize(("text", "gender"), [("给我闺女挑双鞋", "Girls"), ("媳妇的生日，想买块表", "Women")])
def test_family_words_the_lexicon_lacked(catalogues, text: str, gender: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("gender") == [gender]


@pytest.mark.parametrize(("text", "colour"), [("包包，紫的就别了", "Purple"), ("衬衫，灰色也别了吧", "Grey"), ("帽子，甭要黄的", "Yellow")])
def test_a_chinese_colour_refused_with_bie(catalogues, text: str, colour: str) -> None:
    request = _read(catalogues, "fashion", text)
    assert request.exclude.get("baseColour") == [colour]
    assert colour not in request.include.get("baseColour", [])


@pytest.mark.parametrize(
    ("text", "positions"),
    [("3号那台多大？", [3]), ("一号跟三号哪个好", [1, 3]), ("¿la número dos tiene bluetooth?", [2]), ("die Nr. 4, wie teuer ist die?", [4])],
)
def test_an_item_by_its_number(catalogues, text: str, positions: list[int]) -> None:
    request = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert request.positions == positions


@pytest.mark.parametrize(
    ("text", "positions"),
    [("头三台哪个最好", [1, 2, 3]), ("las dos últimas, ¿cuál es mejor?", [3, 4]), ("los primeros tres, compáralos", [1, 2, 3])],
)
def test_the_first_or_last_few(catalogues, text: str, positions: list[int]) -> None:
    request = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert request.intent == "compare"
    assert request.positions == positions


@pytest.mark.parametrize("text", ["la segunda me encanta, ¿hay otras como esa?", "el segundo, ¿tienes más como ese?"])
def test_spanish_more_like_that_one(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text, WATCHES)
    assert request.intent == "more_like"
    assert request.positions == [2]


@pytest.mark.parametrize(
    ("text", "positions"),
    [("最贵的两台有什么区别", [3, 4]), ("las dos más baratas, ¿cuál recomiendas?", [1, 2]),
     ("die zwei günstigsten vergleichen", [1, 2])],
)
def test_the_n_cheapest_or_dearest_shown_are_compared(catalogues, text: str, positions: list[int]) -> None:
    # TVs: Samsung 13,490, LG 13,490, MI 13,999, OnePlus 14,999
    request = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert request.intent == "compare"
    assert request.positions == positions
    assert request.relative_price is None


@pytest.mark.parametrize(
    ("text", "position"), [("第四台电视不错，有类似的吗", 4), ("el segundo televisor me gusta, ¿hay parecidos?", 2)],
)
def test_the_items_own_noun_is_no_new_wish(catalogues, text: str, position: int) -> None:
    request = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert request.intent == "more_like"
    assert request.positions == [position]
    assert not request.include


def test_a_new_value_beside_the_item_pointed_at_stays(catalogues) -> None:
    request = _read(catalogues, "fashion", "第二块表，有没有白色的", WATCHES)
    assert request.positions == [2]
    assert request.include.get("baseColour") == ["White"]


@pytest.mark.parametrize(("text", "position"), [("第三個包包比較輕嗎？", 3), ("最後那塊錶比較貴嗎", 4)])
def test_a_comparative_about_one_item_asks_about_it(catalogues, text: str, position: int) -> None:
    shown = BAGS if "包" in text else WATCHES
    request = _read(catalogues, "fashion", text, shown)
    assert request.intent == "ask_about_item"
    assert request.positions == [position]


@pytest.mark.parametrize(("text", "position"), [("die lila Schuhe, sind die bequem?", 3), ("die rosa Tasche gefällt mir, gibt's ähnliche?", 3)])
def test_a_german_colour_without_ending_and_noun_points(catalogues, text: str, position: int) -> None:
    shown = BAGS if "Tasche" in text else ("3167", "4140", "1951")  # shoes: white, green, purple
    assert _read(catalogues, "fashion", text, shown).positions == [position]


@pytest.mark.parametrize("text", ["die zwei Nike-Taschen, welche ist leichter?", "die beiden Nike, was ist der Unterschied?"])
def test_german_the_two_of_a_name_are_those_items(catalogues, text: str) -> None:
    request = _read(catalogues, "fashion", text, BAGS)
    assert request.intent == "compare"
    assert request.positions == [3, 4]


def test_spanish_wristwatch_is_a_watch_not_a_bracelet(catalogues) -> None:
    assert _read(catalogues, "fashion", "un reloj de pulsera para mi abuelo").include.get("subCategory") == ["Watches"]


@pytest.mark.parametrize(
    "text", ["别超过第三部的价格", "algo por debajo del precio del Samsung, porfa", "bitte unter dem Preis vom Samsung"],
)
def test_a_budget_bounded_by_a_shown_items_price(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert request.intent == "refine"
    assert request.price is not None and request.price.max == 9499  # the Samsung, third


@pytest.mark.parametrize(("text", "low", "high"), [("Maus so um 500 herum", 400, 600), ("Kopfhörer um 1000 rum", 800, 1200)])
def test_german_um_rum_is_about(catalogues, text: str, low: float, high: float) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.price is not None and (request.price.min, request.price.max) == (low, high)


@pytest.mark.parametrize(("text", "high"), [("千元以内的手表", 1000 * CNY), ("百元以内的鼠标", 100 * CNY)])
def test_a_bare_chinese_unit_before_yuan_is_one_of_it(catalogues, text: str, high: float) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.price is not None and request.price.max == pytest.approx(high, rel=1e-3)


@pytest.mark.parametrize("text", ["一个都没看中的", "没有满意的", "algo distinto, por favor", "ni una ni otra", "noch andere Modelle?"])
def test_none_of_the_shown_ones_rejects(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, PHONES[:2], current={"category": ["Smartphones"]})
    assert request.intent == "reject"


@pytest.mark.parametrize(
    "text", ["哪款最耐用？", "最贵的是哪台", "¿cuál recomiendas tú?", "¿cuál es la más económica?", "welche würdest du kaufen?",
             "welcher ist am leichtesten?"],
)
def test_which_over_the_shown_ones_compares_them_all(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, SMARTWATCHES, current={"category": ["SmartWatches"]})
    assert request.intent == "compare"
    assert request.positions == [1, 2, 3]
    assert request.relative_price is None


def test_which_colour_of_one_item_stays_a_question_about_it(catalogues) -> None:
    request = _read(catalogues, "fashion", "welche Farbe hat die zweite?", BAGS)
    assert request.intent == "ask_about_item"
    assert request.positions == [2]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("充电宝不到五百", None, 500), ("鼠标别超过300", None, 300), ("手表撑死两千", None, 2000), ("音箱顶天了1500", None, 1500),
     ("鼠标五百来块", 400 * CNY, 600 * CNY), ("音箱千把块的", 800 * CNY, 1200 * CNY),
     ("un ratón que no pase de los quinientos", None, 500), ("parlante por ahí de 2000", 1600, 2400),
     ("Maus, Obergrenze 800", None, 800)],
)
def test_caps_and_about_said_other_ways(catalogues, text: str, low: float | None, high: float) -> None:
    request = _read(catalogues, "electronics", text)
    assert request.price is not None
    assert request.price.min == (pytest.approx(low, rel=1e-3) if low else None)
    assert request.price.max == pytest.approx(high, rel=1e-3)


def test_an_exceeded_year_is_no_budget(catalogues) -> None:
    assert _read(catalogues, "electronics", "不到一年就坏了").price is None


@pytest.mark.parametrize(
    ("text", "relative"),
    [("手头紧，有便宜点的吗", "cheaper"), ("algo que no sea tan costoso", "cheaper"), ("uno más accesible", "cheaper"),
     ("se me va del presupuesto", "cheaper"), ("gibt's was Preiswerteres?", "cheaper"), ("es darf ruhig etwas mehr kosten", "pricier")],
)
def test_cheaper_or_dearer_than_the_shown_ones_said_other_ways(catalogues, text: str, relative: str) -> None:
    request = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert request.relative_price == relative
    assert request.language in ("zh", "es", "de")


@pytest.mark.parametrize(
    ("text", "word"), [("要全棉的", "cotton"), ("¿la tienes de manga corta?", "short"), ("lieber aus Baumwolle", "cotton")],
)
def test_material_and_sleeve_words_reach_the_search_text(catalogues, text: str, word: str) -> None:
    request = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert word in request.query


def test_a_brand_given_up_in_chinese_is_a_refinement(catalogues) -> None:
    request = _read(catalogues, "electronics", "品牌无所谓", current={"category": ["Smartphones"], "brand": ["Samsung"]})
    assert request.intent == "refine"


@pytest.mark.parametrize(("text", "positions"), [("第叁个多少钱", [3]), ("No.1 有几个颜色", [1]), ("#2 ¿cuánto cuesta?", [2])])
def test_an_item_by_a_formal_or_abbreviated_number(catalogues, text: str, positions: list[int]) -> None:
    assert _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]}).positions == positions


@pytest.mark.parametrize(
    ("text", "positions"), [("左边那两块哪个好", [1, 2]), ("右边第二块怎么样", [3]), ("左边第三块", [3])],
)
def test_chinese_sides_with_counts_and_ordinals(catalogues, text: str, positions: list[int]) -> None:
    assert _read(catalogues, "fashion", text, WATCHES).positions == positions


@pytest.mark.parametrize(
    ("text", "catalog", "shown", "position"),
    [("die Taschen von Puma, gibt es ähnliche?", "fashion", BAGS, 2), ("el teléfono de OnePlus, ¿cuánta batería tiene?", "electronics", PHONES, 2)],
)
def test_a_shown_item_by_noun_and_maker(catalogues, text: str, catalog: str, shown, position: int) -> None:
    request = _read(catalogues, catalog, text, shown)
    assert request.positions == [position]
    assert not request.include


def test_a_noun_and_maker_with_nothing_shown_stays_a_wish(catalogues) -> None:
    request = _read(catalogues, "electronics", "das Handy von Samsung")
    assert request.include == {"category": ["Smartphones"], "brand": ["Samsung"]}


@pytest.mark.parametrize(
    ("text", "position"), [("la tercera desde la derecha, ¿es de cuero?", 2), ("die zweite von rechts, ist die wasserdicht?", 3),
                           ("右边数第三块是什么牌子", 2)],
)
def test_counted_from_the_right(catalogues, text: str, position: int) -> None:
    assert _read(catalogues, "fashion", text, WATCHES).positions == [position]


@pytest.mark.parametrize(("text", "gender"), [("Sandalen für meinen 7-Jährigen", "Boys"), ("eine Uhr für unsere 12-jährige", "Girls")])
def test_a_german_child_by_age(catalogues, text: str, gender: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("gender") == [gender]


def test_turning_down_the_first_two_shows_other_items(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("数据线，五百以内", session_id="zh-refuse")
    if not reply.recommendations:  # a question first
        reply = electronics_chatrec.respond("直接给我看吧", session_id="zh-refuse")
    first = [r.item_id for r in reply.recommendations]
    assert len(first) >= 2
    again = electronics_chatrec.respond("前两个都不要，换别的", session_id="zh-refuse")
    assert again.recommendations
    assert not {r.item_id for r in again.recommendations} & set(first[:2])


@pytest.mark.parametrize(
    ("text", "intent", "position"),
    [("贵一点的那部拍照怎么样", "ask_about_item", 2), ("实惠的那个，有没有类似的", "more_like", 1),
     ("la cara, ¿vale la pena?", "ask_about_item", 2), ("der günstigere, wie ist der Akku?", "ask_about_item", 1)],
)
def test_one_shown_item_by_its_price(catalogues, text: str, intent: str, position: int) -> None:
    request = _read(catalogues, "electronics", text, PHONES[:2], current={"category": ["Smartphones"]})
    assert request.intent == intent
    assert request.positions == [position]
    assert request.relative_price is None


@pytest.mark.parametrize(("text", "position"), [("红的那件是什么料子", 1), ("黑色的那件有大码吗", 3)])
def test_a_chinese_colour_before_a_demonstrative_points(catalogues, text: str, position: int) -> None:
    request = _read(catalogues, "fashion", text, KURTAS)
    assert request.positions == [position]
    assert not request.include


@pytest.mark.parametrize(
    ("text", "positions"),
    [("这俩都能快充吗", [1, 2]), ("¿ambos traen cargador?", [1, 2]), ("sind beide neu?", [1, 2])],
)
def test_a_question_about_both_points_at_both(catalogues, text: str, positions: list[int]) -> None:
    request = _read(catalogues, "electronics", text, PHONES[:2], current={"category": ["Smartphones"]})
    assert request.intent == "ask_about_item"
    assert request.positions == positions


@pytest.mark.parametrize("text", ["¿cuál es la diferencia entre ellos?", "wie unterscheiden die sich?"])
def test_how_they_differ_compares_the_shown_ones(catalogues, text: str) -> None:
    request = _read(catalogues, "electronics", text, PHONES[:2], current={"category": ["Smartphones"]})
    assert request.intent == "compare"
    assert request.positions == [1, 2]


def test_turning_down_both_rejects_them(catalogues) -> None:
    request = _read(catalogues, "electronics", "die beiden mag ich nicht", PHONES[:2], current={"category": ["Smartphones"]})
    assert request.intent == "reject"
