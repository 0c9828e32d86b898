"""Stop 57: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from demo_reading import read, read_demo, shown_attributes


def _colours(rec: Any, reply: Any) -> set[str]:
    return {str(a.get("baseColour")) for a in shown_attributes(rec, reply)}


def _header(reply: Any) -> str:
    """The reply's words before its list ("... Here are 5 suggestions for Watches, Men.")."""
    return reply.text.split("\n1.")[0]


def _line(reply: Any) -> str:
    """What the list's line says it is for ("Watches, Men" of "Here are 5 suggestions for Watches, Men.")."""
    found = re.search(r"suggestions? for (.*)", _header(reply))
    return found.group(1) if found else ""


# --- a colour said for one kind stays with it ---------------------------------------------------------------------

def test_a_colour_left_out_for_a_dress_is_not_carried_to_a_sons_shoes(whole_fashion: Any) -> None:
    """"red dress for my wife" (no red dress: red left out, kept in mind), then "now sports shoes for my son" said
    "Still left out, as nothing matches every wish: Red". The red stays with the dress."""
    session = "red-dress-then-shoes"
    whole_fashion.respond("red dress for my wife", session_id=session)
    reply = whole_fashion.respond("now sports shoes for my son", session_id=session)
    assert reply.recommendations and "Red" not in _line(reply) and "Still left out" not in reply.text, reply.text
    assert "Red was for your earlier search" in reply.text, reply.text


def test_blue_asked_of_a_sons_things_does_not_bind_her_home_clothes(whole_fashion: Any) -> None:
    """In the chat UI: "something warm for my son", "in blue?", then "something comfy for me to wear at home, I'm a
    woman" showed only blue lounge pants and nightdresses, "the colour you asked for"."""
    session = "warm-blue-home"
    for message in ("something warm for my son", "in blue?"):
        whole_fashion.respond(message, session_id=session)
    reply = whole_fashion.respond("something comfy for me to wear at home, I'm a woman", session_id=session)
    assert reply.recommendations and "Blue" not in _line(reply), reply.text
    assert _colours(whole_fashion, reply) != {"Blue"}, reply.as_text()
    assert "colour you asked for" not in reply.as_text() and "colour and gender" not in reply.as_text(), reply.as_text()


def test_a_watch_after_black_shoes_is_any_colour_and_the_shoes_keep_black(whole_fashion: Any) -> None:
    """"black shoes for men", "now a watch" showed five black watches "for Black, Watches, Men"; going back to the
    shoes brings the black back with them."""
    session = "black-shoes-watch"
    whole_fashion.respond("black shoes for men", session_id=session)
    watch = whole_fashion.respond("now a watch", session_id=session)
    assert watch.recommendations and "Black" not in _line(watch), watch.text
    assert "Black was for your earlier search" in watch.text, watch.text
    back = whole_fashion.respond("back to the shoes", session_id=session)
    assert back.recommendations and _colours(whole_fashion, back) == {"Black"}, back.as_text()


@pytest.mark.parametrize(("first", "then"), [
    ("blue jeans for men", "a belt in the same colour"),
    ("vaqueros azules para hombre", "un cinturón del mismo color"),
    ("blaue Jeans für Herren", "einen Gürtel in der gleichen Farbe"),
    ("男士蓝色牛仔裤", "同样颜色的皮带"),
])
def test_a_colour_kept_for_the_next_kind_is_kept(whole_fashion: Any, first: str, then: str) -> None:
    """Guard and kept colour: the shopper keeps the colour for the belt; the request names it."""
    session = f"kept-colour-{first}-{then}"
    whole_fashion.respond(first, session_id=session)
    reply = whole_fashion.respond(then, session_id=session)
    assert reply.recommendations and _colours(whole_fashion, reply) == {"Blue"}, reply.as_text()


def test_matching_shoes_for_white_shirts_are_not_white(whole_fashion: Any) -> None:
    """Guard (a blind conversation, b12): "and shoes to match" after white formal shirts asks for formal shoes, not
    white ones: "matching" keeps no colour."""
    session = "white-shirts-shoes-to-match"
    for message in ("looking for a formal shirt for men", "white pls"):
        whole_fashion.respond(message, session_id=session)
    reply = whole_fashion.respond("and shoes to match", session_id=session)
    assert reply.recommendations and "White" not in _line(reply), reply.text


