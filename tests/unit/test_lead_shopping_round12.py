"""Classes the lead found shopping the demos (issue 12, stop 34): a length or fit said with a degree ("nothing too
short") is no product type turned down; a spec bound never makes the product type the wish given up when a budget
fits nothing; budget hedges ("around", "max") are no feature a reason credits."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from chatrec.request import ShopperRequest


@pytest.mark.parametrize(("said", "exclude", "avoid"), [
    ("nothing too short", {"category": ["Shorts"]}, []),
    ("a dress but not too short please", {"category": ["Shorts"]}, []),
    ("jeans, not too long", {}, ["long"]),
    ("nothing overly loose", {}, ["loose"]),  # stop 54: a tight fit is kept away ("Slim Fit"): test_shopper_probes_54
    ("un vestido, nada demasiado corto", {}, ["corto"]),
    ("eine Hose, aber nicht zu lang", {}, ["lang"]),
])
def test_a_length_or_fit_said_with_a_degree_is_no_type_or_word_to_avoid(said: str, exclude: dict[str, list[str]],
                                                                       avoid: list[str]) -> None:
    from chatrec.degree_words import adjust

    read = ShopperRequest(intent="refine", exclude=exclude, avoid_words=avoid, include={"subCategory": ["Dress"]})
    adjusted = adjust(read, said)
    assert adjusted.exclude == {} and adjusted.avoid_words == [], adjusted
    assert adjusted.include == {"subCategory": ["Dress"]} and adjusted.intent == "refine"


@pytest.mark.parametrize("said", ["no shorts please", "not shorts, a dress", "a very long cable", "short sleeve tee"])
def test_without_a_degree_word_the_reading_stands(said: str) -> None:
    from chatrec.degree_words import adjust

    read = ShopperRequest(intent="refine", exclude={"category": ["Shorts"]}, avoid_words=["long"])
    assert adjust(read, said) == read


def test_a_degree_with_nothing_else_shows_the_list_again() -> None:
    from chatrec.degree_words import adjust, said

    adjusted = adjust(ShopperRequest(intent="refine", exclude={"category": ["Shorts"]}, show_now=True), "nothing too short")
    assert adjusted.intent == "show_again" and said("nothing too short") == "too short"


def _runner() -> Any:
    sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))
    import runner

    return runner


def test_a_budget_that_fits_nothing_leaves_out_the_budget_not_the_brand_under_a_spec_bound(
        retrievers: Any, tmp_path: Any) -> None:
    with _runner().chatrec_over(retrievers["electronics"], tmp_path) as rec:  # the fixture's 43-inch Samsung TVs
        rec.respond("a smart tv", session_id="spec")
        shown = rec.respond("samsung", session_id="spec")
        rec.respond("a bigger screen", session_id="spec")
        reply = rec.respond("under 3000", session_id="spec")
    assert shown.recommendations and reply.recommendations
    assert "<= 3,000" in reply.text and "Samsung." not in reply.text.split("left out:")[1].split("I still")[0], reply.text
    assert all("samsung" in r.title.lower() for r in reply.recommendations), [r.title for r in reply.recommendations]


@pytest.mark.parametrize("said", ["a tablet, budget around 15k", "about 2000 max", "roughly 500 tops", "1k-ish"])
def test_budget_hedges_are_no_feature(said: str) -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    pad = Item(id="p", title="BESTOR LCD Writing Tablet 12 inches", category="Tablets", brand="BESTOR", price=499.0,
               description="Around the house or about town, roughly the most useful pad; max fun, tops, ish.")
    features = [f.value for f in facts_for(pad, Request(text=said, include={"category": ["Tablets"]}))
                if f.kind == "feature"]
    assert not any(w in f.lower().split() for f in features
                   for w in ("around", "about", "roughly", "max", "tops", "ish", "most")), features


# --- "does the second one come in other colours?" is answered, its other colours first -------------------------


def _ranked(*titles: str) -> list[Any]:
    from types import SimpleNamespace

    from chatrec.catalog import Item

    return [SimpleNamespace(candidate=SimpleNamespace(item=Item(
        id=str(n), title=t, category="Handbags", attributes={"baseColour": t.split()[-2]})))
        for n, t in enumerate(titles)]


@pytest.mark.parametrize(("language", "yes"), [("en", "also comes in Blue, Brown"), ("zh", "还有蓝色、棕色"),
                                                ("es", "también viene en"), ("de", "gibt es auch in")])
def test_other_colours_of_the_item_asked_about_come_first_and_are_named(language: str, yes: str) -> None:
    from chatrec.gaps_round8 import colour_words
    from chatrec.other_colours import first
    from chatrec.wording import Phrases

    pointed = _ranked("Murcia Women Black Handbag")[0].candidate.item
    chosen = _ranked("Kiara Women White Handbag", "Murcia Women Blue Handbag", "Rocia Women Beige Handbag",
                     "Murcia Women Brown Handbag")
    phrases = Phrases().language(language)
    ordered, note = first(pointed, chosen, colour_words({}), phrases, phrases.show_value)
    assert [r.candidate.item.title for r in ordered][:2] == ["Murcia Women Blue Handbag", "Murcia Women Brown Handbag"]
    assert yes in note and "Murcia Women Black Handbag" in note, note


def test_no_other_colour_of_the_item_is_said_plainly() -> None:
    from chatrec.gaps_round8 import colour_words
    from chatrec.other_colours import first
    from chatrec.wording import Phrases

    pointed = _ranked("Fiorelli Women White Leather Handbag")[0].candidate.item
    chosen = _ranked("Kiara Women White Handbag", "Murcia Women Blue Handbag")
    ordered, note = first(pointed, chosen, colour_words({}), Phrases())
    assert ordered == chosen and note.startswith("I have no other colour of Fiorelli Women White Leather Handbag"), note


@pytest.mark.parametrize("budget", ["under 5000", "max 5k", "menos de 5000"])
def test_a_budget_said_after_a_list_that_fits_nothing_shows_the_closest_seen_or_not(
        retrievers: Any, tmp_path: Any, budget: str) -> None:
    with _runner().chatrec_over(retrievers["electronics"], tmp_path) as rec:  # the fixture's cheapest smart TV: 7,299
        rec.respond("a smart tv", session_id="budget")
        shown = rec.respond("just show me", session_id="budget")
        reply = rec.respond(budget, session_id="budget")
    prices = [r.price for r in reply.recommendations]
    assert len(prices) == 5 and prices == sorted(prices), prices  # the cheapest first, not the one unseen TV left
    assert {r.item_id for r in shown.recommendations} & {r.item_id for r in reply.recommendations}
    assert "seen every item" not in reply.text, reply.text
