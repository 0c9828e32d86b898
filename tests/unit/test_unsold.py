"""A product the shop does not sell, asked for in a question (``chatrec/unsold.py``): said plainly in the
shopper's language with the shop's own product types to pick, on wordings other than the batches'."""

from __future__ import annotations

import pytest

from chatrec import unsold
from chatrec.recommender import ChatRec


def _asked(rec: ChatRec, message: str, language: str) -> str | None:
    from chatrec.understanding import type_fields

    vocabulary = rec.retriever.index.vocabulary
    types = ["category", *type_fields(list(vocabulary.fields))]
    return unsold.unsold_asked(message, language, rec.retriever.bm25.vocabulary, rec.retriever.bm25.documents,
                               [v for name in types for v in vocabulary.counts.get(name, {})])


@pytest.mark.parametrize(("message", "language", "said"), [
    ("have you got any microwaves?", "en", "microwaves"),
    ("do you guys carry bicycles", "en", "bicycles"),
    ("do you sell phone covers?", "en", "phone covers"),
    ("你们卖不卖空调", "zh", "空调"),
    ("有没有吸尘器？", "zh", "吸尘器"),
    ("¿venden colchones?", "es", "colchones"),
    ("¿tenéis una nevera pequeña?", "es", "nevera"),
    ("Verkauft ihr auch Fahrräder?", "de", "Fahrräder"),
    ("Gibt es bei euch Kühlschränke?", "de", "Kühlschränke"),
    ("我想买个空调", "zh", "空调"),  # lead, stop 38: a request, not a question
    ("帮我找一台吸尘器", "zh", "吸尘器"),
    ("需要个微波炉", "zh", "微波炉"),
    ("Ich will einen Kühlschrank", "de", "Kühlschrank"),  # stop 39: "will", "bräuchte", "quisiera"
    ("ich bräuchte eine Waschmaschine", "de", "Waschmaschine"),
    ("quisiera una lavadora", "es", "lavadora"),
])
def test_a_product_no_type_of_the_shop_names_is_said_in_the_shoppers_words(
        electronics: ChatRec, message: str, language: str, said: str) -> None:
    assert _asked(electronics, message, language) == said


@pytest.mark.parametrize(("message", "language"), [
    ("do you have free shipping?", "en"),  # a term of the shop, no product
    ("do you have a store in mumbai?", "en"),
    ("do you have hdmi cables?", "en"),  # sold here
    ("do you have it in blue?", "en"),
    ("你们有发票吗", "zh"),
    ("有没有便宜一点的", "zh"),
    ("你们有遥控器吗", "zh"),  # sold here
    ("¿tienen envío gratis?", "es"),
    ("habt ihr am Sonntag offen?", "de"),
    ("Habt ihr Fernbedienungen?", "de"),  # sold here
    ("我想买个遥控器", "zh"),  # sold here, asked as a request
    ("我需要便宜一点的", "zh"),
])
def test_no_product_or_one_the_shop_sells_is_not_said(electronics: ChatRec, message: str, language: str) -> None:
    assert _asked(electronics, message, language) is None


def test_the_fashion_shop_says_it_has_no_headphones_but_has_watches(fashion: ChatRec) -> None:
    assert _asked(fashion, "你们有耳机吗", "zh") == "耳机"
    assert _asked(fashion, "do you sell laptops?", "en") == "laptops"
    assert _asked(fashion, "do you sell watches?", "en") is None


@pytest.mark.parametrize(("message", "said", "words"), [
    ("do you stock air fryers?", "air fryers", ("category", "like")),
    ("有卖电饭煲的吗", "电饭煲", ("类别",)),
    ("¿tienen secadores de pelo?", "secadores", ("categoría",)),
])
def test_the_reply_says_so_and_offers_the_shops_types(electronics: ChatRec, message: str, said: str,
                                                     words: tuple[str, ...]) -> None:
    reply = electronics.respond(message, session_id="u")
    assert said in reply.text and all(w in reply.text for w in words)
    assert not reply.recommendations
    assert reply.question is not None and reply.question.attribute == "category"
    # a click on one of the shop's types is that type's search
    clicked = electronics.respond(reply.question.options[0], session_id="u")
    assert clicked.metadata["constraints"]["include"].get("category")


