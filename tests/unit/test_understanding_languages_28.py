"""Classes of Chinese, Spanish and German wording found by blind set 28 (issue 12): each class
with wording of its own (none of the set's sentences), on the real demo catalogues' vocabularies,
and end to end through ``ChatRec.respond``."""

from __future__ import annotations

import pytest

from chatrec import ChatRec
from chatrec.language import detect_language
from chatrec.regional_wording import spatial_references, spelled_numbers
from tests.demo_reading import read as _read
from tests.demo_reading import shown_attributes as _attributes

TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus
MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech, HP, Dell
SPEAKERS = ("B07YNTJ8ZM", "B07B88KQZ8", "B07NC12T2R")  # Zebronics, JBL, boAt
TEES = ("1617", "1889", "1849")  # Reebok red, Fifa navy, Inkfruit white
WATCHES = ("5077", "10400", "10318", "5070")  # blue, black (Puma), steel (Esprit), white


# --- amounts written as words -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "written"),
    [("unter fünfhundert", "de", "unter 500"), ("zweihundertfünfzig", "de", "250"),
     ("einundzwanzig", "de", "21"), ("fünfzehnhundert", "de", "1500"), ("zwei tausend", "de", "2000"),
     ("menos de trescientos", "es", "menos de 300"), ("mil doscientos", "es", "1200"),
     ("cuarenta y cinco", "es", "45"), ("veinte mil", "es", "20k")],
)
def test_numbers_written_as_words_become_digits(text: str, language: str, written: str) -> None:
    from chatrec.language import fold

    assert spelled_numbers(fold(text), language).strip() == written


@pytest.mark.parametrize(("text", "language"), [("eine uhr fur zwei", "de"), ("los dos", "es"), ("una camisa", "es"),
                                                ("20 tausend", "de")])
def test_counts_and_articles_stay_words(text: str, language: str) -> None:
    assert spelled_numbers(text, language) == text


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("Kopfhörer für höchstens achthundert", None, 800),
     ("ein Handy unter zwölftausend", None, 12000),
     ("un celular de hasta quince mil", None, 15000),
     ("audífonos de menos de seiscientas rupias", None, 600)],
)
def test_budgets_in_words_are_read(catalogues, text: str, low: float | None, high: float) -> None:
    price = _read(catalogues, "electronics", text).price
    assert price is not None and (price.min, price.max) == (low, high)


# --- shown items named by their place ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown", "intent", "positions"),
    [("右边那双再来几双类似的", WATCHES, "more_like", [4]),
     ("最左边的是什么牌子？", TEES, "ask_about_item", [1]),
     ("la del medio me gusta, hay más así?", TEES, "more_like", [2]),
     ("¿el de la derecha es de algodón?", TEES, "ask_about_item", [3]),
     ("die linke gefällt mir, mehr davon bitte", TEES, "more_like", [1]),
     ("ist das ganz rechts aus Baumwolle?", TEES, "ask_about_item", [3])],
)
def test_an_item_named_by_its_place_in_each_language(
        catalogues, text: str, shown: tuple[str, ...], intent: str, positions: list[int]) -> None:
    heard = _read(catalogues, "fashion", text, shown)
    assert (heard.intent, heard.positions) == (intent, positions)


def test_the_place_words_read_whatever_the_measure_word() -> None:
    assert spatial_references("左边那件", "zh").strip() == "the first one"
    assert spatial_references("最后的那台", "zh").strip() == "the last one"


def test_the_last_one_with_a_measure_word_after_na(catalogues) -> None:
    heard = _read(catalogues, "fashion", "最后那块的那种，要银色的", WATCHES)
    assert heard.intent == "more_like" and heard.positions == [4] and heard.include == {"baseColour": ["Silver"]}


# --- Spanish agreement and sounds -------------------------------------------------------------


@pytest.mark.parametrize(("text", "positions"), [("me encantan las rojas, hay otras así?", [1]),
                                                 ("las blancas se ven bien, más así", [3])])
def test_a_spanish_feminine_plural_colour_names_a_shown_item(catalogues, text: str, positions: list[int]) -> None:
    assert _read(catalogues, "fashion", text, TEES).positions == positions


@pytest.mark.parametrize(("text", "field", "value"), [("relog para caballero", "subCategory", "Watches"),
                                                      ("relojes dorados", "baseColour", "Gold")])
def test_spanish_spellings_that_sound_alike(catalogues, text: str, field: str, value: str) -> None:
    assert value in _read(catalogues, "fashion", text).include.get(field, [])


