"""Found by shopping both demos as a customer (lead, stop 25): an accessory for the shopper's device in
Chinese, Spanish and German, the summary of several kinds of one thing, and type words in reasons."""

from __future__ import annotations

import pytest

from chatrec.catalog import Item
from chatrec.compatible import device_makes
from chatrec.dialogue import Wishes
from chatrec.grounding import FactWriter, Request, facts_for
from chatrec.recommender import ChatRec
from chatrec.wording import Phrases

MAKES = ["iPhone", "Samsung", "MI", "OnePlus"]


@pytest.mark.parametrize(("message", "make"), [
    ("necesito un cargador para mi iphone", "iphone"),
    ("una funda que sirva para el OnePlus Nord", "OnePlus"),
    ("ein Ladekabel für mein iPhone bitte", "iPhone"),
    ("ich hab ein Samsung, brauche ein Ladegerät", "Samsung"),
    ("想给我的iPhone配根线", "iPhone"),
    ("适用于OnePlus的充电器有吗", "OnePlus"),
])
def test_the_device_an_accessory_is_for_is_read_in_other_languages(message: str, make: str) -> None:
    assert make in device_makes(message, MAKES)


@pytest.mark.parametrize("message", ["für mein Handy", "para mi movil", "给我的手机买个壳"])
def test_a_kind_of_device_names_no_make(message: str) -> None:
    assert device_makes(message, MAKES) == []