def test_a_word_several_types_share_asks_which_of_them(electronics: ChatRec) -> None:
    reply = electronics.respond("do you guys sell cables?", session_id="k")
    assert reply.question is not None and reply.question.attribute == "category"
    assert len(reply.question.options) >= 3 and all("cable" in o.lower() for o in reply.question.options)
    assert "nothing called" not in reply.text
    picked = electronics.respond("the hdmi ones", session_id="k")
    assert picked.recommendations and all(electronics.item(r.item_id).category == "HDMICables"
                                          for r in picked.recommendations)


def test_an_unknown_word_before_a_types_head_word_is_said(electronics: ChatRec) -> None:
    from chatrec.understanding import type_fields

    vocabulary = electronics.retriever.index.vocabulary
    types = [v for name in ["category", *type_fields(list(vocabulary.fields))] for v in vocabulary.counts.get(name, {})]
    kinds, said = unsold.kinds_asked("do you sell zigbee cables?", electronics.retriever.bm25.vocabulary, types)
    assert "HDMICables" in kinds and said == "zigbee cables"
    assert unsold.kinds_asked("do you sell good cables?", electronics.retriever.bm25.vocabulary, types)[1] is None
    assert unsold.kinds_asked("do you sell mattresses?", electronics.retriever.bm25.vocabulary, types) == ([], None)


def test_a_word_no_title_puts_before_the_head_word_is_said() -> None:
    types = ["DripCoffeeMachines", "Sewing&EmbroideryMachines", "USBCables"]
    titles = ["Prestige drip coffee machine 600W", "Usha sewing machine with 7 stitches", "boAt braided usb cable",
              "Lint remover for your washing machine"]  # made for one: no washing machine sold
    vocabulary = {"washing", "coffee", "sewing", "machine", "braided", "usb", "cable"}
    kinds, said = unsold.kinds_asked("do you have washing machines?", vocabulary, types, titles)
    assert kinds == ["DripCoffeeMachines", "Sewing&EmbroideryMachines"] and said == "washing machines"
    assert unsold.kinds_asked("do you sell braided cables?", vocabulary, types, titles) == (["USBCables"], None)
    assert unsold.kinds_asked("do you sell coffee machines?", vocabulary, types, titles)[1] is None


@pytest.mark.parametrize(("message", "thing"), [
    ("need a power bank for travel", "power bank"),  # lead, stop 38: a request with no "I"
    ("want a hair dryer", "hair dryer"),
    ("I need a power bank", "power bank"),
])
def test_a_request_without_a_subject_names_its_thing(message: str, thing: str) -> None:
    from chatrec.not_carried import asked_for

    assert asked_for(message) == thing


@pytest.mark.parametrize("message", ["need earphones with a good mic for calls", "do you have earphones?"])
def test_a_type_the_shop_lacks_asks_which_of_its_types_not_which_brand(electronics: ChatRec, message: str) -> None:
    """Stop 39: after "this shop sells no earphone" the reply asked "which brand would you like?"."""
    reply = electronics.respond(message, session_id="k")
    assert "earphone" in reply.text and not reply.recommendations
    assert reply.question is not None and reply.question.attribute == "category", reply.text


@pytest.mark.parametrize(("message", "language", "said"), [
    ("quiero auriculares por menos de 1500", "es", "auriculares"),
    ("Ich suche Kopfhörer unter 1500 Rupien", "de", "Kopfhörer"),
])
def test_a_budget_is_no_part_of_the_things_name(electronics: ChatRec, message: str, language: str, said: str) -> None:
    """Stop 39: the Spanish reply said it found nothing called «headphones por except 1500»."""
    reply = electronics.respond(message, session_id="b")
    assert said in reply.text and "1500" not in reply.text.split(".")[0].split("«")[-1], reply.text
    assert "except" not in reply.text and " por " not in reply.text.split(".")[0], reply.text
