"""The shopper's language end to end: a turn in Chinese, Spanish or German is understood and
answered in that language (the opening, the question and its quick replies, the wishes, the
answers about shown items), on the fashion test fixture with the real ChatRec."""

from __future__ import annotations

import re

import pytest

from chatrec import ChatRec
from chatrec.answers import answer_question, find_reference, is_question_about_shown
from chatrec.catalog import Item
from chatrec.language import Lexicon

HAN = re.compile(r"[\u4e00-\u9fff]")


def _chinese(text: str) -> bool:
    """Chinese prose: Han characters and no English sentence words (catalogue values aside)."""
    return bool(HAN.search(text)) and not re.search(r"\b(?:I|you|the|here|would|which|found)\b", text)


def _until_items(rec: ChatRec, session: str, first: str, answers: list[str]):
    reply = rec.respond(first, session_id=session)
    for said in answers:
        if reply.recommendations:
            break
        reply = rec.respond(said, session_id=session)
    return reply


def test_a_turn_in_chinese_is_answered_in_chinese(fashion_chatrec: ChatRec) -> None:
    rec = fashion_chatrec
    reply = rec.respond("男士黑色鞋子", session_id="zh")
    assert _chinese(reply.text), reply.text
    understood = reply.metadata["understood"]
    assert understood["language"] == "zh"
    assert understood["include"]["gender"] == ["Men"] and understood["include"]["baseColour"] == ["Black"]
    if reply.question is not None:  # the quick replies are in Chinese where the lexicon has the words
        assert any(HAN.search(option) for option in reply.question.options), reply.question.options
        reply = rec.respond("随便，直接推荐", session_id="zh")
    reply = _until_items(rec, "zh", "推荐", ["推荐"])
    assert reply.recommendations and _chinese(reply.text), reply.text
    assert "男士" in reply.text and "黑色" in reply.text  # the wishes, in the shopper's words

    colour = rec.respond("第二个是什么颜色？", session_id="zh")
    assert colour.metadata["understood"]["intent"] == "ask_about_item" and not colour.recommendations
    assert _chinese(colour.text) and "颜色" in colour.text, colour.text

    compared = rec.respond("比较第一个和第二个", session_id="zh")
    assert compared.text.startswith("对比如下"), compared.text

    off = rec.respond("今天天气怎么样？", session_id="zh")
    assert off.metadata["understood"]["intent"] == "off_topic" and _chinese(off.text)


def test_a_clicked_chinese_quick_reply_reads_back_as_the_value(fashion_chatrec: ChatRec) -> None:
    rec = fashion_chatrec
    reply = rec.respond("男士鞋子", session_id="zh-click")
    assert reply.question is not None
    clicked = next(option for option in reply.question.options if HAN.search(option))
    after = rec.respond(clicked, session_id="zh-click")
    wanted = after.metadata["constraints"]["include"][reply.question.attribute]
    assert Lexicon.default().translate(clicked, "zh").strip().lower().rstrip("s") in " ".join(wanted).lower()


@pytest.mark.parametrize(
    ("first", "language", "words"),
    [("zapatos negros para hombre", "es", ("prefieres", "sugerencias", "Aquí")),
     ("schwarze Schuhe für Herren", "de", ("Wunsch", "Vorschläge", "Hier"))],
)
def test_spanish_and_german_turns_are_answered_in_their_language(
    fashion_chatrec: ChatRec, first: str, language: str, words: tuple[str, ...]
) -> None:
    reply = fashion_chatrec.respond(first, session_id=language)
    assert reply.metadata["understood"]["language"] == language
    assert any(word in reply.text for word in words), reply.text


ITEMS = [
    Item(id="a", title="Puma Men Black Shoe", category="Sports Shoes", attributes={"baseColour": "Black"}, price=40.0,
         currency="USD"),
    Item(id="b", title="Nike Men White Shoe", category="Casual Shoes", attributes={"baseColour": "White"}, price=30.0,
         currency="USD"),
]


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("哪个更便宜？", "zh", "最便宜的是 Nike"),
        ("¿cuál es más barato?", "es", "El más barato es Nike"),
        ("welcher ist billiger?", "de", "Am günstigsten ist Nike"),
        ("第一个是什么颜色？", "zh", "颜色是 黑色"),
    ],
)
def test_answers_about_shown_items_in_the_shoppers_language(question: str, language: str, expected: str) -> None:
    positions = find_reference(question, len(ITEMS), language)
    items = [ITEMS[p - 1] for p in positions] if positions else ITEMS
    assert expected in answer_question(question, items, language, positions=positions).text


@pytest.mark.parametrize(
    ("message", "language"), [("第二个怎么样？", "zh"), ("¿y el segundo?", "es"), ("was ist mit dem zweiten?", "de")]
)
def test_questions_about_shown_items_are_found_in_every_language(message: str, language: str) -> None:
    assert is_question_about_shown(message, 3, language) and find_reference(message, 3, language) == [2]


def test_native_words_read_back_to_the_value() -> None:
    lexicon = Lexicon.default()
    assert lexicon.native("Black", "zh") == "黑色" and lexicon.native("Formal Shoes", "zh") == "皮鞋"
    assert lexicon.native("Men", "es") == "hombre"
    assert lexicon.native("Lime Green", "zh") is None and lexicon.native("Black", "en") is None


def test_the_relaxed_note_is_in_the_shoppers_language(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("黑色的牛仔裤，直接推荐", session_id="zh-relaxed")  # no black jeans
    assert reply.metadata["relaxed"] == ["Black"]
    assert "暂时去掉了：黑色" in reply.text and _chinese(reply.text), reply.text
