"""Batch 14's strict xfails, fixed by class (issue 12, branch i12ba; ``chatrec/batch14_fixes.py``), on other
wordings than the batch's: a Spanish or German message with a word English shares keeps the conversation's
language, a computer's wifi problem wants a wifi adapter, a bare use said of a broader product type is the
type of that use, "算了还是X吧" wants X after all, an MFi wish is a feature the items must state, a figure said
with "bigger" is the size wanted, a piece "to match" replaces the type in force, an occasion's use gives
way to a colour said with it, stock and size questions ask about the items shown, and a size range in a
title covers the sizes inside it."""

from __future__ import annotations

import pytest

from chatrec import batch14_fixes
from chatrec.recommender import ChatRec
from chatrec.request import ShopperRequest
from chatrec.specs import features


def _titles(rec: ChatRec, reply: object) -> list[str]:
    return [rec.item(r.item_id).title for r in reply.recommendations]  # type: ignore[attr-defined]


def _values(rec: ChatRec, reply: object, name: str) -> list[str]:
    return [str(rec.item(r.item_id).field_value(name)) for r in reply.recommendations]  # type: ignore[attr-defined]


# --- the conversation's language ----------------------------------------------------------------------


@pytest.mark.parametrize(("message", "language"), [
    ("no, súbelo a 20000", "es"), ("no, dámelo en negro", "es"), ("no, 9000", "es"),
    ("no, lieber bis 500", "de"), ("no, so bis 800", "de"),
])
def test_a_word_english_shares_keeps_the_conversations_language(message: str, language: str) -> None:
    assert batch14_fixes.keeps_language(message, language)


@pytest.mark.parametrize(("message", "language"), [
    ("no thanks", "es"), ("show me more", "es"), ("no, the blue one", "de"), ("no, bajalo a 9000", "en"),
])
def test_an_english_message_or_conversation_stays_english(message: str, language: str) -> None:
    assert not batch14_fixes.keeps_language(message, language)


def test_a_steering_message_in_a_spanish_conversation_is_answered_in_spanish(electronics: ChatRec) -> None:
    electronics.respond("un cable hdmi", session_id="es")
    electronics.respond("hasta 800", session_id="es")
    reply = electronics.respond("no, súbelo a 1000", session_id="es")
    assert reply.recommendations and "Aquí tienes" in reply.text, reply.text


# --- a problem instead of a product -------------------------------------------------------------------


@pytest.mark.parametrize("message", [
    "mi ordenador no tiene wifi", "mein Laptop findet kein WLAN", "电脑连不上无线网",
    "the desktop in my study has no wifi", "my laptop's wifi stopped working",
])
def test_a_computers_wifi_problem_wants_a_wifi_adapter(message: str) -> None:
    assert batch14_fixes.problem_product(message) == "wifi adapter"


@pytest.mark.parametrize("message", ["a wifi router for my office", "my pc is slow", "das WLAN ist super"])
def test_no_problem_no_product(message: str) -> None:
    assert batch14_fixes.problem_product(message) is None


@pytest.mark.parametrize("message", ["mein Rechner hat kein WLAN, was brauche ich", "mi compu no agarra el wifi"])
def test_a_wifi_problem_shows_wifi_adapters_and_turns_nothing_down(electronics: ChatRec, message: str) -> None:
    reply = electronics.respond(message, session_id="wlan")
    assert reply.recommendations and set(_values(electronics, reply, "category")) == {"WirelessUSBAdapters"}
    assert "nicht wlan" not in reply.text.lower() and "no wifi" not in reply.text.lower(), reply.text


# --- a usage said of a broader type -------------------------------------------------------------------

_COUNTS = {"subCategory": {"Shoes": 9, "Topwear": 9}, "articleType": {"Formal Shoes": 3, "Sports Shoes": 4, "Shirts": 5},
           "usage": {"Formal": 5, "Sports": 4}}


@pytest.mark.parametrize(("usage", "expected"), [("Formal", "Formal Shoes"), ("Sports", "Sports Shoes")])
def test_a_usage_of_the_current_shoes_is_that_type_of_shoe(usage: str, expected: str) -> None:
    heard = ShopperRequest(intent="refine", include={"usage": [usage]})
    out = batch14_fixes.usage_as_type(heard, {"subCategory": ["Shoes"]}, _COUNTS)
    assert out.include == {"articleType": [expected]}


def test_a_usage_with_no_such_type_stays_a_usage() -> None:
    heard = ShopperRequest(intent="refine", include={"usage": ["Formal"]})
    assert batch14_fixes.usage_as_type(heard, {"subCategory": ["Topwear"]}, _COUNTS) == heard
    assert batch14_fixes.usage_as_type(heard, {}, _COUNTS) == heard


