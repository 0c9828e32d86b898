"""The failure classes of blind set 31 (issue 12), each on wording that is none of the set's
sentences, on the real demo catalogues' vocabularies (chatrec.plain_shoppers)."""

from __future__ import annotations

import pytest

from tests.demo_reading import read as _read

MICE = ("B01J0XWYKQ", "B009VCGPSY", "B01HJI0FS2")  # Logitech ₹599, HP ₹269, Dell ₹299
PAIR = ("B0BBN4DZBD", "B0B3CPQ5PF")  # Redmi ₹6,499, OnePlus ₹28,999
PHONES = ("B0BBN4DZBD", "B0B3CPQ5PF", "B0BMGB3CH9")  # Redmi, OnePlus, Samsung
BAGS = ("3393", "5876", "8519", "9444")  # green, black, pink, blue handbags
TEES = ("1617", "1889", "1849")  # red, navy blue, white men's t-shirts


@pytest.mark.parametrize(
    ("text", "high"),
    [("a tv, quarter of a lakh at most", 25000), ("mouse under half a grand", 500),
     ("phone, three quarters of a lakh max", 75000), ("a kettle for quarter of a grand", 250),
     ("a tv for half a lakh", 50000)],
)
def test_a_fraction_of_a_money_unit_is_the_amount(catalogues, text: str, high: float) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.price is not None and heard.price.max == high


def test_one_and_a_half_units_stays_the_budget_parsers(catalogues) -> None:
    heard = _read(catalogues, "electronics", "a tv for one and a half lakh")
    assert heard.price is not None and heard.price.max == 150000


