"""Batch 18's conversation classes (issue 12, branch i12bp; ``chatrec/batch18_classes.py``), on other wordings
than the batch's: a shown item picked with a word of assent, thanks that close the conversation, "no worries", a spec bound said with "no bigger than", a
budget said as what one will not spend, a new figure for the budget in force, a word of one product type in
force, a new product wanted "also", and a person after "for" followed by the product."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from chatrec import batch18_classes
from chatrec.recommender import ChatRec


@pytest.fixture
def fashion(fashion_chatrec: ChatRec) -> ChatRec:
    return fashion_chatrec


@pytest.fixture
def electronics(electronics_chatrec: ChatRec) -> ChatRec:
    return electronics_chatrec


def _items(rec: ChatRec, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


# ---------------------------------------------------------------- a pick with a word of assent

@pytest.mark.parametrize(("message", "language"), [
    ("the third one will do", "en"),
    ("ok the 2nd then", "en"),
    ("den zweiten dann", "de"),
    ("vale, el tercero", "es"),
    ("就第二个吧", "zh"),
])
def test_a_pick_with_a_word_of_assent_reads_as_taking_the_item(message: str, language: str) -> None:
    assert batch18_classes.picked(message, 3, language) is not None


@pytest.mark.parametrize(("message", "language"), [
    ("is the third one fine?", "en"),  # a question
    ("the third one in black please", "en"),  # a wish
    ("the second one", "en"),  # no word of assent: pointing, as before
    ("第五个吧", "zh"),  # beyond the list
])
def test_no_pick_when_the_message_asks_wishes_or_points_past_the_list(message: str, language: str) -> None:
    assert batch18_classes.picked(message, 3, language) is None


def test_a_picked_item_gets_a_confirmation_and_no_new_list(fashion: ChatRec) -> None:
    first = fashion.respond("watches for women", session_id="p")
    shown = _items(fashion, first)
    reply = fashion.respond("the second one will do", session_id="p")
    assert not reply.recommendations
    assert shown[1].title.split()[0].lower() in reply.text.lower()


def test_a_chinese_pick_with_ba_gets_a_confirmation(fashion: ChatRec) -> None:
    fashion.respond("女士手表", session_id="z")
    reply = fashion.respond("就第二个吧", session_id="z")
    assert not reply.recommendations


# ---------------------------------------------------------------- thanks that close

def _read(include: dict[str, list[str]]) -> Any:
    return lambda text: SimpleNamespace(include=include, price=None)


@pytest.mark.parametrize("message", ["all good, cheers mate", "that's all, thank u", "das wars, danke schön"])
def test_thanks_with_no_new_wish_close(message: str) -> None:
    assert batch18_classes.closing(message, "en", {"Watches"}, _read({})) is not None


@pytest.mark.parametrize("message", ["thanks, now show me belts", "cheers, any in blue?", "thx, i'll take the first"])
def test_thanks_with_a_request_or_a_pick_do_not_close(message: str) -> None:
    assert batch18_classes.closing(message, "en", {"Watches"}, _read({}), n_shown=3) is None


def test_thanks_naming_a_value_never_shown_do_not_close() -> None:
    assert batch18_classes.closing("lovely, the belt, thanks", "en", {"Watches"}, _read({"articleType": ["Belts"]})) is None
    assert batch18_classes.closing("lovely, the watch, thanks", "en", {"Watches"}, _read({"articleType": ["Watches"]}))


def test_thanks_naming_the_shown_item_shows_nothing(fashion: ChatRec) -> None:
    fashion.respond("sunglasses for men", session_id="t")
    reply = fashion.respond("great, the sunglasses it is, cheers", session_id="t")
    assert not reply.recommendations


# ---------------------------------------------------------------- "do you sell X?" naming no product (sets 50, 53)

def test_do_you_sell_a_thing_not_sold_says_the_shop_sells_none(electronics: ChatRec) -> None:
    # stop 37 (chatrec/unsold.py): was the off-topic answer ("I can only help with shopping ..."); a shop
    # assistant says it has no microwaves, and what it has
    reply = electronics.respond("hey do you sell microwaves?", session_id="m")
    assert not reply.recommendations and "does not sell microwaves" in reply.text
    assert reply.question is not None and reply.question.attribute == "category"


# ---------------------------------------------------------------- "no worries", spec bounds, budgets

@pytest.mark.parametrize("message", ["no problem, a tv then", "ok no probs. a tv"])
def test_no_worries_turns_nothing_down(message: str) -> None:
    assert "no " not in batch18_classes.without_no_worries(message).lower()


@pytest.mark.parametrize(("message", "expected"), [
    ("a cable, not longer than 1.5 m", "at most 1.5 m"),
    ("no smaller than 43 inches please", "at least 43 inches"),
])
def test_no_bigger_than_is_a_bound(message: str, expected: str) -> None:
    assert expected in batch18_classes.spec_bound(message)


def test_no_larger_than_shows_tvs_within_the_size(electronics: ChatRec) -> None:
    reply = electronics.respond("a tv, no larger than 40 inches", session_id="s")
    items = _items(electronics, reply)
    assert items and all(("32 inches" in i.title.lower() or "40 inches" in i.title.lower()) for i in items)


@pytest.mark.parametrize(("message", "figure"), [
    ("un cable que no quiero gastar más de 300", "hasta 300"),
    ("ich will nicht mehr als 500 ausgeben", "bis 500"),
])
def test_what_one_will_not_spend_is_a_top_budget(message: str, figure: str) -> None:
    assert figure in batch18_classes.spend_no_more(message)


def test_spanish_spend_no_more_keeps_items_under_it(electronics: ChatRec) -> None:
    reply = electronics.respond("una tele, no quiero pagar más de 12000 rupias", session_id="e")
    items = _items(electronics, reply)
    assert items and all(i.price is not None and i.price <= 12000 for i in items)


def test_a_figure_proposed_moves_the_budget_in_force(electronics: ChatRec) -> None:
    assert batch18_classes.budget_proposed("how about 500 instead", 300.0) == "under 500"
    assert batch18_classes.budget_proposed("how about 500 instead", None) == "how about 500 instead"
    electronics.respond("hdmi cable under 250", session_id="b")
    reply = electronics.respond("ok how about 1000", session_id="b")
    items = _items(electronics, reply)
    assert items and all(i.price is not None and i.price <= 1000 for i in items)
    assert any(i.price > 250 for i in items)


# ---------------------------------------------------------------- one type in force, "also", a person after "for"

def test_just_the_word_of_one_type_narrows_to_it(electronics: ChatRec) -> None:
    electronics.respond("a television under 9000", session_id="n")
    reply = electronics.respond("just the standard ones", session_id="n")
    items = _items(electronics, reply)
    assert items and all(i.category == "StandardTelevisions" for i in items)


def test_also_a_new_product_shows_it_alone(fashion: ChatRec) -> None:
    fashion.respond("sunglasses for men", session_id="a")
    reply = fashion.respond("i also need a wallet", session_id="a")
    items = _items(fashion, reply)
    assert items and all(i.attributes["articleType"] == "Wallets" for i in items)


@pytest.mark.parametrize("message", ["and for my wife, a handbag", "something for him, maybe a belt", "für meine Frau eine Uhr"])
def test_a_person_after_for_then_a_product(message: str) -> None:
    assert batch18_classes.for_person_then_product(message)


@pytest.mark.parametrize("message", ["hdmi, for my tv", "a case for my son's phone"])
def test_a_purpose_after_for_stays_one(message: str) -> None:
    assert not batch18_classes.for_person_then_product(message)


def test_the_product_after_the_person_is_the_wish(fashion: ChatRec) -> None:
    fashion.respond("watches for men", session_id="w")
    reply = fashion.respond("and for my wife, maybe a handbag", session_id="w")
    items = _items(fashion, reply)
    assert items and all(i.attributes["articleType"] == "Handbags" for i in items)


# ---------------------------------------------------------------- slang spellings, answers' own words

@pytest.mark.parametrize(("message", "expected"), [
    ("wich one is cheepest", "which one is cheapest"),
    ("nope, one in blue maybe", "one in blue maybe"),
    ("smth cheeper?", "something cheaper?"),
])
def test_slang_is_spelt_out(message: str, expected: str) -> None:
    assert batch18_classes.spelt_out(message) == expected


def test_nah_something_x_asks_for_x(electronics: ChatRec) -> None:
    electronics.respond("usb cable for my phone", session_id="n")
    reply = electronics.respond("nope, something braided", session_id="n")
    items = _items(electronics, reply)
    assert items and all("braided" in i.title.lower() for i in items)


def test_a_spanish_field_answer_is_a_spanish_sentence(fashion: ChatRec) -> None:
    fashion.respond("relojes para mujer", session_id="f")
    reply = fashion.respond("¿de qué color es el tercero?", session_id="f")
    assert " es " in reply.text and not reply.recommendations, reply.text


@pytest.mark.parametrize(("language", "verb"), [("es", " es "), ("de", " ist ")])
def test_the_field_answer_wording_has_a_verb_of_its_language(language: str, verb: str) -> None:
    from chatrec.answers import _wording

    said = str(_wording(language)["field_value"]).format(title="Timex Steel Watch", field="color", value="acero")
    assert verb in said
