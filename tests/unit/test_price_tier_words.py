"""Stop 47: price (and spec bounds) said in words a shopper uses, and no budget claimed that was never set.

Tried as a shopper on the electronics demo: "not too pricey" after headphones answered "I am not sure what that
changes" ("pricey" was respelt as the catalogue's "price"; "dressy", "slimmer", "sparkly" had the same fate);
"reasonably priced ones" set no budget, yet every reason said "at 1,599 INR within your budget"; "mid-range ones
please" was read as the slang verdict "mid" and turned down every item shown; "anything more basic?" after TVs
answered that the catalogue says nothing about "basic". Now "pricey" is a word, "reasonably priced" keeps the
cheaper half, "mid-range" (and "gama media", "Mittelklasse", "中端") the middle third of the prices, "anything more
basic?" shows the plainer items, and "within your budget" is said only when a budget is in force.
"""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.batch16_classes import typed_on_phone
from chatrec.catalog import Item
from chatrec.grounding import FactWriter, Request, facts_for
from chatrec.price_tiers import load_tiers, tier_budget, tier_said

CATALOGUE_WORDS = frozenset({"price", "dress", "shimmer", "slipper", "charger", "class", "flash", "stretch", "sparkle"})


@pytest.mark.parametrize("word", ["pricey", "pricy", "dressy", "slimmer", "sparkly", "classy", "flashy", "stretchy",
                                  "reddish", "nicer"])
def test_an_adjective_of_a_catalogue_word_is_not_respelt_as_that_word(word: str) -> None:
    assert typed_on_phone(f"something {word}", CATALOGUE_WORDS) == f"something {word}"


@pytest.mark.parametrize(("typed", "meant"), [("sliper", "slipper"), ("chrger", "charger"), ("cheapr", "cheaper"),
                                              ("expnsive", "expensive")])
def test_typos_are_still_put_right(typed: str, meant: str) -> None:
    assert typed_on_phone(typed, CATALOGUE_WORDS) == meant


@pytest.mark.parametrize(("message", "tier"), [
    ("reasonably priced ones", "modest"), ("something at a fair price", "modest"), ("价格合理的", "modest"),
    ("mid-range headphones", "mid"), ("auriculares de gama media", "mid"), ("ein Fernseher der Mittelklasse", "mid"),
    ("中端的蓝牙耳机", "mid"), ("premium only", "premium"),
])
def test_the_tier_a_price_word_names(message: str, tier: str) -> None:
    said = tier_said(message)
    assert said is not None and said.name == tier


def test_mid_range_is_the_middle_third_of_the_prices() -> None:
    mid = next(t for t in load_tiers() if t.name == "mid")
    low, high = tier_budget(mid, [float(p) for p in range(100, 1001, 100)]) or (None, None)
    assert low is not None and high is not None and 300 <= low < high <= 800


def _prices(reply: Any) -> list[float]:
    return [r.price for r in reply.recommendations if r.price is not None]


def test_not_too_pricey_sets_a_budget(electronics_chatrec: Any) -> None:
    first = electronics_chatrec.respond("smart tvs, just show me", session_id="pricey")
    assert first.recommendations and first.metadata["constraints"]["max_price"] is None, first.text
    reply = electronics_chatrec.respond("not too pricey", session_id="pricey")
    assert reply.metadata["understood"]["intent"] != "chitchat", reply.text
    cap = reply.metadata["constraints"]["max_price"]
    assert cap is not None and reply.recommendations and max(_prices(reply)) <= cap, reply.text


def test_reasonably_priced_keeps_the_cheaper_half(electronics_chatrec: Any) -> None:
    electronics_chatrec.respond("smart tvs, just show me", session_id="fair")
    reply = electronics_chatrec.respond("reasonably priced ones", session_id="fair")
    assert reply.metadata["constraints"].get("max_price") is not None, reply.metadata["constraints"]
    assert all("within your budget" in r.reason for r in reply.recommendations), reply.text


