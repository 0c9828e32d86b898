"""Stop 58: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from chatrec.gaps_round14 import figure_for_spec, viewed
from chatrec.request import PriceRange, ShopperRequest


def _ids(reply: Any) -> list[str]:
    return [r.item_id for r in reply.recommendations]


def _line(reply: Any) -> str:
    """What the list's line says it is for ("Watches, Men" of "Here are 5 suggestions for Watches, Men.")."""
    found = re.search(r"suggestions? for (.*)", reply.text.split("\n1.")[0])
    return found.group(1) if found else ""


# --- a shown item seen again by its place ---------------------------------------------------------------------------

@pytest.mark.parametrize(("message", "places"), [
    ("show me the first one again", [1]),
    ("can I see the second one again?", [2]),
    ("let me see #2 again", [2]),
    ("show me number 2", [2]),
    ("back to the first one you showed", [1]),
    ("ok can i have another look at the last one?", [5]),
    ("show me the first and third again", [1, 3]),
    ("the 2nd one again please", [2]),
    ("¿me enseñas otra vez la segunda?", [2]),
    ("muéstrame otra vez el primero", [1]),
    ("zeig mir die erste nochmal", [1]),
    ("kann ich das zweite nochmal sehen", [2]),
    ("再给我看看第二个", [2]),
    ("第一个和第三个再给我看看", [1, 3]),
    ("show me the first, second and third again", [1, 2, 3]),
    ("only the second and fourth", [2, 4]),
    ("just the 1st, 3rd and 5th", [1, 3, 5]),
    ("solo el segundo y el cuarto", [2, 4]),
    ("nur das zweite und vierte", [2, 4]),
    ("只看第二个和第四个", [2, 4]),
    ("lemme see the first one again", [1]),
    ("i wanna see the third again", [3]),
    ("go back to #2", [2]),
    ("nochmal die zweite bitte", [2]),
    ("把第一个再发给我看看", [1]),
    ("能再看一下第三款吗", [3]),
])
def test_a_place_asked_to_be_seen_again_is_read(message: str, places: list[int]) -> None:
    assert viewed(message, 5) == places


@pytest.mark.parametrize("message", [
    "show me the second one in blue",  # a wish beside it: more than seeing it again
    "show me the first ones again",  # the earlier list
    "go back to the first one",  # the first search, perhaps
    "show me the 2nd one's details",
    "number 3 please",  # a pick
    "show me the seventh one",  # past the list
    "show me more like the first one",
])
def test_other_wording_is_no_place_seen_again(message: str) -> None:
    """Guard: these keep their own readings."""
    assert viewed(message, 5) == []


@pytest.mark.parametrize(("first", "again", "place"), [
    ("jeans for men", "show me the first one again", 1),
    ("jeans for men", "can I see the second one again?", 2),
    ("jeans for men", "show me number 2", 2),
    ("quiero unas zapatillas para correr para hombre", "¿me enseñas otra vez la segunda?", 2),
    ("ich brauche eine Uhr für meinen Mann", "zeig mir die erste nochmal", 1),
    ("给我老公买个黑色的钱包", "再给我看看第二个", 2),
])
def test_a_shown_item_asked_again_by_place_is_shown_alone(whole_fashion: Any, first: str, again: str, place: int) -> None:
    """"show me the first one again" said "I am here to help you shop ..." (read as a count of one and the word
    "again"); "can I see the second one again?" said the catalogue "does not say anything about 'again'"; "show me
    number 2" said "This shop sells no number 2"; the Spanish, German and Chinese ones showed the list again or
    answered about "enseñas otra vez". The item at that place is shown, alone, in the shopper's language."""
    session = f"again-{first}-{again}"
    before = whole_fashion.respond(first, session_id=session)
    reply = whole_fashion.respond(again, session_id=session)
    assert _ids(reply) == [_ids(before)[place - 1]], reply.as_text()
    assert reply.text[:3] == before.text[:3], (before.text, reply.text)  # "Aquí tienes", "Hier", "为您找到"


def test_the_first_phone_again_after_a_camera_answer(whole_electronics: Any) -> None:
    """"which one has the best camera?" answered, then "show me the first one again" said "I am here to help you
    shop"; the first phone of the list is shown."""
    session = "phone-camera-again"
    shown = _ids(whole_electronics.respond("i need a new phone, nothing too expensive", session_id=session))
    whole_electronics.respond("which one has the best camera?", session_id=session)
    reply = whole_electronics.respond("show me the first one again", session_id=session)
    assert _ids(reply) == shown[:1], reply.as_text()


