"""Stop 59: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change (the guards beside them
pass either way).
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from chatrec.request import ShopperRequest

_sessions = itertools.count()


def _talk(rec: Any, *messages: str) -> Any:
    session = f"p59-{next(_sessions)}"
    reply = None
    for message in messages:
        reply = rec.respond(message, session_id=session)
    return reply


def _years(rec: Any, reply: Any) -> list[int]:
    return [int(rec.item(r.item_id).field_value("year")) for r in reply.recommendations]


def _most_recent(rec: Any, **wishes: str) -> int:
    return max(int(i.field_value("year")) for i in rec.retriever.index.items
               if all(str(i.field_value(k)) == v for k, v in wishes.items()) and str(i.field_value("year")).isdigit())


# --- a list asked in the order of a figure: "show me the newest" ----------------------------------------------------

def test_the_newest_of_a_search_are_the_newest_of_all_that_fit(whole_fashion: Any) -> None:
    # Before: "I found nothing called “newest” in this catalogue", and the same watches again.
    reply = _talk(whole_fashion, "watches for men", "show me the newest")
    newest = _most_recent(whole_fashion, subCategory="Watches", gender="Men")
    assert "nothing called" not in reply.text and "newest" not in reply.text.lower().split("newest first")[-1]
    assert reply.text.startswith(f"Newest first, by the year the catalogue gives ({newest})")
    assert _years(whole_fashion, reply) == [newest] * len(reply.recommendations)
    assert all(whole_fashion.item(r.item_id).field_value("gender") == "Men" for r in reply.recommendations)


@pytest.mark.parametrize("message", [
    "any new arrivals in watches?",  # before: "Which colour would you like?"
    "what's new in watches",
    "the latest watches",
    "show me the newest watches first",
    "lo más nuevo en relojes",
    "die neuesten Uhren",
    "有没有新款手表",
])
def test_new_arrivals_of_a_kind_are_its_newest_items(whole_fashion: Any, message: str) -> None:
    reply = _talk(whole_fashion, message)
    newest = _most_recent(whole_fashion, subCategory="Watches")
    assert reply.recommendations and str(newest) in reply.text.split("\n")[0], reply.text
    assert _years(whole_fashion, reply)[0] == newest
    assert all(whole_fashion.item(r.item_id).field_value("subCategory") == "Watches" for r in reply.recommendations)


def test_newest_first_after_a_list_is_an_order_not_the_first_item(whole_fashion: Any) -> None:
    # Before: "The catalogue data for … does not say anything about “newest”" (read as a question on the first).
    reply = _talk(whole_fashion, "watches for men", "newest ones first please")
    assert reply.recommendations and "does not say" not in reply.text
    assert _years(whole_fashion, reply)[0] == _most_recent(whole_fashion, subCategory="Watches", gender="Men")


def test_asking_the_newest_again_shows_the_same_newest(whole_fashion: Any) -> None:
    session = f"p59-{next(_sessions)}"
    whole_fashion.respond("watches for men", session_id=session)
    first = whole_fashion.respond("show me the newest", session_id=session)
    again = whole_fashion.respond("the newest ones first", session_id=session)
    assert [r.item_id for r in again.recommendations] == [r.item_id for r in first.recommendations]


def test_whats_new_alone_shows_the_shops_newest(whole_fashion: Any) -> None:
    # Before: small talk ("what's new?" got no items).
    reply = _talk(whole_fashion, "what's new?")
    newest = _most_recent(whole_fashion)
    assert reply.recommendations and _years(whole_fashion, reply)[0] == newest


def test_a_word_beyond_the_kind_keeps_the_search_and_orders_it(whole_fashion: Any) -> None:
    reply = _talk(whole_fashion, "newest leather belts")
    assert reply.recommendations
    assert all("leather" in whole_fashion.item(r.item_id).title.lower() for r in reply.recommendations)
    years = _years(whole_fashion, reply)
    assert years == sorted(years, reverse=True)


def test_a_catalogue_without_years_says_so_and_keeps_the_kind(whole_electronics: Any) -> None:
    reply = _talk(whole_electronics, "what's new in headphones?")
    assert "lists no year" in reply.text and reply.recommendations
    assert "nothing called" not in reply.text


def test_which_is_the_newest_still_asks_about_the_items_shown(whole_fashion: Any) -> None:  # guard
    reply = _talk(whole_fashion, "watches for men", "which one is the newest?")
    assert "year" in reply.text and "Newest first" not in reply.text


def test_the_order_words_leave_the_search_text() -> None:
    from chatrec.gaps_round15 import ordered_list, words_beyond

    heard, in_order = ordered_list(ShopperRequest(intent="recommend", query="arrival watch"), "any new arrivals in watches?")
    assert in_order and heard.query == "watch" and heard.show_now
    assert not words_beyond("watch", {"subCategory": ["Watches"]})
    assert words_beyond("leather", {"subCategory": ["Belts"]})
    heard, in_order = ordered_list(ShopperRequest(intent="chitchat"), "what's new?")
    assert in_order and heard.intent == "refine"
    _, in_order = ordered_list(ShopperRequest(intent="chitchat"), "what's new with you, how are you doing?")
    assert not in_order  # small talk stays small talk
    _, in_order = ordered_list(ShopperRequest(intent="recommend", query="new shoe"), "I need new shoes")
    assert not in_order  # "new" alone is no order