# --- colloquial German and regional words ----------------------------------------------------


@pytest.mark.parametrize("text", ["brauch nen rucksack in blue", "hab ne frage, ich such ner jacke was"])
def test_spoken_german_forms_name_the_language(text: str) -> None:
    assert detect_language(text) == "de"


@pytest.mark.parametrize(
    ("catalog", "text", "include", "exclude"),
    [("fashion", "Hemden, aber nix in Weiß", {"category": ["Shirts"]}, {"baseColour": ["White"]}),
     ("fashion", "Kappen für Madels", {"category": ["Caps"], "gender": ["Girls"]}, {}),
     ("fashion", "T-Shirts für unsere Buam", {"category": ["Tshirts"], "gender": ["Boys"]}, {}),
     ("fashion", "unos championes para mi vieja", {"subCategory": ["Shoes"], "gender": ["Women"]}, {}),
     ("fashion", "小朋友的背包", {"category": ["Backpacks"], "gender": ["Boys", "Girls"]}, {}),
     ("fashion", "民族风的女士上衣", {"usage": ["Ethnic"], "gender": ["Women"]}, {}),
     ("electronics", "無線滑鼠", {"category": ["Mice"]}, {}),
     ("electronics", "行動電源", {"category": ["PowerBanks"]}, {})],
)
def test_regional_and_colloquial_words(catalogues, catalog: str, text: str, include: dict, exclude: dict) -> None:
    heard = _read(catalogues, catalog, text)
    assert {k: v for k, v in heard.include.items() if k in include} == include
    assert heard.exclude == exclude


@pytest.mark.parametrize("text", ["平价的蓝牙音箱", "有没有平價一點的鍵盤"])
def test_pingjia_is_affordable(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text).relative_price == "cheaper"


def test_a_german_thing_after_a_make_names_the_shown_item(catalogues) -> None:
    assert _read(catalogues, "electronics", "ist das JBL-Ding wasserdicht?", SPEAKERS).positions == [2]


# --- insults and "anything" answers -----------------------------------------------------------


@pytest.mark.parametrize("text", ["du bist echt dumm", "你是笨蛋吗", "sos un boludo, bot"])
def test_an_insult_to_the_assistant_is_small_talk_not_a_wish(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "chitchat" and not heard.include


def test_an_insult_to_an_item_is_no_small_talk(catalogues) -> None:
    assert _read(catalogues, "fashion", "这几件真垃圾，换一批", TEES).intent == "reject"


@pytest.mark.parametrize("text", ["无所谓啦", "me da lo mismo", "ist mir wurscht"])
def test_anything_answers_the_pending_question(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text, pending=("gender", ["Men", "Women"]), current={"category": ["Tshirts"]})
    assert heard.intent == "answer" and heard.answered == "gender" and not heard.include


# --- "do you have X ones?" while an X is shown ------------------------------------------------


@pytest.mark.parametrize(("text", "brands"), [("还有三星的吗", ["Samsung"]), ("¿tienen alguno de OnePlus?", ["OnePlus"]),
                                              ("habt ihr auch welche von LG?", ["LG"])])
def test_do_you_have_ones_of_a_shown_make_asks_for_the_make(catalogues, text: str, brands: list[str]) -> None:
    heard = _read(catalogues, "electronics", text, TVS, current={"category": ["SmartTelevisions"]})
    assert (heard.intent, heard.include.get("brand"), heard.positions) == ("refine", brands, [])


def test_a_question_about_the_shown_make_stays_a_question(catalogues) -> None:
    heard = _read(catalogues, "electronics", "三星那台多少钱？", TVS, current={"category": ["SmartTelevisions"]})
    assert heard.intent == "ask_about_item" and heard.positions == [1]


# --- end to end: the right items, a reply in the shopper's language ---------------------------


def _shown_now(rec: ChatRec, first: str, session: str, show_me: str):
    reply = rec.respond(first, session_id=session)
    if not reply.recommendations:  # a question first
        reply = rec.respond(show_me, session_id=session)
    return reply


def test_a_german_budget_in_words_gets_items_under_it_and_a_german_reply(electronics_chatrec: ChatRec) -> None:
    reply = _shown_now(electronics_chatrec, "Kopfhörer unter tausend", "de-words", "egal, zeig mir einfach was")
    items = [electronics_chatrec.item(r.item_id) for r in reply.recommendations]
    assert items and all(i.price is not None and i.price <= 1000 for i in items)
    assert reply.metadata["understood"]["language"] == "de"


def test_chinese_left_one_more_like_it_with_a_chinese_reply(fashion_chatrec: ChatRec) -> None:
    first = _shown_now(fashion_chatrec, "男士T恤", "zh-left", "直接给我看吧")
    reply = fashion_chatrec.respond("左边那件那种再来几件", session_id="zh-left")
    shown = _attributes(fashion_chatrec, reply)
    assert reply.metadata["understood"]["intent"] == "more_like"
    assert reply.metadata["understood"]["references"][0]["item_id"] == first.recommendations[0].item_id
    assert shown and all(a["articleType"] == "Tshirts" for a in shown)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in reply.text)


