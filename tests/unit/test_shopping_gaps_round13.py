"""Shopping gaps round 13 (issue 12, branch i12br): the lead's gaps, each class tried on wording other than
the brief's."""

from __future__ import annotations

import re
from typing import Any

import pytest

from chatrec import gaps_round13
from chatrec.dialogue import DialogueState, update_state
from chatrec.request import ShopperRequest


def _read(catalogues: Any, catalogue: str, message: str, current: dict[str, list[str]] | None = None,
          shown: int = 0) -> Any:
    from chatrec.understanding import TurnContext, understand

    vocabulary, items = catalogues[catalogue]
    wanted = set((current or {}).get("category", ()))
    listed = [i for i in items.values() if not wanted or i.category in wanted][:shown]
    context = TurnContext(shown=listed, searching=bool(current or listed), current=current or {},
                          catalog_currency="INR" if catalogue == "electronics" else None)
    return understand(message, vocabulary, context)


# --- a wish given up drops its exclusions too --------------------------------------------------------------


def test_giving_up_a_field_drops_its_exclusions_and_keeps_the_others() -> None:
    state = DialogueState()
    state = update_state(state, ShopperRequest(intent="recommend", include={"category": ["Handbags"]}))
    state = update_state(state, ShopperRequest(intent="refine", exclude={"baseColour": ["Black"], "brand": ["Puma"]}))
    state = update_state(state, ShopperRequest(intent="refine", drop=["baseColour"]))
    assert "baseColour" not in state.exclude
    assert state.exclude.get("brand") == ["Puma"]
    assert state.include == {"category": ["Handbags"]}


def test_giving_up_a_field_and_refusing_a_value_again_keeps_the_new_refusal() -> None:
    state = update_state(DialogueState(), ShopperRequest(intent="refine", exclude={"baseColour": ["Black"]}))
    state = update_state(state, ShopperRequest(intent="refine", drop=["baseColour"], exclude={"baseColour": ["Red"]}))
    assert state.exclude == {"baseColour": ["Red"]}


@pytest.mark.parametrize("said", [
    "el color me da igual", "cualquier color", "no importa el color", "Farbe ist mir egal", "egal welche Farbe",
    "jede Farbe geht",
])
def test_a_colour_given_up_in_spanish_or_german_drops_the_colour(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "fashion", said, {"category": ["Handbags"]}, shown=5)
    assert "baseColour" in request.drop, request
    assert request.intent in ("refine", "recommend", "answer"), request


@pytest.mark.parametrize("said, word", [
    ("la marca da igual", "brand"), ("Marke egal", "brand"), ("me da igual la talla", "size"), ("nada", None),
    ("der Preis ist egal", None), ("das Wetter ist egal", None),
])
def test_the_field_given_up_is_the_one_named(said: str, word: str | None) -> None:
    assert gaps_round13.given_up_field(said, None) == word


# --- a budget stays with its type --------------------------------------------------------------------------


@pytest.mark.parametrize("said", ["and a television now", "ok show me smartwatches", "ahora unos auriculares in-ear",
                                  "jetzt einen Fernseher"])
def test_a_new_unrelated_type_drops_the_earlier_budget(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "electronics", said, {"category": ["Smartphones"]}, shown=5)
    assert request.include.get("category") and "Smartphones" not in request.include["category"], request
    assert "price" in request.drop, request


@pytest.mark.parametrize("said", ["a television, same budget please", "tvs too, also under 15000", "电视 预算一样",
                                  "una tele con el mismo presupuesto", "einen Fernseher, gleiches Budget"])
def test_a_new_type_keeps_the_budget_when_the_shopper_keeps_it(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "electronics", said, {"category": ["Smartphones"]}, shown=5)
    assert "price" not in request.drop, request
    assert request.relative_price is None, request


def test_a_related_type_keeps_the_budget(catalogues: Any) -> None:
    request = _read(catalogues, "electronics", "normal tvs instead", {"category": ["SmartTelevisions"]}, shown=5)
    assert "price" not in request.drop, request


