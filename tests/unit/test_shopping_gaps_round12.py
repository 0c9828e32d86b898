"""Shopping gaps round 12 (brief i12bm): a device someone has is context, not a wish."""

from __future__ import annotations

import pytest

from chatrec.dialogue import Wishes
from chatrec.gaps_round12 import without_sizes, cheapest_seen, drop_offer, without_note, fits_devices, owned_context, owned_device, owned_words, size_note, sizes_said
from chatrec.request import ShopperRequest
from chatrec.wording import Phrases

TYPES = ["category"]


def _no_reread(text: str) -> ShopperRequest:
    raise AssertionError(f"nothing to read again: {text}")


@pytest.mark.parametrize("value", ["BasicCases", "ScreenProtectors", "WallChargers", "USBCables", "RemoteControls"])
def test_types_bought_for_a_device_fit_devices(value: str) -> None:
    assert fits_devices(value)


@pytest.mark.parametrize("value", ["BluetoothSpeakers", "In-Ear", "SmartWatches", "SmartTelevisions", "Over-Ear"])
def test_types_bought_for_themselves_fit_none(value: str) -> None:
    assert not fits_devices(value)


@pytest.mark.parametrize("message, makes", [
    ("my wife uses an iphone", ["iphone"]),
    ("my son has a oneplus", ["oneplus"]),
    ("mi padre tiene un samsung", ["samsung"]),
    ("er hat ein iPhone", ["iPhone"]),
    ("我老公用的是华为手机", []),
    ("她用的是苹果手机", []),
])
def test_an_ownership_statement_in_four_languages(message: str, makes: list[str]) -> None:
    assert owned_device(message, makes)


@pytest.mark.parametrize("message, makes", [
    ("a case for his samsung", ["samsung"]),
    ("un cargador para su iphone", ["iphone"]),
    ("给我老公的华为手机买个壳", []),
    ("samsung earbuds", ["samsung"]),
])
def test_a_wish_for_the_device_or_its_brand_is_no_ownership_statement(message: str, makes: list[str]) -> None:
    assert not owned_device(message, makes)


def test_a_device_had_while_speakers_are_sought_drops_the_make_and_keeps_the_wishes() -> None:
    heard = ShopperRequest(intent="refine", query="samsung smartphone", include={"brand": ["Samsung"]})
    speakers = {"category": ["BluetoothSpeakers", "OutdoorSpeakers"]}
    after, makes, dropped, note = owned_context(heard, ["samsung"], "my daughter uses a samsung phone", speakers, TYPES, "en")
    assert makes == [] and dropped == ["samsung"]
    assert "brand" not in after.include and after.query == ""
    assert note and "kept your wishes" in note


def test_the_device_said_in_chinese_is_no_new_type_and_the_note_is_chinese() -> None:
    heard = ShopperRequest(intent="recommend", include={"category": ["Smartphones"]}, language="zh")
    earphones = {"category": ["In-Ear"]}
    after, _, _, note = owned_context(heard, [], "我女儿用的是苹果手机", earphones, TYPES, "zh")
    assert after.include == {} and after.intent == "refine"
    assert note and "保留" in note


def test_a_device_had_while_cases_are_sought_stays_the_device_to_fit() -> None:
    heard = ShopperRequest(intent="refine")
    after, makes, dropped, note = owned_context(heard, ["oneplus"], "my brother has a oneplus", {"category": ["BasicCases"]},
                                                TYPES, "en")
    assert makes == ["oneplus"] and dropped == [] and note is None and after == heard


def test_with_no_type_in_force_the_statement_is_read_as_before() -> None:
    heard = ShopperRequest(intent="recommend", include={"brand": ["Samsung"]})
    assert owned_context(heard, ["samsung"], "she has a samsung", {}, TYPES, "en")[1] == ["samsung"]


def test_a_reason_never_credits_the_make_of_a_device_had() -> None:
    assert "samsung" in owned_words("he likes old songs. he has a samsung phone")
    assert "oneplus" in owned_words("mi hermano tiene un oneplus")
    assert "samsung" not in owned_words("he has a samsung phone, i want samsung earbuds")
    assert owned_words("samsung earbuds please") == set()


