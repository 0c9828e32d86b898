"""Batch 16's conversation classes (issue 12, branch i12be; ``chatrec/batch16_classes.py``), on other wordings
than the batch's: typing on a phone, shown items compared by bare numbers, a lower-case title brand before a
product type, a word turned down taken back, a product the shop does not sell asked for with a feature, a spec
the catalogue does not list (the items still shown), a brand asked for another product type, "para correr" as
an occasion, Spanish "cable tipo c" and the device named after an article ("for the LG")."""

from __future__ import annotations

from typing import Any

import pytest

from chatrec import batch16_classes
from chatrec.recommender import ChatRec


@pytest.fixture
def fashion(fashion_chatrec: ChatRec) -> ChatRec:
    return fashion_chatrec


@pytest.fixture
def electronics(electronics_chatrec: ChatRec) -> ChatRec:
    return electronics_chatrec


def _items(rec: ChatRec, reply: Any) -> list[Any]:
    return [rec.item(r.item_id) for r in reply.recommendations]


# ---------------------------------------------------------------- typing on a phone

@pytest.mark.parametrize(("message", "plain"), [
    ("nt red pls", "not red pls"),
    ("whch is btr", "which is better"),
    ("shw me a hdmi cabel", "show me a hdmi cable"),
    ("a blak chrger", "a blak charger"),
    ("smth cheapr", "something cheaper"),
    ("brwon shoes", "brown shoes"),
])
def test_phone_shorthand_and_swapped_or_dropped_letters_are_spelt_out(message: str, plain: str) -> None:
    assert batch16_classes.typed_on_phone(message) == plain


@pytest.mark.parametrize("message", [
    "zoul cable",  # a title word of the catalogue is never respelt
    "form the list",  # an English word stays
    "busco un cabel",  # not English: as written
])
def test_a_word_of_the_catalogue_another_language_or_english_stays(message: str) -> None:
    assert batch16_classes.typed_on_phone(message, frozenset({"zoul"})) == message


def test_a_typo_with_two_readings_takes_the_far_commoner_one() -> None:
    assert batch16_classes.typed_on_phone("nothing too expnsive") == "nothing too expensive"


def test_nt_turns_a_title_brand_down_in_a_conversation(fashion: ChatRec) -> None:
    fashion.respond("tshirts for men", session_id="s")
    reply = fashion.respond("nt nike", session_id="s")
    titles = [i.title.lower() for i in _items(fashion, reply)]
    assert titles and not any("nike" in t for t in titles)


# ---------------------------------------------------------------- bare numbers as positions

@pytest.mark.parametrize(("message", "shown", "plain"), [
    ("how do 2 and 3 differ", 3, "how do the second and the third differ"),
    ("compare no. 1 with no. 3 please", 3, "compare the first with the third please"),
    ("which is better 2 or 4", 4, "which is better the second or the fourth"),
    ("¿qué diferencia hay entre el 2 y el 3?", 3, "¿qué diferencia hay entre el segundo y el tercero?"),
    ("Vergleich 1 mit 3 bitte", 3, "Vergleich dem ersten mit dem dritten bitte"),
    ("2号和3号哪个好", 3, "第二个和第三个哪个好"),
])
def test_shown_items_compared_by_bare_numbers_are_positions(message: str, shown: int, plain: str) -> None:
    assert batch16_classes.numbers_as_positions(message, shown) == plain


@pytest.mark.parametrize("message", [
    "between 1 and 2 metres long",
    "difference between 1k and 2k",
    "compare 1 and 2",  # nothing shown yet
])
def test_figures_and_comparisons_before_any_item_stay(message: str) -> None:
    shown = 0 if message == "compare 1 and 2" else 3
    assert batch16_classes.numbers_as_positions(message, shown) == message


def test_comparing_by_numbers_answers_about_the_items(electronics: ChatRec) -> None:
    first = _items(electronics, electronics.respond("show me 32 inch smart tvs under 15000", session_id="s"))
    assert len(first) >= 2
    reply = electronics.respond("how do 1 and 2 differ?", session_id="s")
    assert not reply.recommendations or [r.item_id for r in reply.recommendations] == [i.id for i in first]
    assert first[0].brand.lower() in reply.text.lower() or first[0].title[:10].lower() in reply.text.lower()


# ---------------------------------------------------------------- lower-case title brand before a type

