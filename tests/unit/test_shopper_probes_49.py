"""Stop 49: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change.
"""

from __future__ import annotations

from typing import Any

import pytest

from chatrec.not_carried import bare_thing
from chatrec.understanding import TurnContext, understand


def _read(catalogues: dict[str, Any], name: str, message: str, **context: Any) -> Any:
    vocabulary, _ = catalogues[name]
    return understand(message, vocabulary, TurnContext(catalog_currency="INR" if name == "electronics" else None, **context))


@pytest.mark.parametrize("message", [
    "what's good for making coffee at home?",
    "what's good for cleaning my laptop screen?",
    "what's best for listening to music at the gym?",
    "what is good for keeping food warm?",
    "what's good for a long flight?",
    "which is best for gaming?",
    "anything good for a picnic?",
])
def test_a_question_for_what_serves_a_purpose_asks_for_products(catalogues: dict[str, Any], message: str) -> None:
    """"what's good for making coffee at home?" answered "I can only help with shopping in this catalogue"."""
    assert _read(catalogues, "electronics", message).intent == "recommend"


@pytest.mark.parametrize("message", ["what's the weather like in Delhi?", "what is the weather good for?",
                                     "who won the match yesterday?"])
def test_questions_about_the_world_stay_off_topic(catalogues: dict[str, Any], message: str) -> None:
    assert _read(catalogues, "electronics", message).intent == "off_topic"


def test_quick_replies_that_hold_the_shoppers_word_come_first() -> None:
    """"something for making coffee" asked "Mixer grinders, Hand blenders, Electric kettles, Drip coffee machines"."""
    from chatrec.catalog import Item
    from chatrec.policy import QuestionPlan, named_options

    kinds = ["MixerGrinders"] * 4 + ["HandBlenders"] * 4 + ["ElectricKettles"] * 3 + ["DripCoffeeMachines", "CoffeePresses"]
    items = [Item(id=str(n), title=f"Item {n}", category=kind) for n, kind in enumerate(kinds)]
    plan = QuestionPlan("category", ["MixerGrinders", "HandBlenders", "ElectricKettles", "DripCoffeeMachines"], 1.0, {}, "")
    options = named_options(plan, items, {"making", "coffee"}).options
    assert options == ["DripCoffeeMachines", "CoffeePresses", "MixerGrinders", "HandBlenders"]
    assert named_options(plan, items, {"sofa"}).options == plan.options


@pytest.mark.parametrize("message", ["¿qué es bueno para un vuelo largo?", "was ist gut für einen langen Flug?"])
def test_the_purpose_question_in_spanish_and_german(catalogues: dict[str, Any], message: str) -> None:
    """"¿qué es bueno para un vuelo largo?" was off topic ("vuelo" reads "flight")."""
    assert _read(catalogues, "electronics", message).intent == "recommend"


@pytest.mark.parametrize("message", ["在家煮咖啡用什么好?", "¿qué me recomiendas para hacer café en casa?",
                                     "was eignet sich zum Kaffeekochen?", "quiero algo para preparar café"])
def test_making_coffee_in_chinese_spanish_and_german_asks_for_coffee_makers(catalogues: dict[str, Any], message: str) -> None:
    """"¿qué me recomiendas para hacer café en casa?" read the brand "Cafe" ("café" is also a colour); "在家煮咖啡用什么好?"
    read a French press, and once "煮咖啡" read "making coffee", the learned reader turned it off topic."""
    request = _read(catalogues, "electronics", message)
    assert request.intent == "recommend" and "coffee" in request.query and not request.include.get("brand"), request


@pytest.mark.parametrize(("message", "field", "value"), [
    ("i need something comfy for lounging at home", "subCategory", "Loungewear and Nightwear"),
    ("something to lounge in", "subCategory", "Loungewear and Nightwear"),
    ("a shirt i can wear at home", "category", "Shirts"),
])
def test_at_home_is_where_the_shopper_is_no_home_product(catalogues: dict[str, Any], message: str, field: str,
                                                          value: str) -> None:
    """"i need something comfy for lounging at home" showed the fashion demo's one Home item, a cushion cover."""
    request = _read(catalogues, "fashion", message)
    assert request.include.get(field) == [value] and "masterCategory" not in request.include, request


def test_home_said_as_a_product_still_names_home_products(catalogues: dict[str, Any]) -> None:
    assert _read(catalogues, "fashion", "home decor").include.get("masterCategory") == ["Home"]


def test_loungewear_is_english() -> None:
    """"loungewear" was read as German (the German label table named the type "Loungewear")."""
    from chatrec.language import detect_language

    assert detect_language("loungewear") == "en"
    assert detect_language("loungewear for women") == "en"


def test_a_type_asked_for_is_no_feature_its_items_must_state() -> None:
    """"keyboard cover" read the types "...Covers" and still wanted titles to state "cover" (singular and plural
    were not matched), so keyboard protector skins were pushed down the list behind webcam covers."""
    from chatrec.request import ShopperRequest
    from chatrec.wanted_words import asked

    heard = ShopperRequest(intent="recommend", query="keyboard cover",
                           include={"category": ["CameraPrivacyCovers", "DustCovers"]})
    assert "cover" not in asked("keyboard cover", heard, frozenset())
    assert asked("a wireless keyboard cover", heard, frozenset()) == ["wireless"]