def test_spanish_do_you_have_ones_of_a_make_shows_only_that_make(electronics_chatrec: ChatRec) -> None:
    first = _shown_now(electronics_chatrec, "quiero una tele inteligente", "es-make", "me da igual, muestrame")
    brand = electronics_chatrec.item(first.recommendations[0].item_id).brand
    reply = electronics_chatrec.respond(f"¿tienes alguno de {brand}?", session_id="es-make")
    shown = [electronics_chatrec.item(r.item_id) for r in reply.recommendations]
    assert reply.metadata["understood"]["intent"] == "refine"
    assert shown and all(i.brand == brand for i in shown)
    assert reply.metadata["understood"]["language"] == "es"


# --- classes found by blind set 30 (after the set-28 fixes) ----------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "current", "exclude"),
    [("fashion", "粉色的不考虑", {"category": ["Tops"]}, {"baseColour": ["Pink"]}),
     ("electronics", "三星的不要了，看看别家", {"category": ["Smartphones"]}, {"brand": ["Samsung"]})],
)
def test_a_chinese_refusal_after_its_object(catalogues, catalog: str, text: str, current: dict, exclude: dict) -> None:
    heard = _read(catalogues, catalog, text, current=current)
    assert heard.exclude == exclude and not heard.include.get(next(iter(exclude)))


@pytest.mark.parametrize(("text", "include", "relative"),
                         [("有冇平啲嘅耳機", {"subcategory": ["Headphones,Earbuds&Accessories"]}, "cheaper"),
                          ("想睇下啲藍牙喇叭", {"category": ["BluetoothSpeakers"]}, None)])
def test_cantonese_characters_read_as_mandarin(catalogues, text: str, include: dict, relative: str | None) -> None:
    heard = _read(catalogues, "electronics", text)
    assert (heard.include, heard.relative_price, heard.language) == (include, relative, "zh")


@pytest.mark.parametrize(("text", "shown", "positions"),
                         [("welches der beiden ist am günstigsten?", ("B09F6S8BT6", "B08DPLCM6T"), [1, 2]),
                          ("welcher der drei hält am längsten?", MICE, [1, 2, 3]),
                          ("¿cuál me recomendarías de los tres?", MICE, [1, 2, 3])])
def test_which_of_the_n_with_a_superlative_or_a_recommendation_compares(
        catalogues, text: str, shown: tuple[str, ...], positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, shown)
    assert (heard.intent, heard.positions) == ("compare", positions)


@pytest.mark.parametrize(("text", "intent"), [("晚上好呀", "chitchat"), ("bist du ChatGPT?", "off_topic"),
                                              ("¿eres chatgpt o una persona?", "off_topic")])
def test_greetings_with_particles_and_asking_for_the_model(catalogues, text: str, intent: str) -> None:
    assert _read(catalogues, "fashion", text).intent == intent


@pytest.mark.parametrize("text", ["不太喜欢，换换吧", "再换换看"])
def test_a_reduplicated_change_rejects_the_shown_items(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text, TEES, current={"category": ["Tshirts"]}).intent == "reject"


# --- classes found by blind set 32 (after the set-30 fixes) ----------------------------------


@pytest.mark.parametrize(("text", "include"), [("ich will eine rote Jacke", {"baseColour": ["Red"], "category": ["Jackets"]}),
                                               ("wir wollten Sonnenbrillen, ich will die für Damen",
                                                {"category": ["Sunglasses"], "gender": ["Women"]})])
def test_german_will_is_want(catalogues, text: str, include: dict) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.intent == "recommend" and heard.include == include


@pytest.mark.parametrize(("text", "category"), [("un reloj inteligente, que sea barato", "SmartWatches"),
                                                ("una bocina bluetooth. gracias", "BluetoothSpeakers")])
