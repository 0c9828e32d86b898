"""Conversation-level classes fixed from the blind conversations (issue 12, branch i12h), each checked
end to end through ``ChatRec.respond`` with wording of its own (not the conversations' sentences):
"show me X" shows X; "which of these is cheapest?" names the item instead of searching again; a
wish left out is named with an offer to put it back, and "put it back" keeps every wish."""

from __future__ import annotations


import pytest

from chatrec import ChatRec
from chatrec.conversation import asks_to_restore, asks_to_see, asks_which_by_price


def _values(rec: ChatRec, reply, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [rec.item(r.item_id).attributes.get(name, "") for r in reply.recommendations]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [("could you show me some sunglasses for women", "articleType", "Sunglasses"),
     ("muéstrame bolsos de mujer", "articleType", "Handbags"),
     ("zeig mir bitte Herrenhemden", "articleType", "Shirts")],
)
def test_asking_to_see_things_shows_them_without_a_question_first(
    fashion_chatrec: ChatRec, text: str, field: str, value: str
) -> None:
    reply = fashion_chatrec.respond(text, session_id="see")
    assert reply.question is None and reply.recommendations
    assert set(_values(fashion_chatrec, reply, field)) == {value}


def test_a_vague_wish_without_show_me_may_still_get_a_question(fashion_chatrec: ChatRec) -> None:
    assert not asks_to_see("I need a watch") and asks_to_see("can you show watches?")
    assert asks_to_see("给我看看手表") and not asks_to_see("I showed my friend")


@pytest.mark.parametrize(
    "question", ["so which one costs the least?", "and what is the most expensive here?", "¿cuál es el más barato?"]
)
def test_which_of_the_shown_items_is_cheapest_or_dearest_is_answered_by_naming_it(
    electronics_chatrec: ChatRec, question: str
) -> None:
    shown = electronics_chatrec.respond("show me wifi adapters", session_id=question)
    assert len(shown.recommendations) >= 2
    items = [electronics_chatrec.item(r.item_id) for r in shown.recommendations]
    reply = electronics_chatrec.respond(question, session_id=question)
    assert not reply.recommendations  # an answer, not a new search
    pick = max if ("expensive" in question) else min
    meant = pick(items, key=lambda i: i.price or 0.0)
    assert reply.text.find(meant.title.split()[0]) != -1 and reply.text.index(meant.title.split()[0]) < 40, reply.text


def test_asking_for_cheaper_items_still_searches(electronics_chatrec: ChatRec) -> None:
    assert asks_which_by_price("which is the priciest?") and not asks_which_by_price("anything cheaper?")
    electronics_chatrec.respond("show me hdmi cables", session_id="cheaper")
    reply = electronics_chatrec.respond("got anything cheaper?", session_id="cheaper")
    assert reply.recommendations


def test_one_item_shown_and_asked_which_is_cheapest_gives_its_price(electronics_chatrec: ChatRec) -> None:
    electronics_chatrec.respond("show me a Hisense tv", session_id="one")
    reply = electronics_chatrec.respond("which is the cheapest one?", session_id="one")
    assert not reply.recommendations and "Hisense" in reply.text and "20,990" in reply.text


def test_a_wish_left_out_is_named_and_offered_back_and_put_back_on_request(fashion_chatrec: ChatRec) -> None:
    # No yellow backpacks in the fixture: the colour is left out, named, and offered back.
    reply = fashion_chatrec.respond("show me yellow backpacks", session_id="back")
    assert reply.recommendations and set(_values(fashion_chatrec, reply, "articleType")) == {"Backpacks"}
    assert "Yellow" in reply.text and "put it back" in reply.text and "?" in reply.text
    assert asks_to_restore("ok bring the colour back") and asks_to_restore("加回")
    again = fashion_chatrec.respond("no, I really want yellow, put it back", session_id="back")
    colours = _values(fashion_chatrec, again, "baseColour")
    assert all(c == "Yellow" for c in colours)
    assert colours or "Yellow" in again.text


