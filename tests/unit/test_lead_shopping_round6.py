"""Found by shopping the fashion demo as a customer (lead, session of 2026-12-01 late): a reason calls an item
what its name says when the catalogue files it as another kind or colour, and "does the third one come in
other colours?" leaves out that item's colour only, not the colours of every item shown."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question
from chatrec.catalog import Item
from chatrec.grounding import Request, Wording, _title_names_other_colour, _title_names_other_type, facts_for
from chatrec.recommender import ChatRec
from chatrec.request import ShopperRequest


@pytest.mark.parametrize(("title", "category", "named"), [
    ("Inc 5 Women Casual White Flats", "Heels", "flats"),
    ("Tiptopp Women Black Sandals", "Flats", "sandals"),
    ("Catwalk Women Black Peep Toes", "Flats", None),  # "toes" names no product
    ("Quechua Women Sweat Proof White T-shirt", "Tshirts", None),  # the same kind, written otherwise
    ("Baggit Women Brown Handbag", "Bags", None),
    ("Biba Women Red Kurta with Dupatta", "Kurta Sets", None),  # what comes with it
    ("Rocia Women Brown Heels", "Heels", None),
    ("Redmi 9A (Nature Green, 2GB RAM, 32GB Storage)", "Smartphones", None),
])
def test_the_kind_an_items_name_gives_when_its_category_says_another(title: str, category: str,
                                                                     named: str | None) -> None:
    assert _title_names_other_type(title, category) == named


def test_a_reason_calls_a_flat_filed_as_heels_a_flat_and_claims_no_asked_type() -> None:
    item = Item(id="1", title="Inc 5 Women Casual White Flats", category="Heels",
                attributes={"baseColour": "White", "gender": "Women"})
    facts = facts_for(item, Request(text="heels for women", include={"category": ("Heels",)}), Wording.load())
    kind = next(f for f in facts if f.kind == "type")
    assert kind.value == "flat" and not kind.matched


@pytest.mark.parametrize(("title", "colour", "contradicted"), [
    ("Catwalk Women Bronze Heels", "Black", True),
    ("Puma Men Grey Polo Tshirt", "Navy Blue", True),
    ("Rocia Women Black & Brown Sandals", "Black", False),
    ("HM Women Navy Heels", "Navy Blue", False),
    ("Nike Men Running Shoes", "Black", False),  # the name states no colour
    ("Inkfruit Mens Multicolour Striped T-shirt", "Red", False),
])
def test_a_colour_the_items_name_contradicts(title: str, colour: str, contradicted: bool) -> None:
    assert _title_names_other_colour(title, colour) is contradicted


def test_a_reason_does_not_say_a_colour_the_name_contradicts() -> None:
    item = Item(id="1", title="Catwalk Women Bronze Heels", category="Heels",
                attributes={"baseColour": "Black", "gender": "Women"})
    facts = facts_for(item, Request(text="black heels", include={"baseColour": ("Black",)}), Wording.load())
    assert not any(f.kind == "colour" for f in facts)


@pytest.mark.parametrize("question", [
    "does the second one come in other colours?",
    "the second in another colour",
    "is the 2nd available in other colors",
])
def test_other_colours_of_one_shown_item_leave_out_its_colour_only(fashion_chatrec: ChatRec, question: str) -> None:
    session = f"other-colours-{question}"
    shown = fashion_chatrec.respond("tshirts for men", session_id=session)
    if len(shown.recommendations) < 3:
        pytest.skip("the fixture has too few men's tshirts")
    colours = {r.attributes.get("baseColour") for r in shown.recommendations}
    second = shown.recommendations[1].attributes.get("baseColour")
    if len(colours) < 2:
        pytest.skip("every shown item has one colour")
    reply = fashion_chatrec.respond(question, session_id=session)
    assert reply.recommendations, reply.text
    assert all(r.attributes.get("baseColour") != second for r in reply.recommendations)
    others = colours - {second}
    assert any(r.attributes.get("baseColour") in others for r in reply.recommendations) or not others, reply.text


@pytest.mark.parametrize(("text", "family"), [
    ("dark tshirts for men", True),
    ("some darker jeans please", True),
    ("glow in the dark tshirts", False),
    ("a cream for dark circles", False),
    ("dark mode on the phone", False),
])
def test_dark_before_a_product_asks_for_dark_colours(catalogues, text: str, family: bool) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "fashion", text)
    colours = heard.include.get("baseColour", [])
    assert (len(colours) > 2 and "Black" in colours) is family, heard


def test_the_words_of_a_colour_family_leave_the_search_text_and_give_no_feature(catalogues) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "fashion", "men's tshirts in dark colours")
    assert "dark" not in heard.query.split() and "colour" not in heard.query.split()
    item = Item(id="1", title="Wrangler Men Glow in Dark Teal T-shirt", category="Tshirts",
                attributes={"baseColour": "Teal", "gender": "Men"})
    facts = facts_for(item, Request(text="men's tshirts in dark colours", include={"baseColour": ("Teal", "Black")}),
                      Wording.load())
    assert not any(f.kind == "feature" and "dark" in f.value.lower() for f in facts)


def test_words_turned_down_in_names_are_said_in_the_summary(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("black jeans not skinny", session_id="avoid-summary")
    assert "not skinny" in reply.text, reply.text


@pytest.mark.parametrize("text", ["no heels please, I can't walk in them", "no prints, I hate them",
                                  "no sandals, i don't want those", "not the polos, he never wears them"])
def test_a_pronoun_after_a_refusal_is_no_word_to_keep_out_of_names(catalogues, text: str) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "fashion", text, current={"gender": ["Women"]})
    assert not {"them", "those", "he"} & set(heard.avoid_words), heard.avoid_words


BUDS = [
    Item(id="b1", title="Noise Buds Truly Wireless in Ear Earbuds with 30-hour Playtime", category="InEar"),
    Item(id="b2", title="Boult Audio Airbass TWS Earbuds with Mic, 32H Playtime, IPX5", category="InEar"),
    Item(id="b3", title="boAt Airdopes 171 Earbuds with Upto 13 Hours Battery, IPX4", category="InEar"),
    Item(id="b4", title="Sennheiser CX 80S in-Ear Wired Headphones with Microphone", category="InEar"),
]


@pytest.mark.parametrize(("question", "language"), [
    ("which one has the longest battery?", "en"),
    ("which of these lasts the longest", "en"),
    ("best battery life?", "en"),
    ("哪个续航最长", "zh"),
    ("¿cuál tiene más autonomía?", "es"),
    ("welcher hat die längste Akkulaufzeit?", "de"),
])
def test_the_longest_battery_of_earbuds_is_their_hours_of_playtime(question: str, language: str) -> None:
    answer = answer_question(question, BUDS, language)
    assert answer.positions == [2], answer.text
    assert "32H" in answer.text and "13 Hours" in answer.text


def test_the_longest_battery_of_phones_is_their_capacity_when_none_states_hours() -> None:
    phones = [Item(id="p1", title="Samsung Galaxy M13 (6000mAh Battery)", category="Smartphones"),
              Item(id="p2", title="Redmi 9A (5000 mAh)", category="Smartphones")]
    answer = answer_question("which one has the longest battery?", phones)
    assert answer.positions == [1] and "6000" in answer.text


@pytest.mark.parametrize(("value", "written_as"), [
    ("kopfhörer und zubehör", "Kopfhörer und Zubehör"),
    ("hüllen für handys", "Hüllen für Handys"),
    ("kabel mit stecker", "Kabel mit Stecker"),
])
def test_german_small_words_stay_small_in_a_value(value: str, written_as: str) -> None:
    from chatrec.german_nouns import written

    assert written(value, "de") == written_as


@pytest.mark.parametrize(("title", "stated"), [
    ("Wecool Moonwalk M1 True Wireless Earbuds with Mic, BT 5.3, IPX5, Deep Bass", "IPX5"),
    ("ZEBRONICS Zeb-Sound Bomb N1 Earbuds, Voice Assistant, Splash Proof, Type C", "Splash Proof"),
    ("Sennheiser CX 80S in-Ear Wired Headphones with Microphone", None),
])
def test_a_reason_credits_a_wanted_feature_in_the_items_own_words(title: str, stated: str | None) -> None:
    item = Item(id="1", title=title, category="InEar")
    facts = facts_for(item, Request(text="headphones for the gym, sweatproof", wanted=("sweatproof",)), Wording.load())
    credited = [f.value for f in facts if f.kind == "feature" and f.matched and f.value != "headphones"]
    assert credited == ([stated] if stated else []), facts


@pytest.mark.parametrize("text", ["sweatproof earbuds for the gym", "earphones, sweat resistant please",
                                  "防汗的蓝牙耳机", "auriculares resistentes al sudor"])
def test_sweatproof_is_a_feature_kept_as_a_wish(text: str) -> None:
    from chatrec.wanted_words import asked

    heard = ShopperRequest(intent="recommend", language="zh" if "耳机" in text else "es" if "sudor" in text else "en")
    assert "sweatproof" in asked(text, heard, frozenset()), text


@pytest.mark.parametrize(("message", "missing"), [
    ("something with velcro", "velcro"),
    ("a bag with a zipper please", "zipper"),
    ("shoes made of suede", "suede"),
    ("my son is 12, hes picky", None),  # words the catalogue never uses, not asked to come with the item
])
def test_a_thing_asked_to_come_with_the_item_is_said_missing_though_no_item_uses_the_word(
        message: str, missing: str | None) -> None:
    from chatrec.followups import not_mentioned

    texts = ["Enroute Teens Blue Shoes", "Marvel Boys Blue Shoes"]
    query = " ".join(w for w in message.split() if w.isalpha())
    assert not_mentioned(query, message, texts, {"shoes", "blue", "boys"}) == missing


def test_turning_items_down_for_a_thing_none_has_says_so(fashion_chatrec: ChatRec) -> None:
    session = "velcro"
    first = fashion_chatrec.respond("casual shoes for men", session_id=session)
    if not first.recommendations:
        pytest.skip("the fixture has no men's casual shoes")
    reply = fashion_chatrec.respond("no not those, something with velcro", session_id=session)
    assert "velcro" in reply.text, reply.text


TVS_43 = [
    Item(id="s", title="Samsung 108 cm (43 inches) Crystal 4K Smart LED TV", category="Electronics", brand="Samsung",
         attributes={"subcategory": "SmartTelevisions", "rating_count": "7,109"}),
    Item(id="o", title="OnePlus 108 cm (43 inches) Y Series Smart LED TV", category="Electronics", brand="OnePlus",
         attributes={"subcategory": "SmartTelevisions", "rating_count": "34,899"}),
]
LGS = [
    Item(id="l32", title="LG 80 cm (32 inches) HD Ready Smart LED TV", category="Electronics", brand="LG",
         attributes={"subcategory": "SmartTelevisions", "rating_count": "11,976"}),
    Item(id="l43", title="LG 108 cm (43 inches) 4K Ultra HD Smart LED TV", category="Electronics", brand="LG",
         attributes={"subcategory": "SmartTelevisions", "rating_count": "1,376"}),
    Item(id="lr", title="LG AKB75095307 Remote Control", category="Electronics", brand="LG",
         attributes={"subcategory": "RemoteControls", "rating_count": "99,000"}),
]


@pytest.mark.parametrize(("query", "rival"), [
    ("lg better", "l43"),  # the 43-inch LG beside a 43-inch Samsung, before the more rated 32-inch one
    ("better", None),
    ("samsung lg", "l43"),
    ("oneplus", "o"),  # a make with an item of that kind, not pointed at
])
def test_a_make_named_beside_a_shown_item_brings_its_closest_item(query: str, rival: str | None) -> None:
    from chatrec.unshown_make import unshown_rival

    found = unshown_rival(query, TVS_43[:1], ["Samsung", "OnePlus", "LG"], [*TVS_43, *LGS], ["subcategory"])
    assert (found.id if found else None) == rival


def test_comparing_a_shown_item_with_a_make_not_shown_puts_one_beside_it(electronics_chatrec: ChatRec) -> None:
    session = "unshown-make"
    shown = electronics_chatrec.respond("smart tv", session_id=session)
    if not shown.recommendations:  # "which brand?": any
        shown = electronics_chatrec.respond("any brand, just show me", session_id=session)
    if not shown.recommendations:
        pytest.skip("no TVs shown")
    index = electronics_chatrec.retriever.index
    items = [index.get(r.item_id) for r in shown.recommendations]
    brands = {i.brand for i in items}
    catalogue = {i.brand for i in index.items
                 if i.category == items[0].category and i.attributes.get("subcategory") == items[0].attributes.get("subcategory")}
    first = items[0].brand
    other = next((b for b in sorted(catalogue - brands) if b and b.isalpha() and len(b) > 2), None)
    if first is None or other is None:
        pytest.skip("no make outside the items shown")
    reply = electronics_chatrec.respond(f"the {first} or the {other}, which is better?", session_id=session)
    assert "shown you only one item" not in reply.text and other in reply.text, reply.text


@pytest.mark.parametrize(("language", "said"), [("en", "43 inches"), ("zh", "43 英寸"), ("es", "43 pulgadas"),
                                                ("de", "43 Zoll")])
def test_a_spec_in_force_is_said_in_the_replys_language(language: str, said: str) -> None:
    from types import SimpleNamespace

    from chatrec.spec_filters import in_force

    state = SimpleNamespace(spec_blocked=("x",), specs={"inch": (43.0, 43.0)})
    assert said in in_force(state, [], language)


@pytest.mark.parametrize("question", ["does the second one come in {colour}?", "is the 2nd available in {colour}?",
                                      "第二个有{colour}的吗"])
def test_a_shown_item_asked_for_in_another_colour_gets_the_answer_and_items_in_that_colour(
        fashion_chatrec: ChatRec, question: str) -> None:
    session = f"version-{question}"
    shown = fashion_chatrec.respond("tshirts for men", session_id=session)
    if len(shown.recommendations) < 2:
        pytest.skip("too few men's tshirts in the fixture")
    second = shown.recommendations[1].attributes.get("baseColour")
    colour = "white" if second != "White" else "black"
    colour = {"white": "白色", "black": "黑色"}[colour] if "第" in question else colour
    reply = fashion_chatrec.respond(question.format(colour=colour), session_id=session)
    assert reply.recommendations, reply.text
    wanted = "White" if colour in ("white", "白色") else "Black"
    assert all(r.attributes.get("baseColour") == wanted for r in reply.recommendations), reply.text
    assert reply.text.startswith(("No", "不是")), reply.text


def test_a_shown_item_asked_for_in_its_own_colour_is_only_answered(fashion_chatrec: ChatRec) -> None:
    session = "version-own"
    shown = fashion_chatrec.respond("black tshirts for men", session_id=session)
    if len(shown.recommendations) < 2:
        pytest.skip("too few black men's tshirts in the fixture")
    reply = fashion_chatrec.respond("is the second one black?", session_id=session)
    assert not reply.recommendations and reply.text.startswith("Yes"), reply.text


@pytest.mark.parametrize(("title", "gender", "contradicted"), [
    ("Doodle Kids Girl Printed Blue Dress", "Women", True),
    ("Gini and Jony Girls Pink Top", "Girls", False),
    ("Disney Kids Girl's Pink Minnie Kidswear", "Girls", False),
    ("Arrow Woman Blue Shirt", "Women", False),
    ("Nike Men's Air Press Sports Shoe", "Men", False),
    ("Enroute Teens Blue Shoes", "Boys", False),
    ("Puma Unisex Black Cap", "Men", True),
])
def test_whom_the_items_name_says_it_is_for_against_its_gender(title: str, gender: str, contradicted: bool) -> None:
    from chatrec.grounding import _title_names_other_person

    assert _title_names_other_person(title, gender) is contradicted


@pytest.mark.parametrize(("message", "searches"), [
    ("any from van heusen?", True),
    ("anything by Peter England", True),
    ("do you have any from boAt?", True),
    ("any from arrow?", False),  # the shown shirts are Arrow's: which of them
    ("is the first one from van heusen?", False),  # a question about a shown item
])
def test_any_from_a_make_none_shown_is_a_search_for_it(message: str, searches: bool) -> None:
    from chatrec.request import ItemReference
    from chatrec.unshown_make import asks_for_make

    shown = [Item(id="a", title="Arrow Men White Striped Shirt", category="Shirts"),
             Item(id="b", title="Arrow Men Blue Shirt", category="Shirts")]
    heard = ShopperRequest(intent="ask_about_item", query=message,
                           references=[ItemReference(position=1, item_id="a", how="all")])
    read = asks_for_make(heard, message, shown, ["boAt", "Sony"])
    assert (read.intent == "refine" and not read.references) is searches
    if searches and "boAt" in message:
        assert read.include == {"brand": ["boAt"]}


def test_a_spec_superlative_reads_the_items_name_before_its_description() -> None:
    phones = [Item(id="r", title="Redmi 10A (Sea Blue, 4GB RAM, 64GB Storage)", category="Smartphones",
                   description="Expandable storage up to 512GB with a microSD card"),
              Item(id="n", title="Redmi Note 11 (Space Black, 6GB RAM, 128GB Storage)", category="Smartphones")]
    answer = answer_question("which has the most storage?", phones)
    assert answer.positions == [2] and "512" not in answer.text, answer.text


@pytest.mark.parametrize(("text", "budget"), [
    ("actually make it 25k", 25000.0), ("can we make that 30000 please", 30000.0),
    ("make it 25000 rupees", 25000.0), ("make it 43 inches", None), ("make it 20000 mah", None),
])
def test_make_it_an_amount_is_a_new_budget(catalogues, text: str, budget: float | None) -> None:
    from tests.demo_reading import read

    heard = read(catalogues, "electronics", text, current={"category": ["Smartphones"]})
    assert (heard.price.max if heard.price else None) == budget, heard


def test_a_distinguishing_colour_name_is_said_whole() -> None:
    from chatrec.grounding import title_detail

    phone = Item(id="r", title="Redmi 10A (Sea Blue, 4GB RAM, 64GB Storage)", category="Smartphones", brand="Redmi")
    detail = title_detail(phone, [], avoid=["redmi", "blue", "ram", "storage"])
    assert detail is not None and detail.value == "Sea Blue"


@pytest.mark.parametrize(("text", "wanted"), [
    ("never mind the blue, show me braided ones", ["braided"]),
    ("forget the budget, a braided cable please", ["braided"]),
])
def test_only_the_words_of_a_clause_given_up_are_no_wish(text: str, wanted: list[str]) -> None:
    from chatrec.wanted_words import asked

    assert asked(text, ShopperRequest(intent="refine"), frozenset()) == wanted
