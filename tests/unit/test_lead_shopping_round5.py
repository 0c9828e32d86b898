"""Found by shopping the electronics demo as a customer (lead, evening session of 2026-12-01): a device the
shopper has is no product wished, one product narrowed to its kinds is no bundle, words saying a wish
suffices or when it is needed are no features, "son" is no Spanish, and an unanswered question lists
what the data says without the shop's groupings."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.bundles import is_bundle
from chatrec.catalog import Item
from chatrec.followups import not_mentioned
from chatrec.grounding import Request, Wording, facts_for
from chatrec.language import detect_language
from chatrec.request import ShopperRequest
from tests.demo_reading import read as _read

HEADPHONES = "Headphones,Earbuds&Accessories"
TVS = ("B09F6S8BT6", "B08DPLCM6T", "B0B6F7LX4C", "B08B42LWKN")  # Samsung, LG, MI, OnePlus


def _types(heard: ShopperRequest) -> dict[str, list[str]]:
    return {name: values for name, values in heard.include.items() if name in ("category", "subcategory")}


@pytest.mark.parametrize(("text", "wanted"), [
    ("a power bank that can charge my laptop", {"category": ["PowerBanks"]}),
    ("looking for a soundbar, we have an LG tv", {"category": ["SoundbarSpeakers"]}),
    ("i need a mouse, my daughter works on a laptop", {"category": ["Mice"]}),
    ("she has a laptop and wants a mouse", {"category": ["Mice"]}),
])
def test_a_device_the_shopper_has_is_what_the_product_works_with(catalogues, text: str, wanted: dict) -> None:
    heard = _read(catalogues, "electronics", text)
    assert _types(heard) == wanted
    assert "brand" not in heard.include  # the TV's make is the device's, not the soundbar's


def test_a_device_said_as_owned_while_another_product_is_wished_changes_nothing(catalogues) -> None:
    heard = _read(catalogues, "electronics", "my brother mostly uses a tablet, bluetooth is fine",
                  current={"subcategory": [HEADPHONES]})
    assert _types(heard) == {}
    assert heard.intent in ("refine", "recommend")


@pytest.mark.parametrize("text", [
    "my laptop broke, i need a new laptop",
    "my old phone is too slow, show me phones",
    "i have a laptop budget of 40000",
])
def test_a_device_replaced_or_asked_for_stays_the_wish(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert _types(heard)  # the laptop or the phone itself is wished


def test_a_make_said_before_the_product_asked_for_stays_its_brand(catalogues) -> None:
    heard = _read(catalogues, "electronics", "have samsung earphones?")
    assert heard.include.get("brand") == ["Samsung"]


def test_one_product_narrowed_to_its_kinds_is_no_bundle() -> None:
    kinds = ["category", "subcategory"]
    include = {"subcategory": [HEADPHONES], "category": ["In-Ear", "On-Ear", "Over-Ear"]}
    narrowed = {"category": {"In-Ear", "On-Ear", "Over-Ear"}}
    assert not is_bundle("she starts at uni and needs headphones", include, kinds, narrowed)
    assert is_bundle("headphones and a case", {**include, "category": [*include["category"], "Cases"]}, kinds, narrowed)


@pytest.mark.parametrize(("query", "message"), [
    ("32 inch enough", "32 inch is enough"),
    ("wired fine", "wired is fine"),
    ("55 inch perfect", "55 inch would be perfect"),
])
def test_a_word_saying_the_wish_suffices_is_no_missing_feature(query: str, message: str) -> None:
    texts = ["LG 80 cm (32 inches) HD Ready Smart LED TV", "boAt Bassheads 100 Wired Earphones"]
    assert not_mentioned(query, message, texts, {"enough", "fine", "perfect", "inch", "wired"}) is None


def test_when_the_shopper_needs_it_is_no_feature_of_an_item() -> None:
    item = Item(id="e", title="Acme Wired In Ear Earphones With Mic", category="In-Ear", brand="Acme", price=499.0,
                currency="INR", description="Warranty: 6 months from the date of purchase. Next day delivery.")
    request = Request(text="my nephew starts college next month and needs earphones", include={"category": ["In-Ear"]})
    facts = facts_for(item, request, Wording.load())
    assert not [f for f in facts if f.kind == "feature"]


@pytest.mark.parametrize(("text", "language"), [
    ("my son needs headphones", "en"),
    ("my son wants a watch", "en"),
    ("was habt ihr so?", "de"),
    ("was gibt's bei euch", "de"),
    ("the price was too high", "en"),
    ("los zapatos son rojos", "es"),
])
def test_the_language_of_short_messages(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_an_unanswered_question_lists_facts_not_the_shops_groupings() -> None:
    laptop = Item(id="l", title="Acme Book 14 Thin and Light Laptop", category="Traditional laptops", brand="Acme",
                  price=37247.0, currency="INR",
                  attributes={"department": "Computers&Accessories", "subcategory": "Laptops", "rating": 4.0})
    text = answer_question("which one has the longest cable?", [laptop]).text
    assert "Computers&Accessories" not in text and "department" not in text and "subcategory" not in text
    assert "Acme" in text


@pytest.mark.parametrize(("text", "family", "negated"), [
    ("a coat in darker tones", "dark", False),
    ("eher was Dunkles", "dark", False),
    ("prefiero algo oscuro", "dark", False),
    ("颜色深一些的", "dark", False),
    ("light coloured shirts for summer", "light", False),
    ("lieber etwas Helles", "light", False),
    ("camisetas en tonos claros", "light", False),
    ("要浅色的", "light", False),
    ("something colourful for a holiday", "bright", False),
    ("knallige Farben bitte", "bright", False),
    ("nothing too flashy, muted tones", "neutral", False),
    ("no demasiado llamativo", "bright", True),
    ("bitte nichts Knalliges", "bright", True),
    ("不要太深的", "dark", True),
])
def test_a_colour_family_is_read_in_four_languages(catalogues, text: str, family: str, negated: bool) -> None:
    from chatrec.colour_families import load_families

    fam = next(f for f in load_families()[0] if f.name == family)
    heard = _read(catalogues, "fashion", text)
    values = (heard.exclude if negated else heard.include).get("baseColour", [])
    assert values and all(fam.holds(v) for v in values)


@pytest.mark.parametrize(("text", "colour"), [
    ("a dark blue shirt", "Blue"),
    ("hellgrüne Schuhe", "Green"),
])
def test_a_colour_named_wins_over_its_family(catalogues, text: str, colour: str) -> None:
    assert _read(catalogues, "fashion", text).include.get("baseColour") == [colour]


def test_a_family_is_named_as_such_in_the_wishes() -> None:
    from chatrec.colour_families import family_name

    dark = ["Navy Blue", "Brown", "Maroon", "Olive", "Charcoal"]
    assert family_name(dark) == "dark colours"
    assert family_name(dark, "de") == "dunkle Farben"
    assert family_name(["Black", "Navy Blue", "Brown"]) is None  # three colours named are said as they are
    assert family_name(["Red", "White", "Black", "Blue"]) is None  # no family holds them all


def test_dark_shades_for_the_beach_are_sunglasses_in_dark_shades_a_colour(catalogues) -> None:
    assert _read(catalogues, "fashion", "dark shades for the beach").include.get("category") == ["Sunglasses"]
    assert _read(catalogues, "fashion", "a top in dark shades").include.get("category") == ["Tops"]


def test_dropping_a_wish_with_a_superlative_is_a_new_search_ordered_by_it(electronics) -> None:
    first = electronics.respond("smart tv under 40000")
    shown = [electronics.item(r.item_id) for r in first.recommendations]
    assert len(shown) >= 2
    brand = shown[0].brand
    electronics.respond(f"only {brand}", session_id=first.session_id)
    reply = electronics.respond("forget the brand, just the top rated ones", session_id=first.session_id)
    assert reply.recommendations  # items, not an answer about the ones shown
    ratings = [float(electronics.item(r.item_id).attributes.get("rating") or 0) for r in reply.recommendations]
    assert ratings == sorted(ratings, reverse=True)
    assert "forget" not in reply.text and "rated”" not in reply.text


def test_a_superlative_orders_the_best_candidates_by_its_figure() -> None:
    from types import SimpleNamespace

    from chatrec.answers import by_superlative

    def candidate(n: int, rating: str | None) -> SimpleNamespace:
        attributes = {"rating": rating} if rating else {}
        return SimpleNamespace(item=Item(id=str(n), title=f"Item {n}", category="Mice", attributes=attributes))

    pool = [candidate(1, "3.9"), candidate(2, None), candidate(3, "4.5"), candidate(4, "4.1")]
    assert [c.item.id for c in by_superlative("show me the highest rated mice", pool)] == ["3", "4", "1", "2"]
    assert [c.item.id for c in by_superlative("show me mice", pool)] == ["1", "2", "3", "4"]
    assert [c.item.id for c in by_superlative("die am besten bewerteten Mäuse", pool, "de")][0] == "3"


def test_a_value_the_catalogue_spells_two_ways_is_turned_down_once_in_the_wishes() -> None:
    from chatrec.dialogue import Wishes
    from chatrec.wording import Phrases

    said = Phrases().summary(Wishes(include={"category": ["In-Ear"]}, exclude={"brand": ["Boat", "boAt"]}))
    assert said.lower().count("boat") == 1


@pytest.mark.parametrize(("message", "thing"), [
    ("sneakers for men", "sneakers"),
    ("a sofa", "sofa"),
    ("leather boots size 8", None),  # more than a name: read as a search, not as a thing named
    ("black ones", None),
    ("for my dad", None),
    ("thanks a lot", None),
])
def test_a_product_named_bare_is_a_thing_asked_for(message: str, thing: str | None) -> None:
    from chatrec.not_carried import bare_thing

    assert bare_thing(message) == thing


def test_a_product_one_description_mentions_is_not_carried_when_named_bare() -> None:
    from chatrec.not_carried import not_carried

    counts = {"dress": 1, "headphones": 73}
    assert not_carried("a red dress", counts, counts.get) == "red dress"
    assert not_carried("headphones", counts, counts.get) is None
    assert not_carried("do you have a dress?", counts, counts.get) is None  # asked as such: one use is enough


BANKS = [
    Item(id="a", title="Acme 10000mAh Power Bank 18W", category="Power banks", brand="Acme", price=1149.0, currency="INR",
         attributes={"rating": "4.3"}),
    Item(id="b", title="Zeta 10000mAh Slim Power Bank 20W", category="Power banks", brand="Zeta", price=999.0,
         currency="INR", attributes={"rating": "4.0"}),
]


@pytest.mark.parametrize(("question", "language"), [
    ("which one's better, the 1st or the 2nd", "en"),
    ("what is better of these two?", "en"),
    ("这两个哪款更好", "zh"),
    ("¿cuál me conviene más?", "es"),
    ("welcher davon ist besser?", "de"),
])
def test_which_is_better_puts_the_items_side_by_side(question: str, language: str) -> None:
    text = answer_question(question, BANKS, language).text
    assert "Acme" in text and "Zeta" in text and "4.3" in text
    assert "better" not in text and "besser" not in text and "mejor" not in text


PORTS = [
    Item(id="c", title="Zeta 27000mAh Power Bank, Type C PD (Input & Output)", category="Power banks", brand="Zeta",
         price=2499.0, currency="INR"),
    Item(id="m", title="Acme 10000mAh Power Bank, Micro-USB input", category="Power banks", brand="Acme", price=999.0,
         currency="INR"),
    Item(id="n", title="Nova Wired Earphones", category="In-Ear", brand="Nova", price=99.0, currency="INR"),
]


@pytest.mark.parametrize(("question", "language"), [
    ("does it have usb-c?", "en"),
    ("is it type c", "en"),
    ("支持typec吗", "zh"),
    ("¿tiene tipo c?", "es"),
    ("hat es USB Typ-C?", "de"),
])
def test_a_connector_is_asked_whole_not_the_field_type(question: str, language: str) -> None:
    answer = answer_question(question, PORTS, language)
    lines = answer.text
    assert "Type C" in lines and "Micro-USB" in lines  # yes of the first, no (with what it has) of the second
    assert "power bank." not in lines and "充电宝。" not in lines  # not "type power bank"
    assert answer.supported


def test_type_c_or_micro_usb_says_which_each_has() -> None:
    text = answer_question("is it type c or micro usb", PORTS[:2]).text
    assert "“Type C”" in text and "“Micro-USB”" in text and not text.startswith("Yes")


def test_at_least_is_no_missing_feature() -> None:
    assert not_mentioned("power bank least 20000mah", "at least 20000mah", ["Zeta Power Bank 20000mAh"],
                         {"least", "power", "bank"}) is None


@pytest.mark.parametrize(("message", "families"), [
    ("forget the capacity, just the best rated", ["mah"]),
    ("drop the 20000mah", ["mah"]),
    ("never mind the screen size", ["inch"]),
    ("any battery is fine", ["mah"]),
    ("egal welcher Akku", ["mah"]),
    ("olvida la capacidad", ["mah"]),
    ("容量无所谓", ["mah"]),
    ("at least 20000mah", []),
    ("forget the brand", []),
])
def test_a_spec_bound_in_force_is_given_up(message: str, families: list[str]) -> None:
    from chatrec.spec_comparatives import given_up

    assert given_up(message, ["mah", "inch"]) == families


def test_a_chinese_spec_figure_is_no_budget(catalogues) -> None:
    from chatrec.spec_filters import drop_spec_price, read_bounds

    heard = _read(catalogues, "electronics", "至少两万毫安")
    assert read_bounds("至少两万毫安") == {"mah": (20000.0, None)}
    assert drop_spec_price(heard, "至少两万毫安").price is None
