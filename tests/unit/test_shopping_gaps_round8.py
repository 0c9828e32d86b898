"""Known shopping gaps found by the lead, round 8 (issue 12, branch i12aw), each class tried on wording
other than the lead's."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))
import runner  # noqa: E402  (title_spec: the figure a title states)


def _items(rec: Any, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


def _read(catalogues: Any, message: str) -> Any:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["fashion"]
    return understand(message, vocabulary, TurnContext())


# --- (1) a colour in a story about the past or someone else is no wish ----------------------------------


@pytest.mark.parametrize("said", [
    "need a dress for my mum, she had a green one at my cousin's engagement",
    "jeans for me pls, the last pair i bought were blue and they tore",
    "something for my dad, he already owns a brown belt",
    "busco una camiseta para mi hermano, ya tiene una roja",
    "ein Kleid für meine Frau, ihr altes war grün",
    "给我妈妈买条裙子，她以前穿过绿色的",
])
def test_a_colour_in_a_story_is_no_wish(catalogues: Any, said: str) -> None:
    request = _read(catalogues, said)
    assert not request.include.get("baseColour"), request.include


@pytest.mark.parametrize("said, colour", [
    ("a green dress for my mum, her old one was black", "Green"),
    ("she had a red one at the party and she loves red, a dress please", "Red"),
    ("shoes to go with her white dress", None),  # unchanged reading, whatever it is
    ("my wife has a black bag, she wants a brown one", "Brown"),
    ("quiero una camiseta roja, la vieja era azul", "Red"),
])
def test_a_colour_the_wish_names_stays(catalogues: Any, said: str, colour: str | None) -> None:
    from chatrec.gaps_round8 import story_clauses

    request = _read(catalogues, said)
    if colour is None:
        assert not story_clauses(said)[0]
        return
    assert request.include.get("baseColour") == [colour]


def test_the_story_clauses_are_told_apart() -> None:
    from chatrec.gaps_round8 import story_clauses

    assert story_clauses("a tee for my son, he already has a yellow one") == (
        ["he already has a yellow one"], ["a tee for my son"])
    assert story_clauses("it has to be yellow") == ([], ["it has to be yellow"])
    assert story_clauses("I was looking for a yellow tee")[0] == []
    assert story_clauses("nice, you got that in yellow?")[0] == []  # "got" of "have got" tells no story
    assert story_clauses("have you got this one in green")[0] == []


# --- (3) "which is the cheapest?" when every shown item costs the same ----------------------------------


def _priced(n: int, price: float | None = 499.0) -> list[Any]:
    from chatrec.catalog import Item

    return [Item(id=str(k), title=f"Zebronics Wired Mouse Model {k}", category="Mice", brand="Zebronics", price=price,
                 currency="INR") for k in range(n)]


@pytest.mark.parametrize("asked, language, said", [
    ("which one is cheapest", "en", "all cost the same"),
    ("what's the lowest price of these?", "en", "all cost the same"),
    ("cuál sale más barato?", "es", "cuestan lo mismo"),
    ("welches ist am billigsten?", "de", "kosten gleich viel"),
    ("哪个最便宜", "zh", "价格都一样"),
    ("which is the most expensive?", "en", "all cost the same"),
])
def test_one_price_for_all_is_said_once(asked: str, language: str, said: str) -> None:
    from chatrec.answers import answer_question

    answer = answer_question(asked, _priced(3), language)
    assert said in answer.text and answer.text.count("499") == 1, answer.text


def test_different_prices_still_name_the_cheapest() -> None:
    from chatrec.answers import answer_question

    items = _priced(3)
    items[1] = replace(items[1], price=299.0)
    answer = answer_question("which one is cheapest", items)
    assert "all cost the same" not in answer.text and answer.kind == "cheaper"


# --- (5) one slot per model in a list, its other colours after every other model -----------------------


@pytest.mark.parametrize("said", ["tshirts for men", "handbags for women", "casual shoes for men"])
def test_one_model_in_several_colours_takes_one_slot(fashion: Any, said: str) -> None:
    from chatrec.gaps_round8 import colour_words, model_key, same_model

    reply = fashion.respond(said, session_id="s")
    if not reply.recommendations:
        reply = fashion.respond("just show me some", session_id="s")
    titles = [i.title for i in _items(fashion, reply)]
    assert len(titles) >= 3
    colours = colour_words({"baseColour": ["White", "Black", "Blue", "Navy Blue", "Grey", "Brown", "Red", "Green", "Pink"]})
    keys = [model_key(t, colours) for t in titles]
    assert not [(a, b) for n, a in enumerate(keys) for b in keys[n + 1:] if same_model(a, b)], titles


@pytest.mark.parametrize("titles, same", [
    (["realme narzo 50 (Speed Blue, 4GB RAM+64GB Storage) Helio G96 Processor | 50MP AI Triple Camera",
      "realme narzo 50 (Speed Black, 4GB RAM+64GB Storage) Helio G96 Processor | 50MP AI Triple Camera"], True),
    (["AirCase Laptop Sleeve fits Upto 13.3\" Laptop, Grey", "AirCase Laptop Sleeve fits Upto 15.6\" Laptop, Grey"], False),
    (["Samsung Galaxy M13 (Midnight Blue, 4GB, 64GB Storage)", "Samsung Galaxy M13 (Stardust Brown, 6GB, 128GB Storage)"], False),
    (["Puma Men White T-shirt", "Puma Men Black T-shirt"], True),
    (["Puma Men White T-shirt", "Puma Men White Polo T-shirt"], False),
    (["boAt Rockerz 450 Bluetooth On Ear Headphones with Mic (Luscious Black)",
      "boAt Rockerz 450 Bluetooth On Ear Headphones with Mic (Aqua Blue)"], True),
])
def test_what_counts_as_one_model(titles: list[str], same: bool) -> None:
    from chatrec.gaps_round8 import colour_words, model_key, same_model

    colours = colour_words({"colour": ["White", "Black", "Navy Blue"]})
    assert same_model(model_key(titles[0], colours), model_key(titles[1], colours)) is same


def test_other_colours_come_after_the_other_models_unless_colours_are_asked() -> None:
    from types import SimpleNamespace

    from chatrec.gaps_round8 import one_per_model

    def cand(title: str) -> Any:
        return SimpleNamespace(item=SimpleNamespace(title=title))

    listed = [cand("Noise Pulse Go (Jet Black)"), cand("Noise Pulse Go (Rose Pink)"), cand("boAt Wave Call (Black)")]
    colours = frozenset({"black", "pink", "rose", "jet"})
    assert [c.item.title for c in one_per_model(listed, "smartwatch under 3000", 0, colours)] == [
        "Noise Pulse Go (Jet Black)", "boAt Wave Call (Black)", "Noise Pulse Go (Rose Pink)"]
    assert one_per_model(listed, "which colours does it come in?", 0, colours) == listed
    assert one_per_model(listed, "smartwatch in pink or black", 2, colours) == listed
    assert one_per_model(listed, "有什么颜色", 0, colours) == listed


# --- (4) a spec answer quotes the figure, not the name around it -----------------------------------------


def _item(n: int, title: str, price: float = 999.0) -> Any:
    from chatrec.catalog import Item

    return Item(id=str(n), title=title, category="Appliances", brand=title.split()[0], price=price, currency="INR")


@pytest.mark.parametrize("asked, language, figure", [
    ("what's the wattage of these?", "en", "2000W"),
    ("how many watts is each", "en", "2000W"),
    ("¿cuántos vatios tienen?", "es", "2000W"),
    ("wie viel Watt haben die?", "de", "2000W"),
])
def test_a_spec_answer_quotes_the_figure(asked: str, language: str, figure: str) -> None:
    from chatrec.answers import answer_question

    items = [_item(1, "Havells Instanio 2000W Room Heater with Tip Over Protection (Ivory)"),
             _item(2, "Orient Electric Areva 2000 Watt Portable Room Heater, White")]
    answer = answer_question(asked, items, language)
    assert any(f"{a}{figure}{b}" in answer.text for a, b in ("“”", "„“", "«»")), answer.text
    assert "Havells Instanio 2000W" not in answer.text.split(":", 1)[-1], answer.text


# --- (7) "the most RAM" / "the biggest storage" compare the spec named ----------------------------------


_PHONES = [
    "Samsung Galaxy A14 (Light Green, 6GB RAM, 64GB Storage) | 5000mAh Battery | 6.6 inch display",
    "Motorola G32 (Satin Silver, 4GB RAM, 128GB Storage) | 6.5 inch FHD+",
    "Realme C35 (Glowing Black, 4 GB RAM, 64 GB ROM)",
]


@pytest.mark.parametrize("asked, language, winner, figure", [
    ("which one has more ram", "en", "Samsung", "6 GB"),
    ("the one with the max RAM?", "en", "Samsung", "6 GB"),
    ("which has the most storage", "en", "Motorola", "128 GB"),
    ("which one has the largest storage?", "en", "Motorola", "128 GB"),
    ("¿cuál tiene más memoria RAM?", "es", "Samsung", "6 GB"),
    ("¿cuál tiene más almacenamiento?", "es", "Motorola", "128 GB"),
    ("welches hat mehr Arbeitsspeicher?", "de", "Samsung", "6 GB"),
    ("哪个运存最大", "zh", "Samsung", "6 GB"),
])
def test_the_spec_named_is_compared(asked: str, language: str, winner: str, figure: str) -> None:
    from chatrec.answers import answer_question

    items = [_item(n, title) for n, title in enumerate(_PHONES)]
    answer = answer_question(asked, items, language, positions=[1, 2, 3])
    assert answer.kind == "best" and answer.text.startswith(winner) and figure in answer.text, answer.text
    assert "inch" not in answer.text


def test_the_spec_parts_of_a_title() -> None:
    from chatrec.gaps_round8 import spec_part

    title = "Vivo Y16 (Drizzling Gold, 3GB RAM, 32GB Storage) | 5000mAh"
    assert spec_part(title, "ram").strip() == "3GB RAM"
    assert "3GB" not in spec_part(title, "storage") and "32GB" in spec_part(title, "storage")
    assert spec_part(title, None) == title


# --- (6) a two-word make in lower case is one brand, never the wish for its first word -------------------


@pytest.mark.parametrize("said, make", [
    ("mother earth kurtas for my wife", "Mother Earth"),
    ("any flying machine shirts?", "Flying Machine"),
    ("unas kurtas de mother earth", "Mother Earth"),
    ("zeig mir hemden von flying-machine", "Flying Machine"),
])
def test_a_two_word_make_said_in_lower_case_is_that_make(fashion: Any, said: str, make: str) -> None:
    reply = fashion.respond(said, session_id="s")
    if not reply.recommendations:
        reply = fashion.respond("just show me", session_id="s")
    items = _items(fashion, reply)
    assert items and all(i.title.startswith(make) for i in items), [i.title for i in items]
    assert "says “mother”" not in reply.text and "says “flying”" not in reply.text


def test_the_two_word_makes_of_the_titles() -> None:
    from types import SimpleNamespace

    from chatrec.title_brands import brand_pairs

    titles = ["Van Heusen Men Grey Sunglasses", "Van Heusen Women Beige Trousers", "Puma Men Black Shoes",
              "Puma Men White Shoes", "Puma Unisex Cap", "Puma Women Black Shoes", "Puma Mens Socks", "Puma Mens Cap",
              "Fire-Boltt Ninja Smartwatch"]
    items = [SimpleNamespace(title=t) for t in titles]
    pairs = brand_pairs(items, {"van": True, "puma": False, "fire-boltt": False}, frozenset({"men", "women", "unisex"}))
    assert set(pairs) == {"van heusen", "fire-boltt"}  # "puma mens" starts too few Puma titles
    assert pairs["van heusen"].search("got any VAN HEUSEN belts") and not pairs["van heusen"].search("a van for heusen")
    assert pairs["fire-boltt"].search("fire boltt watch") and pairs["fire-boltt"].search("a fireboltt")


# --- (2) "a bigger screen" in any language: past the inches the shown items state ------------------------


@pytest.mark.parametrize("said", ["größerer Bildschirm wär besser", "屏幕大一些的", "una pantalla más grande porfa",
                                  "got one with a larger display?"])
def test_a_bigger_screen_goes_past_the_shown_sizes(electronics: Any, said: str) -> None:
    shown = _items(electronics, electronics.respond("a smart tv under 20000", session_id="s"))
    sizes = [runner.title_spec(i.title, "inch") for i in shown]
    assert shown and all(sizes)
    items = _items(electronics, electronics.respond(said, session_id="s"))
    assert items and all((runner.title_spec(i.title, "inch") or 0) > max(s or 0 for s in sizes) for i in items), \
        [i.title for i in items]