@pytest.mark.parametrize("follow_up", ["mid-range ones please", "anything mid-priced?"])
def test_mid_range_after_a_list_is_a_price_band_not_a_verdict(electronics_chatrec: Any, follow_up: str) -> None:
    electronics_chatrec.respond("smart tvs, just show me", session_id="mid")
    reply = electronics_chatrec.respond(follow_up, session_id="mid")
    understood, constraints = reply.metadata["understood"], reply.metadata["constraints"]
    assert understood["intent"] != "reject", reply.text
    assert constraints.get("min_price") is not None and constraints.get("max_price") is not None, constraints
    low, high = constraints["min_price"], constraints["max_price"]
    assert reply.recommendations and all(low <= p <= high for p in _prices(reply)), reply.text


def test_anything_more_basic_after_a_list_shows_the_plainer_items(electronics_chatrec: Any) -> None:
    electronics_chatrec.respond("smart tvs, just show me", session_id="basic")
    reply = electronics_chatrec.respond("anything more basic?", session_id="basic")
    assert reply.metadata["understood"]["intent"] == "refine", reply.text
    assert reply.recommendations and reply.metadata["constraints"].get("max_price") is not None, reply.text


def test_a_question_about_the_items_stays_a_question(electronics_chatrec: Any) -> None:
    electronics_chatrec.respond("smart tvs, just show me", session_id="q")
    reply = electronics_chatrec.respond("is any of these basic?", session_id="q")
    assert reply.metadata["understood"]["intent"] in ("ask_about_item", "compare"), reply.text


def test_no_budget_in_force_claims_none() -> None:
    item = Item(id="1", title="Sony WI-C100 Wireless Headphones", category="In-Ear", brand="Sony", price=1599.0,
                currency="INR")
    unbounded = FactWriter().write(facts_for(item, Request(text="reasonably priced headphones")))
    bounded = FactWriter().write(facts_for(item, Request(text="headphones under 2000", max_price=2000.0)))
    assert "1,599 INR" in unbounded and "within your budget" not in unbounded and "budget" not in unbounded
    assert "within your budget" in bounded


@pytest.mark.parametrize(("price", "written"), [(3041.67, "3,041.67 INR"), (1234567.5, "1,234,567.5 INR"), (79.5, "79.5 INR")])
def test_a_price_with_paise_is_written_grouped_and_in_full(price: float, written: str) -> None:
    from chatrec.grounding import check_reason

    item = Item(id="1", title="Bajaj Rex DLX 750 W Mixer Grinder", category="MixerGrinders", brand="Bajaj", price=price,
                currency="INR")
    request = Request(text="a mixer grinder under 2000000", max_price=2_000_000.0)
    reason = FactWriter().write(facts_for(item, request))
    assert written in reason and "e+" not in reason, reason
    assert not check_reason(reason, item, request), reason


@pytest.mark.parametrize(("message", "bounds"), [
    ("750 watts at least", {"w": (750.0, None)}), ("20000 mah minimum", {"mah": (20000.0, None)}),
    ("43 inches at most", {"inch": (None, 43.0)}), ("1.5 kg max", {"g": (None, 1500.0)}),
    ("20000 mah como mínimo", {"mah": (20000.0, None)}), ("55 Zoll höchstens", {"inch": (None, 55.0)}),
    ("a 32 inch tv", {"inch": (32.0, 32.0)}),
])
def test_a_spec_bound_said_after_the_figure(message: str, bounds: dict[str, tuple[float | None, float | None]]) -> None:
    from chatrec.spec_filters import read_bounds

    assert read_bounds(message) == bounds


def test_a_spec_narrowing_shows_the_seen_items_that_fit_after_the_new_ones(electronics_chatrec: Any) -> None:
    """"10000 mah or more" after five power banks that all have it showed only the one not yet seen."""
    from chatrec.spec_filters import stated

    first = electronics_chatrec.respond("smart tvs over 25000, just show me", session_id="spec")
    seen = {r.item_id for r in first.recommendations}
    items = electronics_chatrec._parts.retriever.index.items
    fitting = {i.id for i in items if i.category == "SmartTelevisions" and (i.price or 0) >= 25000
               and max(stated(i.title).get("inch", [0.0])) >= 43}
    unseen = fitting - seen
    assert len(seen) == 5 and 0 < len(unseen) < 5 and seen <= fitting, (seen, fitting)
    reply = electronics_chatrec.respond("43 inches or bigger", session_id="spec")
    shown = [r.item_id for r in reply.recommendations]
    assert len(shown) == 5 and set(shown) <= fitting, reply.text  # not only the unseen ones
    assert set(shown[: len(unseen)]) == unseen, reply.text  # the new ones first