def test_a_colour_stays_for_a_kind_of_the_same_family(whole_fashion: Any) -> None:
    """Guard: "blue tshirts for men", then "what about shirts": still blue."""
    session = "blue-tees-shirts"
    whole_fashion.respond("blue tshirts for men", session_id=session)
    reply = whole_fashion.respond("what about shirts", session_id=session)
    assert reply.recommendations and _colours(whole_fashion, reply) == {"Blue"}, reply.as_text()


def test_same_colour_names_the_colour_in_force(catalogues: dict[str, Any]) -> None:
    """"a belt in the same colour" with blue in force reads Blue."""
    request = read_demo(catalogues, "a belt in the same colour", "fashion",
                        current={"baseColour": ["Blue"], "category": ["Jeans"]}, searching=True)
    assert request.include.get("baseColour") == ["Blue"], request


# --- "do you have X?" asks the shop ----------------------------------------------------------------------------------

def _three(catalogues: dict[str, Any], category: str) -> tuple[str, ...]:
    """The ids of the fashion demo's first three items of a category (shown)."""
    _, items = catalogues["fashion"]
    return tuple(i for i, item in items.items() if item.field_value("category") == category)[:3]


def _jeans(catalogues: dict[str, Any]) -> tuple[str, ...]:
    return _three(catalogues, "Jeans")


@pytest.mark.parametrize(("message", "field", "value"), [
    ("do you have belts?", "subCategory", "Belts"),
    ("have you got any belts?", "subCategory", "Belts"),
    ("do u sell belts", "subCategory", "Belts"),
])
def test_do_you_have_a_kind_during_a_search_asks_for_it(catalogues: dict[str, Any], message: str, field: str,
                                                        value: str) -> None:
    """Jeans shown, "do you have belts?" was a question about the jeans (a jean's belt, as a watch's strap) and the
    reply showed one of the jeans again, saying nothing of belts."""
    request = read(catalogues, "fashion", message, _jeans(catalogues), current={"category": ["Jeans"]})
    assert request.intent in ("recommend", "refine") and request.include.get(field) == [value], request


@pytest.mark.parametrize("message", ["do you have laptops?", "do you have anything in leather?"])
def test_do_you_have_something_unlisted_is_a_search_not_a_question_on_the_jeans(catalogues: dict[str, Any],
                                                                               message: str) -> None:
    """"do you have anything in leather?" with jeans shown was a question on the jeans shown."""
    request = read(catalogues, "fashion", message, _jeans(catalogues), current={"category": ["Jeans"]})
    assert request.intent == "refine", request


@pytest.mark.parametrize(("message", "intent"), [
    ("do you have it in XL?", "ask_about_item"),
    ("do you have these in black?", "refine"),
    ("do you have the first one in blue?", "more_like"),
    ("do they have pockets?", "ask_about_item"),
])
def test_a_question_on_the_items_shown_stays_one(catalogues: dict[str, Any], message: str, intent: str) -> None:
    """Guard: a question that names the items shown is about them."""
    request = read(catalogues, "fashion", message, _jeans(catalogues), current={"category": ["Jeans"]})
    assert request.intent == intent, request


def test_do_you_have_laptops_on_a_fashion_shop_says_it_sells_none(whole_fashion: Any) -> None:
    """Jeans shown, "do you have laptops?" showed a jean with no word on laptops; before any search it asked which
    bag. The shop's kinds are laptop bags: it sells no laptops, and says so."""
    session = "laptops-fashion"
    whole_fashion.respond("black jeans for men", session_id=session)
    reply = whole_fashion.respond("do you have laptops?", session_id=session)
    assert "sells no laptops" in reply.text, reply.text
    first = whole_fashion.respond("do you have laptops?", session_id="laptops-fashion-first")
    assert "sells no laptops" in first.text, first.text


@pytest.mark.parametrize("message", ["do you have tablets?", "do you have laptops?"])
def test_do_you_have_another_kind_on_the_electronics_shop_shows_it(whole_electronics: Any, message: str) -> None:
    """Phones shown, "do you have tablets?" said "Good to know; that does not change which of these fit" (read as
    a tablet the shopper has) and showed the phones again."""
    session = f"phones-then-{message}"
    whole_electronics.respond("smartphones", session_id=session)
    reply = whole_electronics.respond(message, session_id=session)
    kind = "Tablets" if "tablet" in message else "Laptops"
    kinds = {str(whole_electronics.item(r.item_id).category) for r in reply.recommendations}
    assert kinds and all(kind.rstrip("s").lower() in k.lower() for k in kinds), reply.text
    assert "Good to know" not in reply.text and "left out" not in reply.text, reply.text