def test_back_to_the_first_one_shown_in_the_list_now(whole_fashion: Any) -> None:
    """"back to the first one you showed" answered that the jeans' data "does not say anything about 'back'"."""
    session = "black-jeans-back"
    whole_fashion.respond("jeans for men", session_id=session)
    shown = _ids(whole_fashion.respond("black ones", session_id=session))
    reply = whole_fashion.respond("back to the first one you showed", session_id=session)
    assert _ids(reply) == shown[:1] and "back" not in reply.text, reply.as_text()


# --- "bottoms", "just tops" ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["only bottoms please", "bottoms", "just the bottoms"])
def test_bottoms_for_the_gym_are_bottomwear(whole_fashion: Any, message: str) -> None:
    """"something to wear at the gym for a woman", then "only bottoms please" showed sports shoes (the word read as
    nothing); bottoms are trousers, shorts, skirts, capris."""
    session = f"gym-{message}"
    whole_fashion.respond("something to wear at the gym for a woman", session_id=session)
    reply = whole_fashion.respond(message, session_id=session)
    assert reply.recommendations and "Bottomwear" in _line(reply), reply.text
    assert not re.search(r"shoe", reply.as_text(), re.I), reply.as_text()


def test_just_tops_is_no_brand_just(whole_fashion: Any) -> None:
    """"just tops" said "None of the Sports, Women, Tops I have says “just”": "just" before a product type was
    taken for the title brand "Just"."""
    session = "gym-just-tops"
    whole_fashion.respond("something to wear at the gym for a woman", session_id=session)
    reply = whole_fashion.respond("just tops", session_id=session)
    assert reply.recommendations and "just" not in reply.text.lower(), reply.text


@pytest.mark.parametrize(("message", "kind"), [
    ("pyjama bottoms for my wife", "Lounge Pants"),
    ("track bottoms for men", "Track Pants"),
])
def test_named_bottoms_are_their_kind(whole_fashion: Any, message: str, kind: str) -> None:
    """"pyjama bottoms for my wife" showed night suits (a top with them), "track bottoms for men" anything with
    "track" in its name: pyjama bottoms are lounge pants, track bottoms track pants."""
    reply = whole_fashion.respond(message, session_id=f"kind-{message}")
    assert reply.recommendations and kind in _line(reply), reply.text


# --- a bare figure changing a size in force -------------------------------------------------------------------------

def test_make_it_43_after_32_inch_tvs_is_43_inches(whole_electronics: Any) -> None:
    """"tv for the bedroom", "32 inch", then "actually make it 43" left out "<= 43" (a budget of ₹43) and showed
    32-inch TVs again; the shopper changed the size."""
    session = "tv-make-it-43"
    for message in ("tv for the bedroom", "32 inch"):
        whole_electronics.respond(message, session_id=session)
    reply = whole_electronics.respond("actually make it 43", session_id=session)
    assert reply.recommendations and "43 inches" in _line(reply) and "left out" not in reply.text, reply.text
    assert all("43" in r.title for r in reply.recommendations), reply.as_text()


@pytest.mark.parametrize(("message", "specs", "budget", "bounds"), [
    ("actually make it 43", {"inch": [32.0, 32.0]}, (None, None), {"inch": (43.0, 43.0)}),
    ("43 instead", {"inch": [32.0, 32.0]}, (None, None), {"inch": (43.0, 43.0)}),
    ("改成43的", {"inch": [32.0, 32.0]}, (None, None), {"inch": (43.0, 43.0)}),
    ("make it 20000", {"mah": [10000.0, 10000.0]}, (None, None), {"mah": (20000.0, 20000.0)}),
    ("make it 50", {"inch": [None, 43.0]}, (None, None), {"inch": (None, 50.0)}),
])
def test_a_bare_figure_proposed_changes_the_spec(
    message: str, specs: dict[str, list[float | None]], budget: tuple[float | None, float | None],
    bounds: dict[str, tuple[float | None, float | None]],
) -> None:
    heard = ShopperRequest(intent="refine", price=PriceRange(max=float(re.findall(r"\d+", message)[0])))
    found, request = figure_for_spec(message, heard, specs, budget)
    assert {k: tuple(round(x) if x is not None else None for x in v) for k, v in found.items()} == bounds
    assert request.price is None and request.show_now


