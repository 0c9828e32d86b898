"""Found by shopping the demos as a customer (lead, session of 2026-12-02): an article of the shopper's
language is no brand named in a title ("una mochila para la escuela" is not a wish for "La Emotio"); the
words of a shopper's story ("she makes idli batter a lot") are no feature the items fail to state; "ok the
cheapest of those then" after a question about wattage compares prices; a spec's name in the shopper's
language; a budget nothing meets shows the items nearest it first."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.dialogue import Wishes
from chatrec.recommender import ChatRec
from chatrec.retrieval import Candidate
from chatrec.title_brands import asked
from chatrec.turn import nearest_the_budget

ITEMS = [
    Item(id="1", title="La Emotio Women Grey Dress", attributes={"baseColour": "Grey"}),
    Item(id="2", title="Fastrack Men Steel Dial Watch", attributes={"baseColour": "Steel"}),
    Item(id="3", title="Die Hard Men Black Tshirt", attributes={"baseColour": "Black"}),
]


class _Index:
    def __init__(self, items: list[Item]) -> None:
        self.items = items


@pytest.mark.parametrize(("message", "language", "brands"), [
    ("busco una mochila para la escuela de mi hija", "es", []),
    ("quiero la camiseta negra, de Fastrack", "es", ["fastrack"]),
    ("ich suche die Uhr von Fastrack", "de", ["fastrack"]),
    ("zeig mir die schwarzen", "de", []),
    ("a dress from la emotio", "en", ["la"]),  # in English "la" is no article: the brand
])
def test_function_words_of_the_messages_language_are_no_title_brand(message: str, language: str,
                                                                     brands: list[str]) -> None:
    assert asked(message, _Index(ITEMS), frozenset({"grey", "steel", "black"}), language=language) == brands


# --- a shopper's story names no feature the items must state ----------------------------------------


@pytest.mark.parametrize(("message", "query"), [
    ("she makes idli batter a lot", "make idli batter lot"),
    ("not philips, had a bad one", "bad"),
    ("my old one broke after a year", "old broke after year"),
    ("we cook every day, it gets used daily", "cook every day get used daily"),
])
def test_the_words_of_a_shoppers_story_are_no_missing_feature(message: str, query: str) -> None:
    from chatrec.followups import not_mentioned

    texts = ["Bajaj Rex 750W Mixer Grinder, 4 Jars", "Prestige Iris 750 Watt Mixer Grinder"]
    vocabulary = {"make", "makes", "lot", "bad", "old", "broke", "after", "year", "cook", "every", "day", "get",
                  "gets", "used", "daily", "batter", "idli"}
    assert not_mentioned(query, message, texts, vocabulary) in (None, "idli", "batter", "cook")


def test_a_feature_asked_beside_a_story_is_still_said_missing() -> None:
    from chatrec.followups import not_mentioned

    texts = ["Bajaj Rex 750W Mixer Grinder, 4 Jars"]
    assert not_mentioned("old broke want copper", "my old one broke, i want copper", texts,
                         {"old", "broke", "copper"}) == "copper"


# --- a superlative after a question asks its own question -------------------------------------------


@pytest.mark.parametrize("message", [
    "ok the cheapest of those then", "and the best rated?", "what about the lightest then", "y el más barato?",
    "und der günstigste?", "那最便宜的呢",
])
def test_a_superlative_is_no_repetition_of_the_last_question(message: str) -> None:
    from chatrec.ellipsis import is_elliptical

    assert not is_elliptical(message, [])


@pytest.mark.parametrize("message", ["and the second?", "what about the others then", "那第二个呢", "und das dritte?"])
def test_a_follow_up_that_only_points_still_repeats_the_last_question(message: str) -> None:
    from chatrec.ellipsis import is_elliptical

    assert is_elliptical(message, [])


def test_cheapest_of_those_after_a_spec_question_compares_prices(electronics_chatrec: ChatRec) -> None:
    session = "cheapest-after-watts"
    first = electronics_chatrec.respond("show me smart tvs under 30000", session_id=session)
    assert len(first.recommendations) >= 3
    electronics_chatrec.respond("how big is the first one", session_id=session)
    reply = electronics_chatrec.respond("ok the cheapest of those then", session_id=session)
    assert "cheapest" in reply.text.lower() and "size" not in reply.text.lower(), reply.text


# --- the name of a spec asked in another language is in that language -------------------------------


@pytest.mark.parametrize(("question", "language", "name"), [
    ("第二个电池多大", "zh", "电池"),
    ("¿y la batería del segundo?", "es", "batería"),
    ("wie ist der Akku vom zweiten?", "de", "Akku"),
])
def test_a_spec_not_stated_is_named_in_the_shoppers_language(question: str, language: str, name: str) -> None:
    item = Item(id="2", title="Samsung Galaxy S20 FE 5G (Cloud Navy, 8GB RAM, 128GB Storage)",
                description="Triple rear camera", category="Smartphones")
    text = answer_question(question, [item], language, positions=[2]).text
    assert "battery" not in text and "Akkukapazität" in text if language == "de" else name in text, text


# --- a budget nothing meets: the items nearest it first --------------------------------------------


def _candidate(price: float | None) -> Candidate:
    return Candidate(item=Item(id=str(price), title=f"Phone {price}", price=price), score=0.0)


def test_a_ceiling_nothing_meets_shows_the_cheapest_first_and_a_floor_the_dearest() -> None:
    candidates = [_candidate(p) for p in (12999.0, None, 6499.0, 44999.0, 7915.0)]
    cheapest = nearest_the_budget(candidates, Wishes(max_price=3000.0), Wishes())
    assert [c.item.price for c in cheapest] == [6499.0, 7915.0, 12999.0, 44999.0, None]
    dearest = nearest_the_budget(candidates, Wishes(min_price=60000.0), Wishes())
    assert [c.item.price for c in dearest] == [44999.0, 12999.0, 7915.0, 6499.0, None]
    assert nearest_the_budget(candidates, Wishes(max_price=9000.0), Wishes(max_price=9000.0)) == candidates


@pytest.mark.parametrize("message", ["a smart tv under 100 rupees", "a tv for at most 500"])
def test_tvs_for_a_budget_below_every_tv_show_the_cheapest_first(electronics_chatrec: ChatRec, message: str) -> None:
    reply = electronics_chatrec.respond(message, session_id=message)
    prices = [i.price for i in reply.recommendations if i.price is not None]
    assert prices and prices == sorted(prices) and min(prices) > 500, prices


# --- "mit" / "con" name what the product comes with, not a second product ----------------------------


def _audio_shop() -> list[Item]:
    rows = [
        ("In-Ear", "Headphones,Earbuds&Accessories", "boAt Bassheads 100 in Ear Wired Earphones with Mic"),
        ("On-Ear", "Headphones,Earbuds&Accessories", "Logitech H111 Wired On Ear Headphones With Mic"),
        ("Condenser", "Microphones", "Maono AU-A04 Condenser Microphone Kit"),
        ("Lapel", "Microphones", "Boya BY-M1 Lavalier Microphone"),
        ("TraditionalLaptops", "Laptops", "HP 15s Thin and Light Laptop, 16GB RAM"),
        ("Smartphones", "Smartphones", "Redmi 10 Power (Power Black, 8GB RAM)"),
    ]
    return [Item(id=str(n), title=t, category=c, attributes={"subcategory": s}, price=100.0 + n)
            for n, (c, s, t) in enumerate(rows)]


@pytest.mark.parametrize("text", [
    "Kopfhörer mit Mikrofon fürs Homeoffice",
    "ich suche Ohrhörer mit Mikro",
    "auriculares con micrófono para el trabajo",
    "unos audífonos con micro por favor",
])
def test_headphones_with_a_microphone_are_no_microphones(text: str) -> None:
    from chatrec.understanding import ValueMatcher, understand

    request = understand(text, ValueMatcher.from_items(_audio_shop()))
    wanted = {v for values in request.include.values() for v in values}
    assert "Microphones" not in wanted and wanted & {"Headphones,Earbuds&Accessories", "In-Ear", "On-Ear"}, wanted


@pytest.mark.parametrize("text", ["busco un portátil para la uni", "un portatil con 16gb de ram", "ordenador portátil barato"])
def test_a_portatil_is_a_laptop(text: str) -> None:
    from chatrec.understanding import ValueMatcher, understand

    request = understand(text, ValueMatcher.from_items(_audio_shop()))
    wanted = {v for values in request.include.values() for v in values}
    assert wanted & {"Laptops", "TraditionalLaptops"}, wanted