def test_a_charger_for_a_chinese_shoppers_iphone_is_not_only_chargers_made_by_iphone(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("给我的iPhone买个充电器", session_id="zh-device")
    assert len(reply.recommendations) >= 2
    assert all("iphone" in r.title.lower() for r in reply.recommendations)
    assert any((electronics_chatrec.item(r.item_id).brand or "").lower() != "iphone" for r in reply.recommendations)


def test_a_make_named_twice_is_also_the_makers_brand(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("a Samsung charger for my Samsung phone", session_id="twice")
    assert reply.recommendations
    assert all(electronics_chatrec.item(r.item_id).brand == "Samsung" for r in reply.recommendations)


def test_several_kinds_of_one_thing_are_summed_up_by_that_thing() -> None:
    wishes = Wishes(include={"category": ["Wall chargers", "Automobile chargers", "Battery chargers"]})
    assert Phrases().summary(wishes) == "chargers"
    assert Phrases().language("zh").summary(wishes) == "充电器"
    assert Phrases().summary(Wishes(include={"category": ["Wall chargers", "Mice", "Keyboards"]})) != "chargers"
    two = Phrases().summary(Wishes(include={"category": ["Smart televisions", "Standard televisions"]}))
    assert "or" in two, "two kinds are both named"


def test_a_word_for_the_type_asked_is_no_feature_of_the_item() -> None:
    item = Item(id="e", title="Boult Audio BassBuds X1 in-Ear Wired Headphones with mic (Black)", category="In-Ear",
                brand="Boult", price=329.0, currency="INR", description="Extra bass earbuds with a headset mic")
    request = Request(text="earphones for the gym", include={"category": ["In-Ear"]})
    reason = FactWriter().write(facts_for(item, request))
    assert "headphones" not in reason.lower() and "earbud" not in reason.lower() and "headset" not in reason.lower()
    assert "feature" not in reason, reason


def test_a_narrowing_word_no_fitting_item_mentions_is_said_not_dropped(fashion: ChatRec) -> None:
    """"cotton" after men's kurtas where no kurta's name says cotton: the reply says it cannot promise it."""
    fashion.respond("blue jeans for men", session_id="pockets")
    reply = fashion.respond("with pockets", session_id="pockets")
    assert "mentions “pockets”" in reply.text and reply.recommendations


def test_a_narrowing_word_some_item_has_brings_no_such_note(fashion: ChatRec) -> None:
    first = fashion.respond("blue jeans for men", session_id="slim")
    common = {"men", "blue", "jeans", "mens"}
    word = next(w for r in first.recommendations for w in r.title.lower().split()[1:] if w.isalpha() and len(w) > 3
                and w not in common)
    reply = fashion.respond(f"{word} please", session_id="slim")
    assert "mentions" not in reply.text, word


def test_not_mentioned_reads_only_the_shoppers_own_catalogue_words() -> None:
    from chatrec.followups import not_mentioned

    texts = ["Lee Men Blue Slim Fit Jeans", "Spykar Men Blue Jeans"]
    vocabulary = {"slim", "fit", "cotton", "pocket", "jeans", "blue"}
    assert not_mentioned("cotton", "cotton", texts, vocabulary) == "cotton"
    assert not_mentioned("slim fit", "slim fit", texts, vocabulary) is None
    assert not_mentioned("stretchy", "stretchy", texts, vocabulary) is None, "a word the catalogue never uses"
    assert not_mentioned("cotton", "algodón", texts, vocabulary) is None, "a word the shopper did not write"


def test_a_localised_reason_a_name_word_spoils_is_written_again_without_it_not_in_english() -> None:
    """"de color azul" and a shirt by "United Colors of Benetton": a Spanish reason quoting «colors» repeats
    "color" and fails its check; the reply gets the Spanish reason without the quote, not the English one."""
    from chatrec.explain import Explanation
    from chatrec.grounding import Fact
    from chatrec.reasons_local import in_language, local_writer

    item = Item(id="s", title="United Colors of Benetton Men Light Winters Blue Shirts", category="Shirts", brand="",
                attributes={"baseColour": "Blue", "gender": "Men", "usage": "Formal"})
    request = Request(text="de color azul", include={"baseColour": ["Blue"], "articleType": ["Shirts"]})
    facts = [*facts_for(item, request), Fact("feature", "title", "colors", True)]
    writer = local_writer("es")
    assert writer is not None and writer.check(writer.write(facts), item, request), "the quote spoils it"
    english = Explanation(text="A blue shirt for men.", fallback=False)
    [out] = in_language(writer, [english], [facts], [item], request)
    assert not out.fallback and out.text.startswith("Camisa") and "colors" not in out.text


def test_a_plural_of_a_neutral_word_is_no_feature() -> None:
    item = Item(id="s", title="United Colors of Benetton Men Blue Shirts", category="Shirts", brand="",
                attributes={"baseColour": "Blue", "gender": "Men"})
    reason = FactWriter().write(facts_for(item, Request(text="what colors do you have in shirts", include={})))
    assert "colors" not in reason.lower()


def test_kurtis_is_one_kurti_in_a_reason() -> None:
    item = Item(id="k", title="Aurelia Women Green Kurti", category="Kurtis", brand="",
                attributes={"baseColour": "Green", "gender": "Women"})
    assert FactWriter().write(facts_for(item, Request(text="kurti"))).startswith("A green kurti for women")


@pytest.mark.parametrize(("first", "ask"), [
    ("tshirts for men", "what colours do you have?"),
    ("shirts for men", "which colors are available"),
    ("女士手表", "有哪些颜色"),
    ("camisas de hombre", "¿qué colores hay?"),
    ("Herrenuhren", "welche Farben gibt es?"),
    ("handbags", "what colours do they come in?"),
])
def test_which_values_the_shop_has_is_asked_back_with_them_as_quick_replies(fashion: ChatRec, first: str, ask: str) -> None:
    session = f"offer-{first}"
    fashion.respond(first, session_id=session)
    reply = fashion.respond(ask, session_id=session)
    assert reply.question is not None and reply.question.attribute == "baseColour"
    assert len(reply.question.options) >= 2 and not reply.recommendations
    assert "mentions" not in reply.text
    picked = fashion.respond(reply.question.options[0], session_id=session)
    assert picked.recommendations


def test_a_colour_question_about_a_shown_item_is_still_about_it(fashion: ChatRec) -> None:
    fashion.respond("black handbag for women", session_id="offer-item")
    reply = fashion.respond("what colours does the first one come in?", session_id="offer-item")
    assert reply.question is None and "Black" in reply.text


@pytest.mark.parametrize("message", ["something nicer", "got anything nicer?", "I want something nice",
                                     "show me something better", "anything prettier?", "something a bit more special"])
def test_a_wish_for_nicer_items_is_a_search_not_small_talk(catalogues: object, message: str) -> None:
    from tests.demo_reading import read

    shown = tuple(list(catalogues["fashion"][1])[:5])  # type: ignore[index]
    assert read(catalogues, "fashion", message, shown=shown).intent in ("refine", "recommend")


@pytest.mark.parametrize("message", ["nice, thanks", "nice one", "great", "ok cool"])
def test_praise_is_still_small_talk(catalogues: object, message: str) -> None:
    from tests.demo_reading import read

    shown = tuple(list(catalogues["fashion"][1])[:5])  # type: ignore[index]
    assert read(catalogues, "fashion", message, shown=shown).intent == "chitchat"


def test_something_nicer_shows_other_items_with_no_note(fashion: ChatRec) -> None:
    first = fashion.respond("casual shoes for men", session_id="nicer")
    reply = fashion.respond("something nicer", session_id="nicer")
    assert reply.recommendations and "mentions" not in reply.text
    assert not {r.item_id for r in first.recommendations} & {r.item_id for r in reply.recommendations}


@pytest.mark.parametrize("message", ["el primero sirve para iphone 13?", "does the first one fit an iPhone 13?",
                                     "passt das erste zu einem iPhone 13?", "第一个能给iPhone 13用吗"])
def test_whether_a_shown_item_fits_a_device_is_a_question_about_it(catalogues: object, message: str) -> None:
    from tests.demo_reading import read

    shown = tuple(list(catalogues["electronics"][1])[:5])  # type: ignore[index]
    request = read(catalogues, "electronics", message, shown=shown)
    assert request.intent == "ask_about_item" and [r.position for r in request.references] == [1]


def test_a_later_feature_no_item_shares_with_an_earlier_one_is_not_dropped_silently() -> None:
    """"蓝牙耳机", then "有没有白色的": no earphone says both; the white ones are kept and "bluetooth" is
    named as the wish that failed, rather than showing the bluetooth ones as if they were white."""
    from chatrec.retrieval import Candidate
    from chatrec.wanted_words import stating

    items = [Item(id="b", title="Boult Bluetooth Earbuds (Black)", category="In-Ear"),
             Item(id="w", title="Samsung Wired Earphones (White)", category="In-Ear"),
             Item(id="n", title="Noise Bluetooth Neckband", category="In-Ear")]
    kept, failed = stating([Candidate(item=i, score=1.0) for i in items], ["bluetooth", "white"])
    assert [c.item.id for c in kept] == ["w"] and failed == ["bluetooth"]
    kept, failed = stating([Candidate(item=i, score=1.0) for i in items], ["bluetooth"])
    assert {c.item.id for c in kept} == {"b", "n"} and failed == []


def test_a_title_saying_the_contrary_does_not_state_a_wanted_feature() -> None:
    from chatrec.wanted_words import states

    wired = Item(id="m", title="HP M270 Backlit USB Wired Gaming Mouse", category="GamingMice",
                 description="Works with wireless receivers of other HP devices")
    assert not states(wired, ["wireless"])
    assert states(Item(id="w", title="Logitech G304 Wireless Gaming Mouse", category="GamingMice"), ["wireless"])


def test_a_spanish_budget_brings_no_note_about_its_function_words(electronics: ChatRec) -> None:
    electronics.respond("busco una smart tv", session_id="es-budget")
    reply = electronics.respond("que no pase de 30 mil", session_id="es-budget")
    assert "«que»" not in reply.text and "menciona" not in reply.text