@pytest.mark.parametrize(("first", "then", "no"), [
    ("帮我爷爷挑双鞋", "正式一点的", "别要黑色的"), ("shoes for my grandad", "formal", "not black"),
    ("zapatos para mi abuelo", "formales", "que no sean negros"),
])
def test_a_usage_after_shoes_keeps_that_type_of_shoe_when_a_colour_is_turned_down(
        fashion: ChatRec, first: str, then: str, no: str) -> None:
    fashion.respond(first, session_id="shoes")
    fashion.respond(then, session_id="shoes")
    reply = fashion.respond(no, session_id="shoes")
    kinds = set(_values(fashion, reply, "articleType"))
    assert kinds <= {"Formal Shoes"} and "Black" not in _values(fashion, reply, "baseColour"), (kinds, reply.text)


# --- a value wanted after all --------------------------------------------------------------------------


@pytest.mark.parametrize("message", ["算了还是白色吧", "算了，还是要棕色的"])
def test_never_mind_then_a_colour_wants_that_colour(message: str) -> None:
    heard = ShopperRequest(intent="refine", language="zh", exclude={"baseColour": ["White"]})
    out = batch14_fixes.after_all(heard, message)
    assert out.include == {"baseColour": ["White"]} and out.exclude == {}


@pytest.mark.parametrize("message", ["算了，还是不要白色", "还是别要白色的"])
def test_a_colour_turned_down_after_never_mind_stays_down(message: str) -> None:
    heard = ShopperRequest(intent="refine", language="zh", exclude={"baseColour": ["White"]})
    assert batch14_fixes.after_all(heard, message) == heard


def test_a_colour_turned_down_then_wanted_after_all_is_shown(fashion: ChatRec) -> None:
    fashion.respond("男士休闲鞋", session_id="after")
    fashion.respond("不要白色", session_id="after")
    reply = fashion.respond("算了还是白色吧", session_id="after")
    assert reply.recommendations and set(_values(fashion, reply, "baseColour")) == {"White"}, reply.text


# --- MFi, a feature titles state ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["only if it is MFi certified", "mfi-zertifiziert bitte", "a cable made for iphone"])
def test_mfi_is_a_feature(text: str) -> None:
    assert "mfi" in features(text)


@pytest.mark.parametrize("then", ["i'd pay up to 900 for an mfi one", "bis 900 wenn es MFi-zertifiziert ist"])
def test_an_mfi_wish_shows_only_cables_that_state_it(electronics: ChatRec, then: str) -> None:
    electronics.respond("lightning cable for iphone", session_id="mfi")
    reply = electronics.respond(then, session_id="mfi")
    titles = _titles(electronics, reply)
    assert titles and all("mfi" in t.lower() for t in titles), titles


# --- a figure said with "bigger" ------------------------------------------------------------------------


@pytest.mark.parametrize(("message", "bounds", "expected"), [
    ("más grandes, de 50", {"inch": (33.6, None)}, {"inch": (50.0, 50.0)}),
    ("größer bitte, 55 und bis 40000", {"inch": (33.6, None)}, {"inch": (55.0, 55.0)}),
    ("a smaller one, 32 maybe", {"inch": (None, 41.0)}, {"inch": (32.0, 32.0)}),
])
def test_a_figure_said_with_a_comparative_is_the_figure_wanted(
        message: str, bounds: dict[str, tuple[float | None, float | None]], expected: dict[str, tuple[float, float]]) -> None:
    assert batch14_fixes.figure_said(message, bounds) == expected


@pytest.mark.parametrize("message", ["bigger ones under 20000", "bigger, 43 or 50", "bigger, like 400"])
def test_no_single_fitting_figure_keeps_the_comparative(message: str) -> None:
    assert batch14_fixes.figure_said(message, {"inch": (33.6, None)}) == {"inch": (33.6, None)}


@pytest.mark.parametrize("then", ["got anything bigger? 55 and below 60k", "una más grande, de 55", "eine größere, so 55"])
def test_bigger_with_a_figure_shows_that_size(electronics: ChatRec, then: str) -> None:
    electronics.respond("a 43 inch smart tv", session_id="big")
    reply = electronics.respond(then, session_id="big")
    titles = _titles(electronics, reply)
    assert titles and all("55 inch" in t.lower() for t in titles), titles


# --- a piece to match ---------------------------------------------------------------------------------


@pytest.mark.parametrize("message", ["plus a wallet to go with them", "y una cartera a juego", "dazu passend ein Portemonnaie"])
def test_a_piece_to_match_replaces_the_type_in_force(message: str) -> None:
    heard = ShopperRequest(intent="refine", include={"articleType": ["Formal Shoes", "Wallets"]})
    out = batch14_fixes.to_match(heard, message, {"articleType": ["Formal Shoes"]})
    assert out.include == {"articleType": ["Wallets"]}


