"""Dialogue state across turns and the ask-or-recommend policy."""

from __future__ import annotations

import json

import numpy as np
import pytest

from chatrec.catalog import Item
from chatrec.dialogue import DialogueState, update_state
from chatrec.errors import PromptError
from chatrec.policy import ElicitationPolicy, attribute_weights
from chatrec.request import ShopperRequest as Understanding
from chatrec.wording import Phrases


def _item(number: int, **attributes: str) -> Item:
    return Item(id=str(number), title=f"item {number}", attributes=dict(attributes))


def _vague() -> list[Item]:
    types = ["Tshirts", "Shirts", "Watches", "Jeans", "Casual Shoes", "Belts", "Caps", "Socks"]
    return [
        _item(n, articleType=types[n % len(types)], baseColour=["Blue", "Black"][n % 2], season="Summer")
        for n in range(80)
    ]


WEIGHTS = {"articleType": 1.0, "baseColour": 0.6, "season": 0.2}


def test_state_round_trips_through_json() -> None:
    state = DialogueState(include={"gender": ["Men"]}, shown=["1"], pending={"attribute": "x", "options": ["a"]})
    again = DialogueState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert again == state


def test_a_field_named_again_replaces_the_wish_and_negation_removes_it() -> None:
    state = DialogueState()
    update_state(state, Understanding(include={"baseColour": ["Blue"], "gender": ["Men"]}))
    update_state(state, Understanding(include={"baseColour": ["Red"]}))
    assert state.include == {"baseColour": ["Red"], "gender": ["Men"]}
    update_state(state, Understanding(exclude={"baseColour": ["Red"]}))
    assert "baseColour" not in state.include
    assert state.exclude == {"baseColour": ["Red"]}
    update_state(state, Understanding(include={"articleType": ["Shirts"]}))
    assert state.exclude == {"baseColour": ["Red"]}, "negations hold in later turns"


def test_cheaper_means_below_everything_just_shown() -> None:
    state = DialogueState(last_prices=[40.0, 25.0, 60.0])
    update_state(state, Understanding(relative_price="cheaper"))
    assert state.max_price is not None and state.max_price < 25.0


def test_start_over_clears_wishes() -> None:
    state = DialogueState(include={"gender": ["Men"]}, max_price=20.0, asked=["gender"], n_questions=1)
    update_state(state, Understanding(intent="start_over"))
    assert not state.include and state.max_price is None and state.n_questions == 0


def test_vague_candidates_get_a_question_about_the_splitting_attribute() -> None:
    policy = ElicitationPolicy(WEIGHTS, min_gain=0.8)
    plan = policy.decide(_vague(), DialogueState())
    assert plan.attribute == "articleType"
    assert 2 <= len(plan.options) <= 6
    assert set(plan.options) <= {item.attributes["articleType"] for item in _vague()}


def test_coherent_candidates_get_recommendations() -> None:
    items = [_item(n, articleType="Tshirts", baseColour="Blue", season=["Summer", "Fall"][n % 2]) for n in range(50)]
    plan = ElicitationPolicy(WEIGHTS, min_gain=0.8).decide(items, DialogueState())
    assert plan.attribute is None


def test_never_asks_the_same_attribute_twice_and_stops_after_max_questions() -> None:
    policy = ElicitationPolicy(WEIGHTS, min_gain=0.1, max_questions=2)
    state = DialogueState(asked=["articleType"], n_questions=1)
    plan = policy.decide(_vague(), state)
    assert plan.attribute == "baseColour"
    state.n_questions = 2
    assert policy.decide(_vague(), state).attribute is None


def test_asking_for_recommendations_skips_questions() -> None:
    plan = ElicitationPolicy(WEIGHTS).decide(_vague(), DialogueState(), wants_recommendations=True)
    assert plan.attribute is None


