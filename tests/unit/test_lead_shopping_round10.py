"""Classes the lead found shopping the demos (issue 12, stop 32): a colour asked for after a list on a
catalogue whose colours live in titles, colours that replace each other, seen items that fit a narrower
search again, words of degree and pointing words that are no words of a name or a feature."""

from __future__ import annotations

from typing import Any

import pytest


def _read(catalogues: Any, catalogue: str, message: str, current: dict[str, list[str]] | None = None,
          shown: int = 0) -> Any:
    from chatrec.understanding import TurnContext, understand

    vocabulary, items = catalogues[catalogue]
    wanted = set((current or {}).get("category", ()))
    listed = [i for i in items.values() if not wanted or i.category in wanted][:shown]
    context = TurnContext(shown=listed, searching=bool(current or listed), current=current or {},
                          catalog_currency="INR" if catalogue == "electronics" else None)
    return understand(message, vocabulary, context)


# --- "and in white?" after a list is a colour wish, shown now ------------------------------------------------


@pytest.mark.parametrize("said", [
    "and in white?", "do you have it in white", "something in pink?", "y en blanco?", "有白色的吗",
    "any of them in red or blue?", "got these in black?", "und in Schwarz?",
])
def test_a_colour_asked_after_a_list_is_a_wish(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "electronics", said, {"category": ["BluetoothSpeakers"]}, shown=5)
    assert request.intent in ("refine", "more_like") and request.query, request
    assert request.intent == "more_like" or request.show_now, request


@pytest.mark.parametrize("said", ["is it white?", "is the first one white?", "¿es blanco?", "是白色的吗",
                                  "is it waterproof?", "are these black ones"])
def test_whether_the_items_are_a_colour_stays_a_question(catalogues: Any, said: str) -> None:
    request = _read(catalogues, "electronics", said, {"category": ["BluetoothSpeakers"]}, shown=5)
    assert request.intent == "ask_about_item", request


def test_a_colour_with_nothing_shown_is_left_to_the_rules(catalogues: Any) -> None:
    from chatrec.colour_variant import adjust
    from chatrec.request import ShopperRequest

    asked = ShopperRequest(intent="ask_about_item", query="white")
    assert adjust(asked, "and in white?", None, None) is asked


# --- colours are alternatives, and a new one replaces the one in force ---------------------------------------


def _titled(title: str) -> Any:
    from chatrec.catalog import Item

    return Item(id=title, title=title, category="SmartWatches")


def test_any_wanted_colour_will_do_but_every_feature_must_be_stated() -> None:
    from chatrec.wanted_words import states

    blue = _titled("Noise ColorFit Smart Watch, Bluetooth Calling (Deep Blue)")
    assert states(blue, ["red", "blue"]) and states(blue, ["bluetooth", "blue"])
    assert not states(blue, ["braided", "blue"]) and not states(blue, ["pink", "red"])


@pytest.mark.parametrize(("wanted", "now", "gone"), [
    (["pink"], ["black"], ["pink"]), (["bluetooth", "pink"], ["black"], ["pink"]),
    (["pink"], ["bluetooth"], []), (["red"], ["red", "blue"], []),
])
def test_colours_asked_now_replace_the_colours_in_force(wanted: list[str], now: list[str], gone: list[str]) -> None:
    from chatrec.wanted_words import replaced_colours

    assert replaced_colours(wanted, now) == gone


def test_black_after_pink_names_no_missing_pink(electronics: Any) -> None:
    electronics.respond("usb cable", session_id="c")
    electronics.respond("white ones please", session_id="c")
    reply = electronics.respond("any black ones?", session_id="c")
    assert reply.recommendations and "white" not in reply.text.lower(), reply.text
    assert all("black" in electronics.item(r.item_id).title.lower() or "black" in (
        electronics.item(r.item_id).description or "").lower() for r in reply.recommendations)


