"""Batch 13's conversation classes (issue 12, branch i12ap; ``chatrec/shopper_context.py``), on other
wordings than the batch's: what the shopper already owns is no wish, a device stated while an accessory
is sought is what it must fit, a person corrected is no audience turned down, steering words read plainly
("but still", "nothing decent here", "any colour then"), "is the second one brown?" answered alone, and a
brand of the titles given up or said bare."""

from __future__ import annotations

import pytest

from chatrec import shopper_context
from chatrec.recommender import ChatRec
from chatrec.request import ShopperRequest


@pytest.mark.parametrize(("message", "owned", "wanted", "not_wanted"), [
    ("we already own the Wayona lightning cable, but need a type c one", "the Wayona lightning cable", "type c", "Wayona"),
    ("ich hab schon ein Samsung Handy, brauche eine Hülle dafür", "ein Samsung Handy", "für mein Samsung Handy", "schon"),
    ("ya tengo unos cascos de boAt y quiero un cable", "unos cascos de boAt", "quiero un cable", "boAt"),
    ("我已经有一根苹果的线了，再要一根安卓的", "一根苹果的线", "再要一根安卓的", "苹果"),
])
def test_what_the_shopper_already_has_is_read_apart_from_what_they_ask_for(
        message: str, owned: str, wanted: str, not_wanted: str) -> None:
    said = shopper_context.owned_said(message)
    assert said is not None and said.text == owned
    assert wanted in said.rest and not_wanted not in said.rest


@pytest.mark.parametrize("message", ["I have an iPhone 13, need a charging cable for it", "I already have one"])
def test_a_device_said_without_already_or_with_no_request_after_it_is_left_to_the_other_readings(message: str) -> None:
    assert shopper_context.owned_said(message) is None


def test_another_brand_after_an_owned_item_turns_its_make_down() -> None:
    owned = shopper_context.owned_said("i already have the Portronics one, want a different brand")
    assert owned is not None and owned.another_brand
    heard = ShopperRequest(intent="recommend", include={})
    owned_heard = ShopperRequest(intent="recommend", include={"brand": ["Portronics"], "category": ["USBCables"]})
    changed = shopper_context.with_owned(heard, owned, owned_heard, ["category"])
    assert changed.exclude == {"brand": ["Portronics"]}
    assert changed.include == {"category": ["USBCables"]}  # the owned item's kind, no kind said


@pytest.mark.parametrize(("message", "current", "include", "makes"), [
    ("my mum has a Samsung telly", {"category": ["RemoteControls"]},
     {"category": ["SmartTelevisions"], "brand": ["Samsung"]}, ["Samsung"]),
    ("it's an iphone", {"category": ["USBCables"]}, {}, ["iphone"]),
    ("er hat einen LG Fernseher", {"category": ["RemoteControls"]}, {"category": ["SmartTelevisions"]}, ["LG"]),
])
def test_a_device_stated_while_an_accessory_is_sought_is_what_it_must_fit(
        message: str, current: dict[str, list[str]], include: dict[str, list[str]], makes: list[str]) -> None:
    heard = ShopperRequest(intent="recommend", include=include)
    changed, found = shopper_context.device_stated(heard, message, current, ["category"], ["Samsung", "LG", "Wayona"])
    assert [m.casefold() for m in found] == [m.casefold() for m in makes]
    assert "brand" not in changed.include and changed.include.get("category") is None


def test_a_device_statement_with_no_product_in_force_changes_nothing() -> None:
    heard = ShopperRequest(intent="recommend", include={"category": ["SmartTelevisions"], "brand": ["LG"]})
    changed, found = shopper_context.device_stated(heard, "it's an LG tv I want", {}, ["category"], ["LG"])
    assert changed == heard and found == []


@pytest.mark.parametrize("message", ["no wait, it's for my aunt, not for my uncle", "not his brother, his girlfriend",
                                     "no es para mi hermano, es para mi tía", "nicht für meinen Opa, für meine Oma"])
def test_a_person_corrected_turns_down_no_audience(message: str) -> None:
    heard = ShopperRequest(intent="refine", exclude={"gender": ["Men"]}, avoid_words=["men"])
    changed = shopper_context.person_not_excluded(heard, message, ["gender"])
    assert changed.exclude == {} and changed.avoid_words == []


def test_an_audience_turned_down_in_words_stays() -> None:
    heard = ShopperRequest(intent="refine", exclude={"gender": ["Men"]})
    assert shopper_context.person_not_excluded(heard, "not for men please", ["gender"]) == heard