def test_a_customer_with_history_is_asked_less() -> None:
    types = ["Tshirts", "Shirts"]
    items = [_item(n, articleType=types[n % 2], baseColour="Blue", season="Summer") for n in range(40)]
    policy = ElicitationPolicy(WEIGHTS, min_gain=0.8, max_questions=3)
    assert policy.decide(items, DialogueState()).attribute == "articleType"  # 1 bit
    assert policy.decide(items, DialogueState(), has_history=True).attribute is None
    state = DialogueState(n_questions=2)
    assert policy.decide(_vague(), state, has_history=True).attribute is None


def test_attribute_weights_favour_attributes_that_separate_items() -> None:
    rng = np.random.default_rng(0)
    centres = {"A": rng.normal(size=16), "B": rng.normal(size=16)}
    items, rows = [], []
    for n in range(200):
        kind = "A" if n % 2 else "B"
        items.append(_item(n, kind=kind, noise=str(rng.integers(0, 3))))
        rows.append(centres[kind] + 0.1 * rng.normal(size=16))
    weights = attribute_weights(items, np.asarray(rows, dtype=np.float32), ["kind", "noise"])
    assert weights["kind"] == 1.0
    assert weights["noise"] < 0.1


def test_phrases_render_strictly() -> None:
    phrases = Phrases()
    text = phrases.render("question", attribute=phrases.attribute("baseColour"), options="Blue, Red")
    assert "colour" in text and "Blue, Red" in text
    with pytest.raises(PromptError):
        phrases.render("question", attribute="colour")
    assert phrases.attribute("someNewField") == "some new field"


def test_values_spelt_in_another_case_are_one_quick_reply() -> None:
    """Stop 43: "AmazonBasics" and "Amazonbasics" were two quick replies that look alike."""
    items = [Item(id=str(n), title=f"cable {n}", brand=["AmazonBasics", "Amazonbasics", "boAt", "Boat", "Wayona"][n % 5])
             for n in range(50)]
    gains = ElicitationPolicy({"brand": 1.0}).gains(items, DialogueState())
    assert sorted(v.casefold() for v in gains["brand"][1]) == ["amazonbasics", "boat", "wayona"]


def test_the_one_option_that_fits_the_wish_is_offered_first() -> None:
    """Stop 43: "a usb cable for my printer": the brand whose cables name a printer first, then the others."""
    from chatrec.policy import QuestionPlan, fitting_options

    items = [Item(id=str(n), title=f"{b} usb cable" + (" for printer" if b.lower() == "amazonbasics" else ""), brand=b)
             for n, b in enumerate(["boAt", "Wayona", "AmazonBasics", "Amazonbasics", "Ambrane", "boAt"])]
    plan = QuestionPlan("brand", ["boAt", "Wayona", "Ambrane"], 1.0, {}, "brand splits")
    options = fitting_options(plan, items, ["printer"]).options
    assert options[0] in ("AmazonBasics", "Amazonbasics") and len(options) == 3
    assert "boAt" in options


def test_a_type_field_grouping_the_type_asked_is_not_asked_next() -> None:
    """Stop 45: "which category?" (article types) answered with "for women" was followed by "which category?"
    again in wider words (the sub-categories Shoes, Bags, Topwear): a field whose every value groups the asked
    type's values is the same question; a field that cuts across the types (colour) is still asked."""
    types = {"Tshirts": "Topwear", "Shirts": "Topwear", "Sandals": "Shoes", "Flats": "Shoes", "Handbags": "Bags"}
    items = [_item(n, articleType=kind, subCategory=group, baseColour=["Blue", "Black", "White"][n % 3])
             for n in range(60) for kind, group in [list(types.items())[n % len(types)]]]
    weights = {"articleType": 1.0, "subCategory": 1.0, "baseColour": 0.6}
    policy = ElicitationPolicy(weights, min_gain=0.1)
    assert policy.decide(items, DialogueState()).attribute in {"articleType", "subCategory"}
    assert policy.decide(items, DialogueState(asked=["articleType"], n_questions=1)).attribute == "baseColour"
    # the wider field asked first: the finer one still narrows ("Shoes" -> sandals or flats?)
    assert policy.decide(items, DialogueState(asked=["subCategory"], n_questions=1)).attribute == "articleType"