@pytest.mark.parametrize(("message", "plain"), [
    ("fossil watches for him", "Fossil watches for him"),
    ("puma shoes", "Puma shoes"),
    ("red shoes", "red shoes"),  # a colour is no brand
    ("fossil fuel", "fossil fuel"),  # no product type after it
])
def test_a_lower_case_title_brand_before_a_type_is_capitalised(message: str, plain: str) -> None:
    brands = {"fossil": True, "puma": True}
    assert batch16_classes.brands_capitalised(message, brands, frozenset({"watches", "shoes"})) == plain


def test_a_lower_case_title_brand_before_a_type_narrows_to_it(fashion: ChatRec) -> None:
    titles = [i.title for i in _items(fashion, fashion.respond("puma shoes for men", session_id="s"))]
    assert titles and all(t.lower().startswith("puma") for t in titles)


# ---------------------------------------------------------------- a word turned down taken back

@pytest.mark.parametrize(("message", "words"), [
    ("fine, fossil is ok then", ["fossil"]),
    ("actually adidas works", ["adidas"]),
    ("put back puma", ["puma"]),
    ("vale, puma me sirve", ["puma"]),
    ("LG geht doch", ["lg"]),
])
def test_the_words_taken_back_are_read(message: str, words: list[str]) -> None:
    assert all(w in batch16_classes._said_back(message) for w in words)


def test_taking_a_word_back_removes_it_from_what_is_turned_down() -> None:
    avoid, exclude = ["fossil", "red"], {"brand": ["LG", "Samsung"]}
    back, see = batch16_classes.taken_back("ok fossil is fine now, and LG is ok too", avoid, exclude)
    assert back == ["fossil"] and not see
    assert avoid == ["red"] and exclude == {"brand": ["Samsung"]}
    back, see = batch16_classes.taken_back("red is fine after all, show me them", avoid, exclude)
    assert back == ["red"] and see


def test_a_brand_taken_back_comes_back_in_the_items(fashion: ChatRec) -> None:
    fashion.respond("watches for men", session_id="s")
    fashion.respond("no fastrack", session_id="s")
    reply = fashion.respond("actually fastrack is fine, show me those", session_id="s")
    titles = [i.title.lower() for i in _items(fashion, reply)]
    assert titles and all("fastrack" in t for t in titles)


def test_avoided_words_are_kept_as_written() -> None:
    avoid = ["adida", "levi", "skinny"]
    batch16_classes.avoided_as_written(avoid, "no adidas and no levis, nothing skinny")
    assert avoid == ["adidas", "levis", "skinny"]


# ---------------------------------------------------------------- not sold, with a feature

def test_features_leave_the_unsold_product_named() -> None:
    assert batch16_classes.no_feature_only("got any wireless earbuds?", ["wireless"])
    assert batch16_classes.no_feature_only("do you have noise cancelling headsets?", ["noise", "cancelling"])
    assert not batch16_classes.no_feature_only("a braided one", ["braided"])
    assert batch16_classes.no_feature_only("a laptop", [])


def test_an_unsold_product_with_a_feature_is_said(electronics: ChatRec) -> None:
    reply = electronics.respond("got any wireless earphones?", session_id="s")
    assert "sells no" in reply.text


# ---------------------------------------------------------------- a spec the catalogue does not list

def test_a_spec_no_item_lists_still_shows_the_other_wishes(fashion: ChatRec) -> None:
    reply = fashion.respond("a backpack that takes a 14 inch laptop", session_id="s")
    assert "cannot check" in reply.text and reply.recommendations


# ---------------------------------------------------------------- a brand asked for another type

def test_a_brand_of_another_type_does_not_empty_the_new_one(electronics: ChatRec) -> None:
    electronics.respond("a boAt usb cable", session_id="s")
    reply = electronics.respond("now a remote for LG", session_id="s")
    items = _items(electronics, reply)
    assert items and all("lg" in i.title.lower() for i in items)
    assert "left out" not in reply.text


# ---------------------------------------------------------------- words of the data files

def test_running_in_spanish_is_an_occasion(fashion: ChatRec) -> None:
    items = _items(fashion, fashion.respond("busco algo para correr, de hombre", session_id="s"))
    assert items and all(i.attributes.get("usage") == "Sports" for i in items)


def test_spanish_type_c_cable(electronics: ChatRec) -> None:
    reply = electronics.respond("quiero un cable tipo c", session_id="s")
    titles = [i.title.lower().replace("-", " ") for i in _items(electronics, reply)]
    assert titles and all("type c" in t or "usb c" in t or "c to c" in t for t in titles)


def test_the_device_named_after_an_article(electronics: ChatRec) -> None:
    electronics.respond("hdmi cable", session_id="s")
    items = _items(electronics, electronics.respond("and a remote for the LG tv", session_id="s"))
    assert items and all("lg" in i.title.lower() for i in items)