def test_a_device_the_shopper_has_is_still_heard_as_one(whole_electronics: Any) -> None:
    """Guard: "i have a samsung tv" while phones are shown is a statement, the phones stay."""
    session = "have-samsung-tv"
    whole_electronics.respond("smartphones", session_id=session)
    reply = whole_electronics.respond("i have a samsung tv", session_id=session)
    assert "Good to know" in reply.text, reply.text


@pytest.mark.parametrize(("message", "thing"), [
    ("now a tv", "tv"), ("and now a tv", "tv"), ("i also need a fridge", "fridge"), ("now i need a sofa", "sofa"),
])
def test_a_product_the_shop_lacks_asked_during_a_search_is_named(whole_fashion: Any, message: str, thing: str) -> None:
    """Black jeans shown, "now a tv" said "I found nothing called “now a tv”" and "i also need a fridge" said nothing
    of the fridge, showing a jean again."""
    session = f"unsold-{message}"
    whole_fashion.respond("black jeans for men", session_id=session)
    reply = whole_fashion.respond(message, session_id=session)
    assert f"“{thing}”" in reply.text or f"no {thing}" in reply.text, reply.text


# --- the list's line names the kinds shown ---------------------------------------------------------------------------

def test_a_search_of_many_kinds_names_the_kinds_shown(whole_fashion: Any) -> None:
    """"something warm for my son" said "Here are 2 suggestions for Boys, Gloves or 6 similar" over a jacket and
    mittens: the first of eight kinds alphabetically. The line names the kinds of the items shown."""
    reply = whole_fashion.respond("something warm for my son", session_id="warm-son-header")
    kinds = {str(whole_fashion.item(r.item_id).category) for r in reply.recommendations}
    assert reply.recommendations and "similar" not in _header(reply), reply.text
    assert all(kind in _header(reply) for kind in kinds), reply.text


def test_shown_kinds_keeps_a_field_of_few_values() -> None:
    """Guard: three values or fewer stay as wished; many values not shown at all stay too."""
    from types import SimpleNamespace

    from chatrec.dialogue import Wishes
    from chatrec.summary_names import shown_kinds

    items = [SimpleNamespace(field_value=lambda name: {"category": "Jackets", "gender": "Boys"}[name])]
    wishes = Wishes(include={"gender": ("Boys", "Unisex"), "category": ("A", "B", "C", "Jackets")})
    assert shown_kinds(wishes, items, ["category"]).include == {"gender": ("Boys", "Unisex"), "category": ("Jackets",)}
    assert shown_kinds(wishes, [], ["category"]).include == wishes.include
    assert shown_kinds(wishes, items, []).include == wishes.include  # not a type field: as it is ("light colours")


# --- a price range nothing fits: the nearest prices -----------------------------------------------------------------

@pytest.mark.parametrize(("message", "said"), [
    ("headphones around 3000 rupees", "nearest in price are"),
    ("headphones between 2200 and 2500", "nearest in price are"),
    ("auriculares de unos 3000 rupias", "más cercano en precio"),
])
def test_a_range_nothing_fits_shows_the_nearest_prices(whole_electronics: Any, message: str, said: str) -> None:
    """"headphones around 3000 rupees" (none costs 2,400-3,600) named "the cheapest that fits your other wishes" at
    ₹149 and showed it first. The nearest below (₹1,999) and above (₹4,790) are named, the nearest shown first."""
    reply = whole_electronics.respond(message, session_id=f"range-{message}")
    assert said in reply.text and "149" not in reply.text.split("\n1.")[0], reply.text
    prices = [whole_electronics.item(r.item_id).price for r in reply.recommendations]
    assert prices and prices[0] == 1999, prices


def test_a_ceiling_nothing_fits_still_names_the_cheapest(whole_electronics: Any) -> None:
    """Guard: "headphones under 100" names the cheapest (₹149), shown first."""
    reply = whole_electronics.respond("headphones under 100", session_id="under-100")
    assert "cheapest that fits" in reply.text, reply.text


