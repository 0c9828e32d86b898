"""Known shopping gaps found by the lead, round 10 (issue 12, branch i12bg), each class tried on wording
other than the lead's."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from chatrec import gaps_round10

_COLOURS = frozenset({"black", "blue", "red", "green", "grey", "white", "midnight", "jet", "ocean", "deep", "pink"})


def _item(i: str, title: str, category: str = "SmartWatches", **attributes: Any) -> Any:
    return SimpleNamespace(id=i, title=title, category=category, attributes=attributes)


def _ranked(*items: Any) -> list[Any]:
    return [SimpleNamespace(candidate=SimpleNamespace(item=item), score=1.0 - n / 10) for n, item in enumerate(items)]


# --- (1) one product in several colours takes one slot --------------------------------------------------

_VARIANTS = [
    _item("a1", 'Noise ColorFit Pro 4 Smart Watch with 1.72" Display, Bluetooth Calling, SpO2 (Jet Black)'),
    _item("a2", "Noise ColorFit Pro 4 Smart Watch with 1.72 Inches (4.3cm) AMOLED, Calling & 100 Sports Modes (Ocean Blue)"),
    _item("b1", "Fire-Boltt Ninja Call Pro Plus Smart Watch, 1.83 inch with Bluetooth Calling (Grey)"),
    _item("a3", "Noise ColorFit Pro 4 Smart Watch with Bluetooth Calling, 1.72 inch, Metallic Strap (Midnight Green)"),
    _item("c1", "Amazfit Bip 3 Smart Watch with 1.69\" Display, 60+ Sports Modes (Pink)"),
    _item("d1", "realme TechLife Watch S100 with 1.69\" Display, Temperature Sensor (Black)"),
    _item("e1", "Titan Smart Pro with AMOLED display (Blue)"),
]


@pytest.mark.parametrize("one, other", [(0, 1), (0, 3), (1, 3)])
def test_titles_written_differently_are_one_product(one: int, other: int) -> None:
    assert gaps_round10.same_product(_VARIANTS[one], _VARIANTS[other], _COLOURS)


@pytest.mark.parametrize("one, other", [(0, 2), (0, 4), (4, 5), (2, 6)])
def test_other_models_stay_apart(one: int, other: int) -> None:
    assert not gaps_round10.same_product(_VARIANTS[one], _VARIANTS[other], _COLOURS)


def test_a_short_title_has_no_model_name_to_match_by() -> None:
    # "Roadster Men Black Shirt" and "Roadster Men Blue Shirt": the word-share test of round 8 decides, not the name
    assert gaps_round10.model_name("Roadster Men Black Shirt", _COLOURS) is None
    assert gaps_round10.model_name("Mi TV (Black)", _COLOURS) is None  # two words, no model code


def test_a_list_of_five_shows_five_products_first() -> None:
    ranked = _ranked(*_VARIANTS)
    chosen = [e.candidate.item.id for e in gaps_round10.distinct_products(ranked, 5, "smart watch with calling", 0, _COLOURS)]
    assert chosen == ["a1", "b1", "c1", "d1", "e1"]


def test_fewer_products_than_slots_fill_with_colours_after_the_products() -> None:
    ranked = _ranked(*_VARIANTS[:4])
    chosen = [e.candidate.item.id for e in gaps_round10.distinct_products(ranked, 4, "noise watch", 0, _COLOURS)]
    assert chosen == ["a1", "b1", "a2", "a3"]


@pytest.mark.parametrize("message, wishes", [("which colours does it come in", 0), ("welche Farben gibt es", 0),
                                             ("有什么颜色", 0), ("a watch", 2)])
def test_a_shopper_asking_about_colours_sees_them(message: str, wishes: int) -> None:
    ranked = _ranked(*_VARIANTS)
    chosen = [e.candidate.item.id for e in gaps_round10.distinct_products(ranked, 5, message, wishes, _COLOURS)]
    assert chosen == ["a1", "a2", "b1", "a3", "c1"]


def test_the_kept_item_says_its_other_colours() -> None:
    ranked = _ranked(*_VARIANTS)
    chosen = [e.candidate.item for e in gaps_round10.distinct_products(ranked, 5, "a smartwatch", 0, _COLOURS)]
    also = gaps_round10.also_in(chosen, [e.candidate for e in ranked], _COLOURS)
    assert also == {"a1": ["Ocean Blue", "Midnight Green"]}
    assert gaps_round10.also_in_text("A smart watch by Noise.", also["a1"], "en").endswith("Also in Ocean Blue, Midnight Green.")
    assert gaps_round10.also_in_text("Reloj.", ["Rojo"], "es") == "Reloj. También en Rojo."
    assert gaps_round10.also_in_text("手表。", ["Red", "Blue"], "zh") == "手表。 也有Red、Blue。"


def test_a_colour_field_names_the_other_colours() -> None:
    shirts = [_item("s1", "Highlander Men Slim Fit Checked Casual Shirt", "Shirts", baseColour="Navy Blue"),
              _item("s2", "Highlander Men Slim Fit Checked Casual Shirt", "Shirts", baseColour="Maroon")]
    ranked = _ranked(*shirts)
    chosen = [e.candidate.item for e in gaps_round10.distinct_products(ranked, 1, "casual shirt", 0, _COLOURS)]
    assert gaps_round10.also_in(chosen, [e.candidate for e in ranked], _COLOURS) == {"s1": ["Maroon"]}


def test_the_electronics_demo_shows_one_wave_lite(electronics: Any) -> None:
    reply = electronics.respond("smart watches from boat", session_id="w")
    titles = [r.title for r in reply.recommendations]
    names = [gaps_round10.model_name(t, _COLOURS) or t for t in titles]
    assert len(set(names)) == len(names) or len(titles) < 2, titles