def test_lightweight_is_a_feature_a_heavy_weight_title_contradicts() -> None:
    """"lightweight please" of irons listed "Usha EI 3710 Heavy Weight 1000-Watt Dry Iron" among the light ones."""
    from chatrec.catalog import Item
    from chatrec.specs import features
    from chatrec.wanted_words import states

    assert "lightweight" in features("a lightweight iron please")
    heavy = Item(id="1", title="Usha EI 3710 Heavy Weight 1000-Watt Dry Iron", description="lightweight handle")
    light = Item(id="2", title="USHA EI 1602 1000 W Lightweight Dry Iron")
    assert not states(heavy, ["lightweight"]) and states(light, ["lightweight"])


@pytest.mark.parametrize("message", ["something more premium", "none of these, something more premium"])
def test_more_premium_where_nothing_costs_more_says_so_and_keeps_the_budget(electronics_chatrec: Any,
                                                                             message: str) -> None:
    """Bluetooth speakers under 2000, then "something more premium" where no speaker costs more: the reply left
    out ">= 2,001" ("Nothing matched every wish") and showed a cheaper speaker as the premium one."""
    first = electronics_chatrec.respond("standard televisions under 9000, just show me", session_id="premium")
    assert len(first.recommendations) == 3, first.text  # every standard TV of the fixture (6,999 to 7,999 INR)
    reply = electronics_chatrec.respond(message, session_id="premium")
    assert "nothing pricier" in reply.text and ">=" not in reply.text, reply.text


@pytest.mark.parametrize("message", ["shoes that aren't sneakers, for women", "shoes, not sneakers", "shoes but no trainers"])
def test_shoes_that_are_not_sneakers_keep_the_shoes(fashion_chatrec: Any, message: str) -> None:
    """"shoes that aren't sneakers, for women" asked "Which category? Shoes, Topwear, Bags": "sneakers" reads
    as the Shoes said before it, and the refusal took the shoes away."""
    reply = fashion_chatrec.respond(message, session_id="not-sneakers")
    constraints = reply.metadata["constraints"]
    assert "Shoes" in constraints["include"].get("subCategory", []), constraints
    assert {"Sports Shoes", "Casual Shoes"} <= set(constraints["exclude"].get("articleType", constraints["exclude"].get(
        "category", []))), constraints


def test_a_refused_product_is_nothing_asked_for() -> None:
    """"no sneakers" as a first message answered "I found nothing called “no sneakers” in this catalogue"."""
    assert bare_thing("no sneakers") is None and bare_thing("not jeans") is None
    assert bare_thing("actually, a backpack") == "backpack"


@pytest.mark.parametrize(("first", "message"), [
    ("a red handbag for women", "in another colour"),
    ("女士红色手提包", "换个颜色"),
    ("un bolso rojo para mujer", "otro color"),
    ("eine rote Handtasche für Damen", "eine andere Farbe"),
])
def test_another_colour_leaves_the_colour_in_force_out(fashion_chatrec: Any, first: str, message: str) -> None:
    """"换个颜色" ("change the colour") was read as "none of these" and showed five more red handbags; "otro color"
    and "eine andere Farbe" (read as "one more") did the same: only the plural ("otros colores") was known."""
    fashion_chatrec.respond(first, session_id="colour")
    reply = fashion_chatrec.respond(message, session_id="colour")
    constraints = reply.metadata["constraints"]
    assert "baseColour" not in constraints["include"] and constraints["exclude"].get("baseColour") == ["Red"], constraints


def test_what_goes_with_a_mans_piece_names_only_what_the_shop_has_for_men(fashion_chatrec: Any) -> None:
    """"what would go with it?" of a men's kurta named "Dupatta, Earrings, Flats, Leggings, Sandals" (the women's
    kinds that go with a kurta) and then showed men's sandals; here men's sandals named handbags and tops."""
    first = fashion_chatrec.respond("sandals for men, just show me", session_id="goes")
    assert first.recommendations and "Men" in first.recommendations[0].title, first.text
    reply = fashion_chatrec.respond("the first one, what would go with it?", session_id="goes")
    assert "To go with it" in reply.text and "Handbags" not in reply.text and "Tops" not in reply.text, reply.text


def test_a_generic_verb_the_shopper_said_is_no_feature_of_the_item() -> None:
    """"what's good for making coffee at home?": reasons said "with coffee and making, as its description says"."""
    from chatrec.catalog import Item
    from chatrec.grounding import FactWriter, Request, facts_for

    frother = Item(id="1", title="Oratech Coffee Frother electric", category="HandBlenders",
                   description="Froth maker for making coffee, cappuccino and lattes at home")
    reason = FactWriter().write(facts_for(frother, Request(text="what's good for making coffee at home?")))
    assert "coffee" in reason and "making" not in reason and "home" not in reason, reason