# --- a dress for a wedding ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("message", "word"), [
    ("a dress for a wedding", "wedding"), ("busco un vestido para una boda", "boda"), ("婚礼穿的裙子", "婚礼"),
])
def test_a_dress_for_a_wedding_shows_the_party_dresses(whole_fashion: Any, message: str, word: str) -> None:
    """"a dress for a wedding" left the wedding out ("Nothing matched every wish ... wedding (Ethnic, Formal)") and
    asked which colour: the shop's dresses are casual or party ones. A wedding guest dresses for a party too; the
    list's line names the occasion as said, not "Ethnic, Formal or Party"."""
    reply = whole_fashion.respond(message, session_id=f"wedding-{message}")
    usages = {a.get("usage") for a in shown_attributes(whole_fashion, reply)}
    assert reply.recommendations and usages == {"Party"}, reply.as_text()
    assert "left out" not in reply.text and word in _header(reply) and "Ethnic" not in _header(reply), reply.text


@pytest.mark.parametrize(("message", "question"), [
    ("quiero una tele de 43 pulgadas", "¿cuál tiene mejores reseñas?"),
    ("Fernseher 43 Zoll", "welcher hat die beste Bewertung?"),
])
def test_a_rating_answered_in_spanish_or_german_has_a_decimal_comma(whole_electronics: Any, message: str,
                                                                     question: str) -> None:
    """"¿cuál tiene mejores reseñas?" answered "el valor más alto de valoración: 4.3" where the reasons beside it
    say "valorado con 4,2 de 5"."""
    session = f"rating-comma-{message}"
    whole_electronics.respond(message, session_id=session)
    reply = whole_electronics.respond(question, session_id=session)
    assert ": 4,3" in reply.text and ": 4.3" not in reply.text, reply.text


@pytest.mark.parametrize("question", ["details of the third", "more info on the second please",
                                      "what are the specs of the first"])
def test_details_of_a_shown_item_describe_it(whole_fashion: Any, question: str) -> None:
    """Kurtas shown, "details of the third" said the catalogue "does not say anything about “details”"; "more info on
    the second please" the same of "info". They ask for what the catalogue lists of it, as "tell me more" does."""
    session = f"details-{question}"
    whole_fashion.respond("kurta for men", session_id=session)
    reply = whole_fashion.respond(question, session_id=session)
    assert "does not say anything" not in reply.text and "base colour" in reply.text, reply.text


@pytest.mark.parametrize(("message", "position"), [
    ("más detalles del primero", 1), ("mehr Infos zum ersten", 1), ("第一个的详细信息", 1),
    ("the second in more detail", 2),
])
def test_details_asked_in_any_language_ask_about_the_item(catalogues: dict[str, Any], message: str,
                                                          position: int) -> None:
    """Kurtas shown, "más detalles del primero", "mehr Infos zum ersten" and "第一个的详细信息" were read as "more like
    the first" ("más", "mehr": more) and showed other kurtas."""
    request = read(catalogues, "fashion", message, _three(catalogues, "Kurtas"), current={"category": ["Kurtas"]})
    assert request.intent == "ask_about_item" and [r.position for r in request.references] == [position], request


@pytest.mark.parametrize("message", ["more like the first", "más como el primero", "mehr wie das erste"])
def test_more_like_an_item_stays_a_search(catalogues: dict[str, Any], message: str) -> None:
    """Guard: "more like the first" asks for more like it."""
    shown = _three(catalogues, "Kurtas")
    assert read(catalogues, "fashion", message, shown, current={"category": ["Kurtas"]}).intent == "more_like"


@pytest.mark.parametrize(("question", "said"), [
    ("más detalles del primero", "color azul"), ("mehr Infos zum ersten", "Farbe blau"),
])
def test_details_asked_in_spanish_or_german_are_answered_in_full(whole_fashion: Any, question: str, said: str) -> None:
    """"más detalles del primero" answered that the catalogue "no dicen nada sobre «detalles del»"."""
    session = f"details-foreign-{question}"
    whole_fashion.respond("kurta for men", session_id=session)
    reply = whole_fashion.respond(question, session_id=session)
    assert said in reply.text and "nada sobre" not in reply.text and "nichts über" not in reply.text, reply.text


def test_the_blue_ones_details_describe_the_blue_ones(whole_fashion: Any) -> None:
    """Kurtas shown (two blue), "show me the blue one's details" answered "Yes: ... is listed as Blue" of each: the
    word that picked them out was taken for the question."""
    session = "blue-ones-details"
    whole_fashion.respond("kurta for men", session_id=session)
    reply = whole_fashion.respond("show me the blue one's details", session_id=session)
    assert "listed as Blue" not in reply.text and "season" in reply.text, reply.text