@pytest.mark.parametrize(("message", "specs", "budget"), [
    ("what about 50000", {"inch": [43.0, 43.0]}, (None, 30000.0)),  # the budget's figure
    ("make it 43", {"inch": [32.0, 32.0], "gb": [8.0, 8.0]}, (None, None)),  # which spec?
    ("make it 2", {"inch": [32.0, 32.0]}, (None, None)),  # far from 32 inches
    ("43 inch black ones", {"inch": [32.0, 32.0]}, (None, None)),  # more said
])
def test_other_figures_are_no_spec_change(
    message: str, specs: dict[str, list[float | None]], budget: tuple[float | None, float | None]
) -> None:
    """Guard: a figure near the budget, several specs, a far figure, or more words keep their readings."""
    heard = ShopperRequest(intent="refine")
    assert figure_for_spec(message, heard, specs, budget) == ({}, heard)


# --- the shop's best one of a thing it does not sell -----------------------------------------------------------------

@pytest.mark.parametrize(("message", "thing"), [
    ("what's the best washing machine?", "washing machine"),
    ("which fridge would you recommend?", "fridge"),
    ("can you recommend a good fridge?", "fridge"),
    ("what's the best sofa you have?", "sofa"),
])
def test_the_best_of_a_thing_not_sold_says_so(whole_electronics: Any, message: str, thing: str) -> None:
    """"what's the best washing machine?" said "I can only help with shopping in this catalogue"; "which fridge would
    you recommend?" showed a food sealer and milk frothers; "what's the best sofa you have?" asked which subcategory.
    The reply names the thing as not found or not sold and asks which of the shop's kinds instead."""
    reply = whole_electronics.respond(message, session_id=f"best-{message}")
    assert thing in reply.text and not reply.recommendations and reply.question is not None, reply.as_text()
    assert "only help with shopping" not in reply.text, reply.text


@pytest.mark.parametrize("message", ["what's the best laptop under 50000?", "which one would you recommend?"])
def test_the_best_of_a_thing_sold_is_still_shown(whole_electronics: Any, message: str) -> None:
    """Guard: a kind the shop sells is shown; "which one" asks about the items in hand."""
    session = f"best-sold-{message}"
    whole_electronics.respond("smartphones", session_id=session)
    reply = whole_electronics.respond(message, session_id=session)
    assert reply.recommendations or reply.text.startswith("I would pick"), reply.as_text()


def test_which_sofa_would_you_recommend_is_no_pick_among_jeans(whole_fashion: Any) -> None:
    """Jeans shown, "which sofa would you recommend?" said "I would pick Denizen Men Blue Jeans"."""
    session = "jeans-sofa"
    shown = _ids(whole_fashion.respond("jeans for men", session_id=session))
    reply = whole_fashion.respond("which sofa would you recommend?", session_id=session)
    assert "sofa" in reply.text and not reply.text.startswith("I would pick"), reply.text
    assert _ids(reply) == shown, reply.as_text()


# --- a well-known brand --------------------------------------------------------------------------------------------

def test_any_from_a_known_brand_is_no_product_on_electronics(whole_electronics: Any) -> None:
    """Earphones shown, "any from a known brand?" said "This shop sells no from a known brand"."""
    session = "earphones-known"
    whole_electronics.respond("earphones", session_id=session)
    reply = whole_electronics.respond("any from a known brand?", session_id=session)
    assert "sells no" not in reply.text and "rated most" in reply.text and reply.recommendations, reply.text


def test_any_from_a_known_brand_on_a_shop_without_brands_says_so(whole_fashion: Any) -> None:
    """Perfumes shown, "any from a known brand?" said "I found nothing called “from a known brand”" on the fashion
    shop, whose catalogue has no brand field."""
    session = "perfume-known"
    whole_fashion.respond("perfume for my girlfriend", session_id=session)
    reply = whole_fashion.respond("any from a known brand?", session_id=session)
    assert "does not list brands" in reply.text and "nothing called" not in reply.text and reply.recommendations, reply.text


# --- "short" of a garment in force is a length ---------------------------------------------------------------------

