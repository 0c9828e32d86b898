"""Reasons in the shopper's language: the template's facts, in Chinese, Spanish or German words, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chatrec import ChatRec
from chatrec.errors import PromptError
from chatrec.catalog import Item
from chatrec.grounding import Fact, Request
from chatrec.reasons_local import LocalFactWriter, _load, local_writer

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_same_facts_in_chinese_word_order() -> None:
    writer = local_writer("zh")
    assert writer is not None
    facts = [Fact("colour", "baseColour", "Black", True), Fact("type", "articleType", "casual shoe", True),
             Fact("gender", "gender", "Men", True), Fact("season", "season", "Summer", False)]
    assert writer.write(facts) == "男士款黑色休闲鞋，适合夏季——符合您要的颜色、类型和性别。"
    # A value the lexicon has no word for stays as the catalogue spells it, spaced from a Latin neighbour.
    # (i12af: "kurta" has a Chinese name since batch 11's lexicon; "dhoti" has none)
    odd = [Fact("colour", "baseColour", "Mauve", False), Fact("type", "articleType", "dhoti", False)]
    assert writer.write(odd) == "Mauve dhoti——与您的要求相近。"


def test_english_and_languages_without_a_wording_keep_the_english_template() -> None:
    assert local_writer("en") is None
    assert local_writer("fr") is None


def test_a_broken_wording_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "reasons.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PromptError, match="reasons.json"):
        _load("zh", str(tmp_path))
    with pytest.raises(PromptError, match="lacks"):
        LocalFactWriter("zh", {"kinds": {}})


def test_a_chinese_shopper_reads_chinese_reasons(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("我想买女士蓝色的鞋子", session_id="zh1")
    reply = fashion_chatrec.respond("随便，给我看看吧", session_id="zh1")  # "anything, just show me"
    assert reply.recommendations, reply.text
    # the fixture's three blue women's shoes were shown first: the colour is left out (said so), not whom they are for
    assert "蓝色" in reply.text.split("：")[1], reply.text
    for rec in reply.recommendations:
        assert HAN.search(rec.reason) and "女士" in rec.reason and "you asked for" not in rec.reason, rec.reason
    english = fashion_chatrec.respond("blue shoes for women, just show me", session_id="en1")
    assert all(not HAN.search(rec.reason) for rec in english.recommendations)


SHOE = [Fact("colour", "baseColour", "Black", True), Fact("type", "articleType", "casual shoe", True),
        Fact("gender", "gender", "Men", True), Fact("season", "season", "Summer", False),
        Fact("price", "price", "40 EUR", True)]


@pytest.mark.parametrize(("language", "sentence"), [
    ("es", "Zapatos informales de color negro para hombre, para verano, por 40 EUR (dentro de tu presupuesto)"
           " — coincide con lo que pediste: color, tipo, público y presupuesto."),
    ("de", "Freizeitschuhe in Schwarz für Herren, passend für Sommer, für 40 EUR (im Rahmen Ihres Budgets)"
           " — passt zu Ihrem Wunsch: Farbe, Art, Zielgruppe und Budget."),
])
def test_the_same_facts_in_spanish_and_german_word_order(language: str, sentence: str) -> None:
    writer = local_writer(language)
    assert writer is not None
    assert writer.write(SHOE) == sentence


def test_the_check_passes_the_writers_own_sentence_and_catches_an_added_claim() -> None:
    item = Item(id="s1", title="Fila Men Black Shoes", category="Casual Shoes", brand="Fila",
                attributes={"baseColour": "Black", "gender": "Men", "season": "Summer"}, price=40.0, currency="EUR")
    request = Request(text="zapatos negros para hombre", include={"baseColour": ("Black",), "gender": ("Men",)})
    writer = local_writer("es")
    assert writer is not None
    facts = [Fact("colour", "baseColour", "Black", True), Fact("type", "articleType", "casual shoe", True),
             Fact("gender", "gender", "Men", True), Fact("season", "season", "Summer", False)]
    good = writer.write(facts)
    assert writer.check(good, item, request) == []
    # Praise no catalogue states, a colour the item does not have, and a repeated phrase are caught.
    assert writer.check(good.replace("para verano", "exclusivos y elegantes"), item, request)[0].startswith("unsupported")
    assert "rojo" in writer.check(good.replace("negro", "rojo"), item, request)[0]
    assert any(p.startswith("repeated") for p in writer.check(good + " Zapatos informales de color negro.", item, request))
    chinese = local_writer("zh")
    assert chinese is not None
    assert chinese.check(chinese.write(facts), item, request) == []
    assert chinese.check(chinese.write(facts) + "限时特价", item, request)  # "limited-time offer"


@pytest.mark.parametrize(("language", "turns", "colour", "english_tail"), [
    ("es", ["quiero zapatos negros para hombre", "da igual, muéstrame"], "de color negro", "you asked for"),
    ("de", ["ich suche schwarze Schuhe für Herren", "egal, zeig mir"], "in Schwarz", "you asked for"),
])
def test_a_spanish_or_german_shopper_reads_grounded_reasons_in_their_language(
    fashion_chatrec: ChatRec, language: str, turns: list[str], colour: str, english_tail: str
) -> None:
    for text in turns:
        reply = fashion_chatrec.respond(text, session_id=language)
    assert len(reply.recommendations) >= 3, reply.text
    writer = local_writer(language)
    assert writer is not None
    state = fashion_chatrec.store.load_state(language) or {}
    request = Request(text=" ".join(turns), include=state.get("include", {}), exclude=state.get("exclude", {}))
    for rec in reply.recommendations:
        assert colour in rec.reason and english_tail not in rec.reason, rec.reason
        assert writer.check(rec.reason, fashion_chatrec.item(rec.item_id), request) == [], rec.reason
    assert reply.metadata["explanation_fallbacks"] == 0
    english = fashion_chatrec.respond("black shoes for men, just show me", session_id=f"en-{language}")
    assert all("you asked for" in rec.reason or "closest match" in rec.reason for rec in english.recommendations)


def test_a_localised_reason_that_fails_the_check_is_not_shown() -> None:
    from chatrec.explain import Explanation, problem_counts
    from chatrec.reasons_local import in_language

    red = Item(id="r1", title="Roadster Women Red Top", category="Tops", attributes={"baseColour": "Red", "gender": "Women"})
    writer = local_writer("es")
    assert writer is not None
    english = Explanation(text="A red top for women — the type and colour you asked for.", fallback=False)
    # Facts that are not this item's (a black shoe): the Spanish sentence would claim them.
    shown = in_language(writer, [english], [SHOE], [red], Request(text="un top rojo"))
    assert shown[0].text == english.text and shown[0].fallback
    assert problem_counts(shown)["unsupported"] == 1


def test_a_word_of_no_language_keeps_the_conversations_language(fashion_chatrec: ChatRec) -> None:
    """"da igual" ("whatever") or a clicked quick reply has no language of its own: the Spanish shopper
    still reads Spanish; an English message switches to English."""
    first = fashion_chatrec.respond("quiero zapatos negros para hombre", session_id="sticky")
    assert first.question is not None, first.text
    reply = fashion_chatrec.respond("da igual", session_id="sticky")
    assert reply.recommendations and reply.text.startswith("Aquí"), reply.text
    assert all("de color negro" in rec.reason for rec in reply.recommendations)
    english = fashion_chatrec.respond("show me something else please", session_id="sticky")
    assert all("de color" not in rec.reason for rec in english.recommendations)
    assert not english.text.startswith("Aquí"), english.text


def test_a_name_word_with_an_apostrophe_quoted_from_the_title_is_grounded() -> None:
    writer = local_writer("zh")
    assert writer is not None
    item = Item(id="m", title="Mod'acc Women Black Handbag", attributes={"articleType": "Handbags", "gender": "Women"})
    reason = "女士款黑色手提包，商品名含“Mod'acc”——符合您要的类型。"
    assert not [p for p in writer.check(reason, item, Request(text="黑色的手提包")) if "acc" in p]
    assert writer.check("女士款黑色手提包，商品名含“Gucci”。", item, Request(text="黑色的手提包"))
