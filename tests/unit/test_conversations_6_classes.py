"""The classes of failure batch 6 of the blind conversations found (issue 12, branch i12o), each tried
on variants that are not in ``tests/conversations/blind_conversations_6.yaml``: numeric specs read from
the items' own titles, "none of these are X?" as a question, an occasion for a person, closings, and
reasons naming the product type."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))

import runner  # noqa: E402

from chatrec import ChatRec  # noqa: E402
from chatrec.dialogue import DialogueState, SpecsChecked, SpecsWanted  # noqa: E402
from chatrec.spec_filters import read_bounds, stated  # noqa: E402


def _titles(rec: ChatRec, reply: object) -> list[str]:
    return [rec.item(r.item_id).title for r in reply.recommendations]  # type: ignore[attr-defined]


# --- numeric specs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "family", "low", "high"),
    [
        ("a tv no smaller than 50 inches", "inch", 50.0, None),
        ("55 inches or bigger", "inch", 55.0, None),
        ("a usb cable no longer than 1 metre", "m", None, 1.0),
        ("power bank 10,000 mAh or more", "mah", 10000.0, None),
        ("between 1 and 2 metres", "m", 1.0, 2.0),
        ("at least 2TB of storage", "gb", 2048.0, None),
        ("de 40 a 43 pulgadas", "inch", 40.0, 43.0),
        ("10 ft or longer", "m", 3.048, None),
    ],
)
def test_a_spec_bound_is_read_with_its_unit(message: str, family: str, low: float | None, high: float | None) -> None:
    got_low, got_high = read_bounds(message)[family]
    assert got_low == pytest.approx(low) if low is not None else got_low is None
    assert got_high == pytest.approx(high) if high is not None else got_high is None


def test_more_than_is_strict_and_a_figure_without_unit_is_no_spec() -> None:
    low, _ = read_bounds("a phone with more than 6 inches of screen")["inch"]
    assert low is not None and low > 6.0
    assert read_bounds("smart tv under 15000") == {}
    assert read_bounds("1000元以内的蓝牙耳机") == {}


def test_a_title_states_its_figures_in_one_unit_per_family() -> None:
    figures = stated("Zoul USB C 60W Fast Charging 3A 6ft/2M Long, 3.5mm jack")
    assert figures["w"] == [60.0]
    assert max(figures["m"]) == pytest.approx(2.0)
    assert "inch" not in stated("Available in 2 colours")


def test_spec_bounds_live_in_the_state_and_a_new_product_type_clears_them() -> None:
    from chatrec.dialogue import Heard
    from chatrec.request import ShopperRequest

    state = DialogueState()
    state.apply(Heard(ShopperRequest(include={"category": ["SmartTelevisions"]})))
    state.apply(SpecsWanted({"inch": (50.0, None)}))
    state.apply(SpecsChecked(("a", "b")))
    again = DialogueState.from_dict(state.to_dict())
    assert again.specs == {"inch": [50.0, None]} and again.spec_blocked == []  # blocked ids are derived, not stored
    state.apply(Heard(ShopperRequest(include={"category": ["HDMICables"]})))
    assert state.specs == {}


def test_tvs_of_50_inches_or_more_and_the_size_stays_with_a_budget(electronics: ChatRec) -> None:
    reply = electronics.respond("show me smart tvs of 50 inches or more", session_id="s")
    titles = _titles(electronics, reply)
    assert titles and all(runner.title_spec(t, "inch") >= 50 for t in titles), titles
    reply = electronics.respond("under 35000", session_id="s")
    items = [electronics.item(r.item_id) for r in reply.recommendations]
    assert items and all(runner.title_spec(i.title, "inch") >= 50 and (i.price or 0) <= 35000 for i in items)


def test_a_short_cable_bound_from_above(electronics: ChatRec) -> None:
    reply = electronics.respond("a usb cable no longer than 1 metre", session_id="s")
    titles = _titles(electronics, reply)
    assert titles and all((runner.title_spec(t, "metre") or 99) <= 1.0 for t in titles), titles


def test_a_spec_the_catalogue_does_not_list_is_said_and_is_no_budget(electronics: ChatRec) -> None:
    reply = electronics.respond("a wifi adapter that weighs less than 50 grams", session_id="s")
    assert "weight" in reply.text and "50 g" in reply.text
    assert "INR" not in reply.text  # 50 grams is no price of 50
    assert reply.recommendations and all(
        electronics.item(r.item_id).category == "WirelessUSBAdapters" for r in reply.recommendations)


def test_a_figure_no_item_reaches_is_said_and_nothing_is_emptied(electronics: ChatRec) -> None:
    reply = electronics.respond("hdmi cable at least 30 metres long", session_id="s")
    assert re.search(r"No item here states a length of >= 30 m", reply.text), reply.text
    assert reply.recommendations


# --- "none of these are X?" is a question; closings ---------------------------------------------------


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("none of these are leather?", "are any of these leather?"),
        ("so none of them are casual??", "are any of these casual?"),
        ("wait, these aren't waterproof?", "are any of these waterproof?"),
        ("are none of these from Titan?", "are any of these from Titan?"),
    ],
)
def test_none_of_these_with_a_question_mark_is_a_question(message: str, question: str) -> None:
    from chatrec.shopper_moves import as_any_question

    assert as_any_question(message) == question


@pytest.mark.parametrize("message", ["none of these are what I want", "none of these are casual", "these are nice?"])
def test_a_complaint_about_taste_or_without_question_mark_stays_what_it_was(message: str) -> None:
    from chatrec.shopper_moves import as_any_question

    assert as_any_question(message) is None


def test_none_of_these_casual_is_answered_about_the_shown_items(fashion: ChatRec) -> None:
    first = fashion.respond("show me watches for women", session_id="s")
    shown = {r.item_id for r in first.recommendations}
    reply = fashion.respond("hmm, none of these are casual?", session_id="s")
    assert {r.item_id for r in reply.recommendations} <= shown  # no new search, nothing excluded
    assert "casual" in reply.text.lower()
    again = fashion.respond("show me those once more", session_id="s")
    assert again.recommendations and "not Casual" not in again.text


@pytest.mark.parametrize("closing", ["no worries, thanks anyway", "that's all, thank you", "ok bye, thanks"])
def test_a_polite_close_shows_nothing_and_asks_nothing(electronics: ChatRec, closing: str) -> None:
    electronics.respond("show me hdmi cables", session_id="s")
    reply = electronics.respond(closing, session_id="s")
    assert not reply.recommendations and reply.question is None
    assert reply.text


# --- an occasion for a person -------------------------------------------------------------------------


def test_an_occasion_reads_the_values_that_dress_for_it() -> None:
    from chatrec.shopper_moves import occasion

    counts = {"usage": {"Formal": 3, "Ethnic": 2, "Casual": 9}, "gender": {"Men": 4}}
    assert occasion("something smart for a job interview", counts) == {"usage": ["Formal"]}
    assert occasion("an outfit for my sister's engagement", counts) == {"usage": ["Ethnic", "Formal"]}
    assert occasion("a tee for everyday", counts) == {}
    assert occasion("a wedding gift", {"category": {"Toasters": 1}}) == {}  # no such values: nothing read


def test_an_interview_outfit_for_a_man_shows_formal_mens_items_at_once(fashion: ChatRec) -> None:
    reply = fashion.respond("my husband has a job interview, what should he wear?", session_id="s")
    items = [fashion.item(r.item_id) for r in reply.recommendations]
    assert items and reply.question is None
    assert all(i.attributes.get("gender") in ("Men", "Boys", "Unisex") for i in items)
    assert all(i.attributes.get("usage") == "Formal" for i in items)
    assert not any(i.attributes.get("articleType") in ("Tshirts", "Shorts", "Flip Flops") for i in items)


def test_an_exclusion_after_items_keeps_the_fitting_ones_seen_before(fashion: ChatRec) -> None:
    first = fashion.respond("formal shirts for men", session_id="s")
    kept = [r.item_id for r in first.recommendations if fashion.item(r.item_id).attributes["baseColour"] != "White"]
    reply = fashion.respond("no white please", session_id="s")
    ids = [r.item_id for r in reply.recommendations]
    assert ids and not any(fashion.item(i).attributes["baseColour"] == "White" for i in ids)
    assert set(kept) <= set(ids)  # the non-white formal shirts shown before are not hidden


# --- a reason's noun is the product type, never an adjective -------------------------------------------


@pytest.mark.parametrize(
    ("category", "noun"),
    [("On-Ear", "an on-ear headphone by"), ("Over-Ear", "an over-ear headphone by"), ("Condenser", "a condenser microphone by")],
)
def test_a_type_named_by_an_adjective_gets_its_noun_in_the_reason(category: str, noun: str) -> None:
    from chatrec.grounding import Fact, FactWriter, _noun

    reason = FactWriter("en").write([Fact("type", "category", _noun(category), True), Fact("brand", "brand", "Acme", False)])
    assert reason.lower().startswith(noun), reason


def test_an_ordinary_type_is_left_as_it_is() -> None:
    from chatrec.grounding import Fact, FactWriter, _noun

    reason = FactWriter("en").write([Fact("type", "category", _noun("SmartTelevisions"), True)])
    assert reason.lower().startswith("a smart television"), reason


# --- an accessory that fits a device ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "makes"),
    [
        ("a remote for my LG television", ["LG"]),
        ("I own a OnePlus 9, which cable should I get?", ["OnePlus"]),
        ("a cable for my phone", []),
        ("a gift for my wife", []),
    ],
)
def test_the_device_make_is_read_from_the_message(message: str, makes: list[str]) -> None:
    from chatrec.compatible import device_makes

    assert device_makes(message, ["LG", "OnePlus", "Samsung"]) == makes


def test_a_remote_for_an_lg_tv_names_lg_and_the_fit_stays_with_a_budget(electronics: ChatRec) -> None:
    reply = electronics.respond("a remote for my LG television", session_id="s")
    titles = _titles(electronics, reply)
    assert titles and all("lg" in t.lower() for t in titles), titles
    reply = electronics.respond("under 500 rupees", session_id="s")
    titles = _titles(electronics, reply)
    assert not titles or all("lg" in t.lower() for t in titles), titles


def test_an_accessory_that_goes_with_the_shown_items_fits_their_make(electronics: ChatRec) -> None:
    electronics.respond("show me LG smart tvs", session_id="s")
    reply = electronics.respond("any remote compatible with these?", session_id="s")
    items = [electronics.item(r.item_id) for r in reply.recommendations]
    assert items and all(i.category == "RemoteControls" and "lg" in i.title.lower() for i in items)
    assert "left out" not in reply.text  # the TVs' make is the fit, not a brand wish given up


# --- two products asked for together -------------------------------------------------------------------


def test_a_bundle_of_two_types_in_one_field_shows_both(electronics: ChatRec) -> None:
    reply = electronics.respond("I want a smart tv plus an hdmi cable", session_id="s")
    kinds = {electronics.item(r.item_id).category for r in reply.recommendations}
    assert reply.question is None and {"SmartTelevisions", "HDMICables"} <= kinds, kinds


def test_a_bundle_across_two_type_fields_shows_both_and_the_next_piece_alone(fashion: ChatRec) -> None:
    reply = fashion.respond("a watch and sunglasses for my boyfriend", session_id="s")
    items = [fashion.item(r.item_id) for r in reply.recommendations]
    kinds = {i.attributes["articleType"] for i in items}
    assert {"Watches", "Sunglasses"} <= kinds, kinds
    assert all(i.attributes["gender"] in ("Men", "Unisex") for i in items)
    reply = fashion.respond("and a wallet", session_id="s")
    kinds = {fashion.item(r.item_id).attributes["articleType"] for r in reply.recommendations}
    assert kinds == {"Wallets"}, kinds


def test_one_type_with_and_elsewhere_is_no_bundle() -> None:
    from chatrec.bundles import is_bundle

    assert not is_bundle("black and white sneakers", {"articleType": ["Casual Shoes"]}, ["articleType"])
    assert is_bundle("a tv and a mount", {"category": ["SmartTelevisions", "Mounts"]}, ["category"])


# --- a product the shop does not sell, though its titles name it ------------------------------------


def test_a_product_named_only_as_what_items_are_for_is_said_not_sold(electronics: ChatRec) -> None:
    reply = electronics.respond("I'm looking for a smartphone with at least 128GB", session_id="s")
    assert "sells no smartphone" in reply.text and "memory" in reply.text, reply.text
    again = electronics.respond("ok, a usb cable then", session_id="s")
    assert "128 GB" not in again.text  # the memory bound was said once, then given up
    assert all(electronics.item(r.item_id).category == "USBCables" for r in again.recommendations)


def test_a_product_type_the_shop_has_is_not_called_unsold() -> None:
    from chatrec.shopper_moves import no_such_type

    types = ["USBCables", "SmartTelevisions", "RemoteControls"]
    assert no_such_type("I am looking for a remote with backlight", types) is None
    assert no_such_type("I need a projector", types) == "projector"


# --- no invented fact in an answer ----------------------------------------------------------------------


def test_a_make_of_two_words_is_not_answered_by_its_last_word(electronics: ChatRec) -> None:
    electronics.respond("show me usb wifi adapters", session_id="s")
    reply = electronics.respond("are any of these TP-Link?", session_id="s")
    assert "D-Link" not in reply.text.split("The catalogue data")[0], reply.text  # D-Link is no TP-Link
    assert "is listed as TP-Link" in reply.text
