"""Asking for other items in Spanish and German, and a make named first then disliked (issue 12, lead,
stop 38: chatrec.other_items, understanding._fronted_dislike), on the demo catalogues' vocabularies."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF")  # Redmi, OnePlus


def _first_shown(catalogues, name: str, n: int = 3) -> tuple[str, ...]:
    return tuple(list(catalogues[name][1])[:n])


@pytest.mark.parametrize("text", [
    "quiero ver otros", "¿tienen otras?", "muéstrame otras, por favor", "¿hay otros modelos?",
    "zeig mir noch andere", "haben Sie noch andere?", "gibts andere?", "andere bitte",
])
@pytest.mark.parametrize("name", ["fashion", "electronics"])
def test_an_ask_for_others_sets_the_shown_items_aside(catalogues, name, text) -> None:
    heard = _read(catalogues, name, text, _first_shown(catalogues, name), current={})
    assert heard.intent == "reject" and heard.show_now, heard
    assert not heard.include and not heard.exclude and not heard.query, heard


@pytest.mark.parametrize("text", ["enséñame más", "zeig mir weitere"])
def test_an_ask_for_more_shows_more(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text, PHONES)
    assert heard.intent in ("more_like", "reject") and heard.show_now, heard
    assert not heard.query, heard


@pytest.mark.parametrize("text", ["¿hay otros en rojo?", "gibt es andere in Rot?"])
def test_others_with_a_wish_keep_the_wish(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text, _first_shown(catalogues, "fashion"), current={"articleType": ["Tshirts"]})
    assert "Red" in (heard.include.get("baseColour") or []), heard


def test_others_without_shown_items_is_no_rejection(catalogues) -> None:
    assert _read(catalogues, "electronics", "quiero ver otros").intent != "reject"


@pytest.mark.parametrize(("text", "make"), [
    ("the oneplus ones I don't like", "OnePlus"),
    ("redmi ones, we really don't want", "Redmi"),
    ("las de OnePlus no me gustan", "OnePlus"),
    ("die von Redmi mag ich nicht", "Redmi"),
])
def test_a_make_named_first_then_disliked_is_excluded(catalogues, text, make) -> None:
    heard = _read(catalogues, "electronics", text, current={"category": ["Smartphones"]})
    assert make in (heard.exclude.get("brand") or []), heard
    assert make not in (heard.include.get("brand") or []), heard


def test_a_question_about_a_make_named_first_is_no_dislike(catalogues) -> None:
    heard = _read(catalogues, "electronics", "the oneplus one doesn't have a headphone jack?", PHONES)
    assert "OnePlus" not in (heard.exclude.get("brand") or []), heard


def test_a_dislike_with_an_object_of_its_own_keeps_the_make(catalogues) -> None:
    heard = _read(catalogues, "electronics", "samsung, but I don't like black ones", current={"category": ["Smartphones"]})
    assert "Samsung" not in (heard.exclude.get("brand") or []), heard


def _shown_with(catalogues, name: str, maker: str) -> tuple[str, ...]:
    items = catalogues[name][1]
    made = [i for i, item in items.items() if item.title.startswith(maker)][:1]
    return tuple(made + [i for i, item in items.items() if not item.title.startswith(maker)][:2])


@pytest.mark.parametrize("text", [
    "las de Peter England no me gustan", "nada de Peter England, gracias", "die von Peter England gefallen mir nicht",
    "keine Peter England mehr", "die von Peter England mag ich nicht", "las de Peter England no las quiero",
    "I don't like the Peter England ones", "i dont like the peter england ones",
])
def test_a_name_of_shown_items_turned_down_is_kept_out_of_later_searches(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text, _shown_with(catalogues, "fashion", "Peter England"),
                  current={"articleType": ["Shirts"]})
    assert heard.avoid_words == ["peter", "england"], heard
    assert heard.intent == "refine" and not heard.include, heard


def test_a_colour_turned_down_is_no_name(catalogues) -> None:
    heard = _read(catalogues, "fashion", "no me gustan las blancas", _shown_with(catalogues, "fashion", "Peter England"),
                  current={"articleType": ["Shirts"]})
    assert not heard.avoid_words, heard


def _shown_blue_among(catalogues, n: int = 3) -> tuple[str, ...]:
    items = catalogues["fashion"][1]
    blue = [i for i, item in items.items() if item.attributes.get("baseColour") == "Blue"
            and item.attributes.get("articleType") == "Shirts"][:1]
    return tuple(blue + [i for i, item in items.items() if item.attributes.get("articleType") == "Shirts"
                         and item.attributes.get("baseColour") not in ("Blue", "Green")][:n - 1])


@pytest.mark.parametrize(("text", "colour"), [
    ("gibt es noch andere in blau?", "Blue"), ("gibt es noch welche in grün?", "Green"),
    ("habt ihr auch welche in Grün?", "Green"), ("noch andere in Blau?", "Blue"),
])
def test_more_in_a_colour_is_a_search_not_a_question_about_the_shown_one(catalogues, text, colour) -> None:
    """Stop 39: with one blue shirt shown, "gibt es noch andere in blau?" asked about it (or showed more like
    it), and "gibt es noch welche in grün?" compared the shown shirts ("welche" read as "which")."""
    heard = _read(catalogues, "fashion", text, _shown_blue_among(catalogues), current={"articleType": ["Shirts"]})
    assert heard.intent in ("refine", "recommend") and heard.include.get("baseColour") == [colour], heard
    assert not heard.references, heard