@pytest.mark.parametrize("new, current, related", [
    (["StandardTelevisions"], ["SmartTelevisions"], True), (["Shirts"], ["Tshirts"], True),
    (["SmartTelevisions"], ["Smartphones"], False), (["Belts"], ["Jeans"], False),
])
def test_related_types(new: list[str], current: list[str], related: bool) -> None:
    assert gaps_round13.related_types(new, current) is related


# --- whole conversations ------------------------------------------------------------------------------------


def test_a_budget_kept_for_the_next_type_still_caps_it(electronics_chatrec: Any) -> None:
    rec = electronics_chatrec
    rec.respond("smart tv under 20000", session_id="r13-kept")
    reply = rec.respond("what about smartphones, with the same budget", session_id="r13-kept")
    assert all((r.price or 0) <= 20000 for r in reply.recommendations), [r.price for r in reply.recommendations]


@pytest.mark.parametrize("said", ["my brother has an iphone", "mi hermana tiene un samsung", "sie hat ein iPhone"])
def test_a_device_someone_has_keeps_the_list_shown(electronics_chatrec: Any, said: str) -> None:
    rec = electronics_chatrec
    first = rec.respond("show me smart tvs", session_id=f"r13-own-{said}")
    assert first.recommendations, first.text
    again = rec.respond(said, session_id=f"r13-own-{said}")
    assert [r.item_id for r in again.recommendations] == [r.item_id for r in first.recommendations], again.text


# --- a thing the shop does not sell, said with a size -------------------------------------------------------


@pytest.mark.parametrize("said, left", [
    ("hiking boots size 10", "hiking boots"), ("botas de montaña talla 43", "botas de montaña"),
    ("Wanderschuhe Größe 42", "wanderschuhe"), ("运动鞋 43码", "运动鞋"), ("size 9", "size 9"),
])
def test_the_sizes_come_off_the_thing_named(said: str, left: str) -> None:
    assert gaps_round13.unsized(said) == left


@pytest.mark.parametrize("said", ["hiking boots size 10", "zapatillas para correr talla 41", "Laufschuhe in Größe 44"])
def test_a_thing_not_sold_said_with_a_size_is_said_not_sold(electronics_chatrec: Any, said: str) -> None:
    reply = electronics_chatrec.respond(said, session_id=f"r13-size-{said}")
    assert re.search(r"boots|zapatillas|laufschuhe", reply.text, re.IGNORECASE), reply.text
    assert not re.search(r"size|talla|größe", reply.text, re.IGNORECASE), reply.text


# --- a type read from a pastime is not one the shopper asked for ------------------------------------------


@pytest.mark.parametrize("said, words, kept", [
    ("my uncle loves classic rock", {"loves", "classic", "rock"}, set()),
    ("he enjoys reading old novels, something for that", {"reading", "old", "novels", "novel"}, {"something"}),
    ("she loves music but wants old style headphones", set(), {"old"}),
])
def test_the_words_of_a_pastime_are_no_features(said: str, words: set[str], kept: set[str]) -> None:
    found = gaps_round13.hobby_words(said)
    assert words <= found, found
    assert not kept & found, found


def test_a_type_read_from_a_pastime_is_not_marked_asked_for() -> None:
    from chatrec.grounding import Fact

    facts = [Fact("type", "category", "in-ear earphone", True), Fact("brand", "brand", "boAt", False)]
    out = gaps_round13.type_not_asked(facts, "In-Ear", "a present for my aunt, she loves listening to music", {"aunt"})
    assert [f.matched for f in out] == [False, False]
    named = gaps_round13.type_not_asked(facts, "In-Ear", "earphones for my aunt, she loves music", {"earphones"})
    assert named[0].matched
    untouched = gaps_round13.type_not_asked(facts, "In-Ear", "earphones for my aunt", set())
    assert untouched[0].matched

