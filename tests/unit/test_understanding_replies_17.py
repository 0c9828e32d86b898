"""Classes of informal English fixed in the rules (issue 12, held-out set 17), checked end to end:
``ChatRec.respond`` on the fashion fixture and the priced electronics rows shows the right items
and says the right thing, not only the parsed request."""

from __future__ import annotations



from chatrec import ChatRec
from tests.demo_reading import shown_attributes as _attributes


def test_shorthand_request_shows_the_items_it_stands_for(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("blk tshirt 4 him pls", session_id="short")
    if not reply.recommendations:
        reply = fashion_chatrec.respond("just show me", session_id="short")
    shown = _attributes(fashion_chatrec, reply)
    assert shown and all(a["articleType"] == "Tshirts" and a["gender"] == "Men" and a["baseColour"] == "Black" for a in shown)


def test_a_dislike_replaces_the_items_shown(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("handbags for women", session_id="meh")
    first = fashion_chatrec.respond("just show me", session_id="meh")
    assert first.recommendations
    reply = fashion_chatrec.respond("meh", session_id="meh")
    assert reply.metadata["understood"]["intent"] == "reject"
    before = {r.item_id for r in first.recommendations}
    assert reply.recommendations and not before & {r.item_id for r in reply.recommendations}
    assert all(a["articleType"] == "Handbags" for a in _attributes(fashion_chatrec, reply))


def test_code_in_a_message_gets_no_items(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("'; DROP TABLE products; --", session_id="sql")
    assert not reply.recommendations and "only help with shopping" in reply.text


def test_half_the_price_of_a_shown_item_bounds_the_next_items(electronics_chatrec: ChatRec) -> None:
    first = electronics_chatrec.respond("usb cables, just show me", session_id="half")
    assert first.recommendations
    priciest = max(electronics_chatrec.item(r.item_id).price or 0 for r in first.recommendations)
    position = 1 + [electronics_chatrec.item(r.item_id).price or 0 for r in first.recommendations].index(priciest)
    ordinal = ["first", "second", "third", "fourth", "fifth"][position - 1]
    reply = electronics_chatrec.respond(f"my budget is half of what the {ordinal} one costs", session_id="half")
    prices = [electronics_chatrec.item(r.item_id).price for r in reply.recommendations]
    assert prices and all(p is not None and p <= priciest / 2 for p in prices)
    assert all(electronics_chatrec.item(r.item_id).attributes.get("category") == "USBCables" for r in reply.recommendations) \
        or all("cable" in electronics_chatrec.item(r.item_id).title.lower() for r in reply.recommendations)


def test_comparing_two_positions_by_number_names_both_items(electronics_chatrec: ChatRec) -> None:
    first = electronics_chatrec.respond("usb cables, just show me", session_id="cmp")
    assert len(first.recommendations) >= 3
    reply = electronics_chatrec.respond("whats the diff between 1 and 3", session_id="cmp")
    assert reply.metadata["understood"]["intent"] == "compare"
    names = [electronics_chatrec.item(first.recommendations[i].item_id).title.split()[0] for i in (0, 2)]
    assert all(name in reply.text for name in names)


def test_shock_at_the_prices_shows_cheaper_items(electronics_chatrec: ChatRec) -> None:
    first = electronics_chatrec.respond("smart watches, just show me", session_id="omg")
    assert first.recommendations
    dearest = max(electronics_chatrec.item(r.item_id).price or 0 for r in first.recommendations)
    reply = electronics_chatrec.respond("omg these prices", session_id="omg")
    assert reply.metadata["understood"]["relative_price"] == "cheaper"
    prices = [electronics_chatrec.item(r.item_id).price for r in reply.recommendations]
    assert prices and all(p is not None and p < dearest for p in prices)


def test_minus_the_colour_ones_leaves_that_colour_out(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("handbags for women", session_id="minus")
    first = fashion_chatrec.respond("just show me", session_id="minus")
    colours = {a["baseColour"] for a in _attributes(fashion_chatrec, first)}
    assert colours
    colour = sorted(colours)[0]
    reply = fashion_chatrec.respond(f"minus the {colour.lower()} ones", session_id="minus")
    shown = _attributes(fashion_chatrec, reply)
    assert shown and all(a["baseColour"] != colour and a["articleType"] == "Handbags" for a in shown)
    assert f"not {colour}" in reply.text


def test_a_personal_question_to_the_assistant_gets_no_items(fashion_chatrec: ChatRec) -> None:
    reply = fashion_chatrec.respond("u single?", session_id="single")
    assert not reply.recommendations and "only help with shopping" in reply.text


def test_all_caps_with_ellipses_keeps_the_budget(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("PLEASE SHOW ME USB CABLES... NOT MORE THAN 300 RUPEES... THANK YOU", session_id="caps")
    if not reply.recommendations:
        reply = electronics_chatrec.respond("just show me", session_id="caps")
    prices = [electronics_chatrec.item(r.item_id).price for r in reply.recommendations]
    assert prices and all(p is not None and p <= 300 for p in prices)


def test_these_once_more_shows_the_same_items_again(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("watches for women", session_id="again")
    assert fashion_chatrec.respond("just show me", session_id="again").recommendations
    second = fashion_chatrec.respond("something else", session_id="again")
    reply = fashion_chatrec.respond("show me those once more", session_id="again")
    assert reply.metadata["understood"]["intent"] == "show_again"
    assert second.recommendations  # the items on screen come back, not new ones
    assert {r.item_id for r in reply.recommendations} == {r.item_id for r in second.recommendations}
