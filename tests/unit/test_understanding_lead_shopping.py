"""Found by shopping the demos: words that asked for the assistant's choice, and words of a brand's
name that are ordinary English, never filter or steer the search."""

from __future__ import annotations

import pytest

from tests.demo_reading import read


@pytest.mark.parametrize("message", ["what would you pick?", "pick one for me", "which would you choose?",
                                     "what should i get? you decide"])
def test_asking_for_the_assistants_choice_shows_items_and_searches_no_word_of_it(catalogues: object, message: str) -> None:
    request = read(catalogues, "electronics", message, current={"category": ["SmartWatches"]})
    assert request.show_now and "pick" not in request.query and "choose" not in request.query
    assert not request.include.get("brand") and not request.exclude.get("brand")


@pytest.mark.parametrize("message", ["he's not into tech", "not a tech person tbh", "my mum isn't into tech at all"])
def test_an_english_word_of_a_brands_name_is_no_brand(catalogues: object, message: str) -> None:
    request = read(catalogues, "electronics", message)
    assert "OpenTech®" not in request.exclude.get("brand", ()) and "OpenTech®" not in request.include.get("brand", ())


@pytest.mark.parametrize("message, brand", [("no opentech please", "OpenTech®"), ("a fire boltt watch", "Fire-Boltt")])
def test_a_brand_written_whole_is_still_read(catalogues: object, message: str, brand: str) -> None:
    request = read(catalogues, "electronics", message)
    assert brand in [*request.include.get("brand", ()), *request.exclude.get("brand", ())]


def test_a_make_is_asked_for_by_its_name_not_by_a_synonym() -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    item = Item(id="c", title="iPhone Original 20W C Type Fast PD Charger", category="Chargers|WallChargers",
                brand="iPhone")
    brand = next(f for f in facts_for(item, Request(text="a fast charger for my samsung phone")) if f.kind == "brand")
    assert not brand.matched
    brand = next(f for f in facts_for(item, Request(text="an iphone charger")) if f.kind == "brand")
    assert brand.matched


@pytest.mark.parametrize("message", ["otro color que no sea negro", "other colour not black", "andere Farbe, nicht schwarz",
                                     "换个颜色，不要黑色"])
def test_another_option_but_a_named_one_leaves_out_only_the_named_one(catalogues: object, message: str) -> None:
    request = read(catalogues, "fashion", message, pending=("baseColour", ["Black", "Brown", "Red", "Blue", "Beige"]),
                   current={"gender": ["Women"], "articleType": ["Handbags"]})
    assert request.exclude.get("baseColour") == ["Black"], request.exclude
    none = read(catalogues, "fashion", "none of those colours", pending=("baseColour", ["Black", "Brown"]))
    assert set(none.exclude["baseColour"]) == {"Black", "Brown"}  # no colour named: every option offered
