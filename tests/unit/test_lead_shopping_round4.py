"""Found by shopping the demos as a customer (lead, session of 2026-12-01): a follow-up that asks the last
question of other items, Chinese numbers in specs, a related word said whole, and a description
without the shop's groupings."""

from __future__ import annotations

import pytest

from chatrec.answers import answer_question, resolve_question
from chatrec.catalog import Item
from chatrec.ellipsis import earlier_question, is_elliptical
from chatrec.recommender import ChatRec
from chatrec.sessions import Turn
from chatrec.spec_filters import read_bounds
from chatrec.specs import han_spec_digits, specs

PHONE = Item(id="p", title="Acme Phone X (Black, 6GB RAM, 128GB Storage) 5G Ready", category="Smartphones", brand="Acme",
             price=12999.0, currency="INR",
             attributes={"department": "Electronics", "subcategory": "Mobiles&Accessories", "list_price": "₹15,999",
                         "rating": 4.2})
BUDS = Item(id="b", title="Acme Buds TWS Bluetooth Earbuds, IPX5 Water Resistant", category="In-Ear", brand="Acme",
            price=999.0, currency="INR")


@pytest.mark.parametrize(("message", "language"), [
    ("and the third one?", "en"),
    ("what about the last two", "en"),
    ("how about the others?", "en"),
    ("same for the fourth", "en"),
    ("the 2nd one too?", "en"),
    ("第三个呢？", "zh"),
    ("那最后一个呢", "zh"),
    ("¿y el tercero?", "es"),
    ("¿qué tal los otros?", "es"),
    ("und das dritte?", "de"),
    ("und was ist mit dem letzten?", "de"),
])
def test_a_follow_up_that_only_points_at_items_repeats_the_last_question(message: str, language: str) -> None:
    assert resolve_question(message, language, "does it have bluetooth?") == "does it have bluetooth?"


@pytest.mark.parametrize(("message", "language"), [
    ("and the third one, is it waterproof?", "en"),
    ("what about the price of the last one", "en"),
    ("tell me about the second one", "en"),
    ("the second one", "en"),
    ("第三个多少钱呢", "zh"),
    ("¿y el tercero es negro?", "es"),
    ("und das dritte in rot?", "de"),
])
def test_a_follow_up_with_a_question_of_its_own_is_that_question(message: str, language: str) -> None:
    assert resolve_question(message, language, "does it have bluetooth?") == message
    assert resolve_question("and the second?", language, None) == "and the second?"  # nothing asked before


def test_the_question_repeated_is_the_one_the_last_reply_answered() -> None:
    answered = Turn("assistant", "No.", {"answered": "does the first one have 5g?"}, 0.0)
    shown = Turn("assistant", "Here are 5 phones.", {"recommendations": ["a"]}, 0.0)
    customer = Turn("customer", "and the second?", {}, 0.0)
    assert earlier_question([shown, customer, answered]) == "does the first one have 5g?"
    assert earlier_question([answered, customer, shown]) is None  # items came after it: nothing to repeat
    assert is_elliptical("and the second?", []) and not is_elliptical("and the second in red?", ["red"])


@pytest.mark.parametrize(("first", "follow_up", "repeated"), [
    ("does the first one have bluetooth?", "and the second?", "bluetooth"),
    ("第一个有蓝牙吗", "那第二个呢", "蓝牙"),
    ("¿el primero tiene bluetooth?", "¿y el segundo?", "bluetooth"),
])
def test_a_follow_up_in_a_conversation_answers_the_same_question_of_the_item_it_names(
        electronics_chatrec: ChatRec, first: str, follow_up: str, repeated: str) -> None:
    session = f"ellipsis-{first}"
    electronics_chatrec.respond("show me earphones", session_id=session)
    electronics_chatrec.respond(first, session_id=session)
    reply = electronics_chatrec.respond(follow_up, session_id=session)
    assert reply.metadata["answer"]["positions"] == [2]
    assert repeated in reply.text.lower() and "department" not in reply.text and "部门" not in reply.text
    again = electronics_chatrec.respond("and the third one?", session_id=session)  # a follow-up of the follow-up
    assert again.metadata["answer"]["positions"] == [3] and repeated in again.text.lower()


@pytest.mark.parametrize(("text", "expected"), [
    ("两万毫安的", {(20000.0, "mah")}),
    ("一万毫安的充电宝", {(10000.0, "mah")}),
    ("1.5万毫安", {(15000.0, "mah")}),
    ("五十五寸的电视", {(55.0, "inch")}),
    ("三十二英寸", {(32.0, "inch")}),
    ("一个充电宝", set()),  # a measure word, no spec
])
def test_chinese_numbers_before_a_unit_are_specs(text: str, expected: set[tuple[float, str]]) -> None:
    assert specs(text) == expected


def test_chinese_spec_bounds_read_at_least_and_exact() -> None:
    assert read_bounds("至少一万毫安") == {"mah": (10000.0, None)}
    assert read_bounds("两万毫安的") == {"mah": (20000.0, 20000.0)}
    assert han_spec_digits("一台电视") == "一台电视"


