"""The classes behind the strict xfails of conversation batches 13-15 (issue 12, branch i12bf;
``chatrec/batch15_fixes.py``), on other wordings than the batches': "any colour but <brand>", a brand
after a wish frame ("que sean", "lieber"), the Spanish possessive "mi", a charger in a shop of charging
cables, and the make of the shopper's own device while a type is sought."""

from __future__ import annotations

from typing import Any

import pytest

from chatrec import batch15_fixes
from chatrec.recommender import ChatRec
from chatrec.request import ItemReference, ShopperRequest
from chatrec.understanding import TurnContext, understand


def _items(rec: ChatRec, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


def _say(rec: ChatRec, *messages: str) -> Any:
    reply = None
    for message in messages:
        reply = rec.respond(message, session_id="s")
    return reply


# ---------------------------------------------------------------- "any colour but nike"

@pytest.mark.parametrize(("message", "word"), [
    ("whatever color but puma please", "puma"),
    ("any colour, just adidas", "adidas"),
    ("any size but fila", "fila"),
])
def test_a_word_after_any_field_but_is_no_word_to_leave_out(message: str, word: str) -> None:
    request = ShopperRequest(intent="refine", avoid_words=[word])
    assert batch15_fixes.any_value_but(request, message).avoid_words == []


@pytest.mark.parametrize("message", ["no puma please", "anything but puma", "any brand but puma"])
def test_a_word_turned_down_otherwise_stays_left_out(message: str) -> None:
    request = ShopperRequest(intent="refine", avoid_words=["puma"])
    assert batch15_fixes.any_value_but(request, message).avoid_words == ["puma"]


def test_any_colour_but_a_colour_still_turns_it_down(catalogues: dict[str, Any]) -> None:
    vocabulary = catalogues["fashion"][0]
    request = understand("any colour but red", vocabulary, TurnContext(searching=True, current={"articleType": ["Tshirts"]}))
    assert request.exclude.get("baseColour") == ["Red"]


@pytest.mark.parametrize("message", ["ok whatever colour but adidas", "any color, just adidas then"])
def test_any_colour_but_a_brand_shows_that_brand(fashion: ChatRec, message: str) -> None:
    reply = _say(fashion, "black sports shoes for men", message)
    items = _items(fashion, reply)
    assert items and all("adidas" in i.title.lower() for i in items)


# ---------------------------------------------------------------- a brand after a wish frame

@pytest.mark.parametrize(("message", "language"), [
    ("mejor que sean adidas", "es"), ("que sea de puma", "es"), ("lieber puma", "de"), ("nur von adidas bitte", "de"),
])
def test_a_brand_after_a_wish_frame_is_asked_in_any_case(message: str, language: str) -> None:
    known = {"Adidas": ["adidas"], "Puma": ["puma"]}
    assert batch15_fixes.framed_brands(message, language, lambda word: known.get(word, []))


def test_a_wish_frame_without_a_brand_asks_none() -> None:
    assert batch15_fixes.framed_brands("que sean negras", "es", lambda word: []) == []


@pytest.mark.parametrize("message", ["olvida el color, que sean puma", "vale, mejor que sean puma"])
def test_que_sean_brand_keeps_that_brand(fashion: ChatRec, message: str) -> None:
    reply = _say(fashion, "zapatillas deportivas para hombre", message)
    items = _items(fashion, reply)
    assert items and all("puma" in i.title.lower() for i in items)


# ---------------------------------------------------------------- the Spanish possessive "mi"

@pytest.mark.parametrize("message", [
    "quiero un cable para mi samsung", "busco un cable usb para el móvil de mi hermana",
])
def test_the_spanish_possessive_is_no_brand(catalogues: dict[str, Any], message: str) -> None:
    request = understand(message, catalogues["electronics"][0], TurnContext())
    assert request.language == "es"
    assert not {"MI", "Mi"} & set(request.include.get("brand", ()))


@pytest.mark.parametrize("message", ["mi tv remote", "un mando para una tele Mi", "un control remoto MI"])
def test_the_brand_mi_stays_a_brand(catalogues: dict[str, Any], message: str) -> None:
    request = understand(message, catalogues["electronics"][0], TurnContext())
    assert {"MI", "Mi"} & set(request.include.get("brand", ()))


# ---------------------------------------------------------------- a charger in a shop of charging cables

@pytest.mark.parametrize("message", [
    "i need a charger", "looking for a charging cable", "un cargador por favor", "ich brauche ein Ladekabel",
    "busco un cable para cargar el móvil",
])
def test_a_charger_is_a_charging_cable_in_a_shop_without_chargers(electronics: ChatRec, message: str) -> None:
    reply = _say(electronics, message)
    assert reply.question is not None or _items(electronics, reply)
    assert all(i.category == "USBCables" for i in _items(electronics, reply))


def test_a_charger_keeps_the_chargers_of_a_shop_that_sells_them(catalogues: dict[str, Any]) -> None:
    request = understand("need a charger", catalogues["electronics"][0], TurnContext())
    assert "USBCables" not in request.include.get("category", ())


# ---------------------------------------------------------------- the make of one's own device

@pytest.mark.parametrize("message", ["its for my samsung galaxy", "for my oneplus nord"])
def test_the_make_of_ones_own_device_is_what_the_cable_fits(electronics: ChatRec, message: str) -> None:
    reply = _say(electronics, "a usb cable", message)
    items = _items(electronics, reply)
    assert items and all(i.category == "USBCables" for i in items)


def test_a_brand_said_without_ones_own_device_stays_the_maker() -> None:
    heard = ShopperRequest(intent="answer", include={"brand": ["Samsung"]})
    kept = batch15_fixes.device_of_type_in_force(heard, ["Samsung"], {"category": ["USBCables"]}, ["category"], "samsung ones")
    assert kept.include == {"brand": ["Samsung"]}


# ---------------------------------------------------------------- a cover for a device

def _covers(items: list[Any]) -> bool:
    return bool(items) and all(any(w in i.title.lower() for w in ("case", "cover")) for i in items)


@pytest.mark.parametrize("message", ["a silicone case for my tv remote", "una funda para el mando de la tele"])
def test_a_cover_for_a_remote_shows_the_covers_not_the_remotes(electronics: ChatRec, message: str) -> None:
    assert _covers(_items(electronics, _say(electronics, message)))


def test_the_device_said_again_without_a_cover_wants_the_devices(electronics: ChatRec) -> None:
    reply = _say(electronics, "a silicone case for my tv remote", "and a normal remote for my mi tv")
    items = _items(electronics, reply)
    assert items and not any("cover" in i.title.lower() or " case " in i.title.lower() for i in items)


@pytest.mark.parametrize("message", ["and a case for that remote?", "also a cover for it?"])
def test_a_question_shaped_added_piece_is_a_search(electronics: ChatRec, message: str) -> None:
    reply = _say(electronics, "remote for my fire tv stick", message)
    assert _covers(_items(electronics, reply))


def test_y_una_funda_para_ese_mando_is_a_search(electronics: ChatRec) -> None:
    reply = _say(electronics, "mando para tele LG", "y una funda para ese mando?")
    assert _covers(_items(electronics, reply))


def test_a_question_about_a_shown_item_stays_a_question() -> None:
    request = ShopperRequest(intent="ask_about_item", references=[ItemReference(position=1, item_id="x", how="position")])
    assert batch15_fixes.added_piece(request, "and the first one, is it a cover?", None, None) is request


# ---------------------------------------------------------------- a bare "more" when every item with the wanted words was seen

@pytest.mark.parametrize(("messages", "said"), [
    (("polo t-shirts for men", "show me more", "more please"), "polo"),
    (("camisetas polo para hombre", "más", "enséñame más"), "polo"),
])
def test_more_after_the_last_items_with_a_wanted_word_shows_unseen_ones(fashion: ChatRec, messages: tuple[str, ...], said: str) -> None:
    seen: set[str] = set()
    reply = None
    for message in messages:
        reply = fashion.respond(message, session_id="s")
        items = _items(fashion, reply)
        assert items and not {i.id for i in items} & seen, message
        seen |= {i.id for i in items}
    assert reply is not None and said in reply.text.lower()


def test_more_pointing_at_one_item_is_no_bare_more() -> None:
    heard = ShopperRequest(intent="more_like", references=[ItemReference(position=1, item_id="a", how="position")])
    found = [type("I", (), {"id": "a"})()]
    assert not batch15_fixes.only_seen_left(found, ["a"], heard, True)


# ---------------------------------------------------------------- a make someone has, that is no catalogue brand

@pytest.mark.parametrize(("message", "make"), [
    ("my mom's tv remote stopped working, she has an old samsung", "samsung"),
    ("necesito un mando, mi padre tiene una sony", "sony"),
    ("Fernbedienung kaputt, mein Vater hat einen sony", "sony"),
])
def test_the_make_someone_has_is_what_the_remote_fits(electronics: ChatRec, message: str, make: str) -> None:
    items = _items(electronics, _say(electronics, message))
    assert items and all(make in i.title.lower() for i in items)


def test_a_word_after_has_that_no_title_fits_is_no_make() -> None:
    index = type("Index", (), {"items": [type("Item", (), {"title": "LRIPL Remote Compatible Sony Bravia"})()]})()
    assert batch15_fixes.owned_makes("he has a budget of 500 and he has a sony", index) == ["sony"]
    assert batch15_fixes.owned_makes("she has a big family", index) == []


# ---------------------------------------------------------------- a refinement applies to the types on screen

@pytest.mark.parametrize(("messages", "kind", "genders"), [
    (("brown formal shoes", "and a belt in brown too", "mens only"), "Belts", {"Men", "Unisex"}),
    (("brown formal shoes", "and a brown wallet as well", "for women actually"), "Wallets", {"Women", "Unisex"}),
])
def test_a_refinement_after_an_added_piece_applies_to_the_piece_on_screen(
        fashion: ChatRec, messages: tuple[str, ...], kind: str, genders: set[str]) -> None:
    items = _items(fashion, _say(fashion, *messages))
    assert items and all(i.attributes["articleType"] == kind and i.attributes["gender"] in genders for i in items)


def test_a_refinement_of_a_bundle_on_screen_keeps_every_type(fashion: ChatRec) -> None:
    items = _items(fashion, _say(fashion, "a shirt and jeans for men", "in blue"))
    assert {i.attributes["articleType"] for i in items} == {"Shirts", "Jeans"}


# ---------------------------------------------------------------- two devices to join want what joins them

@pytest.mark.parametrize("message", [
    "mi hijo tiene una play 5 y una tele 4k", "mein Sohn hat eine PS5 und einen neuen Fernseher",
    "my brother has an xbox and a big tv", "need to hook up my laptop to the projector in class",
])
def test_two_devices_owned_or_to_connect_want_the_cable_between(catalogues: dict[str, Any], message: str) -> None:
    request = understand(message, catalogues["electronics"][0], TurnContext())
    assert request.include.get("category") == ["HDMICables"]


@pytest.mark.parametrize("message", ["i want a tv to connect my ps5", "need a new tv, i have a ps5"])
def test_a_device_wished_stays_the_wish(catalogues: dict[str, Any], message: str) -> None:
    request = understand(message, catalogues["electronics"][0], TurnContext())
    assert "HDMICables" not in request.include.get("category", ())


def test_owned_devices_keep_the_budget_in_force(electronics: ChatRec) -> None:
    reply = _say(electronics, "a present for my son, max 500", "he has a playstation and a tv in his room")
    items = _items(electronics, reply)
    assert items and all(i.category == "HDMICables" and (i.price or 0) <= 500 for i in items)


# ---------------------------------------------------------------- "a vga adapter": a word no title of the type read says

def _index(*rows: tuple[str, str]) -> Any:
    items = [type("Item", (), {"title": title, "category": category, "attributes": {"category": category}})() for title, category in rows]
    return type("Index", (), {"items": items})()


def test_a_word_only_another_types_titles_say_with_the_noun_wants_that_type() -> None:
    index = _index(("Foo Wireless USB Adapter", "WirelessUSBAdapters"), ("Bar HDMI to VGA Adapter Cable", "HDMICables"))
    heard = ShopperRequest(intent="refine", include={"category": ["WirelessUSBAdapters"]})
    again, words = batch15_fixes.qualified_type(heard, "any vga adapters?", index, ["category"])
    assert again.include["category"] == ["HDMICables"] and words == ["vga"]


@pytest.mark.parametrize("message", ["a usb adapter", "a wireless adapter", "a fast adapter"])
def test_a_word_the_type_read_says_or_no_title_says_keeps_the_type(message: str) -> None:
    index = _index(("Foo Wireless USB Adapter", "WirelessUSBAdapters"), ("Bar HDMI to VGA Adapter Cable", "HDMICables"))
    heard = ShopperRequest(intent="refine", include={"category": ["WirelessUSBAdapters"]})
    assert batch15_fixes.qualified_type(heard, message, index, ["category"]) == (heard, [])


def test_got_any_vga_adapters_shows_the_vga_adapter(electronics: ChatRec) -> None:
    items = _items(electronics, _say(electronics, "hdmi cables please", "got any vga adapters?"))
    assert items and all("vga" in i.title.lower() for i in items)


# ---------------------------------------------------------------- two recipients

@pytest.mark.parametrize(("message", "pair"), [
    ("two wallets please, one for me and one for my husband", ("Women", "Men")),
    ("busco relojes, uno para mí y otro para mi novio", ("Women", "Men")),
    ("Sonnenbrillen für mich und eine für meine Freundin", ("Men", "Women")),
])
def test_one_for_me_and_one_for_my_partner_names_both(message: str, pair: tuple[str, str]) -> None:
    assert batch15_fixes.two_recipients(message) == pair


@pytest.mark.parametrize("message", ["a watch for my wife", "one for me please", "für meine Frau und mich etwas Schönes"])
def test_one_recipient_is_no_pair(message: str) -> None:
    assert batch15_fixes.two_recipients(message) is None


def test_both_recipients_are_shown_and_for_me_switches(fashion: ChatRec) -> None:
    first = _items(fashion, _say(fashion, "need sunglasses, one for me and one for my girlfriend"))
    assert {"Men", "Women"} <= {i.attributes["gender"] for i in first}
    mine = _items(fashion, _say(fashion, "ok and for me something black"))
    assert mine and all(i.attributes["gender"] in ("Men", "Unisex") for i in mine)
    hers = _items(fashion, _say(fashion, "now the womens ones"))
    assert hers and all(i.attributes["gender"] in ("Women", "Unisex") for i in hers)


def test_for_me_without_two_recipients_changes_nothing() -> None:
    heard = ShopperRequest(intent="refine", include={"baseColour": ["Black"]})
    assert batch15_fixes.for_me(heard, "and for me something black", ["a watch for my wife"], {"gender": {"Men": 1, "Women": 1}}) is heard


# ---------------------------------------------------------------- a second product after a device phrase; "just the remote"

@pytest.mark.parametrize("message", ["a remote for my samsung tv and an hdmi cable", "un mando para mi tele LG y un cable hdmi"])
def test_a_second_product_after_a_device_phrase_is_wished_too(catalogues: dict[str, Any], message: str) -> None:
    request = understand(message, catalogues["electronics"][0], TurnContext())
    assert {"RemoteControls", "HDMICables"} <= set(request.include.get("category", ()))


def test_the_same_product_named_again_is_no_second_piece() -> None:
    request = ShopperRequest(intent="recommend", include={"category": ["USBCables"]})
    again = batch15_fixes.second_piece(request, "a cable for my iphone and a usb cable",
                                       lambda text: ShopperRequest(include={"category": ["USBCables"]}))
    assert again is request


@pytest.mark.parametrize("message", ["only the remote please", "ok just the remote, up to 1400"])
def test_just_the_device_leaves_its_covers_out(electronics: ChatRec, message: str) -> None:
    items = _items(electronics, _say(electronics, "a remote for my fire tv stick and an hdmi cable", message))
    assert items and all(i.category == "RemoteControls" and "case" not in i.title.lower() for i in items)


def test_a_bundle_shows_both_types_though_the_make_fits_one(electronics: ChatRec) -> None:
    items = _items(electronics, _say(electronics, "a remote for my fire tv stick and an hdmi cable"))
    assert {"RemoteControls", "HDMICables"} <= {i.category for i in items}


@pytest.mark.parametrize("message", ["and a case for that remote too", "now a silicone cover for my tv remote"])
def test_a_cover_asked_after_just_the_remote_is_shown(electronics: ChatRec, message: str) -> None:
    reply = _say(electronics, "a remote for my fire tv stick and an hdmi cable", "just the remote", message)
    assert _covers(_items(electronics, reply))
