"""Found by shopping the electronics demo: questions about several shown items, a brand that is an
English word, a shopper's age in a reason, and a name detail read as something asked for."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question, is_question_about_shown
from chatrec.catalog import Item
from chatrec.grounding import FactWriter, Request, distinguishing_facts, facts_for

NOISE = Item(id="n", title="Noise Buds Vs104 Truly Wireless in Ear Earbuds with Mic, Instacharge", category="In-Ear",
             brand="Noise", price=1299.0, currency="INR", description="30 hours of playtime")
ENC = Item(id="e", title="Wecool Moonwalk M1 ENC True Wireless in Ear Earbuds, Type C Fast Charging", category="In-Ear",
           brand="Wecool", price=889.0, currency="INR", description="Environmental noise cancellation for calls")
WIRED = Item(id="w", title="Boult BassBuds X1 in-Ear Wired Earphones with mic", category="In-Ear", brand="Boult",
             price=329.0, currency="INR", description="Extra bass driver")
OTHER = Item(id="o", title="JBL C100SI Wired In Ear Headphones with Mic", category="In-Ear", brand="JBL",
             price=599.0, currency="INR", description="Pure bass sound")


@pytest.mark.parametrize("question", ["do any of them have noise cancellation?", "which ones have noise reduction?"])
def test_a_brand_sharing_the_first_word_of_a_feature_answers_nothing(question: str) -> None:
    answer = answer_question(question, [NOISE, ENC, WIRED])
    assert "listed as Noise" not in answer.text and "Yes" not in answer.text


def test_items_the_data_is_silent_about_are_named_in_one_sentence() -> None:
    answer = answer_question("do any of these have noise cancellation?", [ENC, NOISE, WIRED, OTHER])
    assert "Wecool" in answer.text and "noise cancellation" in answer.text
    assert answer.text.count("says nothing about") == 1 and "does not say" not in answer.text
    assert all(name in answer.text for name in ("Noise Buds", "Boult", "JBL"))


@pytest.mark.parametrize("question, quoted", [
    ("does the first support fast charging?", "fast charging"),
    ("can it do quick fast charging", "fast charging"),
])
def test_the_quote_is_words_the_item_says_as_written(question: str, quoted: str) -> None:
    answer = answer_question(question, [ENC])
    assert f"“{quoted}”" in answer.text and "support" not in answer.text.split("mentions")[-1]


@pytest.mark.parametrize("message", ["is it waterproof", "do they come with a charger", "does this one have a mic",
                                     "are these wireless"])
def test_a_yes_no_question_about_it_needs_no_question_mark(message: str) -> None:
    assert is_question_about_shown(message, 5)
    assert not is_question_about_shown("is there anything cheaper", 5)


def test_a_bare_number_of_the_shoppers_words_is_no_feature_of_an_item() -> None:
    watch = Item(id="x", title="boAt Wave Call Smart Watch, 1.69 inch Display with 70% Color Gamut", category="Smart watches",
                 brand="boAt", price=1999.0, currency="INR")
    request = Request(text="smartwatch for my dad who is 70")
    reason = FactWriter().write(facts_for(watch, request))
    assert "70" not in reason


def test_a_name_detail_that_tells_items_apart_is_not_said_to_be_asked_for() -> None:
    red = Item(id="r", title="boAt Wave Lite Smartwatch Scarlet Red with HD Display", category="Smart watches",
               brand="boAt", price=1499.0, currency="INR", description="big HD display")
    blue = Item(id="b", title="boAt Wave Lite Smartwatch Deep Blue with HD Display", category="Smart watches",
                brand="boAt", price=1499.0, currency="INR", description="big HD display")
    request = Request(text="a smartwatch with a big display")
    writer = FactWriter()
    facts = distinguishing_facts([facts_for(red, request), facts_for(blue, request)], [red, blue], writer.write)
    reasons = [writer.write(fact_list) for fact_list in facts]
    assert reasons[0] != reasons[1]
    said = [(reason, colour) for reason, colour in zip(reasons, ("Scarlet", "Deep")) if colour in reason]
    assert said
    for reason, colour in said:
        tail = reason.split("—")[-1]
        assert colour not in tail and "you asked for" in tail
        assert reason.index(colour) < reason.index("display")  # said among the item's facts, away from the tail


@pytest.mark.parametrize("message", ["headphones with noise cancellation", "earbuds with good noise isolation"])
def test_a_brand_that_is_a_word_before_a_feature_noun_is_no_brand(catalogues: object, message: str) -> None:
    from tests.demo_reading import read

    assert "brand" not in read(catalogues, "electronics", message).include


@pytest.mark.parametrize("message, brand", [("noise earbuds under 2000", "Noise"), ("Samsung Fernseher unter 30000", "Samsung"),
                                            ("a samsung television", "Samsung")])
def test_a_brand_before_a_product_word_stays_a_brand(catalogues: object, message: str, brand: str) -> None:
    from tests.demo_reading import read

    assert brand in read(catalogues, "electronics", message).include.get("brand", ())


def test_a_question_about_it_after_several_items_is_answered_about_them(electronics_chatrec: object) -> None:
    rec = electronics_chatrec
    first = rec.respond("show me usb cables under 500", session_id="w")  # type: ignore[attr-defined]
    assert len(first.recommendations) > 1
    shown = {r.item_id for r in first.recommendations}
    reply = rec.respond("is it braided", session_id="w")  # type: ignore[attr-defined]
    assert not reply.recommendations or {r.item_id for r in reply.recommendations} <= shown
    assert "braided" in reply.text


@pytest.mark.parametrize("message, product", [
    ("a charger for iphone", "charger"),
    ("fast charger compatible with samsung", "charger"),
    ("a remote that works with LG", "remote"),
])
def test_a_brand_after_for_names_what_the_product_goes_with_not_its_maker(
        catalogues: object, message: str, product: str) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "electronics", message)
    assert "brand" not in heard.include and heard.include and product in heard.query


def test_several_wished_values_of_one_field_filter_without_steering_the_search_text() -> None:
    from chatrec.dialogue import DialogueState

    state = DialogueState(include={"category": ["AutomobileChargers", "GeneralPurposeBatteries&BatteryChargers"],
                                   "brand": ["Samsung"]}, queries=["charger fast"])
    assert "Batteries" not in state.query() and "Samsung" in state.query() and "charger fast" in state.query()


PHONES = {"category": ["Smartphones"]}


@pytest.mark.parametrize("message", [
    "one with a better camera", "something with a bigger display", "要拍照好一点的", "我要电池大的", "有没有屏幕大一点的",
    "quiero uno con buena cámara",
])
def test_a_feature_the_wished_products_keep_mentioning_is_no_new_product(catalogues: object, message: str) -> None:
    from tests.demo_reading import read

    _vocabulary, items = catalogues["electronics"]  # type: ignore[index]
    phones = tuple(i for i, item in items.items() if item.category == "Smartphones")[:5]
    heard = read(catalogues, "electronics", message, shown=phones, current=PHONES)
    assert not heard.include and heard.intent in ("refine", "recommend", "ask_about_item")


@pytest.mark.parametrize("message, category", [
    ("now show me cameras", "Cameras&Photography"), ("a good charger too", "WallChargers"),
    ("a phone case", "BasicCases"),  # lead, stop 30: this shop files phone cases as BasicCases, "Cases" are iPad ones
])
def test_another_product_named_during_a_search_is_still_a_new_product(catalogues: object, message: str, category: str) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "electronics", message, current=PHONES)
    assert category in {v for values in heard.include.values() for v in values}


@pytest.mark.parametrize("message", ["do you have one with a bigger screen?", "any with a longer battery life?"])
def test_asking_for_one_with_more_of_a_spec_searches_instead_of_comparing_the_shown(
        electronics_chatrec: object, message: str) -> None:
    rec = electronics_chatrec
    first = rec.respond("show me usb cables under 500", session_id="s")  # type: ignore[attr-defined]
    assert first.recommendations
    reply = rec.respond(message, session_id="s")  # type: ignore[attr-defined]
    assert reply.metadata.get("intent") not in ("ask_about_item", "compare")
    assert "cannot say which" not in reply.text


@pytest.mark.parametrize("message, language", [("¿cuál tiene mejor calificación?", "es"), ("¿y la mejor puntuación?", "es"),
                                               ("der beste?", "de"), ("welcher hat die meisten Sterne?", "de")])
def test_best_rated_in_the_shoppers_words_before_the_lexicon_rewrites_them(message: str, language: str) -> None:
    from chatrec.answers import asks_superlative

    rated = [Item(id=str(n), title=f"Phone {n}", category="Smartphones", attributes={"rating": str(r)})
             for n, r in enumerate((3.9, 4.4, 4.1), start=1)]
    assert asks_superlative(message, language)
    answer = answer_question(message, rated, language=language)
    assert answer.kind == "best" and answer.text.startswith("Phone 2")


def test_a_clicked_quick_reply_keeps_the_conversations_language(electronics_chatrec: object) -> None:
    rec = electronics_chatrec
    first = rec.respond("busco cables baratos", session_id="q")  # type: ignore[attr-defined]
    assert first.question is not None and first.metadata["understood"]["language"] == "es"
    reply = rec.respond(first.question.options[0], session_id="q")  # type: ignore[attr-defined]
    assert reply.metadata["understood"]["language"] == "es"


@pytest.mark.parametrize("message", ["hey, I need an outfit for a wedding next month", "looking for clothes for a trip",
                                     "show me some gym gear"])
def test_a_word_for_clothes_in_general_is_no_product_the_shop_lacks(message: str) -> None:
    from chatrec.not_carried import not_carried

    assert not_carried(message, {"shirt", "dress", "kurta"}) is None
    assert not_carried("do you have sherwanis?", {"shirt", "dress", "kurta"}) == "sherwanis"


def test_a_value_the_items_noun_already_says_is_not_repeated_in_the_reason() -> None:
    from chatrec.grounding import Fact
    from chatrec.prompting import default_prompts_dir
    from chatrec.reasons_local import _load

    facts = [Fact("type", "articleType", "handbag", False), Fact("gender", "gender", "women", True),
             Fact("attribute", "subCategory", "bags", True)]
    assert FactWriter().write(facts) == "A handbag for women — the gender and details you asked for."
    writer = _load("zh", str(default_prompts_dir()))
    assert writer is not None
    chinese = writer.write([Fact("type", "articleType", "Handbags", False),
                                           Fact("attribute", "subCategory", "Bags", True)])
    assert "包，" not in chinese and "手提包" in chinese