def test_a_description_leaves_out_the_shops_groupings_and_names_its_numbers() -> None:
    text = answer_question("tell me about it", [PHONE]).text
    assert "department" not in text and "subcategory" not in text and "list price" not in text
    assert "rating 4.2" in text and "12,999 INR" in text


@pytest.mark.parametrize("question", ["is the 1st sweatproof?", "is it sweat resistant?", "is it sweat-proof?"])
def test_sweat_questions_quote_the_water_resistance_the_name_states(question: str) -> None:
    text = answer_question(question, [BUDS]).text
    assert "IPX5" in text or "Water Resistant" in text
    assert "1st" not in text


def test_show_me_more_keeps_whom_it_is_for_when_the_colour_left_out_matches_nothing(fashion_chatrec: ChatRec) -> None:
    # the fashion fixture has men's kurtas but no yellow one; its women's kurtas include yellow ones
    session = "kurta-more"
    for message in ("kurtas for men", "any in yellow"):
        reply = fashion_chatrec.respond(message, session_id=session)
    assert reply.recommendations and all(r.attributes.get("gender") == "Men" for r in reply.recommendations)
    for message in ("show me more", "more please", "muéstrame más"):
        reply = fashion_chatrec.respond(message, session_id=session)
        assert reply.recommendations
        assert all(r.attributes.get("gender") == "Men" for r in reply.recommendations), reply.text
        assert "Yellow" in reply.text or "Amarillo" in reply.text or "amarillo" in reply.text


def test_a_word_read_as_a_value_left_out_is_no_word_to_find_in_names(fashion_chatrec: ChatRec) -> None:
    session = "less-formal"
    fashion_chatrec.respond("show me dresses", session_id=session)
    reply = fashion_chatrec.respond("something less formal", session_id=session)
    assert "mentions “formal”" not in reply.text and reply.recommendations
    reply = fashion_chatrec.respond("do you have other colours?", session_id=session)
    assert "mentions “colours”" not in reply.text


@pytest.mark.parametrize(("first", "passed_over"), [
    ("I need something for a wedding", "I'm a guy"),
    ("a gift for my wife, she loves jewellery", "something under 1000?"),
    ("necesito algo para una boda", "soy hombre"),
    ("something nice for a beach holiday", "for women"),  # stop 46: words to search, no wish yet: items, not colour
    ("algo bonito para unas vacaciones en la playa", "para mujer"),
])
def test_a_question_passed_over_with_a_wish_of_its_own_shows_items(
        fashion_chatrec: ChatRec, first: str, passed_over: str) -> None:
    session = f"passed-{first}"
    opening = fashion_chatrec.respond(first, session_id=session)
    if opening.question is None:
        pytest.skip("the first message already showed items")
    reply = fashion_chatrec.respond(passed_over, session_id=session)
    assert reply.recommendations and reply.question is None, reply.text


@pytest.mark.parametrize("message", ["I want a gift for my wife", "a birthday present for my husband"])
def test_a_gift_is_no_word_the_quick_replies_must_hold(fashion_chatrec: ChatRec, message: str) -> None:
    reply = fashion_chatrec.respond(message, session_id=f"gift-{message}")
    if reply.question is not None:
        assert "Free Gifts" not in reply.question.options


def test_an_unwanted_word_keeps_out_every_form_of_it_in_names() -> None:
    from chatrec.turn import _stem
    assert _stem("stripes") == _stem("striped") == _stem("stripe")
    assert _stem("prints") == _stem("printed") and _stem("dresses") == _stem("dress")
    assert _stem("checks") == _stem("checked") and _stem("sequins") == _stem("sequined")


def test_not_stripes_leaves_out_striped_shirts(fashion_chatrec: ChatRec) -> None:
    session = "stripes"
    fashion_chatrec.respond("formal shirts for men", session_id=session)
    reply = fashion_chatrec.respond("not stripes", session_id=session)
    assert reply.recommendations and not any("stripe" in r.title.lower() for r in reply.recommendations)


def test_quick_reply_mobile_pouch_in_chinese_reads_back_to_its_value(fashion_chatrec: ChatRec) -> None:
    session = "pouch"
    fashion_chatrec.respond("我想给女朋友买个包", session_id=session)
    reply = fashion_chatrec.respond("手机袋", session_id=session)
    assert reply.recommendations and all("pouch" in r.title.lower() for r in reply.recommendations)


def test_off_topic_reply_names_product_kinds_in_the_shoppers_language(electronics_chatrec: ChatRec) -> None:
    reply = electronics_chatrec.respond("今天天气怎么样", session_id="zh-weather")
    assert "Remote controls" not in reply.text and "USB cables" not in reply.text


@pytest.mark.parametrize("message", ["busco un mando para la tele", "necesito mandos para el televisor"])
def test_a_mando_for_the_tv_is_a_remote(electronics_chatrec: ChatRec, message: str) -> None:
    reply = electronics_chatrec.respond(message, session_id=f"mando-{message}")
    assert reply.metadata["constraints"]["include"].get("category") == ["RemoteControls"], reply.text
    # i12ag: remotes are now shown at once (no brand question): each shown item is a remote
    assert all(electronics_chatrec.item(r.item_id).category == "RemoteControls" for r in reply.recommendations)
