"""A wish for a bigger, longer-lasting or lighter one than the items shown: new items past their figure."""

from __future__ import annotations

import re

import pytest

from chatrec.catalog import Item
from chatrec.recommender import ChatRec
from chatrec.spec_comparatives import comparative_bounds
from chatrec.spec_filters import describe

WATCHES = [Item(id="1", title='Acme Watch 1.69" HD display'), Item(id="2", title='Acme Watch with 1.75" display'),
           Item(id="3", title="Acme Band")]
PHONES = [Item(id="4", title="Acme Phone (Black, 6GB RAM, 128GB Storage)", description="expandable up to 1TB"),
          Item(id="5", title="Acme Phone (Blue, 4GB RAM, 64GB Storage)")]
BANKS = [Item(id="6", title="Acme 10000mAh Power Bank"), Item(id="7", title="Acme 20000 mAh Power Bank")]


@pytest.mark.parametrize("message", [
    "bigger screen please", "something with a larger display", "a bigger one", "有没有屏幕更大的", "屏幕大一点的",
    "una con pantalla más grande", "algo más grande", "eins mit größerem Bildschirm", "einen größeren bitte",
])
def test_a_bigger_screen_passes_the_biggest_shown(message: str) -> None:
    low, high = comparative_bounds(message, WATCHES)["inch"]
    assert low is not None and 1.75 < low < 1.76 and high is None


@pytest.mark.parametrize("message", ["a smaller screen", "a smaller one", "更小的", "algo más pequeño", "eine kleinere"])
def test_a_smaller_one_stays_under_the_smallest_shown(message: str) -> None:
    low, high = comparative_bounds(message, WATCHES)["inch"]
    assert low is None and high is not None and 1.68 < high < 1.69


def test_the_figure_of_the_item_pointed_at_is_the_one_to_pass() -> None:
    assert comparative_bounds("a bigger screen than this one", WATCHES, [WATCHES[0]])["inch"][0] < 1.70


@pytest.mark.parametrize(("message", "shown", "family", "past"), [
    ("one with more capacity", BANKS, "mah", 20000),
    ("more battery please", BANKS, "mah", 20000),
    ("电量更大的", BANKS, "mah", 20000),
    ("uno con más batería", BANKS, "mah", 20000),
    ("mehr Akku bitte", BANKS, "mah", 20000),
    ("more storage", PHONES, "gb", 128),  # the name's figure, not the description's "up to 1TB"
])
def test_more_of_a_figure_passes_the_best_shown(message: str, shown: list[Item], family: str, past: float) -> None:
    low, _ = comparative_bounds(message, shown)[family]
    assert low is not None and past < low < past * 1.001


@pytest.mark.parametrize("message", [
    "which has the bigger screen?", "哪个屏幕更大", "¿cuál tiene la pantalla más grande?", "welcher hat den größeren Bildschirm?",
    "more like these", "show me more", "black please", "more memory cards", "more power banks", "a lighter colour",
])
def test_questions_and_other_wishes_set_no_bound(message: str) -> None:
    assert comparative_bounds(message, [*WATCHES, *PHONES, *BANKS]) == {}


def test_a_bound_past_a_figure_reads_as_strict() -> None:
    assert describe("inch", 32 + 32e-9, None) == "> 32 inches" and describe("inch", 43, None) == ">= 43 inches"
    assert describe("g", None, 200 - 2e-7) == "< 200 g" and describe("g", None, 200) == "<= 200 g"


def test_bigger_screen_in_a_conversation_shows_new_bigger_items(electronics_chatrec: ChatRec) -> None:
    session = "bigger-tv"
    first = electronics_chatrec.respond("show me tvs", session_id=session)
    sizes = [float(s) for r in first.recommendations
             for s in re.findall(r"\((\d+) inch", r.title, flags=re.I)]
    if not sizes:
        pytest.skip("the fixture's first TVs state no size in inches")
    reply = electronics_chatrec.respond("a bigger screen please", session_id=session)
    assert reply.recommendations and "answer" not in reply.metadata
    bigger = [float(s) for r in reply.recommendations
              for s in re.findall(r"\((\d+) inch", r.title, flags=re.I)]
    assert bigger and min(bigger) > max(sizes)


BUDS = [Item(id="8", title="Acme Buds, 32H Playtime, Type-C"), Item(id="9", title="Acme Pods with 40+ Hours Play Time"),
        Item(id="10", title="Acme Neckband, 25 Hrs Battery")]


@pytest.mark.parametrize("message", ["bigger battery please", "one that lasts longer", "more playtime", "续航更长的",
                                     "uno con más batería", "mehr Akku bitte"])
def test_more_battery_of_earphones_is_more_hours_of_playtime(message: str) -> None:
    low, _ = comparative_bounds(message, BUDS)["hour"]
    assert low is not None and 40 < low < 40.01


def test_hours_of_playtime_are_read_from_names_and_bound_only_with_a_word() -> None:
    from chatrec.spec_filters import read_bounds, stated
    assert stated("Omega 32H Playtime") == {"hour": [32.0]} and stated("40+ Hours Play Time") == {"hour": [40.0]}
    assert read_bounds("earphones with at least 30 hours battery") == {"hour": (30.0, None)}
    assert read_bounds("32h playtime") == {}  # a bare figure of hours sets no exact bound