@pytest.mark.parametrize("message, size", [
    ("trail runners size 8.5 pls", "size 8.5"),
    ("need formal shoes uk 7 for my dad", "uk 7"),
    ("a hoodie in XXL", "xxl"),
    ("camiseta talla M para mi hijo", "talla m"),
    ("Sneaker in Größe 41", "grosse 41"),
    ("帮我找双跑鞋，43码的", "43码"),
])
def test_clothing_and_shoe_sizes_in_four_languages(message: str, size: str) -> None:
    assert sizes_said(message) == [size]


@pytest.mark.parametrize("message", ["a tv under 8k", "a 55 inch tv", "2 tshirts", "powerbank 20000 mah"])
def test_no_size_in_other_figures(message: str) -> None:
    assert sizes_said(message) == []


def test_a_turn_searches_without_the_size_on_a_shop_without_sizes() -> None:
    heard = ShopperRequest(intent="recommend", query="sport shoe size 8 men")
    assert without_sizes(heard, "sports shoes size 8 for men", ["category", "gender"]).query == "sport shoe men"
    heard = ShopperRequest(intent="recommend", query="sport shoe talla 39")
    assert without_sizes(heard, "zapatillas talla 39", ["category"]).query == "sport shoe"


def test_a_shop_with_a_size_field_keeps_the_size() -> None:
    heard = ShopperRequest(intent="recommend", query="sport shoe size 8")
    assert without_sizes(heard, "sports shoes size 8", ["category", "size"]) == heard
    assert size_note("sports shoes size 8", ["category", "size"], "en") is None


def test_the_reply_says_the_shop_lists_no_sizes_in_the_shoppers_language() -> None:
    assert "does not list sizes" in str(size_note("formal shoes uk 9", ["category"], "en"))
    assert "UK 9" in str(size_note("formal shoes uk 9", ["category"], "en"))
    assert "«talla 40»" in str(size_note("unas botas talla 40", ["category"], "es"))
    assert "„Größe L“" in str(size_note("eine Jacke in Größe L", ["category"], "de"))
    assert "尺码" in str(size_note("我穿XL码", ["category"], "zh"))


class _Item:
    def __init__(self, title: str, price: float | None) -> None:
        self.title, self.price = title, price


def test_cheaper_at_the_bottom_names_the_cheapest_seen() -> None:
    seen = [_Item("Sleeve A", 449.0), _Item("Sleeve B", 249.0), _Item("Sleeve C", None)]
    cheaper = ShopperRequest(intent="refine", relative_price="cheaper")
    bottom = cheapest_seen(cheaper, True, [], seen)
    assert bottom is not None and bottom.title == "Sleeve B"


def test_cheaper_with_new_items_left_or_a_figure_is_no_bottom() -> None:
    seen = [_Item("Sleeve A", 449.0)]
    assert cheapest_seen(ShopperRequest(intent="refine", relative_price="cheaper"), False, [], seen) is None
    assert cheapest_seen(ShopperRequest(intent="refine", relative_price="pricier"), True, [], seen) is None
    assert cheapest_seen(ShopperRequest(intent="refine", relative_price="cheaper"), True, ["colour"], seen) is None


@pytest.mark.parametrize("language, words", [("en", "drop"), ("es", "quito"), ("de", "weglassen"), ("zh", "放宽")])
def test_the_offer_to_drop_a_wish_in_four_languages(language: str, words: str) -> None:
    assert words in drop_offer(language)


def test_a_failed_wish_is_said_alone() -> None:
    notes = ["You have already seen every item.", "Good to know."]
    without_note(notes, "You have already seen every item.")
    assert notes == ["Good to know."]


@pytest.mark.parametrize("language, expected", [
    ("en", "None of the Smart watches I have (<= 1,500 INR) says “pink”"),
    ("es", "(<= 1.500"),  # stop 59: figures as Spanish and German write them
    ("de", "(<= 1.500"),
    ("zh", "（<= 1,500"),
])
def test_a_budget_stays_outside_the_noun_phrase_of_a_failed_wish(language: str, expected: str) -> None:
    phrases = Phrases().language(language)
    budget = phrases.summary(Wishes(max_price=1500.0), "INR")
    text = phrases.render("wanted_none", words="pink", wishes="Smart watches", closest=True, budget=budget)
    assert expected in text
    assert phrases.render("wanted_none", words="pink", wishes="Smart watches", closest=False, budget="").count("(") == 0


