"""Questions about one spec of a shown item ("how big is the first one?", "how much RAM?", "多大尺寸？"):
answered with the figure the item's own name or description states, quoted, never with its price."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question, snippet
from chatrec.catalog import Item
from chatrec.labels import Labels
from chatrec.specs import specs

TV = Item(id="t", title="Samsung 80 cm (32 Inches) Wondertainment Series HD Ready LED Smart TV UA32T4340BKXXL (Glossy Black)",
          price=13490.0, currency="INR", attributes={"brand": "Samsung"})
PHONE = Item(id="p", title="Spark 8T (Cyan, 4GB RAM, 64GB Storage) | 5000mAh Battery", price=8499.0, currency="INR",
             description="50MP AI Camera|Helio G35 processor, 190 g")
BUDS = Item(id="b", title="Wecool Moonwalk M1 ENC True Wireless in Ear Earbuds with Mic",
            description="Up to 40 hours of playtime with the case|Type C fast charging", price=889.0, currency="INR")
SHIRT = Item(id="s", title="Peter England Men Blue Shirt", attributes={"baseColour": "Blue"})


@pytest.mark.parametrize("message, language, item, figure", [
    ("how big is it?", "en", TV, "32 Inches"),
    ("what size is the screen", "en", TV, "32 Inches"),
    ("多大尺寸？", "zh", TV, "32 Inches"),
    ("wie groß ist der Bildschirm?", "de", TV, "32 Inches"),
    ("how much ram does it have?", "en", PHONE, "4GB RAM"),
    ("¿cuánta ram tiene?", "es", PHONE, "4GB RAM"),
    ("and the storage?", "en", PHONE, "64GB Storage"),
    ("how heavy is it", "en", PHONE, "190 g"),
    ("电池多大？", "zh", PHONE, "5000mAh"),
    ("how big is the battery?", "en", PHONE, "5000mAh"),
    ("how long does the battery last?", "en", BUDS, "40 hours of playtime"),
])
def test_a_spec_question_quotes_the_figure_the_item_states(message: str, language: str, item: Item, figure: str) -> None:
    answer = answer_question(message, [item], language=language)
    assert answer.supported and figure in answer.text, answer.text
    assert "8,499" not in answer.text and "13,490" not in answer.text  # "how much ram" is no price question


def test_a_spec_no_item_states_is_said_plainly_in_the_shoppers_language() -> None:
    assert "does not state the weight" in answer_question("how heavy is the tv?", [TV]).text
    assert "没有写明重量" in answer_question("重不重？", [TV], language="zh").text
    both = answer_question("how much ram do they have?", [PHONE, TV]).text
    assert "4GB RAM" in both and "Samsung 80 cm" in both and "does not state the RAM" in both


def test_a_spec_word_the_data_names_without_a_figure_is_quoted_as_before() -> None:
    answer = answer_question("does it have a camera?", [Item(id="c", title="Basic phone with camera and torch")])
    assert answer.supported and "camera" in answer.text


def test_a_question_about_clothes_size_is_not_read_as_a_screen() -> None:
    assert "screen" not in answer_question("what size is it?", [SHIRT]).text


def test_a_network_or_a_chip_is_no_weight() -> None:
    assert specs("iQOO Z6 5G, faster than the Snapdragon 690G, 190g") == {(190.0, "g")}
    assert "weight" in answer_question("which is the lightest?", [
        Item(id="a", title="iQOO Z6 5G", description="faster than the Snapdragon 690G"),
        Item(id="b", title="Redmi 5G phone")]).text  # neither states a weight: said so, no "690 g"


def test_a_quote_keeps_whole_words_within_its_clause() -> None:
    text = "6000mAh lithium-ion battery, 1 year warranty|Upto 12GB RAM with RAM Plus"
    assert snippet(text, 0, 7) == "6000mAh lithium-ion battery, 1…"
    start = text.index("12GB")
    assert snippet(text, start, start + 4) == "Upto 12GB RAM with RAM…"


def test_a_make_is_shown_as_the_shop_writes_it() -> None:
    labels = Labels.for_items([Item(id="x", title="t", brand="PTron"),
                               Item(id="y", title="u", category="Cables|USBCables", brand="boAt")])
    assert labels.show("PTron") == "PTron" and labels.show("boAt") == "boAt"
    assert labels.show("Cables|USBCables") == "USB cables"  # glued categories still read as words


@pytest.mark.parametrize("message, language", [
    ("and the screen size?", "en"), ("what about the size on these", "en"), ("how big are they", "en"),
    ("¿y qué tamaño de pantalla?", "es"), ("尺寸呢？", "zh"), ("und wie groß?", "de"),
])
def test_a_bare_spec_question_after_items_asks_about_them_not_for_new_items(
        electronics_chatrec: object, message: str, language: str) -> None:
    rec = electronics_chatrec
    first = rec.respond("show me smart tvs", session_id=message)  # type: ignore[attr-defined]
    shown = {r.item_id for r in first.recommendations}
    assert len(shown) > 1
    reply = rec.respond(message, session_id=message)  # type: ignore[attr-defined]
    assert not reply.recommendations or {r.item_id for r in reply.recommendations} <= shown
    assert "inch" in reply.text.lower(), reply.text


@pytest.mark.parametrize("message, language", [
    ("show me phones with a big battery", "en"), ("a laptop with 16gb ram", "en"), ("电池大的手机", "zh"),
    ("busco un celular con buena batería", "es"), ("any with 20000mah?", "en"),
])
def test_a_spec_wish_with_a_product_or_a_figure_still_searches(message: str, language: str) -> None:
    from chatrec.answers import asks_spec_of_shown

    assert not asks_spec_of_shown(message, 5, language)


def test_a_yes_no_question_about_a_spec_word_is_not_answered_with_its_figure() -> None:
    answer = answer_question("is the battery removable?", [PHONE])
    assert "5000mAh" not in answer.text and "removable" in answer.text, answer.text
    assert "4GB RAM" in answer_question("does it have enough ram? how much ram?", [PHONE]).text


def test_a_size_asked_of_an_accessory_is_its_size_not_a_screen() -> None:
    sleeve = Item(id="l", title="GIZGA Neoprene Reversible for 15.6-inches Laptop Sleeve - Black-Red")
    answer = answer_question("how big is it?", [sleeve])
    assert "15.6-inches" in answer.text and "screen" not in answer.text, answer.text


@pytest.mark.parametrize("message, language, said", [
    ("what would you pick?", "en", "I would pick"), ("which one should I buy?", "en", "I would pick"),
    ("你会选哪个？", "zh", "我会选"), ("¿cuál me recomiendas?", "es", "Yo elegiría"),
    ("welchen würdest du nehmen?", "de", "Ich würde"),
])
def test_asked_to_pick_among_the_shown_it_names_the_first_ranked_with_its_reason(
        message: str, language: str, said: str) -> None:
    answer = answer_question(message, [PHONE, TV], language=language, reasons=["the budget you asked for", "a TV"])
    assert answer.kind == "best" and answer.positions == [1], answer
    assert answer.text.startswith(said) and "Spark 8T" in answer.text and "the budget you asked for" in answer.text