@pytest.mark.parametrize(("first", "then", "said"), [
    ("i need a dress for a party tonight", "something short", "short"),
    ("summer dresses for women", "shorter ones?", "shorter"),
    ("vestidos de fiesta", "algo corto", "corto"),
    ("Kleider für eine Party", "etwas Kurzes", "Kurzes"),
])
def test_short_of_dresses_is_a_length_the_shop_does_not_list(whole_fashion: Any, first: str, then: str, said: str) -> None:
    """"i need a dress for a party tonight", then "something short" showed five shorts (men's football shorts among
    them); "shorter ones?" showed other dresses without a word; "etwas Kurzes" left the party out. The shop lists no
    lengths: the reply says so, and the dresses stay."""
    session = f"short-{first}-{then}"
    whole_fashion.respond(first, session_id=session)
    reply = whole_fashion.respond(then, session_id=session)
    assert f"“{said}”" in reply.text or f"«{said}»" in reply.text or f"„{said}“" in reply.text, reply.text
    assert reply.recommendations and all("Dress" in r.title for r in reply.recommendations), reply.as_text()


def test_shorts_asked_by_name_are_shorts(whole_fashion: Any) -> None:
    """Guard: "shorts please" after jeans is the type Shorts."""
    session = "jeans-shorts"
    whole_fashion.respond("jeans for men", session_id=session)
    reply = whole_fashion.respond("shorts please", session_id=session)
    assert reply.recommendations and "Shorts" in _line(reply), reply.text


# --- memory sizes written with a bare G; a figure with "ones" -------------------------------------------------------

@pytest.mark.parametrize(("message", "gb"), [("有没有128G的", 128.0), ("256G", 256.0), ("8g运存的", 8.0), ("8G RAM", 8.0)])
def test_a_bare_g_after_a_memory_size_is_gigabytes(message: str, gb: float) -> None:
    """"有没有128G的" and "256G" were 128 and 256 grams; "8g运存的" and "8G RAM" were read before (guards)."""
    from chatrec.spec_filters import read_bounds

    assert read_bounds(message) == {"gb": (gb, gb)}


@pytest.mark.parametrize("message", ["5G phone", "a 4G phone", "500g"])
def test_networks_and_grams_stay(message: str) -> None:
    """Guard: "5G" and "4G" are networks; "500g" is a weight."""
    from chatrec.spec_filters import read_bounds

    assert "gb" not in read_bounds(message)


def test_128g_of_samsung_phones_searches_the_storage(whole_electronics: Any) -> None:
    """"手机", "三星的", then "有没有128G的" said the catalogue data "没有写明重量" (read as 128 grams)."""
    session = "phones-128g"
    for message in ("手机", "三星的"):
        whole_electronics.respond(message, session_id=session)
    reply = whole_electronics.respond("有没有128G的", session_id=session)
    assert reply.recommendations and all("128" in r.title for r in reply.recommendations), reply.as_text()
    assert "重量" not in reply.text, reply.text


def test_a_figure_with_ones_searches(whole_electronics: Any) -> None:
    """Phones shown, "256GB ones?" said "The catalogue data for these 5 items does not say anything about
    “256gb”"; the shop has two."""
    session = "phones-256"
    whole_electronics.respond("phones", session_id=session)
    reply = whole_electronics.respond("256GB ones?", session_id=session)
    assert reply.recommendations and all("256" in r.title for r in reply.recommendations), reply.as_text()


# --- typos of common words ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "meant"), [
    ("somthing in blu", "something in blue"),
    ("anythng in blk?", "anything in black"),
    ("shoos for men", "shoes for men"),  # guard: the catalogue's word, not "shoots"
])
def test_common_words_typed_on_a_phone_are_put_right(whole_fashion: Any, typed: str, meant: str) -> None:
    from chatrec.batch16_classes import typed_on_phone

    known = frozenset({"soothing", "shoes", "blue", "black"})
    assert typed_on_phone(typed, known).rstrip("?") == meant


def test_somthing_in_blu_after_sneakers_is_blue(whole_fashion: Any) -> None:
    """"snekers for my boyfrend", "not white pls", then "somthing in blu" said none of the shoes "mentions
    “soothing”" (the catalogue word one letter from "somthing") and kept every colour but white."""
    session = "sneakers-blu"
    for message in ("snekers for my boyfrend", "not white pls"):
        whole_fashion.respond(message, session_id=session)
    reply = whole_fashion.respond("somthing in blu", session_id=session)
    assert "soothing" not in reply.text and "Blue" in _line(reply) and reply.recommendations, reply.text


