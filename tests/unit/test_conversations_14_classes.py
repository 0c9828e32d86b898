"""Batch 14's conversation classes (issue 12, branch i12au; ``chatrec/batch14_classes.py``), on other
wordings than the batch's: typos of "the" and of ordinals, a pointing message with a question word, a
correction that is no rejection, a bare amount while a budget is in force, "start over" with a new request and a brand whose first word is a colour ("Red Tape")."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from chatrec import batch14_classes
from chatrec.recommender import ChatRec
from chatrec.refused_colours import without_refused
from chatrec.request import ItemReference, PriceRange, ShopperRequest


@pytest.fixture
def fashion(fashion_chatrec: ChatRec) -> ChatRec:
    return fashion_chatrec


@pytest.fixture
def electronics(electronics_chatrec: ChatRec) -> ChatRec:
    return electronics_chatrec


def _items(rec: ChatRec, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


# ---------------------------------------------------------------- typos of pointing words

@pytest.mark.parametrize(("message", "plain"), [
    ("is teh third one wireless", "is the third one wireless"),
    ("hte 2nd please", "the 2nd please"),
    ("what about the forth one", "what about the fourth one"),
    ("how much is the secnod", "how much is the second"),
    ("and the thrid?", "and the third?"),
    ("die dirtte bitte", "die dritte bitte"),
    ("el segudno cuánto cuesta", "el segundo cuánto cuesta"),
    ("la primrea me gusta", "la primera me gusta"),
])
def test_typos_of_the_and_of_ordinals_are_corrected(message: str, plain: str) -> None:
    assert batch14_classes.plain(message) == plain


@pytest.mark.parametrize("message", [
    "back and forth between these two", "the fist bump", "a red kurta for the festival", "die Weste bitte",
    "the fifty rupee one", "la cuerda larga",
])
def test_words_that_only_look_like_ordinals_stay(message: str) -> None:
    assert batch14_classes.plain(message) == message


# ---------------------------------------------------------------- a pointing message with a question word

def _pointing(intent: str = "more_like", how: str = "position") -> ShopperRequest:
    return ShopperRequest(intent=intent, references=[ItemReference(position=2, item_id="x", how=how)])


@pytest.mark.parametrize("message", [
    "second one what colour", "the 2nd one why", "la segunda qué marca", "das zweite wieso", "第二个为啥",
])
def test_a_pointing_message_with_a_question_word_asks_about_the_item(message: str) -> None:
    assert batch14_classes.pointed_question(_pointing(), message).intent == "ask_about_item"


@pytest.mark.parametrize("message", ["what else is there like the second", "more like the second one", "otros parecidos al segundo"])
def test_asking_for_more_like_an_item_stays_more_like(message: str) -> None:
    assert batch14_classes.pointed_question(_pointing(), message).intent == "more_like"


def test_the_question_is_answered_about_the_item_not_searched(fashion: ChatRec) -> None:
    fashion.respond("watches for men", session_id="q")
    before = {r.item_id for r in fashion.respond("black", session_id="q").recommendations}
    reply = fashion.respond("second one what brand", session_id="q")
    assert not [r for r in reply.recommendations if r.item_id not in before]
    assert reply.text


# ---------------------------------------------------------------- a correction is no rejection

@pytest.mark.parametrize("message", ["no I meant black", "te dije negro, no azul", "ich meinte schwarz"])
def test_a_correction_is_a_refinement(message: str) -> None:
    heard = ShopperRequest(intent="reject", include={"baseColour": ["Black"]})
    changed = batch14_classes.corrected(heard, message)
    assert changed.intent == "refine" and changed.show_now


def test_a_rejection_with_no_correction_stays_one() -> None:
    heard = ShopperRequest(intent="reject", include={"baseColour": ["Black"]})
    assert batch14_classes.corrected(heard, "nah, none of these, black maybe").intent == "reject"


def test_i_said_grey_keeps_both_grey_items_including_a_colour_named_brand(fashion: ChatRec) -> None:
    fashion.respond("casual shoes for men in grey", session_id="said")
    fashion.respond("what about red", session_id="said")
    reply = fashion.respond("no no, I said grey, not red", session_id="said")
    items = _items(fashion, reply)
    assert len(items) == 2 and {i.attributes["baseColour"] for i in items} == {"Grey"}


# ---------------------------------------------------------------- a bare amount while a budget is in force

def _budget(heard: ShopperRequest, message: str, in_force: bool = True) -> ShopperRequest:
    return batch14_classes.budget_restated(
        heard, message, budget_in_force=in_force, has_prices=True, kinds=["category"], specs=False)


@pytest.mark.parametrize(("message", "amount"), [
    ("ok 12k then", 12000.0), ("let's say 18000", 18000.0), ("vale, 7000 mejor", 7000.0),
    ("na gut, 2.500 geht", 2500.0), ("fine, 1,500", 1500.0),
])
def test_a_bare_amount_while_a_budget_is_in_force_is_the_new_budget(message: str, amount: float) -> None:
    changed = _budget(ShopperRequest(intent="refine"), message)
    assert changed.price is not None and changed.price.max == amount and changed.intent == "refine"


@pytest.mark.parametrize("message", ["4k please", "the 43 inch ones", "2 pack", "65W or more", "ok 15 then", "between 5000 and 9000"])
def test_figures_that_are_no_budget_change_nothing(message: str) -> None:
    assert _budget(ShopperRequest(intent="refine"), message).price is None


def test_no_budget_in_force_or_a_budget_read_already_changes_nothing() -> None:
    assert _budget(ShopperRequest(intent="refine"), "12000", in_force=False).price is None
    read = ShopperRequest(intent="refine", price=PriceRange(max=900))
    assert _budget(read, "under 900 no wait 700").price == PriceRange(max=900)


def test_lowering_the_budget_by_a_bare_amount_shows_items_within_it(electronics: ChatRec) -> None:
    electronics.respond("smart tv under 30000", session_id="b")
    reply = electronics.respond("hmm ok let's say 12000", session_id="b")
    items = _items(electronics, reply)
    assert items and all(i.price is not None and i.price <= 12000 for i in items)


# ---------------------------------------------------------------- start over with a new request

def test_start_over_with_a_product_type_shows_it() -> None:
    heard = ShopperRequest(intent="start_over", include={"category": ["RemoteControls"]})
    assert batch14_classes.start_over_shows(heard, ["category"]).show_now
    bare = ShopperRequest(intent="start_over")
    assert not batch14_classes.start_over_shows(bare, ["category"]).show_now


@pytest.mark.parametrize("message", ["ok let's start over. a wifi adapter", "neue Suche: eine Fernbedienung"])
def test_a_new_search_naming_a_product_shows_it_at_once(electronics: ChatRec, message: str) -> None:
    electronics.respond("smart tv under 20000", session_id="new")
    reply = electronics.respond(message, session_id="new")
    items = _items(electronics, reply)
    assert items and all(i.category in ("WirelessUSBAdapters", "RemoteControls") for i in items)


# ---------------------------------------------------------------- a brand whose first word is a colour

def _candidate(title: str, colour: str) -> Any:
    return SimpleNamespace(item=SimpleNamespace(title=title, attributes={"baseColour": colour}))


def test_a_colour_turned_down_spares_a_brand_named_by_it() -> None:
    kept = without_refused([_candidate("Red Chief Men Brown Shoes", "Brown"),
                            _candidate("Puma Men Red Black Shoes", "Black"),
                            _candidate("Red Tape Men Grey Shoes", "Grey")], {"baseColour": ["Red"]})
    assert [c.item.title for c in kept] == ["Red Chief Men Brown Shoes", "Red Tape Men Grey Shoes"]


# ---------------------------------------------------------------- the device named before its accessory

@pytest.mark.parametrize(("message", "make"), [
    ("ipad charging cable please", "iPhone"), ("need an iphone cable", "iPhone"), ("fire stick remote", "Fire"),
])
def test_a_device_named_before_its_accessory_is_what_it_must_fit(message: str, make: str) -> None:
    from chatrec.compatible import device_makes

    assert make in device_makes(message)


def test_an_iphone_cable_shows_cables_that_name_the_iphone_or_lightning(electronics: ChatRec) -> None:
    reply = electronics.respond("iphone charger cable", session_id="ip")
    items = _items(electronics, reply)
    assert items and all(any(w in i.title.lower() for w in ("iphone", "lightning", "8 pin", "8-pin")) for i in items)


@pytest.mark.parametrize("then", ["wait, it's actually a samsung", "sorry it is really an LG"])
def test_a_device_corrected_with_actually_is_what_the_remote_must_fit(electronics: ChatRec, then: str) -> None:
    electronics.respond("a remote for my sony tv", session_id="act")
    reply = electronics.respond(then, session_id="act")
    make = "samsung" if "samsung" in then else "lg"
    items = _items(electronics, reply)
    assert items and all(make in i.title.lower() for i in items)
