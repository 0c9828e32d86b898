"""Found by shopping the fashion demo as a customer (lead, session of 2026-12-01 late): a reason calls an item
what its name says when the catalogue files it as another kind or colour, and "does the third one come in
other colours?" leaves out that item's colour only, not the colours of every item shown."""

from __future__ import annotations

import pytest

from chatrec.catalog import Item
from chatrec.grounding import Request, Wording, _title_names_other_colour, _title_names_other_type, facts_for
from chatrec.recommender import ChatRec


@pytest.mark.parametrize(("title", "category", "named"), [
    ("Inc 5 Women Casual White Flats", "Heels", "flats"),
    ("Tiptopp Women Black Sandals", "Flats", "sandals"),
    ("Catwalk Women Black Peep Toes", "Flats", None),  # "toes" names no product
    ("Quechua Women Sweat Proof White T-shirt", "Tshirts", None),  # the same kind, written otherwise
    ("Baggit Women Brown Handbag", "Bags", None),
    ("Biba Women Red Kurta with Dupatta", "Kurta Sets", None),  # what comes with it
    ("Rocia Women Brown Heels", "Heels", None),
    ("Redmi 9A (Nature Green, 2GB RAM, 32GB Storage)", "Smartphones", None),
])
def test_the_kind_an_items_name_gives_when_its_category_says_another(title: str, category: str,
                                                                     named: str | None) -> None:
    assert _title_names_other_type(title, category) == named


def test_a_reason_calls_a_flat_filed_as_heels_a_flat_and_claims_no_asked_type() -> None:
    item = Item(id="1", title="Inc 5 Women Casual White Flats", category="Heels",
                attributes={"baseColour": "White", "gender": "Women"})
    facts = facts_for(item, Request(text="heels for women", include={"category": ("Heels",)}), Wording.load())
    kind = next(f for f in facts if f.kind == "type")
    assert kind.value == "flat" and not kind.matched


@pytest.mark.parametrize(("title", "colour", "contradicted"), [
    ("Catwalk Women Bronze Heels", "Black", True),
    ("Puma Men Grey Polo Tshirt", "Navy Blue", True),
    ("Rocia Women Black & Brown Sandals", "Black", False),
    ("HM Women Navy Heels", "Navy Blue", False),
    ("Nike Men Running Shoes", "Black", False),  # the name states no colour
    ("Inkfruit Mens Multicolour Striped T-shirt", "Red", False),
])
def test_a_colour_the_items_name_contradicts(title: str, colour: str, contradicted: bool) -> None:
    assert _title_names_other_colour(title, colour) is contradicted


def test_a_reason_does_not_say_a_colour_the_name_contradicts() -> None:
    item = Item(id="1", title="Catwalk Women Bronze Heels", category="Heels",
                attributes={"baseColour": "Black", "gender": "Women"})
    facts = facts_for(item, Request(text="black heels", include={"baseColour": ("Black",)}), Wording.load())
    assert not any(f.kind == "colour" for f in facts)


@pytest.mark.parametrize("question", [
    "does the second one come in other colours?",
    "the second in another colour",
    "is the 2nd available in other colors",
])
def test_other_colours_of_one_shown_item_leave_out_its_colour_only(fashion_chatrec: ChatRec, question: str) -> None:
    session = f"other-colours-{question}"
    shown = fashion_chatrec.respond("tshirts for men", session_id=session)
    if len(shown.recommendations) < 3:
        pytest.skip("the fixture has too few men's tshirts")
    colours = {r.attributes.get("baseColour") for r in shown.recommendations}
    second = shown.recommendations[1].attributes.get("baseColour")
    if len(colours) < 2:
        pytest.skip("every shown item has one colour")
    reply = fashion_chatrec.respond(question, session_id=session)
    assert reply.recommendations, reply.text
    assert all(r.attributes.get("baseColour") != second for r in reply.recommendations)
    others = colours - {second}
    assert any(r.attributes.get("baseColour") in others for r in reply.recommendations) or not others, reply.text