# --- a narrower search shows the seen items that fit after the new ones ---------------------------------------


def test_a_budget_after_a_feature_search_keeps_the_seen_items_that_fit(electronics: Any) -> None:
    first = electronics.respond("mfi lightning cable", session_id="m")
    seen = {r.item_id for r in first.recommendations}
    reply = electronics.respond("under 1000", session_id="m")
    ids = [r.item_id for r in reply.recommendations]
    assert len(ids) == 5 and seen & set(ids), (ids, seen)
    assert all(electronics.item(i).price <= 1000 for i in ids)
    new = [i for i in ids if i not in seen]
    assert new and ids[: len(new)] == new, "the new ones first"


# --- words of degree and words pointing at an item are neither words to avoid nor features ------------------


@pytest.mark.parametrize(("said", "avoided"), [
    ("que no sean muy grandes", ["grande"]), ("nothing really flashy", ["flashy"]), ("not very big", ["big"]),
    ("que no sea demasiado grande", ["grande"]),
])
def test_words_of_degree_are_no_words_to_avoid(catalogues: Any, said: str, avoided: list[str]) -> None:
    request = _read(catalogues, "fashion", said, {"articleType": ["Sunglasses"], "gender": ["Women"]})
    assert not set(request.avoid_words) & {"muy", "very", "really", "demasiado"}, request
    # i12bk (stop 33): a size word said with a degree is a size wish ("small" searched) instead of a word to avoid
    assert request.avoid_words == avoided or "small" in request.query.split(), request


def test_a_pointing_word_is_no_feature() -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    frother = Item(id="f", title="PRO365 Milk Frother", category="HandBlenders", brand="PRO365", price=249.0,
                   description="Makes foam in 15 seconds; the first choice of baristas.")
    features = [f.value for f in facts_for(frother, Request(text="something for my kitchen the second one the first",
                                                            include={"category": ["HandBlenders"]}))
                if f.kind == "feature"]
    assert not any("second" in f or "first" in f for f in features), features


# --- a product noun that says what an accessory is for is no feature of it ------------------------------------


@pytest.mark.parametrize(("said", "nouns"), [
    ("a good phone stand for my desk", {"phone", "stand"}), ("a laptop bag maybe", {"laptop", "bag"}),
    ("need a tv remote", {"tv", "remote"}), ("a wireless mouse for work", set()), ("a phone with a good camera", set()),
])
def test_a_product_noun_modifying_another_is_found(said: str, nouns: set[str]) -> None:
    from chatrec.reason_words import modifiers

    assert modifiers(said) == nouns


def test_a_phone_stand_is_credited_with_no_phone() -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    stand = Item(id="s", title="STRIFF Multi Angle Mobile Stand", category="Stands", brand="STRIFF", price=99.0,
                 description="Adjustable holder for every smartphone and phone, on a desk or a bed.")
    features = [f.value for f in facts_for(stand, Request(text="an adjustable phone stand for my desk",
                                                          include={"category": ["Stands"]})) if f.kind == "feature"]
    assert not any("phone" in f or "mobile" in f for f in features) and "adjustable" in features, features


# --- the colour of an item whose catalogue has no colour field is read from its name -------------------------


@pytest.mark.parametrize(("title", "said"), [
    ("Redmi 9 Activ (Carbon Black, 4GB RAM, 64GB Storage)", "Carbon Black"),
    ("boAt Wave Lite Smartwatch with 1.69 inch HD Display, Heart Rate Monitoring (Active Black)", "Active Black"),
    ("Samsung Galaxy M13 (Aqua Green, 6GB, 128GB Storage) | 6000mAh Battery", "Aqua Green"),
    ("JBL Go 2 Wireless Portable Bluetooth Speaker with Mic, JBL Signature Sound, Vibrant Colors, Blue", "Blue"),
    ("Logitech B100 Wired USB Mouse, 800 DPI Optical Tracking", None),
])
def test_the_colour_a_name_states(title: str, said: str | None) -> None:
    from chatrec.answers import _colour_in_name
    from chatrec.wanted_words import colour_words

    assert _colour_in_name(title, set(colour_words())) == said