def test_a_spanish_noun_before_its_modifier_and_a_stop(catalogues, text: str, category: str) -> None:
    assert _read(catalogues, "electronics", text).include.get("category") == [category]


@pytest.mark.parametrize(("text", "shown", "positions"), [("这几款哪款音质好？", SPEAKERS, [1, 2, 3]),
                                                          ("这两件哪件质量好一点", TEES[:2], [1, 2])])
def test_which_one_is_good_at_something_compares(catalogues, text: str, shown: tuple[str, ...], positions: list[int]) -> None:
    catalog = "electronics" if shown == SPEAKERS else "fashion"
    heard = _read(catalogues, catalog, text, shown)
    assert (heard.intent, heard.positions) == ("compare", positions)


@pytest.mark.parametrize(("catalog", "text", "include"),
                         [("electronics", "想买个电饭锅", {"category": ["Rice&PastaCookers"]}),
                          ("fashion", "女士丹宁裤", {"category": ["Jeans"], "gender": ["Women"]}),
                          ("fashion", "camisetas rosadas", {"category": ["Tshirts"], "baseColour": ["Pink"]}),
                          ("fashion", "Jacken für Jungs", {"category": ["Jackets"], "gender": ["Boys"]})])
def test_more_regional_words(catalogues, catalog: str, text: str, include: dict) -> None:
    assert _read(catalogues, catalog, text).include == include


@pytest.mark.parametrize("text", ["能不能再低一点", "有没有价格低一些的"])
def test_lower_price_in_chinese_is_cheaper(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, MICE, current={"category": ["Mice"]})
    assert (heard.intent, heard.relative_price) == ("refine", "cheaper")


def test_bie_shi_refuses(catalogues) -> None:
    heard = _read(catalogues, "fashion", "随便什么包，别是黑色的就行")
    assert heard.exclude == {"baseColour": ["Black"]}


@pytest.mark.parametrize("text", ["¿eres una IA?", "bist du ein Mensch oder ein Bot?", "你是真人吗"])
def test_asking_what_the_assistant_is_is_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent == "off_topic"


@pytest.mark.parametrize("text", ["你帮我选吧", "elige tú", "such du eins aus"])
def test_you_pick_answers_the_pending_question(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, pending=("brand", ["Samsung", "LG", "MI"]),
                  current={"category": ["SmartTelevisions"]})
    assert heard.intent == "answer" and heard.answered == "brand" and not heard.include


# --- classes found by blind set 34 (after the set-32 fixes) ----------------------------------


@pytest.mark.parametrize(("catalog", "text", "current", "exclude"),
                         [("electronics", "boAt的别再推荐了", {"category": ["SmartWatches"]}, {"brand": ["Boat", "boAt"]}),
                          ("fashion", "Schwarz kommt nicht in Frage", {"category": ["Jackets"]}, {"baseColour": ["Black"]}),
                          ("fashion", "Grün geht überhaupt nicht", {"category": ["Tshirts"]}, {"baseColour": ["Green"]})])
def test_a_refusal_after_the_wish_in_chinese_and_german(catalogues, catalog: str, text: str, current: dict, exclude: dict) -> None:
    heard = _read(catalogues, catalog, text, current=current)
    assert heard.exclude == exclude and not heard.include


def test_that_does_not_work_names_no_wish(catalogues) -> None:
    assert _read(catalogues, "fashion", "das geht nicht", current={"category": ["Jackets"]}).exclude == {}


@pytest.mark.parametrize(("text", "include"), [("Kleidchen für Mädchen", {"subCategory": ["Dress"], "gender": ["Girls"]}),
                                               ("ein Täschchen in Rot", {"baseColour": ["Red"], "category": ["Handbags"]})])
def test_a_german_diminutive_is_its_noun(catalogues, text: str, include: dict) -> None:
    heard = _read(catalogues, "fashion", text)
    assert {k: v for k, v in heard.include.items() if k in include} == include


@pytest.mark.parametrize("text", ["有没有实惠一点的", "再实惠点的有吗"])
def test_shihui_is_cheaper(catalogues, text: str) -> None:
    assert _read(catalogues, "electronics", text, MICE, current={"category": ["Mice"]}).relative_price == "cheaper"


@pytest.mark.parametrize("text", ["第二件那样的再找几件", "再推荐几块类似最后那块的"])
def test_a_few_more_of_a_shown_kind_is_more_like_it(catalogues, text: str) -> None:
    shown = TEES if "件" in text else WATCHES
    assert _read(catalogues, "fashion", text, shown).intent == "more_like"
