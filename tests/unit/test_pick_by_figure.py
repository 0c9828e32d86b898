"""A shown item taken by a figure rather than a place (stop 43): "I'll go with the best rated", "我买评分最高的那个",
"I'll take the one with the most reviews", "I'll take the cheaper one", "我要最便宜的那个" take the one item with
the best value; where no shown item has the figure (a catalogue without prices or ratings) the reply says so
and asks which one, instead of re-listing or asking with no reason."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question, figure_pick
from chatrec.catalog import Item


def _shown(ratings: bool = True, prices: bool = True) -> list[Item]:
    figures = [(999.0, "3.5", "1,913"), (1599.0, "3.6", "2,272"), (599.0, "3.8", "60,026"), (1099.0, "4.6", "12,966"),
               (889.0, "4.2", "2,284")]
    return [Item(id=str(n), title=f"Headphone {n}", price=price if prices else None, currency="INR",
                 attributes={"rating": rating, "rating_count": count} if ratings else {})
            for n, (price, rating, count) in enumerate(figures, start=1)]


@pytest.mark.parametrize(("message", "language", "place"), [
    ("I'll go with the best rated", "en", 4),
    ("I'll take the top rated one", "en", 4),
    ("I'll take the one with the most reviews", "en", 3),
    ("我买评分最高的那个", "zh", 4),
    ("me quedo con el mejor valorado", "es", 4),
    ("ich nehme den am besten bewerteten", "de", 4),
    ("I'll take the second one", "en", None),
])
def test_a_pick_by_a_figure_is_the_item_with_the_best_value(message, language, place) -> None:
    found = figure_pick(message, _shown(), language)
    assert found == place, found


def test_a_tie_or_no_figure_is_no_pick() -> None:
    tied = _shown()
    tied[0].attributes["rating"] = "4.6"
    assert figure_pick("I'll go with the best rated", tied) is None
    assert figure_pick("I'll go with the best rated", _shown(ratings=False)) is None


@pytest.mark.parametrize(("message", "language", "start"), [
    ("I'll take the cheapest", "en", "The catalogue has no prices"),
    ("I'll take the cheaper one", "en", "The catalogue has no prices"),
    ("我要最便宜的那个", "zh", "商品目录没有这些商品的价格"),
])
def test_a_pick_by_price_of_priceless_items_says_why_it_asks_which(message, language, start) -> None:
    answer = answer_question(message, _shown(prices=False), language)
    assert answer.kind == "chosen" and answer.text.startswith(start), answer.text
    assert ("Which one would you like?" in answer.text) if language == "en" else ("您想要哪一件" in answer.text)
    assert "。 " not in answer.text


def test_a_pick_by_rating_of_unrated_items_says_why_it_asks_which() -> None:
    answer = answer_question("I'll go with the best rated", _shown(ratings=False), "en")
    assert answer.text.startswith("The catalogue lists no rating for these items"), answer.text
    assert "Which one would you like?" in answer.text


def _best(shown, key) -> str:
    return max(shown, key=key).title


@pytest.mark.parametrize(("message", "figure"), [
    ("I'll go with the best rated", "rating"),
    ("我买评分最高的那个", "rating"),
    ("I'll take the cheaper one", "price"),
    ("我要最便宜的那个", "price"),
    ("就要最便宜的吧", "price"),
])
def test_a_pick_by_a_figure_in_a_conversation_takes_that_item(electronics_chatrec, message, figure) -> None:
    session = electronics_chatrec.respond("show me usb cables")
    shown = session.recommendations
    assert len(shown) >= 2
    if figure == "price":
        values = [(float(item.price), item.title) for item in shown if item.price is not None]
        best = min(values)[1]
    else:
        values = [(float(str(item.attributes.get("rating", "0")).split()[0]), item.title) for item in shown]
        best = max(values)[1]
        if [v for v, _ in values].count(max(values)[0]) > 1:
            pytest.skip("two shown items share the best rating")
    reply = electronics_chatrec.respond(message, session_id=session.session_id)
    assert not reply.recommendations, reply.text
    assert best[:25] in reply.text, reply.text


@pytest.mark.parametrize("message", ["I'll take the cheaper one", "我要最便宜的那个"])
def test_a_pick_by_price_without_prices_neither_relists_nor_searches(fashion_chatrec, message) -> None:
    session = fashion_chatrec.respond("show me shirts for men")
    assert len(session.recommendations) >= 2
    reply = fashion_chatrec.respond(message, session_id=session.session_id)
    assert not reply.recommendations, reply.text
    assert "prices" in reply.text or "价格" in reply.text


@pytest.mark.parametrize("message", ["我要黑色的", "我要黑色的那种"])
def test_a_wish_in_chinese_is_no_pick(fashion_chatrec, message) -> None:
    session = fashion_chatrec.respond("show me shirts for men")
    reply = fashion_chatrec.respond(message, session_id=session.session_id)
    assert reply.recommendations, reply.text


@pytest.mark.parametrize("message", ["I'll take the cheaper one", "I'll go with the best rated"])
def test_a_pick_by_a_figure_no_item_has_is_not_the_item_asked_about_last(fashion_chatrec, message) -> None:
    """The UI showed "Good choice: <the item asked about last>" for "I'll take the cheaper one" of priceless dresses."""
    session = fashion_chatrec.respond("show me shirts for men")
    assert len(session.recommendations) >= 2
    fashion_chatrec.respond("is the second one cotton?", session_id=session.session_id)
    reply = fashion_chatrec.respond(message, session_id=session.session_id)
    assert not reply.text.startswith("Good choice"), reply.text
    assert "Which one would you like?" in reply.text, reply.text
