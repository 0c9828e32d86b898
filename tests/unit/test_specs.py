"""Sizes and specs the shopper names come first: "43 inch" shows 43-inch TVs before 32-inch ones."""

from __future__ import annotations

from chatrec.catalog import Item
from chatrec.dialogue import DialogueState, Heard
from chatrec.request import ShopperRequest
from chatrec.retrieval import Candidate
from chatrec.specs import specs, specs_first


def test_specs_fold_units_and_ignore_budgets() -> None:
    assert specs('a 43-inch tv, or 55"') == {(43.0, "inch"), (55.0, "inch")}
    assert specs("LG 108 cm (43 inches) Smart TV") == {(108.0, "cm"), (43.0, "inch")}
    assert specs("1.5 ton AC, 10000mAh, 750 watts, 2 litres") == {
        (1.5, "ton"), (10000.0, "mah"), (750.0, "w"), (2.0, "l")}
    assert specs("under 2000 rupees, under 2k, size 9, in 2 days") == set()


def test_candidates_stating_every_spec_come_first_and_nothing_is_dropped() -> None:
    titles = ["Samsung 80 cm (32 inches) Smart TV", "LG 108 cm (43 inches) Smart TV", "TCL 43\" Android TV",
              "Sony 55 inch Bravia"]
    candidates = [Candidate(Item(id=str(n), title=t), 1.0) for n, t in enumerate(titles)]
    ranked = [c.item.title for c in specs_first(candidates, "a tv, 43 inch")]
    assert ranked == [titles[1], titles[2], titles[0], titles[3]]
    assert specs_first(candidates, "a tv") == candidates
    assert specs_first(candidates, "a 65 inch tv") == candidates  # none states it: the order stays


def test_a_new_product_type_forgets_the_old_types_words_but_narrowing_keeps_them() -> None:
    state = DialogueState()
    state.apply(Heard(ShopperRequest(intent="recommend", include={"category": ["SmartTelevisions", "StandardTelevisions"]},
                                     query="43 inch tv")))
    state.apply(Heard(ShopperRequest(intent="refine", include={"category": ["SmartTelevisions"]}, query="smart")))
    assert "43 inch" in state.query()
    state.apply(Heard(ShopperRequest(intent="recommend", include={"category": ["PowerBanks"]}, query="power bank")))
    assert "43 inch" not in state.query() and "power bank" in state.query()


def test_features_are_found_in_any_spelling_and_wired_is_not_wireless() -> None:
    from chatrec.specs import features

    assert features("Truly Wireless Bluetooth Earbuds, Type-C, noise-cancelling") == {
        "wireless", "bluetooth", "type c", "noise cancelling"}
    assert features("JBL Wired Earphones") == {"wired"}
    assert features("SmartTelevisions") == set()  # a catalogue value, not the word "smart"
    titles = ["JBL C200SI Wired Earphones with Mic", "boAt Airdopes Truly Wireless Earbuds",
              "Sony WI-C100 Wireless Headphones"]
    candidates = [Candidate(Item(id=str(n), title=t), 1.0) for n, t in enumerate(titles)]
    assert [c.item.title for c in specs_first(candidates, "earphones wireless")] == [titles[1], titles[2], titles[0]]


def test_units_in_spanish_german_and_chinese() -> None:
    assert specs("un televisor de 43 pulgadas") == {(43.0, "inch")}
    assert specs("ein 55 Zoll Fernseher") == {(55.0, "inch")}
    assert specs("我要买43寸的电视，20000毫安充电宝") == {(43.0, "inch"), (20000.0, "mah")}