@pytest.mark.parametrize(("message", "read", "gone"), [
    ("any colour but still under 500", "any colour is fine", "but still"),
    ("whatever, any brand but keep them white", "any brand is fine", "keep them"),
    ("nothing decent here honestly", "none of these", "decent"),
    ("hmm, nichts Passendes", "keiner davon", "Passendes"),
    ("la verdad nada me convence", "ninguno me gusta", "convence"),
    ("这个是给我女儿买的", "给我女儿的", "买"),
    ("can you show me a couple of more", "more", "couple"),
])
def test_steering_words_are_read_plainly(message: str, read: str, gone: str) -> None:
    plain = shopper_context.plain_steering(message)
    assert read in plain and gone not in plain


@pytest.mark.parametrize(("message", "plain"), [
    ("is the third one navy?", True), ("und ist das zweite schwarz?", True), ("¿el primero es azul?", True),
    ("第二个是黑色的吗", True), ("is the 3rd available in navy?", False), ("gibt es das zweite auch in schwarz?", False),
    ("does the first one come in red?", False),
])
def test_a_plain_yes_no_question_is_told_from_a_wish_for_another_version(message: str, plain: bool) -> None:
    assert shopper_context.only_asks_is(message) is plain


@pytest.mark.parametrize(("message", "gone"), [
    ("whatever brand, just black", ["titan"]), ("la marca me da igual", ["titan"]), ("drop titan", ["titan"]),
    ("egal welche Marke", ["titan"]), ("show me black", []),
])
def test_a_title_brand_is_given_up(message: str, gone: list[str]) -> None:
    assert shopper_context.brands_given_up(message, ["titan", "leather"], lambda w: w == "titan") == gone


# --- whole turns ------------------------------------------------------------------------------------


def test_an_owned_cable_is_no_wish_and_the_kind_asked_for_is_shown(electronics: ChatRec) -> None:
    reply = electronics.respond("we already have the Wayona lightning cable, but need a type c one now", session_id="own")
    items = [electronics.item(r.item_id) for r in reply.recommendations]
    assert items and all(i.category == "USBCables" for i in items)
    assert not any("lightning" in i.title.lower() for i in items), [i.title for i in items]


def test_another_brand_than_the_one_owned(electronics: ChatRec) -> None:
    reply = electronics.respond("ya tengo un cable usb de boAt, quiero uno de otra marca", session_id="own-es")
    items = [electronics.item(r.item_id) for r in reply.recommendations]
    assert items and not any(i.brand == "boAt" for i in items)


@pytest.mark.parametrize(("first", "then", "make"), [
    ("remote for my tv please", "it is a Samsung", "samsung"),
    ("need a tv remote", "my grandpa has an LG one, the smart kind", "lg"),
])
def test_the_device_stated_after_remotes_is_what_they_must_fit(electronics: ChatRec, first: str, then: str, make: str) -> None:
    electronics.respond(first, session_id="dev")
    reply = electronics.respond(then, session_id="dev")
    items = [electronics.item(r.item_id) for r in reply.recommendations]
    assert items and all(i.category == "RemoteControls" and make in i.title.lower() for i in items), reply.text


def test_a_recipient_corrected_keeps_the_product_and_the_audience(fashion: ChatRec) -> None:
    fashion.respond("a handbag for my wife", session_id="who")
    fashion.respond("black", session_id="who")
    reply = fashion.respond("oops, it's for my sister not my wife", session_id="who")
    items = [fashion.item(r.item_id) for r in reply.recommendations]
    assert items and all(i.field_value("articleType") == "Handbags" for i in items), reply.text
    assert all(i.field_value("gender") in ("Women", "Unisex") for i in items), reply.text


def test_a_bare_title_brand_after_items_narrows_to_it(fashion: ChatRec) -> None:
    fashion.respond("sports shoes for men", session_id="bare")
    reply = fashion.respond("adidas", session_id="bare")
    titles = [fashion.item(r.item_id).title for r in reply.recommendations]
    assert titles and all("adidas" in t.lower() for t in titles), reply.text


def test_whatever_brand_gives_a_title_brand_up(fashion: ChatRec) -> None:
    fashion.respond("watches for women", session_id="brand-up")
    fashion.respond("Fastrack", session_id="brand-up")
    reply = fashion.respond("whatever brand is fine", session_id="brand-up")
    titles = [fashion.item(r.item_id).title for r in reply.recommendations]
    assert titles and not all(t.startswith("Fastrack") for t in titles), reply.text


def test_is_the_second_one_brown_is_answered_alone(fashion: ChatRec) -> None:
    fashion.respond("casual shoes for men", session_id="is")
    reply = fashion.respond("is the second one brown?", session_id="is")
    assert not reply.recommendations and reply.text.startswith(("No", "Yes")), reply.text
