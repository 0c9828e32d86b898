"""Stop 41, from b19-navy-tees-size-dropped: "no wait, size doesn't matter" of a size the shop does not list
changes nothing and shows the same items (it left navy out to find new ones); "the puma one, is it all navy?"
points at the Puma tee of an earlier list when the last holds no Puma; and "navy" asked of a Navy Blue tee is no
"not navy"."""

from __future__ import annotations

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.gaps_round7 import earlier_list_of_make
from tests.demo_reading import read as _read

BRANDS = {"a": "Mark Taylor", "b": "Puma", "c": "U.S. Polo", "d": "Wrangler"}


def test_the_make_one_points_at_the_earlier_list_holding_it() -> None:
    lists = [["a", "b"], ["c", "d"]]
    for message in ("the puma one, is it all navy?", "el de puma, ¿es todo azul marino?", "das von Puma, ist es ganz navy?",
                    "puma那个是纯藏青色的吗"):
        assert earlier_list_of_make(message, lists, ["c", "d"], BRANDS.get) == ["a", "b"], message


def test_a_make_in_the_last_list_or_no_make_keeps_the_last_list() -> None:
    lists = [["a", "b"], ["c", "d"]]
    assert earlier_list_of_make("the wrangler one, is it casual?", lists, ["c", "d"], BRANDS.get) is None
    assert earlier_list_of_make("the blue one, is it casual?", lists, ["c", "d"], BRANDS.get) is None


def test_a_drop_of_a_wish_the_shop_cannot_apply_shows_the_same_items(catalogues) -> None:
    items = catalogues["fashion"][1]
    shown = tuple(i for i, item in items.items() if "navy blue t-shirt" in item.title.lower())[:2]
    heard = _read(catalogues, "fashion", "no wait, size doesn't matter", shown,
                  current={"articleType": ["Tshirts"], "gender": ["Men"], "baseColour": ["Navy Blue"]})
    assert heard.intent == "show_again" and not heard.drop and not heard.query, heard
    colour = _read(catalogues, "fashion", "colour doesn't matter", shown,
                   current={"articleType": ["Tshirts"], "gender": ["Men"], "baseColour": ["Navy Blue"]})
    assert colour.drop == ["baseColour"], colour  # a wish the shop lists is given up as before


def test_a_colour_the_listed_value_holds_is_no_no() -> None:
    tee = Item(id="p", title="Puma Men Navy Blue and White T-shirt", category="Tshirts",
               attributes={"baseColour": "Navy Blue"})
    answer = answer_question("is it all navy?", [tee], "en")
    assert "not navy" not in answer.text and "Navy Blue" in answer.text and "white" in answer.text, answer.text