def test_putting_back_a_wish_whose_items_were_all_seen_shows_them_again(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("show me black casual shoes for men", session_id="seen")  # 3 in the fixture
    for _ in range(3):
        more = fashion_chatrec.respond("show more", session_id="seen")
        if "put it back" in more.text:
            break
    assert "put it back" in more.text and "Black" in more.text.split("leave out:")[1]
    assert set(_values(fashion_chatrec, more, "articleType")) == {"Casual Shoes"}
    again = fashion_chatrec.respond("ok bring black back", session_id="seen")
    assert again.recommendations
    assert set(_values(fashion_chatrec, again, "baseColour")) == {"Black"}
    assert set(_values(fashion_chatrec, again, "gender")) == {"Men"}


def test_a_wish_named_now_whose_items_were_all_seen_shows_them_again_not_other_values(fashion_chatrec: ChatRec) -> None:
    first = fashion_chatrec.respond("show me backpacks", session_id="named-now")  # 5: 2 black
    assert "Black" in _values(fashion_chatrec, first, "baseColour")
    reply = fashion_chatrec.respond("any black ones?", session_id="named-now")
    assert reply.recommendations and set(_values(fashion_chatrec, reply, "baseColour")) == {"Black"}
    assert "already seen" in reply.text and "leave out" not in reply.text


def test_whom_the_items_are_for_is_not_given_up_when_all_were_seen(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("show me belts for women", session_id="audience")  # 4 in the fixture
    for _ in range(2):
        reply = fashion_chatrec.respond("more please", session_id="audience")
        assert set(_values(fashion_chatrec, reply, "gender")) <= {"Women"}, reply.text
    assert "already seen" in reply.text


@pytest.mark.parametrize(("question", "position"), [("what colour is the fourth one?", 4), ("第五个是什么颜色？", 5)])
def test_a_question_about_a_place_past_the_list_says_how_many_were_shown(
    fashion_chatrec: ChatRec, question: str, position: int
) -> None:
    fashion_chatrec.respond("show me black casual shoes for men", session_id=question)  # 3 in the fixture
    reply = fashion_chatrec.respond(question, session_id=question)
    assert not reply.recommendations and reply.question is None
    assert str(position) in reply.text and "3" in reply.text


def test_the_priciest_of_these_is_named_not_taken_as_a_place(electronics_chatrec: ChatRec) -> None:
    electronics_chatrec.respond("show me remote controls", session_id="priciest")
    reply = electronics_chatrec.respond("the most expensive one among these, who makes it?", session_id="priciest")
    assert not reply.recommendations and "no item number" not in reply.text
    assert reply.text.split()[0] in ("The", "Remote") and "1,499" in reply.text.split(";")[0], reply.text


def test_a_price_question_on_a_catalogue_without_prices_says_so_in_any_direction(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("show me handbags", session_id="noprice")
    reply = fashion_chatrec.respond("which one is the most expensive?", session_id="noprice")
    assert "no prices" in reply.text and "cheaper" not in reply.text


def test_a_budget_is_not_given_up_when_every_item_within_it_was_seen(electronics_chatrec: ChatRec) -> None:
    electronics_chatrec.respond("show me hdmi cables below 240", session_id="budget")  # 3 in the fixture
    for _ in range(2):
        reply = electronics_chatrec.respond("got more of those?", session_id="budget")
        prices = [electronics_chatrec.item(r.item_id).price or 0.0 for r in reply.recommendations]
        assert prices and all(p <= 240 for p in prices), (prices, reply.text)
    assert "already seen" in reply.text


def test_a_budget_named_when_every_item_within_it_was_seen_shows_them_again(electronics_chatrec: ChatRec) -> None:
    first = electronics_chatrec.respond("show me Acer televisions", session_id="narrow")  # 4 in the fixture
    assert first.recommendations
    reply = electronics_chatrec.respond("only ones below 12000", session_id="narrow")
    brands = {electronics_chatrec.item(r.item_id).brand for r in reply.recommendations}
    prices = [electronics_chatrec.item(r.item_id).price or 0.0 for r in reply.recommendations]
    assert brands == {"Acer"} and all(p <= 12_000 for p in prices), (brands, prices, reply.text)


def test_the_spanish_offer_to_put_a_wish_back_keeps_the_conversation_in_spanish(fashion_chatrec: ChatRec) -> None:
    first = fashion_chatrec.respond("muéstrame relojes de mujer en rojo", session_id="es-back")  # none red
    assert first.recommendations and "rojo" in first.text and "«recupéralo»" in first.text
    reply = fashion_chatrec.respond("recupéralo", session_id="es-back")
    assert not reply.text.startswith(("Here", "I found")), reply.text
    assert not reply.recommendations and "rojo" in reply.text


def test_unisex_items_come_before_leaving_out_whom_the_items_are_for(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("I need a backpack for my sister, show me some", session_id="unisex")
    genders = set(_values(fashion_chatrec, reply, "gender"))
    assert genders == {"Unisex"} and set(_values(fashion_chatrec, reply, "articleType")) == {"Backpacks"}
    assert "Unisex" in reply.text and "left out" not in reply.text


def test_men_are_not_shown_when_a_womans_unisex_options_remain_after_rejecting(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("wallets for women please, show me", session_id="reject-unisex")  # 2 + 2 unisex
    reply = fashion_chatrec.respond("nah, none of those", session_id="reject-unisex")
    assert "Unisex" in reply.text
    assert reply.recommendations and set(_values(fashion_chatrec, reply, "gender")) <= {"Women", "Unisex"}


@pytest.mark.parametrize("follow_up", ["any more?", "还有别的吗", "noch mehr bitte"])
def test_a_bare_follow_up_asking_for_more_shows_more_of_the_same(electronics_chatrec: ChatRec, follow_up: str) -> None:
    first = electronics_chatrec.respond("show me usb cables", session_id=follow_up)
    reply = electronics_chatrec.respond(follow_up, session_id=follow_up)
    assert reply.recommendations and reply.question is None
    assert {electronics_chatrec.item(r.item_id).category for r in reply.recommendations} == {"USBCables"}
    assert not {r.item_id for r in reply.recommendations} & {r.item_id for r in first.recommendations}
