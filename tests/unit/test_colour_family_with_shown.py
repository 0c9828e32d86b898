"""A colour family asked for while items are shown ("something in pastel colours?", "有没有深色的？") is a search
for that family, not a question about the items shown (stop 39: it compared the five shown, or with one shown
answered about it first)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read


def _tops(catalogues, n: int) -> tuple[str, ...]:
    items = catalogues["fashion"][1]
    return tuple(i for i, item in items.items() if "women" in item.title.lower())[:n]


@pytest.mark.parametrize("n_shown", [1, 5])
@pytest.mark.parametrize(("text", "colour"), [
    ("something in pastel colours?", "Peach"), ("do you have any in darker colours?", "Black"),
    ("and in dark colours?", "Navy Blue"), ("¿algo en tonos oscuros?", "Black"), ("etwas in dunklen Farben?", "Black"),
    ("habt ihr was in Pastellfarben?", "Lavender"), ("有没有深色的？", "Black"),
])
def test_a_colour_family_asked_with_items_shown_is_searched(catalogues, n_shown, text, colour) -> None:
    heard = _read(catalogues, "fashion", text, _tops(catalogues, n_shown), current={"articleType": ["Tops"]})
    assert heard.intent in ("refine", "recommend"), heard
    assert colour in (heard.include.get("baseColour") or []) and not heard.references, heard


@pytest.mark.parametrize("text", ["do you have it in black?", "and in black?", "y en negro?"])
def test_a_colour_asked_after_a_list_is_the_colour_fields_value(catalogues, text) -> None:
    """Stop 39: on the fashion demo "do you have it in black?" searched the word "black" only, and lost it when
    every black top had been seen (the reply then showed orange and purple tops)."""
    heard = _read(catalogues, "fashion", text, _tops(catalogues, 5),
                  current={"articleType": ["Tops"], "baseColour": ["Black", "Navy Blue", "Brown"]})  # after "dark ones"
    assert heard.include.get("baseColour") == ["Black"], heard
