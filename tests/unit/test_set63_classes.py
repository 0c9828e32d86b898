"""The failure classes of blind set 63 (issue 12, brief i12da), each on wording that is none of the set's
sentences, on the real demo catalogues' vocabularies (chatrec.set63_classes, chatrec/data/set63_classes.json)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

CNY, EUR = 11.53, 90.22


# --- refusals after a value, in dialect or colloquial wording -----------------------------------------------

@pytest.mark.parametrize(
    ("text", "colour"),
    [
        ("红的甭拿了", "Red"),  # Beijing 甭
        ("schwarz nich, bitte", "Black"),  # Northern German nich
        ("nu, die grünen will'ch ni", "Green"),  # Saxon will'ch ni
        ("camisetas negras no, gracias", "Black"),  # Spanish trailing no
    ],
)
def test_a_value_refused_after_it_is_excluded(catalogues, text, colour) -> None:
    heard = _read(catalogues, "fashion", text, current={"category": ["Tshirts"]})
    assert colour in (heard.exclude.get("baseColour") or []), heard
    assert colour not in (heard.include.get("baseColour") or []), heard


# --- slang money ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("耳机 三张毛爷爷以内", 300 * CNY),
        ("充电宝 预算50欧", 50 * EUR),
        ("unos auriculares por menos de 40 pelas", 40 * EUR),
        ("Kopfhörer für höchstens 30 Mäuse", 30 * EUR),
    ],
)
def test_slang_money_is_read_as_its_currency(catalogues, text, amount) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.price is not None and heard.price.max == pytest.approx(amount, rel=0.01), heard.price


def test_german_dialect_amounts_are_german(catalogues) -> None:
    heard = _read(catalogues, "electronics", "so um de fuffzig Euro rum", current={"category": ["PowerBanks"]})
    assert heard.language == "de", heard
    heard = _read(catalogues, "electronics", "n Wasserkocher, Kohle is alle, so 20 bis 30 euro")
    assert heard.language == "de", heard
    assert heard.price is not None and heard.price.min == pytest.approx(20 * EUR, rel=0.01), heard.price


# --- family words to gender -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("给乖孙女买件T恤", "Girls"),
        ("外孙要条牛仔裤", "Boys"),
        ("给俺家老爷们买件衬衫", "Men"),
        ("una camiseta para mi nieta", "Girls"),
        ("ne Jacke für mein Jung", "Boys"),
        ("Schuhe für meine Gleene", "Girls"),
    ],
)
def test_family_words_give_the_gender(catalogues, text, gender) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("gender") == [gender], heard


# --- garments and occasions -------------------------------------------------------------------------------

def test_garment_synonyms(catalogues) -> None:
    heard = _read(catalogues, "fashion", "买两件白汗衫")
    assert heard.include.get("category") == ["Tshirts"], heard
    heard = _read(catalogues, "fashion", "camiseta gris de manga larga")
    assert heard.include.get("category") == ["Tshirts"], heard
    assert "Innerwear" not in str(heard.include), heard
    heard = _read(catalogues, "fashion", "en blauen Pulli")
    assert heard.include.get("category") == ["Sweaters"], heard


@pytest.mark.parametrize(
    ("text",),
    [("ein weißes Hemd für die Taufe",), ("camisa blanca para la comunión de mi hijo",), ("参加喜宴穿的西裤",)],
)
def test_a_ceremony_is_formal(catalogues, text) -> None:
    heard = _read(catalogues, "fashion", text)
    assert heard.include.get("usage") == ["Formal"], heard


# --- off topic, chit-chat, language -----------------------------------------------------------------------

def test_delivery_questions_and_talk(catalogues) -> None:
    assert _read(catalogues, "fashion", "亲 昨天下的单什么时候能到").intent == "off_topic"
    assert _read(catalogues, "fashion", "你们客服真给力").intent == "chitchat"
    assert _read(catalogues, "fashion", "Moin, schönen Feierabend noch!").intent == "chitchat"
    heard = _read(catalogues, "electronics", "me puedes trackear mi package? todavia no llega")
    assert heard.language == "es", heard


PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF")  # Redmi, OnePlus


@pytest.mark.parametrize("text", ["俩都能快充吗", "¿las dos tienen NFC?"])
def test_both_of_two_shown_items(catalogues, text) -> None:
    heard = _read(catalogues, "electronics", text, PHONES)
    assert heard.intent == "ask_about_item", heard
    assert sorted(r.position for r in heard.references) == [1, 2], heard
