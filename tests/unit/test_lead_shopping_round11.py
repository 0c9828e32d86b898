"""Classes the lead found shopping the demos (issue 12, stop 33): words that ask for more of the same or
for something else are no feature a reason credits."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("said", [
    "ok show me more like the second one", "another one like that please", "something else, other ones",
    "again but a bit less shiny", "show me more instead",
])
def test_words_asking_for_more_or_other_are_no_feature(said: str) -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    buds = Item(id="b", title="Boult Audio Omega True Wireless Earbuds", category="InEar", brand="Boult", price=1999.0,
                description="Another level of bass, more playtime, other colours again; a bit less weight instead.")
    features = [f.value for f in facts_for(buds, Request(text=said, include={"category": ["InEar"]}))
                if f.kind == "feature"]
    assert not any(w in f.split() for f in features for w in ("more", "another", "other", "else", "again",
                                                               "instead", "less", "bit")), features


# --- "can it connect to my phone?": the answer is read from the item's own words ------------------------------


@pytest.mark.parametrize(("said", "language", "device"), [
    ("can it connect to my phone?", "en", "phone"), ("does the second work with an iphone?", "en", "iphone"),
    ("can i pair it with my laptop", "en", "laptop"), ("will these hook up to my telly", "en", "tv"),
    ("is the first one compatible with my ipad", "en", "tablet"), ("第三个能连手机吗", "zh", "phone"),
    ("这个可以连接电脑吗", "zh", "computer"), ("¿el tercero funciona con iphone?", "es", "iphone"),
    ("¿se puede conectar al celular?", "es", "phone"), ("kann ich den zweiten mit meinem Handy verbinden?", "de", "phone"),
    ("funktioniert das mit meinem Fernseher?", "de", "tv"),
])
def test_a_question_whether_an_item_connects_names_the_device(said: str, language: str, device: str) -> None:
    from chatrec.connect_questions import asked_device

    assert asked_device(said, language) == device


@pytest.mark.parametrize(("said", "language"), [
    ("a phone case for my samsung", "en"), ("what goes with it?", "en"), ("第一个配什么鞋好看", "zh"),
    ("una funda para el móvil", "es"), ("eine Hülle fürs Handy", "de"), ("is it waterproof?", "en"),
])
def test_a_request_or_another_question_asks_no_connection(said: str, language: str) -> None:
    from chatrec.connect_questions import asked_device

    assert asked_device(said, language) is None


def _item(title: str, description: str = "") -> object:
    from chatrec.catalog import Item

    return Item(id=title[:8], title=title, category="Speakers", brand="X", price=999.0, description=description)


@pytest.mark.parametrize(("language", "yes"), [("en", "yes, by Bluetooth"), ("zh", "可以，用蓝牙连"),
                                                ("es", "sí, por Bluetooth"), ("de", "ja, per Bluetooth")])
def test_a_bluetooth_item_pairs_and_its_words_are_quoted(language: str, yes: str) -> None:
    from chatrec.connect_questions import answer

    question = {"en": "can it connect to my phone?", "zh": "能连手机吗", "es": "¿se conecta al móvil?",
                "de": "kann man es mit dem Handy verbinden?"}[language]
    said = answer(question, [_item("Zebronics Wireless Bluetooth 10W Speaker with AUX and USB")], [3], language)
    assert said is not None and said.supported and said.positions == [3]
    assert yes in said.text and "Wireless Bluetooth" in said.text and "AUX" in said.text
    assert "USB" not in said.text  # a speaker's USB port charges it: no way to connect a phone


def test_a_named_device_a_cable_and_nothing_said_are_told_apart() -> None:
    from chatrec.connect_questions import answer

    case = answer("is the first compatible with my iphone?", [_item("Spigen Back Cover Case Compatible with iPhone 13")], [1])
    assert case is not None and "Compatible with iPhone" in case.text and "yes" not in case.text  # which model: not said
    assert answer("does it work with my iphone 13?", [_item("Spigen Case Compatible with iPhone 12")], [1]) is None
    wired = answer("does it work with my phone", [_item("Sennheiser Wired Earphones", "3.5mm jack, tangle free")], [1])
    assert wired is not None and "by cable" in wired.text and "3.5mm" in wired.text
    unknown = answer("can i connect it to my tv", [_item("Table Mat for work at home")], [1])
    assert unknown is not None and not unknown.supported and "does not say how it connects to a TV" in unknown.text


def test_several_bluetooth_items_get_one_line() -> None:
    from chatrec.connect_questions import answer

    items = [_item(f"Speaker {n} Wireless Bluetooth") for n in range(4)]
    said = answer("can these connect to a laptop?", items, [1, 2, 3, 4])
    assert said is not None and said.text.startswith("All 4 connect by Bluetooth")


def test_asking_to_pair_a_shown_item_with_a_device_is_a_question_not_a_search() -> None:
    from chatrec.connect_questions import as_question
    from chatrec.request import ShopperRequest
    from chatrec.understanding import TurnContext

    shown = [_item("Speaker Wireless Bluetooth")]
    heard = ShopperRequest(intent="recommend", query="pair laptop", include={"subcategory": ["Laptops"]})
    asked = as_question(heard, "can i pair it with my laptop", TurnContext(shown=shown, searching=True))
    assert asked.intent == "ask_about_item" and not asked.include
    fresh = as_question(heard, "a laptop that can pair with my phone", TurnContext(shown=shown, searching=True))
    assert fresh.intent == "recommend"  # no shown item pointed at: a search
    nothing = as_question(heard, "can i pair it with my laptop", TurnContext())
    assert nothing.intent == "recommend"


# --- a pastime the search under way suits: the list again, said to suit it -----------------------------------


@pytest.mark.parametrize(("said", "language"), [
    ("他喜欢听老歌", "zh"), ("he loves old bollywood songs", "en"), ("my dad enjoys music a lot", "en"),
    ("a mi padre le encanta la música", "es"), ("er hört gern Musik, er mag alte Lieder", "de"), ("她爱听粤语歌", "zh"),
])
def test_a_pastime_that_suits_the_type_in_force_shows_the_list_again(catalogues: Any, said: str, language: str) -> None:
    from chatrec.hobbies import adjust
    from chatrec.request import ShopperRequest
    from chatrec.understanding import TurnContext

    vocabulary, items = catalogues["electronics"]
    shown = [i for i in items.values() if i.category == "BluetoothSpeakers"][:3]
    heard = ShopperRequest(intent="refine", query="love old song", language=language)
    context = TurnContext(shown=shown, searching=True, current={"category": ["BluetoothSpeakers"]})
    adjusted = adjust(heard, said, context, vocabulary)
    assert adjusted.intent == "show_again" and not adjusted.query and not adjusted.include
    watches = TurnContext(shown=shown, searching=True, current={"category": ["SmartWatches"]})
    assert adjust(heard, said, watches, vocabulary).intent == "refine"  # a pastime the type does not suit: as read


def test_the_reply_says_the_shown_kind_suits_the_pastime_in_the_shoppers_language(retrievers: Any, tmp_path: Any) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "conversations"))
    import runner

    with runner.chatrec_over(retrievers["electronics"], tmp_path) as rec:  # the fixture's first 150 rows: TVs, cables
        rec.respond("smart tv", session_id="pastime")  # the fixture asks a brand first
        first = rec.respond("just show me", session_id="pastime")
        assert first.recommendations
        again = rec.respond("他喜欢看电影，追剧", session_id="pastime")
        english = rec.respond("he loves watching films", session_id="pastime")
    assert again.text.startswith("明白了") and "没太明白" not in again.text, again.text
    assert [r.item_id for r in again.recommendations] == [r.item_id for r in first.recommendations]
    assert english.text.startswith("Good to know") and "already seen" not in english.text, english.text


# --- a wish given up names no product the shop lacks ----------------------------------------------------------


@pytest.mark.parametrize(("opening", "colour", "given_up"), [
    ("想买女士运动鞋", "要白色的", "颜色无所谓了"), ("black sneakers for men", "in white", "any colour is fine now"),
    ("zapatillas para hombre", "en blanco", "el color da igual"),
])
def test_giving_a_wish_up_adds_no_not_carried_note(fashion_chatrec: Any, opening: str, colour: str,
                                                    given_up: str) -> None:
    fashion_chatrec.respond(opening, session_id=given_up)
    fashion_chatrec.respond(colour, session_id=given_up)
    reply = fashion_chatrec.respond(given_up, session_id=given_up)
    assert "colour is fine" not in reply.text and "没有“" not in reply.text and "no tengo" not in reply.text.lower(), \
        reply.text


@pytest.mark.parametrize(("said", "language"), [
    ("ich suche eine Laptoptasche", "de"), ("eine Notebooktasche bitte", "de"), ("una funda para portátil", "es"),
    ("busco una funda para laptop", "es"), ("想买个电脑包", "zh"),
])
def test_a_laptop_bag_in_another_language_is_a_laptop_sleeve(catalogues: Any, said: str, language: str) -> None:
    request = _read_electronics(catalogues, said)
    assert request.include.get("category") == ["LaptopSleeves&Slipcases"], request
    assert request.language == language


def _read_electronics(catalogues: Any, message: str) -> Any:
    from chatrec.understanding import TurnContext, understand

    vocabulary, _ = catalogues["electronics"]
    return understand(message, vocabulary, TurnContext(catalog_currency="INR"))