def test_a_size_nothing_reaches_is_said_in_chinese_units(whole_electronics: Any) -> None:
    """"买个电视，55寸左右", then "索尼的" said "没有商品标明屏幕尺寸达到 55 inches": the unit in English."""
    session = "tv-55-sony-zh"
    whole_electronics.respond("买个电视，55寸左右", session_id=session)
    reply = whole_electronics.respond("索尼的", session_id=session)
    assert "55 英寸" in reply.text and "inches" not in reply.text.split("\n1.")[0], reply.text


def test_only_the_second_and_fourth_keeps_those_two(whole_fashion: Any) -> None:
    """Nike sports shoes shown, "only the second and fourth" showed five other Nike shoes."""
    session = "nike-2-4"
    whole_fashion.respond("sports shoes for men", session_id=session)
    shown = _ids(whole_fashion.respond("the nike ones", session_id=session))
    reply = whole_fashion.respond("only the second and fourth", session_id=session)
    assert _ids(reply) == [shown[1], shown[3]], reply.as_text()


# --- the shop's extreme of a figure -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "then", "figure"), [
    ("hdmi cable", "the longest one you have", "10 m"),
    ("smart tv", "the biggest one you have", "65 inches"),
    ("power bank", "the biggest battery one", "27000 mAh"),
    ("电视", "最大的", "65 英寸"),
])
def test_the_shops_extreme_is_searched(whole_electronics: Any, first: str, then: str, figure: str) -> None:
    """HDMI cables shown, "the longest one you have" said none "mentions “longest”"; 32-inch TVs shown, "the biggest one
    you have" answered "All 5 have the same size: 32 inch"."""
    session = f"extreme-{first}-{then}"
    whole_electronics.respond(first, session_id=session)
    reply = whole_electronics.respond(then, session_id=session)
    assert reply.recommendations and figure in _line(reply).replace(",", "") + reply.text.replace(",", ""), reply.text
    assert "mentions" not in reply.text and "same size" not in reply.text, reply.text


@pytest.mark.parametrize(("message", "family"), [
    ("whats the longest cable u have", "m"), ("最大的电视", "inch"), ("die größte, die ihr habt", "inch"),
    ("what is the biggest tv you have?", "inch"), ("el más grande que tengan", "inch"),
])
def test_a_superlative_asked_of_the_shop_is_read(message: str, family: str) -> None:
    from chatrec.gaps_round14 import superlative

    found = superlative(message)
    assert found is not None and found[1][0] == family


@pytest.mark.parametrize("message", ["which is the biggest?", "the longest one from these?", "bigger ones", "最大的是哪个"])
def test_a_question_about_the_shown_is_no_extreme(message: str) -> None:
    """Guard: "which is the biggest?" asks about the items shown; "bigger ones" is a comparative."""
    from chatrec.gaps_round14 import superlative

    assert superlative(message) is None


def test_only_the_first_two_are_the_first_two_shown(whole_electronics: Any) -> None:
    """Noise-cancelling earphones under 2000 shown, "zeig mir nur die ersten zwei" showed two others (the first two
    the search found again, the cancelling ones by name first), not the first two of the list."""
    session = "anc-first-two"
    whole_electronics.respond("ich brauche Kopfhörer mit Geräuschunterdrückung", session_id=session)
    shown = _ids(whole_electronics.respond("unter 2000 Rupien", session_id=session))
    reply = whole_electronics.respond("zeig mir nur die ersten zwei", session_id=session)
    assert _ids(reply) == shown[:2], reply.as_text()


def test_best_said_of_a_thing_not_sold_is_no_wish_for_the_next_kind(whole_electronics: Any) -> None:
    """In the chat: "hi, what's the best washing machine?" (none sold), then "ok, a tv for the bedroom" gave every TV
    "the type and rating you asked for", one "with best, as its description says"."""
    session = "best-washer-then-tv"
    whole_electronics.respond("hi, what's the best washing machine?", session_id=session)
    reply = whole_electronics.respond("ok, a tv for the bedroom", session_id=session)
    assert reply.recommendations and "rating you asked" not in reply.as_text(), reply.as_text()
    assert "with best" not in reply.as_text(), reply.as_text()


def test_a_hated_colour_then_a_wish_keeps_the_wish(whole_fashion: Any) -> None:
    """"i hate pink. show me tops for my daughter" asked which category (the words after the hated colour were
    dropped: the message read as "no pink ones")."""
    reply = whole_fashion.respond("i hate pink. show me tops for my daughter", session_id="hate-pink-tops")
    assert reply.recommendations and "Tops" in _line(reply) and "not Pink" in _line(reply), reply.text