@pytest.mark.parametrize("message, pointer", [
    ("can i see the second one in red", "the second one"),
    ("quiero la primera pero en rojo", "la primera"),
    ("zeig mir den zweiten in schwarz", "den zweiten"),
    ("最后一个有没有红色的", "最后一个"),
    ("第二款有蓝色吗", "第二款"),
])
def test_pointing_words_in_four_languages(message: str, pointer: str) -> None:
    from chatrec.gaps_round12 import pointer_said

    assert pointer_said(message) == pointer


@pytest.mark.parametrize("message", ["it's the first time i buy a watch", "my first smartwatch", "la primera vez que compro"])
def test_no_pointing_word_in_a_story(message: str) -> None:
    from chatrec.gaps_round12 import pointer_said

    assert pointer_said(message) is None


class _Context:
    def __init__(self, shown: tuple[object, ...] = (), searching: bool = True) -> None:
        self.shown, self.searching = shown, searching


def test_a_pointer_with_nothing_shown_reads_the_other_wishes_and_shows_them() -> None:
    from chatrec.gaps_round12 import unshown_pointer

    asked = ShopperRequest(intent="ask_about_item", query="second red", language="zh")
    read = unshown_pointer(asked, "第二个有红色的吗", _Context(),
                           lambda text: ShopperRequest(intent="refine", include={"baseColour": ["Red"]}, query="red"))
    assert read.include == {"baseColour": ["Red"]} and read.show_now and read.intent == "refine"
    assert read.language == "zh" and read.references == []
    wished = ShopperRequest(intent="refine", include={"baseColour": ["Red"]}, query="second red")
    assert unshown_pointer(wished, "the second one in red", _Context(), _no_reread).query == "red"


def test_a_pointer_at_items_shown_is_left_to_the_reference_reading() -> None:
    from chatrec.gaps_round12 import unshown_pointer

    asked = ShopperRequest(intent="more_like", include={"baseColour": ["Red"]})
    assert unshown_pointer(asked, "the second one in red", _Context(shown=(object(),)), _no_reread) == asked


@pytest.mark.parametrize("language, message, words", [
    ("en", "the second one in red", "not shown you anything yet"),
    ("es", "la segunda en rojo", "no te he mostrado nada"),
    ("de", "das zweite in rot", "noch nichts gezeigt"),
    ("zh", "第二个有红色的吗", "还没有给您推荐"),
])
def test_the_reply_says_nothing_was_shown_yet_in_four_languages(language: str, message: str, words: str) -> None:
    from chatrec.gaps_round12 import pointing_note

    heard = ShopperRequest(intent="refine", include={"baseColour": ["Red"]})
    assert words in str(pointing_note(message, [], heard, language))
    assert pointing_note(message, ["shown"], heard, language) is None
    assert pointing_note(message, [], ShopperRequest(intent="refine"), language) is None


@pytest.mark.parametrize("word, language, question, said", [
    ("leather", "es", "¿la primera es de cuero?", "cuero"),
    ("heels", "es", "¿los primeros tienen taco alto?", "taco alto"),
    ("leather", "de", "ist die erste aus Leder?", "Leder"),
    ("waterproof", "de", "ist die zweite wasserdicht?", "wasserdicht"),
    ("leather", "zh", "第一个是真皮的吗", "真皮"),
    ("heels", "zh", "第二个是高跟鞋吗", "高跟鞋"),
])
def test_an_answer_quotes_the_shoppers_own_word(word: str, language: str, question: str, said: str) -> None:
    from chatrec.gaps_round12 import word_in_question

    assert word_in_question(word, language, question) == said


def test_a_word_the_question_does_not_hold_is_not_quoted_from_it() -> None:
    from chatrec.gaps_round12 import as_written, word_in_question

    assert word_in_question("heels", "es", "¿la segunda es negra?") is None
    assert as_written("heels", "¿la segunda es negra?") == "heels"
    assert as_written("absatz", "Hat die zweite einen Absatz?") == "Absatz"
