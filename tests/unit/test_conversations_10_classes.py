"""The classes of failure batch 10 of the blind conversations found (issue 12, branch i12ab), each tried
on wording that is not in ``tests/conversations/blind_conversations_10.yaml``: (a) a budget raised to a
new cap ("预算放宽到五千", "raise my budget to 1200"); (b) "the first one but cheaper" is cheaper than
that item, not than the cheapest shown; (c) features no field holds: dual band, micro USB; (d) a brand
named in the titles of a catalogue with no brand field ("only Fastrack", "Puma shoes"); (e) a German
preference said in two words ("eher in Schwarz"); (f) a Spanish ordinal in the plural points at one
item ("las últimas" of sunglasses)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))

import runner  # noqa: E402,F401  (the conversations' fixtures, as tests/conftest.py builds them)

from chatrec import ChatRec  # noqa: E402
from chatrec.catalog import Item  # noqa: E402
from chatrec.dialogue import DialogueState, Heard, Shown  # noqa: E402
from chatrec.language import detect_language  # noqa: E402
from chatrec.money import parse_budget  # noqa: E402
from chatrec.request import ItemReference, ShopperRequest  # noqa: E402
from chatrec.title_brands import asked as brands_asked  # noqa: E402
from chatrec.title_brands import brand_words  # noqa: E402


def _items(rec: ChatRec, reply: object) -> list[Item]:
    return [rec.item(r.item_id) for r in reply.recommendations]  # type: ignore[attr-defined]


# --- (a) a budget raised to a new cap ------------------------------------------------------------


@pytest.mark.parametrize(("text", "cap"), [
    ("预算放宽到五千", 5000.0),
    ("那就提升到8000吧", 8000.0),
    ("raise my budget to 1200", 1200.0),
    ("ok, increase it to 650 rupees", 650.0),
    ("vale, subo el presupuesto a 800", 800.0),
    ("ich erhöhe das budget auf 700", 700.0),
    ("dann das budget auf 900 erhöhen", 900.0),
])
def test_a_raised_budget_is_the_new_cap(text: str, cap: float) -> None:
    budget, _ = parse_budget(text.lower())
    assert (budget.low, budget.high) == (None, cap)


@pytest.mark.parametrize("text", ["i want to move to 4k", "a 4k tv with 2 hdmi ports", "我提到的那个"])
def test_words_of_raising_without_a_budget_set_none(text: str) -> None:
    budget, _ = parse_budget(text.lower())
    assert budget.empty


def test_a_raised_budget_in_chinese_shows_items_up_to_the_new_cap(electronics: ChatRec) -> None:
    electronics.respond("我要一台32寸的电视，一万以内", session_id="s")
    reply = electronics.respond("预算放宽到一万六", session_id="s")
    prices = [i.price or 0.0 for i in _items(electronics, reply)]
    assert prices and max(prices) <= 16000 and max(prices) > 10000, prices


# --- (b) the first one but cheaper ---------------------------------------------------------------


def test_cheaper_than_the_item_pointed_at_in_the_same_message() -> None:
    state = DialogueState().apply(Shown(("a", "b", "c"), (150.0, 900.0, 400.0)))
    heard = ShopperRequest(intent="more_like", relative_price="cheaper",
                           references=[ItemReference(position=2, item_id="b")])
    state.apply(Heard(heard))
    assert state.max_price == 899.0


def test_cheaper_with_no_item_pointed_at_stays_below_the_cheapest() -> None:
    state = DialogueState().apply(Shown(("a", "b", "c"), (150.0, 900.0, 400.0)))
    state.apply(Heard(ShopperRequest(intent="refine", relative_price="cheaper")))
    assert state.max_price == 149.0


def test_like_the_third_but_cheaper_shows_items_below_the_third(electronics: ChatRec) -> None:
    shown = _items(electronics, electronics.respond("show me hdmi cables", session_id="s"))
    assert len(shown) >= 3
    reply = electronics.respond("something like the third one, only cheaper", session_id="s")
    items = _items(electronics, reply)
    assert items and all((i.price or 0.0) < (shown[2].price or 0.0) for i in items)


# --- (c) features no field holds ------------------------------------------------------------------


@pytest.mark.parametrize(("message", "word"), [
    ("a dual-band wifi dongle", "dual band"),
    ("do you have a micro-usb charging cable?", "micro usb"),
])
def test_a_plug_or_band_named_is_stated_by_every_item_shown(electronics: ChatRec, message: str, word: str) -> None:
    items = _items(electronics, electronics.respond(message, session_id="s"))
    assert items
    spellings = {"dual band": ("dual band", "dual-band"), "micro usb": ("micro usb", "micro-usb", "micro b")}[word]
    assert all(any(s in i.title.lower() for s in spellings) for i in items), [i.title for i in items]


# --- (d) brands named in titles -------------------------------------------------------------------


FASHION = [
    Item(id="1", title="Mother Earth Women Green Top", attributes={"baseColour": "Green"}),
    Item(id="2", title="Fastrack Men Steel Dial Watch", attributes={"baseColour": "Steel"}),
    Item(id="3", title="Red Tape Men Grey Shoes", attributes={"baseColour": "Grey"}),
    Item(id="4", title="Arrow Men Brown Leather Wallet", attributes={"baseColour": "Brown"}),
]
VALUES = frozenset({"green", "steel", "grey", "brown", "red", "men", "women"})


def test_title_brands_leave_out_values_and_are_marked_when_english() -> None:
    brands = brand_words(FASHION, VALUES)
    assert "red" not in brands  # a colour of the catalogue
    assert brands["fastrack"] is False and brands["mother"] is True and brands["arrow"] is True


def test_title_brands_are_none_where_the_catalogue_has_a_brand_field() -> None:
    assert brand_words([Item(id="x", title="boAt Rockerz 255", brand="boAt")], VALUES) == {}


class _Index:
    def __init__(self, items: list[Item]) -> None:
        self.items = items


@pytest.mark.parametrize(("message", "brands"), [
    ("only fastrack please", ["fastrack"]),
    ("anything from Arrow?", ["arrow"]),
    ("a top from Mother Earth", ["mother"]),
    ("a gift for my mother", []),  # a person, not the brand
    ("a gift for my Mother", []),
    ("something for Mother's day", []),
    ("an arrow print shirt", []),  # an English word in lower case
])
def test_a_brand_is_read_from_the_titles(message: str, brands: list[str]) -> None:
    assert brands_asked(message, _Index(FASHION), VALUES) == brands


def test_a_brand_not_wanted_is_not_asked_for() -> None:
    assert brands_asked("not Fastrack", _Index(FASHION), VALUES, avoided=["fastrack"]) == []


@pytest.mark.parametrize(("first", "then", "brand"), [
    ("men's watches", "only Fastrack please", "Fastrack"),
    ("some shoes for men", "do you have Puma?", "Puma"),
    ("zeig mir Herrenuhren", "nur von Casio", "Casio"),
])
def test_a_brand_named_keeps_only_its_items(fashion: ChatRec, first: str, then: str, brand: str) -> None:
    fashion.respond(first, session_id="s")
    items = _items(fashion, fashion.respond(then, session_id="s"))
    assert items and all(i.title.lower().startswith(brand.lower()) for i in items), [i.title for i in items]


def test_a_brand_named_later_replaces_the_earlier_one(fashion: ChatRec) -> None:
    fashion.respond("Titan watches for men", session_id="s")
    items = _items(fashion, fashion.respond("and the Timex ones?", session_id="s"))
    assert items and all(i.title.startswith("Timex") for i in items), [i.title for i in items]


# --- (e) a German preference in two words ---------------------------------------------------------


@pytest.mark.parametrize("text", ["eher in Schwarz", "vielleicht lieber Rot", "doch eher was Günstigeres"])
def test_a_short_german_preference_is_german(text: str) -> None:
    assert detect_language(text) == "de"


# --- (f) a Spanish ordinal in the plural --------------------------------------------------------------


def test_las_ultimas_points_at_the_last_item(fashion: ChatRec) -> None:
    shown = _items(fashion, fashion.respond("gafas de sol para mujer", session_id="s"))
    assert len(shown) >= 2
    reply = fashion.respond("¿de qué color son las últimas?", session_id="s")
    assert not reply.recommendations
    assert shown[-1].title.split()[0] in reply.text and "últimas" not in reply.text, reply.text


# --- (g) "one for a <device>" while an accessory is in force -----------------------------------------


@pytest.mark.parametrize(("first", "then", "make"), [
    ("show me tv remotes", "what about one for my LG TV?", "LG"),
    ("tv remotes please", "got any for a Sony TV?", "Sony"),
    ("quiero un mando a distancia", "¿tienes uno para una tele Sony?", "Sony"),
])
def test_one_for_a_device_keeps_the_accessory_and_fits_the_make(electronics: ChatRec, first: str, then: str,
                                                                  make: str) -> None:
    electronics.respond(first, session_id="s")
    items = _items(electronics, electronics.respond(then, session_id="s"))
    assert items and all(i.category == "RemoteControls" for i in items), [i.title for i in items]
    assert all(make.lower() in i.title.lower() for i in items), [i.title for i in items]


def test_a_new_product_named_before_the_pronoun_is_the_product(electronics: ChatRec) -> None:
    electronics.respond("hdmi cables", session_id="s")
    items = _items(electronics, electronics.respond("ok now remotes, ones for an LG TV", session_id="s"))
    assert items and all(i.category == "RemoteControls" for i in items), [i.title for i in items]


def test_a_tv_asked_for_outright_is_still_a_tv(electronics: ChatRec) -> None:
    electronics.respond("tv remotes please", session_id="s")
    items = _items(electronics, electronics.respond("now show me a Samsung TV", session_id="s"))
    assert items and all(i.category in ("SmartTelevisions", "StandardTelevisions") for i in items)


# --- (h) a first message asking only what the shop has ----------------------------------------------


@pytest.mark.parametrize(("message", "language"), [
    ("hello, what do you sell?", "en"),
    ("what have you got", "en"),
    ("Buenas, ¿qué venden?", "es"),
    ("你们店里都卖什么？", "zh"),
])
def test_what_do_you_have_with_no_wish_asks_which_kind(electronics: ChatRec, message: str, language: str) -> None:
    reply = electronics.respond(message, session_id="s")
    assert not reply.recommendations
    assert reply.question is not None and "USB cables" in " ".join(reply.question.options) or language != "en"
    assert reply.question is not None and len(reply.question.options) >= 3


def test_what_do_you_have_after_a_wish_still_shows(fashion: ChatRec) -> None:
    fashion.respond("heels for women", session_id="s")
    items = _items(fashion, fashion.respond("what do you have in gold?", session_id="s"))
    assert items and all(i.attributes["baseColour"] == "Gold" for i in items)


# --- (i) a phone named by its make in Chinese -------------------------------------------------------


@pytest.mark.parametrize("message", ["有没有适合苹果手机的数据线", "我想买根苹果的手机充电线"])
def test_an_apple_phone_in_chinese_gets_cables_for_iphone(electronics: ChatRec, message: str) -> None:
    items = _items(electronics, electronics.respond(message, session_id="s"))
    assert items and all("iphone" in i.title.lower() for i in items), [i.title for i in items]


def test_a_mi_tv_in_chinese_gets_remotes_for_mi(electronics: ChatRec) -> None:
    items = _items(electronics, electronics.respond("小米电视的遥控器", session_id="s"))
    assert items and all(" mi " in f" {i.title.lower()} " for i in items), [i.title for i in items]


# --- (j) the opening question answered with a kind and a person --------------------------------------


@pytest.mark.parametrize("answer", ["it's for my girlfriend, she likes bags", "für meine Frau, Taschen"])
def test_a_kind_and_a_person_answering_the_question_show_items(fashion: ChatRec, answer: str) -> None:
    first = fashion.respond("I want to buy a present, not sure what", session_id="s")
    assert first.question is not None and not first.recommendations
    items = _items(fashion, fashion.respond(answer, session_id="s"))
    assert items and all(i.attributes["subCategory"] == "Bags" and i.attributes["gender"] in ("Women", "Unisex")
                         for i in items), [i.title for i in items]
