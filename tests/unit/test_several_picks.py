"""A purchase of several shown items named one by one (stop 42): "I'll take the first and the third", "第一个和
第三个我都要", "the titan and the guess", "两块西铁城的我都要" with two Citizen watches shown. Each is taken, with
its price; "both" of five, or a make several shown items share in another number, asks which."""

from __future__ import annotations

import pytest

from chatrec import batch15_classes
from chatrec.answers import answer_question, asks_to_buy, several_named
from chatrec.batch13_fixes import brands_in_chinese
from chatrec.catalog import Item


def _shown() -> list[Item]:
    titles = ["Titan Men White Watch", "Citizen Men Black Watch", "Guess Men Steel Watch", "Citizen Men White Watch",
              "Fastrack Men Steel Watch"]
    return [Item(id=str(n), title=t, price=100.0 * n, currency="INR") for n, t in enumerate(titles, start=1)]


@pytest.mark.parametrize(("message", "language", "places"), [
    ("I'll take the first and the third", "en", [1, 3]),
    ("第一个和第三个我都要", "zh", [1, 3]),
    ("ich nehme den ersten und den dritten", "de", [1, 3]),
    ("me quedo con el primero y el tercero", "es", [1, 3]),
    ("I'll take the titan and the guess", "en", [1, 3]),
    ("泰坦和盖尔斯的我都要", "zh", [1, 3]),
    ("I'll take both", "en", []),  # both of five: which two is asked
    ("I'll take the citizen and the guess", "en", [3]),  # two Citizens: the make names no one item
    ("I'll take the second one", "en", []),
])
def test_several_named(message, language, places) -> None:
    found = several_named(message, _shown(), language)
    assert found == (places if len(places) >= 2 else []), found


def test_both_of_two_shown_or_of_the_two_just_asked_about() -> None:
    assert several_named("I'll take both", _shown()[:2]) == [1, 2]
    assert several_named("I'll take both", _shown(), last_references=[2, 4]) == [2, 4]
    assert several_named("两个都要", _shown()[:2], "zh") == [1, 2]
    assert several_named("me quedo con los dos", _shown()[:2], "es") == [1, 2]


def test_a_purchase_by_makes_is_a_buy_only_with_the_items_shown() -> None:
    assert asks_to_buy("I'll take the titan and the guess", 5, "en", _shown())
    assert not asks_to_buy("I'll take the titan and the guess", 5, "en")


@pytest.mark.parametrize(("language", "start", "joiner"), [("en", "Good choices:", " and "), ("zh", "好选择：", " 和 "),
                                                           ("de", "Gute Wahl:", " und "), ("es", "Buena elección:", " y ")])
def test_the_answer_takes_each_with_its_price(language, start, joiner) -> None:
    items = [_shown()[0], _shown()[2]]
    answer = answer_question({"en": "I'll take the first and the third", "zh": "第一个和第三个我都要",
                              "de": "ich nehme den ersten und den dritten",
                              "es": "me quedo con el primero y el tercero"}[language],
                             items, language, positions=[1, 3], several=True)
    assert answer.kind == "chosen" and answer.text.startswith(start), answer.text
    assert "Titan Men White Watch" in answer.text and "Guess Men Steel Watch" in answer.text and joiner in answer.text
    assert "100" in answer.text and "300" in answer.text


def test_not_several_asks_which() -> None:
    answer = answer_question("I'll take it", _shown()[:3], "en", positions=[1, 2, 3])
    assert answer.text.startswith("Which one")


def test_as_many_of_a_make_as_the_count_are_each_picked() -> None:
    english = {"西铁城": "citizen"}.get
    assert batch15_classes.picked_by_name("两块西铁城的我都要", _shown(), lambda t: english(t, t)) == "就要第二个，就要第四个"
    assert batch15_classes.picked_by_name("two of the citizen ones please", _shown()) \
        == "I'll take the second one, I'll take the fourth one"
    assert batch15_classes.picked_by_name("three of the citizen", _shown()) == "I'll take one of them"  # which: asked
    assert batch15_classes.picked_by_name("two of the titan", _shown()) == "I'll take the first one"


def test_chinese_names_of_catalogue_makes() -> None:
    assert brands_in_chinese("西铁城的") == ["Citizen"]
    assert brands_in_chinese("我想要化石的女士手表") == ["Fossil"]


@pytest.mark.parametrize(("messages", "start"), [
    (["men's watches", "I'll take the first and the third"], "Good choices:"),
    (["给我看看男士手表", "第一个和第三个我都要"], "好选择："),
    (["men's watches", "I'll take both"], "Which two"),
    (["men's watches", "I'll take both", "the first and the fourth"], "Good choices:"),
    (["给我看看男士手表", "两个都要"], "您想要哪两件"),
    (["给我看看男士手表", "两个都要", "第一个和第四个"], "好选择："),
])
def test_in_a_conversation(fashion, messages, start) -> None:
    reply = fashion.respond(messages[0])
    for message in messages[1:]:
        reply = fashion.respond(message, session_id=reply.session_id)
    assert reply.text.startswith(start), reply.text
    assert not reply.recommendations


def test_both_of_five_asks_which_two() -> None:
    answer = answer_question("I'll take both", _shown(), "en", positions=[1, 2, 3, 4, 5])
    assert answer.text.startswith("Which two"), answer.text


def test_the_summary_writes_a_title_brand_as_the_titles_do(fashion) -> None:
    reply = fashion.respond("men's watches")
    maker = next(r.title.split()[0] for r in reply.recommendations if r.title.split()[0].istitle())
    reply = fashion.respond(f"{maker.lower()} ones please", session_id=reply.session_id)
    assert maker in reply.text.split("\n")[0] and maker.lower() not in reply.text.split("\n")[0], reply.text