@pytest.mark.parametrize(("message", "product"), [
    ("i want to start a podcast", "microphone"),
    ("something to record my voice for youtube videos", "microphone"),
    ("the kids need something for online classes", "webcam or headset"),
    ("my laptop camera is useless for zoom meetings", "webcam or headset"),
    ("need something to watch netflix on the big screen", "smart tv or streaming client"),
    ("i want to make my old tv smart", "smart tv or streaming client"),
])
def test_more_needs_said_in_words_give_their_product(message: str, product: str) -> None:
    """Each asked "Which subcategory would you like? Accessories & peripherals, Home theater, ..."."""
    from chatrec.problem_words import product_for

    found = product_for(message)
    assert found is not None and found[0] == product, found


@pytest.mark.parametrize("message", ["earphones for listening to podcasts", "a bigger tv to watch cricket",
                                     "headphones with a mic for zoom calls"])
def test_a_product_named_with_the_need_is_kept(catalogues: dict[str, Any], message: str) -> None:
    request = _read(catalogues, "electronics", message)
    assert not set(request.include.get("category", [])) & {"Webcams", "StreamingClients", "Condenser"}, request


def test_one_kind_asked_in_an_off_topic_message_gets_a_reply(electronics_chatrec: Any) -> None:
    """"show me earbuds'; DROP TABLE sessions;--" got an empty reply (one kind of earbuds: no question to ask)."""
    reply = electronics_chatrec.respond("show me usb cables'; DROP TABLE sessions;--", session_id="sql")
    assert reply.text.strip(), reply


@pytest.mark.parametrize("message", ["start over", "forget everything i said", "let's start again", "重新开始",
                                     "empecemos de nuevo"])
def test_a_bare_fresh_start_opens_as_a_new_conversation(electronics_chatrec: Any, message: str) -> None:
    """"start over" searched the words "start over" and asked "Which subcategory? Kitchen & home appliances, ..."."""
    electronics_chatrec.respond("usb cables, just show me", session_id="again")
    reply = electronics_chatrec.respond(message, session_id="again")
    assert reply.metadata["policy"]["decision"] == "started_over", reply.metadata["policy"]
    assert reply.question is not None and reply.question.attribute == "category" and not reply.recommendations
    assert reply.metadata["constraints"]["include"] == {}, reply.metadata["constraints"]


def test_a_fresh_start_with_a_wish_searches_the_wish_only(catalogues: dict[str, Any]) -> None:
    request = _read(catalogues, "electronics", "let's start again, I need a kettle")
    assert request.intent == "start_over" and request.query == "kettle", request


@pytest.mark.parametrize(("first", "message", "said"), [
    ("usb cables under 500, just show me", "what did I ask for so far?", "<= 500"),
    ("usb cables under 500, just show me", "remind me what i wanted", "<= 500"),
    ("500以内的数据线", "我刚才要的是什么", "500"),
    ("cables usb de menos de 500", "¿qué te pedí?", "500"),
])
def test_what_was_asked_so_far_is_said_back(electronics_chatrec: Any, first: str, message: str, said: str) -> None:
    """"what did I ask for so far?" answered "The catalogue data for these 5 items does not say anything about
    “ask so far”"."""
    electronics_chatrec.respond(first, session_id="recap")
    reply = electronics_chatrec.respond(message, session_id="recap")
    assert reply.metadata["policy"]["decision"] == "recap" and said in reply.text and not reply.recommendations, reply.text


def test_a_recap_with_no_wishes_says_so(electronics_chatrec: Any) -> None:
    reply = electronics_chatrec.respond("what are my filters?", session_id="recap-none")
    assert reply.metadata["policy"]["decision"] == "recap" and "not told me any wishes" in reply.text, reply.text


def test_a_scarf_is_named_in_the_shoppers_language() -> None:
    """"想给我妈买条围巾" gave reasons "女士款粉色scarf": "scarves" was not known as the plural of "scarf"."""
    from chatrec.language import Lexicon

    assert Lexicon.default().native("scarf", "zh") == "围巾"
    assert Lexicon.default().native("scarf", "es") == Lexicon.default().native("Scarves", "es") is not None


@pytest.mark.parametrize(("message", "field", "value"), [("blue shos for men", "subCategory", "Shoes")])
def test_a_four_letter_typo_of_a_product_word_is_read(catalogues: dict[str, Any], message: str, field: str,
                                                      value: str) -> None:
    """"blue shos for men" read no shoes: words under five letters were never corrected."""
    assert value in _read(catalogues, "fashion", message).include.get(field, []), _read(catalogues, "fashion", message)


def test_no_english_word_is_corrected_to_a_product_word() -> None:
    """"gets" is no typo of "gents", "pure" none of "purse", "cars" none of "cards"; "shes" (she's) none of "shoes"
    (a blind conversation's "shes 30, likes watches" showed flats and heels)."""
    from chatrec.language import Lexicon
    from chatrec.understanding import _fix_lexicon_typos

    for text in ("it gets hot", "pure cotton", "toy cars", "sand colour", "vivo phone", "shes 30, likes watches"):
        assert _fix_lexicon_typos(text, Lexicon.default(), "en", {"vivo"}) == text
