"""The simulated shopper and the simulation report."""

from __future__ import annotations

import random

import pytest

from chatrec.catalog import Item
from chatrec.errors import InputError
from chatrec.eval.simulate import Shopper, run_simulation
from chatrec.retrieval import Retriever
from chatrec.settings import Settings

TARGET = Item(
    id="t1", title="Roadster Men Navy Blue Shirt",
    attributes={"gender": "Men", "masterCategory": "Apparel", "articleType": "Shirts", "baseColour": "Navy Blue",
                "usage": "Casual"},
)
KEYS = ("gender", "articleType", "baseColour")


def test_the_shopper_opens_vaguely_and_never_names_the_item() -> None:
    shopper = Shopper(TARGET, KEYS, random.Random(1))
    opening = shopper.opening()
    assert opening in {"I'm looking for something for men", "I'm looking for some apparel"}
    assert "Roadster" not in opening and "shirt" not in opening.lower()


def test_the_shopper_answers_from_its_target() -> None:
    shopper = Shopper(TARGET, KEYS, random.Random(1))
    assert shopper.answer("baseColour", ["Blue", "Navy Blue", "Black"]) == "Navy Blue"
    assert shopper.answer("articleType", ["Tshirts", "Jeans"]) == "Shirts"  # typed when not offered
    assert shopper.answer("season", ["Summer", "Winter"]) == "any"  # the target has no season


def test_the_shopper_reveals_one_new_attribute_per_rejection() -> None:
    shopper = Shopper(TARGET, KEYS, random.Random(3))
    shopper.opening()
    said = [shopper.reject() for _ in range(4)]
    assert len(set(said)) == 4
    assert all(line.startswith("No, not those.") for line in said)
    assert shopper.satisfied([Item(id="x", title="x", attributes=dict(TARGET.attributes))])
    other = dict(TARGET.attributes, baseColour="Blue")
    assert not shopper.satisfied([Item(id="y", title="y", attributes=other)])


@pytest.fixture(scope="module")
def retriever(fashion_retriever: Retriever) -> Retriever:
    return fashion_retriever


def test_simulation_reports_three_policies_on_the_same_targets(retriever: Retriever, settings: Settings) -> None:
    report = run_simulation(retriever, settings, n=20, max_turns=5, seed=0)
    rows = {row["policy"]: row for row in report["policies"]}
    assert set(rows) == {"chatrec", "never_ask", "random_ask"}
    assert report["key_attrs"] == list(KEYS)
    assert rows["never_ask"]["avg_questions"] == 0
    assert rows["chatrec"]["avg_questions"] <= settings.max_questions
    # On this small catalogue the constraints it gathers find the target's kind of item.
    assert rows["chatrec"]["success_rate"] >= 0.8
    assert rows["chatrec"]["success_at"]["5"] == rows["chatrec"]["success_rate"]


def test_unknown_key_attributes_are_reported(retriever: Retriever, settings: Settings) -> None:
    with pytest.raises(InputError, match="heelHeight"):
        run_simulation(retriever, settings, n=5, key_attrs=["heelHeight"])
