"""Batch 17's conversation classes (issue 12, branch i12bj; ``chatrec/batch17_classes.py``), on other wordings
than the batch's: a brand asked about alone, a remark about the language, a wish given up with a contraction
or in Chinese, "u" for "you", German "nicht den <title word>", "4k" of televisions, "not the <word> ones", the
budget given up in another language, one product type of those in force named by a word of it, pattern and
build words of clothes and cables in Chinese, Spanish and German, and a title wish said when every fitting item
was seen."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from chatrec import batch17_classes
from chatrec.recommender import ChatRec
from chatrec.request import ItemReference, ShopperRequest


@pytest.fixture
def fashion(fashion_chatrec: ChatRec) -> ChatRec:
    return fashion_chatrec


@pytest.fixture
def electronics(electronics_chatrec: ChatRec) -> ChatRec:
    return electronics_chatrec


def _items(rec: ChatRec, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


# ---------------------------------------------------------------- a brand asked about alone

def test_a_title_brand_asked_alone_shows_its_items_with_the_earlier_wishes(fashion: ChatRec) -> None:
    fashion.respond("tshirts for men", session_id="s")
    reply = fashion.respond("got any nike ones?", session_id="s")
    items = _items(fashion, reply)
    assert items and all("nike" in i.title.lower() and i.attributes["articleType"] == "Tshirts" for i in items)


def test_a_spanish_brand_question_alone_is_a_wish(fashion: ChatRec) -> None:
    fashion.respond("zapatillas deportivas de hombre", session_id="s")
    reply = fashion.respond("¿hay de Nike?", session_id="s")
    items = _items(fashion, reply)
    assert items and all("nike" in i.title.lower() and i.attributes["articleType"] == "Sports Shoes" for i in items)


def test_a_brand_field_value_asked_alone_keeps_the_budget(electronics: ChatRec) -> None:
    electronics.respond("a smart tv under 20000", session_id="s")
    reply = electronics.respond("any tcl?", session_id="s")
    items = _items(electronics, reply)
    assert items and all(i.brand == "TCL" and i.price <= 20000 for i in items)


def test_a_chinese_brand_question_alone_is_a_wish(fashion: ChatRec) -> None:
    fashion.respond("男士运动鞋", session_id="s")
    reply = fashion.respond("有没有耐克的", session_id="s")
    items = _items(fashion, reply)
    assert items and all("nike" in i.title.lower() for i in items)


def _heard(intent: str, **update: Any) -> ShopperRequest:
    return ShopperRequest(intent=intent, **update)  # type: ignore[arg-type]


def test_a_message_that_points_is_no_brand_question() -> None:
    heard = _heard("ask_about_item", references=[ItemReference(position=2, how="position")])
    same = batch17_classes.brand_question(heard, "the puma one?", wishes=True, brand_values=[],
                                          asked=lambda text: ["puma"])
    assert same is heard
    pointed = _heard("ask_about_item", references=[ItemReference(position=1, how="title")])
    assert batch17_classes.brand_question(pointed, "is the puma one leather?", wishes=True, brand_values=[],
                                          asked=lambda text: ["puma"]) is pointed


def test_a_brand_field_is_matched_in_any_spelling() -> None:
    heard = _heard("ask_about_item", references=[ItemReference(position=1, how="all")])
    out = batch17_classes.brand_question(heard, "tp link ones?", wishes=True, brand_values=["TP-Link", "D-Link"],
                                         asked=lambda text: [])
    assert out.intent == "refine" and out.include == {"brand": ["TP-Link"]} and not out.references


# ---------------------------------------------------------------- message rewrites

@pytest.mark.parametrize(("message", "plain"), [
    ("sorry, im switching to english. black ones?", "black ones?"),
    ("english is easier for me. do you have it in red", "do you have it in red"),
    ("let me write in english", "let me write in english"),  # only the remark: as written
])
def test_a_remark_about_the_language_is_taken_out(message: str, plain: str) -> None:
    assert batch17_classes.without_language_remark(message) == plain


@pytest.mark.parametrize(("message", "plain"), [
    ("any brand's fine", "any brand is fine"),
    ("whatever color's ok", "whatever color is ok"),
    ("牌子都可以", "什么牌子都行"),
    ("颜色随便吧", "什么颜色都行吧"),
])
def test_a_wish_given_up_is_read_as_the_rules_read_it(message: str, plain: str) -> None:
    assert batch17_classes.given_up(message) == plain


@pytest.mark.parametrize(("message", "plain"), [
    ("what would u choose", "what would you choose"),
    ("do u sell belts", "do you sell belts"),
    ("U.S. Polo for him", "U.S. Polo for him"),
])
def test_u_for_you_is_spelt_out(message: str, plain: str) -> None:
    assert batch17_classes.you_spelt_out(message) == plain


def test_german_nicht_den_title_word_turns_the_word_down() -> None:
    words = frozenset({"mini", "nano"})
    assert batch17_classes.not_the_de("aber nicht die Mini", words) == "ohne Mini"
    assert batch17_classes.not_the_de("bitte nicht den Nano.", words) == "ohne Nano."
    assert batch17_classes.not_the_de("nicht das Richtige", words) == "nicht das Richtige"


def _tv(price: float, title: str) -> Any:
    return SimpleNamespace(price=price, title=title)


def test_4k_of_televisions_is_the_resolution_not_a_budget() -> None:
    shown = [_tv(24999, "Acer 109 cm (43 inches) 4K Ultra HD TV"), _tv(19999, "Mi 108 cm (43 inches) Full HD TV")]
    assert batch17_classes.resolution("only 4k", shown) == "only uhd"
    assert batch17_classes.resolution("4k ones please", shown) == "uhd ones please"
    assert batch17_classes.resolution("under 4k", shown) == "under 4k"  # a money word: a budget
    cables = [_tv(299, "boAt Type C cable"), _tv(399, "Wayona cable")]
    assert batch17_classes.resolution("4k only", cables) == "4k only"  # items that cheap: a budget


def test_a_tv_conversation_reads_4k_pls_as_the_resolution(electronics: ChatRec) -> None:
    electronics.respond("43 inch smart tv under 30k", session_id="s")
    reply = electronics.respond("4k ones pls", session_id="s")
    items = _items(electronics, reply)
    assert items and all("4k" in i.title.lower() and i.price <= 30000 for i in items)


# ---------------------------------------------------------------- request corrections

def test_not_the_word_ones_turns_the_word_down_in_later_lists(fashion: ChatRec) -> None:
    fashion.respond("shirts for men", session_id="s")
    shown = _items(fashion, fashion.respond("more", session_id="s"))
    if not any("check" in i.title.lower() for i in shown):
        pytest.skip("no checked shirt shown")
    reply = fashion.respond("none of those check ones", session_id="s")
    later = _items(fashion, reply) + _items(fashion, fashion.respond("more", session_id="s"))
    assert later and not any("check" in i.title.lower() for i in later)


@pytest.mark.parametrize("message", ["der Preis ist mir egal", "不管价格，要三星的", "el precio da igual"])
def test_the_budget_given_up_in_another_language_is_dropped(message: str) -> None:
    heard = _heard("refine")
    out = batch17_classes.budget_given_up(heard, message)
    assert "price" in out.drop and out.price is None


def test_a_budget_not_given_up_stays() -> None:
    heard = _heard("refine")
    assert batch17_classes.budget_given_up(heard, "el precio es importante") is heard


def test_a_word_of_one_type_in_force_narrows_to_it() -> None:
    heard = _heard("refine", query="make it smart")
    out = batch17_classes.narrowed_type(heard, {"category": ["SmartTelevisions", "StandardTelevisions"]}, ["category"])
    assert out.include == {"category": ["SmartTelevisions"]}
    heard = _heard("refine", query="a standard one")
    out = batch17_classes.narrowed_type(heard, {"category": ["SmartTelevisions", "StandardTelevisions"]}, ["category"])
    assert out.include == {"category": ["StandardTelevisions"]}
    shared = _heard("refine", query="televisions please")
    assert batch17_classes.narrowed_type(shared, {"category": ["SmartTelevisions", "StandardTelevisions"]},
                                         ["category"]) is shared


def test_a_spanish_budget_given_up_keeps_the_brands_asked(electronics: ChatRec) -> None:
    electronics.respond("una tele de 32 pulgadas por menos de 9000", session_id="s")
    reply = electronics.respond("el presupuesto da igual, que sea Samsung", session_id="s")
    items = _items(electronics, reply)
    assert items and all(i.brand == "Samsung" for i in items) and any(i.price > 9000 for i in items)


# ---------------------------------------------------------------- words of patterns and builds

def test_german_striped_words_are_turned_down(fashion: ChatRec) -> None:
    fashion.respond("Hemden für Herren", session_id="s")
    reply = fashion.respond("ohne Streifen bitte", session_id="s")
    items = _items(fashion, reply)
    assert items and not any("stripe" in i.title.lower() for i in items)


def test_chinese_braided_is_a_feature_the_titles_state(electronics: ChatRec) -> None:
    electronics.respond("type c cable", session_id="s")
    reply = electronics.respond("要编织的", session_id="s")
    items = _items(electronics, reply)
    assert items and "braided" in items[0].title.lower()


# ---------------------------------------------------------------- every fitting item seen

def test_giving_a_title_brand_up_after_every_fitting_item_was_seen_keeps_the_colour(fashion: ChatRec) -> None:
    for message in ("tshirts for men", "black", "no polos", "nike"):
        fashion.respond(message, session_id="s")
    reply = fashion.respond("the brand doesnt matter", session_id="s")
    items = _items(fashion, reply)
    assert items and all(i.attributes["baseColour"] == "Black" for i in items)