@pytest.mark.parametrize(("question", "language", "expected"), [
    ("what colour is the second one?", "en", "Black"), ("第二个是什么颜色", "zh", "Black"),
    ("¿de qué color es el segundo?", "es", "Black"), ("welche Farbe hat das zweite?", "de", "Black"),
])
def test_a_colour_question_is_answered_from_the_name(electronics: Any, question: str, language: str,
                                                     expected: str) -> None:
    electronics.respond("usb cable", session_id="q")
    first = electronics.respond("show me", session_id="q")
    second = electronics.item(first.recommendations[1].item_id)
    reply = electronics.respond(question, session_id="q")
    from chatrec.answers import _colour_in_name
    from chatrec.wanted_words import colour_words

    said = _colour_in_name(second.title, set(colour_words()))
    if said is None:
        pytest.skip("the fixture's second cable names no colour")
    assert said in reply.text and not reply.recommendations, reply.text


# --- a gift is no product the shop lacks, in any language ----------------------------------------------------


@pytest.mark.parametrize(("said", "language"), [
    ("ich suche ein Geschenk für meinen Bruder", "de"), ("ich brauche ein Geschenk für meine Oma", "de"),
    ("Geschenkideen für Papa?", "de"), ("busco un regalo para mi hermano", "es"), ("quiero un regalo para mi novia", "es"),
    ("a gift for my brother, he's a gamer", "en"),
])
def test_a_gift_is_no_product_name(said: str, language: str) -> None:
    from chatrec.not_carried_wish import thing_not_carried

    assert thing_not_carried(said, language, [], {"mouse", "cable", "watch"}) is None


def test_a_product_the_shop_lacks_is_still_named() -> None:
    from chatrec.not_carried import not_carried

    assert not_carried("do you have sofas?", {"mouse", "cable", "watch"}) == "sofas"


# --- "anything to go with it?" shows other kinds that go with the item ------------------------------------


@pytest.mark.parametrize(("said", "language"), [
    ("anything to go with it?", "en"), ("what would go well with these", "en"), ("something to match it", "en"),
    ("passt da was dazu?", "de"), ("was passt zu der zweiten?", "de"), ("algo que combine con el segundo", "es"),
    ("第一个配什么鞋好看", "zh"), ("这个怎么搭", "zh"),
])
def test_what_goes_with_is_asked(said: str, language: str) -> None:
    from chatrec.goes_with import asks

    assert asks(said), language


@pytest.mark.parametrize("said", ["is it good to go?", "which goes faster", "show me more", "我要黑色的", "passt mir das?"])
def test_other_messages_ask_nothing_to_go_with(said: str) -> None:
    from chatrec.goes_with import asks

    assert not asks(said)


def _jeans(catalogues: Any) -> list[Any]:
    _, items = catalogues["fashion"]
    return [i for i in items.values() if i.category == "Jeans" and i.field_value("gender") == "Men"][:3]


@pytest.mark.parametrize(("said", "kinds"), [
    ("anything to go with them?", {"Tshirts", "Shirts", "Casual Shoes", "Belts"}),
    ("第一个配什么鞋好看", {"Casual Shoes"}),
    ("casual shoes or tshirts to go with them", {"Casual Shoes", "Tshirts"}),
    ("und was passt dazu?", {"Tshirts", "Shirts", "Casual Shoes", "Belts"}),
])
def test_what_goes_with_jeans(catalogues: Any, said: str, kinds: set[str]) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["fashion"]
    context = TurnContext(shown=_jeans(catalogues), searching=True,
                          current={"category": ["Jeans"], "baseColour": ["Black"], "gender": ["Men"]})
    request = understand(said, vocabulary, context)
    assert request.intent == "recommend" and request.show_now, request
    assert set(request.include["category"]) == kinds and request.include.get("gender", ["Men"]) == ["Men"], request
    assert "baseColour" in request.drop, "matching is not the same colour"


