"""Known shopping gaps found by the lead, round 7 (issue 12, branch i12aq), each class tried on wording
other than the lead's and than ``tests/conversations/blind_conversations_12.yaml``."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))
import runner  # noqa: E402  (title_spec: the figure a title states)


def _items(rec: Any, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


# --- (1a) "the yellow one" (the whole message, singular): the shown items are of that value -----------


@pytest.mark.parametrize("said", ["ok the {c} one", "the {c} one pls", "hmm the {c} one then"])
def test_the_colour_one_alone_shows_items_of_that_colour(fashion: Any, said: str) -> None:
    shown = _items(fashion, fashion.respond("casual shirts for men", session_id="s"))
    counts = Counter(i.field_value("baseColour") for i in shown)
    colour = next(c for c in counts if counts[c] == 1 and c)
    reply = fashion.respond(said.format(c=colour.lower()), session_id="s")
    items = _items(fashion, reply)
    assert items and all(i.field_value("baseColour") == colour for i in items)


def test_a_question_about_the_colour_one_stays_a_question(fashion: Any) -> None:
    shown = _items(fashion, fashion.respond("casual shirts for men", session_id="s"))
    counts = Counter(i.field_value("baseColour") for i in shown)
    colour = next(c for c in counts if counts[c] == 1 and c)
    reply = fashion.respond(f"is the {colour.lower()} one cotton?", session_id="s")
    assert not [i for i in _items(fashion, reply) if i.id not in {s.id for s in shown}]


# --- (1b) "which one is the benetton" about an earlier list ----------------------------------------------


def _first_word(title: str) -> str:
    return title.split()[0]


@pytest.mark.parametrize("asked", ["which one was the {m}?", "which is the {m} one", "cuál es el de {m}"])
def test_which_one_is_a_make_only_an_earlier_list_had(fashion: Any, asked: str) -> None:
    first = _items(fashion, fashion.respond("sunglasses", session_id="s"))
    second = _items(fashion, fashion.respond("none of these, show me others", session_id="s"))
    later = " ".join(i.title for i in second).casefold()
    make = next(w for w in (_first_word(i.title) for i in first) if w.casefold() not in later and len(w) > 3)
    reply = fashion.respond(asked.format(m=make.lower()), session_id="s")
    meant = [i for i in first if make in i.title]
    assert all(i.title.split()[0] in reply.text for i in meant)
    assert not [i for i in _items(fashion, reply) if i.id not in {x.id for x in first + second}]


def test_a_make_the_last_list_has_is_answered_about_it() -> None:
    from chatrec.gaps_round7 import earlier_list_of_make

    makes = {"a": "Benetton", "b": "Fastrack", "c": "Benetton"}
    assert earlier_list_of_make("which one is the benetton", [["a", "b"], ["c"]], ["c"], makes.get) is None
    assert earlier_list_of_make("which one is the fastrack", [["a", "b"], ["c"]], ["c"], makes.get) == ["a", "b"]
    assert earlier_list_of_make("welche ist die von Fastrack?", [["a", "b"], ["c"]], ["c"], makes.get) == ["a", "b"]
    assert earlier_list_of_make("the fastrack one", [["a", "b"], ["c"]], ["c"], makes.get) is None  # no question


# --- (1c) "anything cheaper that size?" keeps the size ------------------------------------------------------


@pytest.mark.parametrize("said", ["same size but cheaper?", "in that size, anything for less?",
                                  "¿algo más barato del mismo tamaño?", "gleiche Größe, aber günstiger?"])
def test_cheaper_in_the_same_size_keeps_the_size_and_leaves_out_the_make(electronics: Any, said: str) -> None:
    shown = _items(electronics, electronics.respond("a 43 inch LG tv", session_id="s"))
    assert shown and all(runner.title_spec(i.title, "inch") == 43 for i in shown)
    reply = electronics.respond(said, session_id="s")
    items = _items(electronics, reply)
    assert items and all(runner.title_spec(i.title, "inch") == 43 for i in items)
    assert max(i.price for i in items) < min(i.price for i in shown)


# --- (2) a budget ceiling said before the amount, in every language -------------------------------------


def _priced_shop() -> Any:
    from chatrec.catalog import Item
    from chatrec.understanding import ValueMatcher

    rows = [("Smartphones", "Redmi 10 Power (8GB RAM, 128GB Storage)", "Redmi"),
            ("SmartTelevisions", "LG 80 cm (32 inches) HD Ready Smart LED TV", "LG"),
            ("SmartWatches", "Fire-Boltt Ninja Call Pro Smartwatch", "Fire-Boltt")]
    return ValueMatcher.from_items([Item(id=str(n), title=t, category=c, brand=b, price=1000.0 + n, currency="INR")
                                    for n, (c, t, b) in enumerate(rows)])


@pytest.mark.parametrize(("text", "ceiling"), [
    ("busco un reloj inteligente, como mucho 7 mil", 7000), ("a lo mucho 12 mil, un celular", 12000),
    ("un smartwatch hasta unas 4 mil", 4000), ("no más de 15 lucas", 15000), ("como máximo 2500", 2500),
    ("eine Smartwatch, maximal 4000", 4000), ("Handy bis etwa 12000", 12000), ("nicht mehr als 3000 bitte", 3000),
    ("手表顶多三千", 3000), ("电视不超过两万", 20000), ("至多5000的手机", 5000),
    ("a smartwatch at most 6k", 6000), ("ein Handy, höchstens 12'000", 12000), ("como mucho 1.500", 1500),
])
def test_a_ceiling_said_before_the_amount_is_the_most_to_pay(text: str, ceiling: float) -> None:
    from chatrec.understanding import TurnContext, understand

    request = understand(text, _priced_shop(), TurnContext(catalog_currency="INR"))
    assert request.price is not None and request.price.max == ceiling and request.price.min is None
    assert not re.search(r"\b(?:mucho|lucas|hasta|maximal|\d+k?)\b", request.query)


@pytest.mark.parametrize("text", ["höchstens 50 Euro", "como mucho 20 dólares", "max 256gb", "pro max 128gb",
                                  "ab 2000, aber höchstens 5000", "at least 2000 and at most 5k"])
def test_a_currency_a_spec_or_a_floor_stays_as_the_rules_read_it(text: str) -> None:
    from chatrec.understanding import TurnContext, understand

    request = understand(text, _priced_shop(), TurnContext(catalog_currency="INR"))
    if "Euro" in text or "dólares" in text:
        assert request.price is not None and request.price.converted and request.price.max != 50
    elif "gb" in text:
        assert request.price is None or request.price.max not in (256, 2)
    elif "2000" in text:
        assert request.price is not None and (request.price.min, request.price.max) == (2000, 5000)


# --- (6) "the earlier ones" without "again": the earlier list itself ----------------------------------------


@pytest.mark.parametrize("said", ["can i see the previous ones", "the ones you showed before", "go back to those from earlier",
                                  "volvamos a los de antes", "zeig mir nochmal die von vorhin", "刚才那几个"])
def test_the_earlier_ones_are_the_earlier_list(fashion: Any, said: str) -> None:
    first = _items(fashion, fashion.respond("watches for men", session_id="s"))
    fashion.respond("now show me sunglasses", session_id="s")
    items = _items(fashion, fashion.respond(said, session_id="s"))
    assert items and {i.id for i in items} <= {i.id for i in first}


def test_a_question_about_an_earlier_item_is_no_list_again(fashion: Any) -> None:
    fashion.respond("watches for men", session_id="s")
    shown = _items(fashion, fashion.respond("now show me sunglasses", session_id="s"))
    reply = fashion.respond("the watches from before, in black", session_id="s")
    items = _items(fashion, reply)
    assert not items or all(i.field_value("articleType") == "Watches" and i.id not in {s.id for s in shown} for i in items)


# --- (9) "kettle" with no "electric": electric kettles and kettle & toaster sets -----------------------------


@pytest.mark.parametrize("text", ["do you sell kettles", "kettle for my hostel room", "a kettle pls, nothing fancy"])
def test_a_kettle_is_both_kettle_types(text: str) -> None:
    from chatrec.catalog import Item
    from chatrec.understanding import ValueMatcher, understand

    shop = ValueMatcher.from_items([
        Item(id="1", title="Pigeon 1.5 L Electric Kettle", category="ElectricKettles", brand="Pigeon", price=600.0),
        Item(id="2", title="Prestige Kettle and Toaster Combo", category="Kettle&ToasterSets", brand="Prestige", price=2600.0),
        Item(id="3", title="Philips Steam Iron", category="SteamIrons", brand="Philips", price=1200.0)])
    assert set(understand(text, shop).include.get("category", [])) == {"ElectricKettles", "Kettle&ToasterSets"}
    assert understand("an electric kettle", shop).include.get("category") == ["ElectricKettles"]