def test_and_also_without_matching_still_adds_the_type() -> None:
    heard = ShopperRequest(intent="refine", include={"articleType": ["Formal Shoes", "Wallets"]})
    assert batch14_fixes.to_match(heard, "and also a wallet", {"articleType": ["Formal Shoes"]}) == heard


@pytest.mark.parametrize("then", ["and a wallet to go with them", "y una cartera a juego"])
def test_a_piece_to_match_shows_that_piece_only(fashion: ChatRec, then: str) -> None:
    fashion.respond("brown casual shoes for men", session_id="match")
    reply = fashion.respond(then, session_id="match")
    kinds = set(_values(fashion, reply, "articleType"))
    assert kinds == {"Wallets"}, (kinds, reply.text)


# --- an occasion's use gives way to a colour said ---------------------------------------------------------


def test_an_occasions_use_is_older_than_the_values_said() -> None:
    wishes = batch14_fixes.occasion_first({"articleType": ["Heels"], "baseColour": ["Gold"]}, {"usage": ["Ethnic"]})
    assert list(wishes) == ["usage", "articleType", "baseColour"]


@pytest.mark.parametrize(("last", "named", "expected"), [
    (["usage"], ["articleType", "baseColour"], ["usage", "baseColour"]),
    (["usage"], ["articleType"], ["usage"]),  # "and shoes to go with it": the use outlasts an older colour
    ([], ["baseColour"], []),
])
def test_a_value_said_with_the_new_piece_is_as_dear_as_its_use(last: list[str], named: list[str], expected: list[str]) -> None:
    assert batch14_fixes.said_now_too(last, named) == expected


@pytest.mark.parametrize("message", ["gold heels for a wedding please", "goldene Absatzschuhe für eine Hochzeit"])
def test_a_colour_said_with_an_occasion_is_kept_when_nothing_fits_both(fashion: ChatRec, message: str) -> None:
    reply = fashion.respond(message, session_id="gold")
    assert reply.recommendations and set(_values(fashion, reply, "baseColour")) == {"Gold"}, reply.text


# --- stock and sizes asked of the items shown ---------------------------------------------------------------


@pytest.mark.parametrize("message", ["do you have size 10 in stock", "gibt es die in Größe 42?", "这双有货吗", "¿están agotados?"])
def test_a_stock_or_size_question_after_items_asks_about_them(message: str) -> None:
    shown = [type("Item", (), {"id": "a"})(), type("Item", (), {"id": "b"})()]
    out = batch14_fixes.stock_question(ShopperRequest(intent="recommend"), message, shown)
    assert out.intent == "ask_about_item" and [r.position for r in out.references] == [1, 2] and not out.show_now


@pytest.mark.parametrize("message", ["size 10 black ones", "tienen en stock?"])
def test_no_stock_question_before_items_or_with_a_wish(message: str) -> None:
    assert batch14_fixes.stock_question(ShopperRequest(intent="recommend"), message, []).intent == "recommend"
    wish = ShopperRequest(intent="refine", include={"baseColour": ["Black"]})
    assert batch14_fixes.stock_question(wish, message, [object()]) == wish


@pytest.mark.parametrize("then", ["haben Sie die in Größe 42 auf Lager?", "do you have size 10 in stock"])
def test_a_stock_question_shows_nothing_new(fashion: ChatRec, then: str) -> None:
    fashion.respond("black formal shoes for men", session_id="stock")
    reply = fashion.respond(then, session_id="stock")
    assert not reply.recommendations, reply.text


# --- a size range covers the sizes inside it --------------------------------------------------------------


@pytest.mark.parametrize(("title", "family", "bound", "covers"), [
    ("Wall mount for 26 to 55 inch TVs", "inch", 43.0, True), ('Bracket fits 32"-65" tvs', "inch", 50.0, True),
    ("Tilt Wall Mount 32-55-inch", "inch", 65.0, False), ("OnePlus 108 cm (43 inches) Y Series", "inch", 50.0, False),
    ("Retractable cable 1-2 m", "m", 1.5, True),
])
def test_a_stated_range_covers_a_bound_inside_it(title: str, family: str, bound: float, covers: bool) -> None:
    assert batch14_fixes.range_covers(title, family, bound, bound) is covers


@pytest.mark.parametrize("message", ["i need a 50 inch tv plus a wall mount", "a 40 inch tv and a wall mount to hang it"])
def test_a_size_said_of_the_tv_keeps_a_mount_whose_range_holds_it(electronics: ChatRec, message: str) -> None:
    reply = electronics.respond(message, session_id="mount")
    kinds = set(_values(electronics, reply, "category"))
    assert "TVWall&CeilingMounts" in kinds and kinds & {"SmartTelevisions", "StandardTelevisions"}, (kinds, reply.text)