def test_what_goes_with_a_phone(catalogues: Any) -> None:
    from chatrec.understanding import TurnContext, understand

    vocabulary, items = catalogues["electronics"]
    phones = [i for i in items.values() if i.category == "Smartphones"][:4]
    request = understand("the second one looks good, what else do I need to go with it?", vocabulary,
                         TurnContext(shown=phones, searching=True, current={"category": ["Smartphones"]},
                                     catalog_currency="INR"))
    assert request.intent == "recommend" and {"BasicCases", "ScreenProtectors"} <= set(request.include["category"])


def test_buying_and_asking_what_goes_with_it(fashion: Any) -> None:
    first = fashion.respond("formal shirts for men", session_id="g")
    if not first.recommendations:
        first = fashion.respond("just show me", session_id="g")
    def kind(item_id: str) -> str:
        item = fashion.item(item_id)
        return str(item.category or item.field_value("articleType"))

    chosen = kind(first.recommendations[0].item_id)
    reply = fashion.respond("I'll take the first one, anything to go with it?", session_id="g")
    kinds = {kind(r.item_id) for r in reply.recommendations}
    assert reply.recommendations and chosen not in kinds and len(kinds) >= 2, (reply.text, kinds)
    assert "To go with it" in reply.text and "Good choice" in reply.text, reply.text
    assert all(fashion.item(r.item_id).field_value("gender") in ("Men", "Unisex") for r in reply.recommendations)


@pytest.mark.parametrize("said", ["alright, i'll go with that one", "I will go with the second", "let's go with the jbl"])
def test_going_with_an_item_is_a_choice_not_what_goes_with_it(said: str) -> None:
    from chatrec.goes_with import asks

    assert not asks(said)


# --- what someone likes doing says what to show ------------------------------------------------------------


@pytest.mark.parametrize(("said", "language", "kind"), [
    ("she likes listening to music, under 1000", "en", "BluetoothSpeakers"), ("他爱打游戏", "zh", "GamingMice"),
    ("她喜欢听歌", "zh", "In-Ear"), ("le encanta cocinar", "es", "HandBlenders"), ("er zockt gern", "de", "Gamepads"),
    ("my mum loves baking", "en", "HandMixers"), ("sie liest gern", "de", "Lamps"),
])
def test_a_pastime_liked_is_its_products(catalogues: Any, said: str, language: str, kind: str) -> None:
    request = _read(catalogues, "electronics", said)
    assert request.intent == "recommend" and request.show_now and kind in request.include.get("category", []), request
    assert request.language == language


@pytest.mark.parametrize(("said", "current"), [
    ("I like sports shoes", None), ("she loves music", {"category": ["SmartTelevisions"]}),
    ("something for my kitchen", None), ("迷你音箱", None),
])
def test_a_pastime_beside_a_product_is_the_story(catalogues: Any, said: str, current: dict[str, list[str]] | None) -> None:
    from chatrec.hobbies import adjust
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    context = TurnContext(current=current or {}, searching=bool(current), catalog_currency="INR")
    request = understand(said, vocabulary, context)
    assert adjust(request, said, context, vocabulary) == request
    assert not set(request.include.get("category", [])) & {"GamingMice", "Lamps", "HandBlenders"}, request


@pytest.mark.parametrize(("said", "kind"), [
    ("my phone charger died, want one with usb-c", "WallChargers"), ("the cable of my phone broke", "USBCables"),
])
def test_an_accessory_that_failed_is_wanted_again(catalogues: Any, said: str, kind: str) -> None:
    request = _read(catalogues, "electronics", said)
    assert "PowerBanks" not in request.include.get("category", []), request