@pytest.mark.parametrize("text", ["they're a total rip off", "these would burn a hole in my pocket", "that's highway robbery"])
def test_an_idiom_for_too_expensive_asks_for_cheaper(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "refine"
    assert heard.relative_price == "cheaper"
    assert heard.include == {}  # "bank", "pocket": no product wish


@pytest.mark.parametrize("text", ["a kettle that won't cost a fortune", "earbuds that doesnt break the bank"])
def test_an_idiom_turned_round_is_cheap(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "recommend"
    assert heard.relative_price == "cheaper"


@pytest.mark.parametrize(
    ("text", "shown", "position"), [("more like the dearer of the two", PAIR, 2), ("the dearest mouse, similar ones", MICE, 1)]
)
def test_dear_is_expensive(catalogues, text: str, shown: tuple[str, ...], position: int) -> None:
    heard = _read(catalogues, "electronics", text, shown, current={"category": ["Smartphones"]})
    assert heard.intent == "more_like"
    assert [r.position for r in heard.references] == [position]
    assert heard.relative_price is None


@pytest.mark.parametrize(
    ("catalogue", "text", "wanted"),
    [
        ("fashion", "greenshirts for boys", {"baseColour": ["Green"], "category": ["Shirts"], "gender": ["Boys"]}),
        ("fashion", "pinkheels", {"baseColour": ["Pink"], "category": ["Heels"]}),
        ("electronics", "logitechkeyboard", {"brand": ["Logitech"], "category": ["Keyboards"]}),
    ],
)
def test_two_words_written_together_are_split(catalogues, catalogue: str, text: str, wanted: dict[str, list[str]]) -> None:
    assert _read(catalogues, catalogue, text).include == wanted


@pytest.mark.parametrize("text", ["honestly not loving any of them", "i didnt like any of those", "dont rate any of em"])
def test_liking_none_of_the_shown_items_is_a_rejection(catalogues, text: str) -> None:
    heard = _read(catalogues, "fashion", text, TEES, current={"category": ["Tshirts"]})
    assert heard.intent == "reject"
    assert heard.include == {} and heard.references == []


@pytest.mark.parametrize(("text", "position"), [("the blue sporty one, any more like it?", 4), ("the pink flowery one please, similar", 3)])
def test_a_describing_word_between_a_value_and_one_is_left_out(catalogues, text: str, position: int) -> None:
    heard = _read(catalogues, "fashion", text, BAGS, current={"category": ["Handbags"]})
    assert heard.intent == "more_like"
    assert [r.position for r in heard.references] == [position]
    assert heard.include == {}


@pytest.mark.parametrize(
    "text", ["wanna play a game? you be the shopkeeper", "you're a wizard and i am your apprentice, go", "let's roleplay, i'm the king"]
)
def test_a_role_play_game_is_off_topic(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent == "off_topic"


def test_a_role_play_game_with_a_wish_keeps_the_wish(catalogues) -> None:
    heard = _read(catalogues, "fashion", "lets play a game: find me red heels")
    assert heard.include == {"baseColour": ["Red"], "category": ["Heels"]}


@pytest.mark.parametrize("text", ["cheerio then", "right, gotta go, cheers", "ttyl hun xx", "speak soon mate"])
def test_a_goodbye_is_chitchat(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "chitchat"
    assert heard.include == {} and heard.references == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("a kettle in the region of 1000", 800, 1200), ("a router, 2000 give or take", 1600, 2400),
     ("earbuds for 1500-ish", 1200, 1800), ("a mixer grinder, 2500 odd", 2000, 3000)],
)
def test_approximate_wording_is_about_the_amount(catalogues, text: str, low: float, high: float) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.price is not None and (heard.price.min, heard.price.max) == (low, high)


@pytest.mark.parametrize("text", ["2 odd socks", "5 odd pairs of socks"])
def test_approximate_wording_after_a_small_number_is_no_budget(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).price is None


def test_the_end_of_a_range_keeps_the_range(catalogues) -> None:
    heard = _read(catalogues, "electronics", "a phone, around 8-10k give or take")
    assert heard.price is not None and (heard.price.min, heard.price.max) == (8000, 10000)


@pytest.mark.parametrize(
    ("text", "high"),
    [("1200 is my absolute max for a kettle", 1200), ("3k is the limit, earbuds", 3000),
     ("an iron for a couple of grand", 2000), ("earbuds for three grand", 3000),
     ("a kettle nothing pricier than 900", 900), ("a mouse less expensive than 500", 500)],
)
def test_a_cap_said_another_way_is_the_highest_price(catalogues, text: str, high: float) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.price is not None and heard.price.max == high and heard.price.min is None


@pytest.mark.parametrize(
    ("text", "position"),
    [("this 3rd phone, any like it?", 3), ("no. two looks good, similar", 2), ("the third from the end, similar ones", 1),
     ("second from last, more like it", 2)],
)
def test_other_ways_of_naming_a_position(catalogues, text: str, position: int) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "more_like"
    assert [r.position for r in heard.references] == [position]


@pytest.mark.parametrize(
    ("text", "positions"),
    [("everything except the oneplus, more like them", [1, 3]), ("all bar the last one, similar please", [1, 2])],
)
def test_every_shown_item_but_one(catalogues, text: str, positions: list[int]) -> None:
    heard = _read(catalogues, "electronics", text, PHONES, current={"category": ["Smartphones"]})
    assert heard.intent == "more_like"
    assert [r.position for r in heard.references] == positions


def test_all_but_a_brand_without_more_like_stays_a_negation(catalogues) -> None:
    heard = _read(catalogues, "electronics", "anything but samsung", PHONES, current={"category": ["Smartphones"]})
    assert heard.exclude == {"brand": ["Samsung"]}



# End to end through ChatRec.respond on the demo fixtures.

def test_half_a_grand_shows_items_within_500(electronics_chatrec) -> None:
    reply = electronics_chatrec.respond("usb cables, half a grand max, just show me", session_id="half")
    items = [electronics_chatrec.item(r.item_id) for r in reply.recommendations]
    assert items and all(item.price is not None and item.price <= 500 for item in items)


def test_liking_none_of_the_shown_items_shows_other_items(fashion_chatrec) -> None:
    first = fashion_chatrec.respond("watches for men, just show me", session_id="none")
    assert first.recommendations
    reply = fashion_chatrec.respond("nah not feeling any of them", session_id="none")
    assert reply.metadata["understood"]["intent"] == "reject"
    before = {r.item_id for r in first.recommendations}
    assert reply.recommendations and not before & {r.item_id for r in reply.recommendations}


def test_a_goodbye_during_a_search_shows_no_items(fashion_chatrec) -> None:
    fashion_chatrec.respond("red tshirts, just show me", session_id="bye")
    reply = fashion_chatrec.respond("ta ra then, cheers", session_id="bye")
    assert reply.metadata["understood"]["intent"] == "chitchat"
    assert not reply.recommendations


@pytest.mark.parametrize(
    "text", ["could you rap for me", "will u dance", "r u even real", "are you siri", "got any showrooms in pune?",
             "where's your warehouse"],
)
def test_asking_the_assistant_to_perform_or_what_it_is_or_where_the_shop_is_is_off_topic(catalogues, text: str) -> None:
    heard = _read(catalogues, "electronics", text)
    assert heard.intent == "off_topic"
    assert heard.include == {}


def test_a_wish_beside_such_a_question_is_kept(catalogues) -> None:
    heard = _read(catalogues, "electronics", "do you have a smartwatch under 2000")
    assert heard.intent == "recommend"
    assert heard.include == {"category": ["SmartWatches"]}


@pytest.mark.parametrize("text", ["never mind", "oops wrong person", "love u lol"])
def test_a_remark_closing_a_thought_is_chitchat(catalogues, text: str) -> None:
    assert _read(catalogues, "fashion", text).intent == "chitchat"