# --- a catalogue without prices -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "then"), [
    ("女士蓝色连衣裙", "有没有便宜点的"), ("blue dress for women", "anything cheaper?"), ("vestido azul", "algo más barato"),
])
def test_cheaper_on_a_catalogue_without_prices_keeps_the_list(whole_fashion: Any, first: str, then: str) -> None:
    """Blue dresses shown on the fashion demo (no prices), "有没有便宜点的" said the catalogue lists no prices, then
    "all items fitting were seen, so I left out: blue" and showed navy and other dresses. Nothing is cheaper to
    look for: the note, and the same dresses."""
    session = f"cheaper-unpriced-{first}"
    shown = whole_fashion.respond(first, session_id=session)
    reply = whole_fashion.respond(then, session_id=session)
    assert [r.item_id for r in reply.recommendations] == [r.item_id for r in shown.recommendations], reply.text
    assert _colours(whole_fashion, reply) == {"Blue"}, reply.as_text()


# --- a size bound said in every language ------------------------------------------------------------------------------

@pytest.mark.parametrize(("message", "bound"), [
    ("不超过32寸", (None, 32.0)), ("不小于50寸", (50.0, None)), ("nicht größer als 32 Zoll", (None, 32.0)),
    ("nicht kleiner als 40 Zoll", (40.0, None)), ("no más grande de 32 pulgadas", (None, 32.0)),
    ("not bigger than 32 inches", (None, 32.0)), ("not less than 40 inches", (40.0, None)),
])
def test_a_size_bound_is_read_the_right_way_round(message: str, bound: tuple[float | None, float | None]) -> None:
    """"不超过32寸" (not over 32 inches) was read as over 32 ("超过"); "nicht größer als 32 Zoll" as no bound."""
    from chatrec.spec_filters import read_bounds

    assert read_bounds(message) == {"inch": bound}


@pytest.mark.parametrize(("message", "said"), [
    ("不超过32寸", "<= 32 英寸"), ("nicht größer als 32 Zoll", "<= 32 Zoll"),
    ("no más grande de 32 pulgadas", "<= 32 pulgadas"),
])
def test_a_size_bound_during_a_tv_search_is_searched_as_said(whole_electronics: Any, message: str, said: str) -> None:
    """Smart TVs shown: "不超过32寸" showed "> 32 英寸"; "nicht größer als 32 Zoll" said "32 Zoll, nicht als, nicht
    zoll" (words kept out of names); "no más grande de 32 pulgadas" answered which of the five is biggest."""
    session = f"tv-bound-{message}"
    whole_electronics.respond("smart tv", session_id=session)
    reply = whole_electronics.respond(message, session_id=session)
    assert reply.recommendations and said in reply.text and "nicht als" not in reply.text \
        and "sin pulgadas" not in reply.text, reply.text


def test_a_search_of_many_kinds_shown_names_the_first_shown_kind_first() -> None:
    """"a gift for my dad who loves cooking" said "for Air fryers or 5 similar" over a hand blender first: with more
    than three kinds shown, the first shown comes first."""
    from types import SimpleNamespace

    from chatrec.dialogue import Wishes
    from chatrec.summary_names import shown_kinds

    items = [SimpleNamespace(field_value=lambda name, kind=kind: {"category": kind}[name]) for kind in "DCBA"]
    wishes = Wishes(include={"category": ("A", "B", "C", "D", "E")})
    assert shown_kinds(wishes, items, ["category"]).include == {"category": ("D", "C", "B", "A", "E")}


@pytest.mark.parametrize(("first", "then"), [("a dress for a wedding", "do you have laptops?"),
                                             ("black jeans for men", "now a tv")])
def test_a_product_not_sold_asked_during_a_search_keeps_the_list(whole_fashion: Any, first: str, then: str) -> None:
    """In the chat UI: wedding dresses shown, "do you have laptops?" said the shop sells none, then searched "laptop"
    among dresses: "You have seen every item that fits ..., so these leave out: wedding" and five other dresses.
    The list stays as it was."""
    session = f"unsold-keeps-{first}"
    shown = whole_fashion.respond(first, session_id=session)
    reply = whole_fashion.respond(then, session_id=session)
    assert [r.item_id for r in reply.recommendations] == [r.item_id for r in shown.recommendations], reply.text
    assert "leave out" not in reply.text and "left out" not in reply.text, reply.text
